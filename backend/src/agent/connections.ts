import { describeScope, missingScopes, SCOPE_CATALOG } from '../auth/scopeCatalog.js';
import { scopesForRequest } from '../providers/scopes.js';
import { PROVIDER_DISPLAY_NAME, type Provider, TOOL_PROVIDER, type Tool } from '../protocol/index.js';
import type { ProviderFailure } from '../providers/index.js';
import type { SessionContext } from '../server/handlers.js';
import type { LinkService } from '../server/links.js';
import type { PendingRequestRecord, PendingRequestStore } from '../store/vouchStore.js';
import { sendError } from './outcomes.js';

interface ConnectionGateDeps {
  links: LinkService;
  pending: PendingRequestStore;
  now: () => number;
  /** A request was parked by this socket (so an account linked elsewhere can resume it here). */
  onParked?: (ctx: SessionContext, requestId: string) => void;
}

/**
 * The connection gate: a request that needs an account the user has not linked is parked (per
 * user, by its transcript id) with a `connections_required` prompt, and resumes once linked.
 */
export class ConnectionGate {
  constructor(private readonly deps: ConnectionGateDeps) {}

  /** Providers the request needs that Token Vault does not (yet) hold an account for. */
  async missing(ctx: SessionContext, tools: readonly Tool[]): Promise<Provider[]> {
    const providers = [...new Set(tools.map((t) => TOOL_PROVIDER[t]))];
    const missing: Provider[] = [];
    for (const p of providers) {
      if (await this.deps.links.isLinked(ctx.user.sub, p)) continue;
      const check = await this.deps.links.check(ctx.user.sub, ctx.accessToken, p);
      if (!check.linked) missing.push(p);
    }
    return missing;
  }

  /**
   * Parks the request and asks to connect, listing only the scopes this request needs (incremental
   * consent): its tools' read scopes, plus their write scopes when it ends in a write; or exactly
   * `opts.scopes` when a grant lacked those.
   */
  /**
   * Linked providers whose grant lacks scopes this request needs (a read-only connect, then a write):
   * Token Vault's exchange takes no scope, so the grant recorded at connect bounds every call. An
   * unknown grant (no scopes recorded) is left to the call itself.
   */
  async lacking(
    ctx: SessionContext,
    tools: readonly Tool[],
    opts: { write: boolean; draftKinds?: readonly string[] },
  ): Promise<{ provider: Provider; scopes: string[] } | undefined> {
    const needed = scopesForRequest(tools, opts);
    for (const link of await this.deps.links.list(ctx.user.sub)) {
      const granted = link.scopes.map((s) => s.scope);
      if (granted.length === 0) continue;
      const mine = needed.filter((scope) => SCOPE_CATALOG.find((s) => s.scope === scope)?.provider === link.provider);
      const lacking = missingScopes(mine, granted);
      if (lacking.length) return { provider: link.provider, scopes: lacking };
    }
    return undefined;
  }

  async require(
    ctx: SessionContext,
    requestId: string,
    transcript: string,
    providers: Provider[],
    tools: readonly Tool[],
    opts: { write?: boolean; scopes?: readonly string[]; reason?: string } = {},
  ): Promise<void> {
    await this.deps.pending.savePending({
      id: requestId,
      sub: ctx.user.sub,
      transcript,
      providers,
      createdAt: new Date(this.deps.now()).toISOString(),
    });
    this.deps.onParked?.(ctx, requestId);
    const names = providers.map((p) => PROVIDER_DISPLAY_NAME[p]).join(' and ');
    ctx.send({
      type: 'connections_required',
      request_id: requestId,
      providers,
      reason:
        opts.reason ??
        `To answer this, Vouch needs access to your ${names} account. You choose what to allow; Vouch never sees your password.`,
      scopes: (opts.scopes?.length ? opts.scopes : scopesForRequest(tools, { write: opts.write ?? false }))
        .map((scope) => ({ scope, provider: SCOPE_CATALOG.find((s) => s.scope === scope)?.provider }))
        .filter((s): s is { scope: string; provider: Provider } => !!s.provider && providers.includes(s.provider))
        .map((s) => ({ provider: s.provider, scope: s.scope, description: describeScope(s.scope) })),
    });
  }

  /** Maps a provider failure onto what the person sees; a vanished link becomes a connect prompt. */
  async reportFailure(
    ctx: SessionContext,
    requestId: string,
    transcript: string,
    tools: readonly Tool[],
    f: ProviderFailure,
    opts: { write?: boolean } = {},
  ): Promise<boolean> {
    if (f.code === 'FEDERATED_TOKEN_NOT_IN_VAULT') {
      await this.deps.links.forget(ctx.user.sub, f.provider);
      await this.require(ctx, requestId, transcript, [f.provider], tools, opts);
      return true;
    }
    if (f.code === 'INSUFFICIENT_SCOPE') {
      // Reconnecting asks for what this request lacks on top of the grant (the scopes it needs as a fallback).
      const lacking = f.missingScopes?.length ? f.missingScopes : scopesForRequest(tools, { write: opts.write ?? false });
      await this.require(ctx, requestId, transcript, [f.provider], tools, {
        ...opts,
        scopes: lacking,
        reason: morePermissionsReason(lacking),
      });
      return true;
    }
    sendError(ctx, f.code, f.message, { request_id: requestId, provider: f.provider });
    return false;
  }

  clear(sub: string, requestId: string): Promise<boolean> {
    return this.deps.pending.deletePending(sub, requestId);
  }

  /**
   * Parked requests of this user whose accounts are all linked now (only those `only` accepts, if
   * given), taken off the list to resume: the delete succeeds for one caller on any instance.
   */
  async takeResumable(sub: string, only?: (requestId: string) => boolean): Promise<PendingRequestRecord[]> {
    const out: PendingRequestRecord[] = [];
    for (const p of await this.deps.pending.listPending(sub)) {
      if (only && !only(p.id)) continue;
      let linked = true;
      for (const prov of p.providers) linked &&= await this.deps.links.isLinked(sub, prov);
      if (linked && (await this.deps.pending.deletePending(sub, p.id))) out.push(p);
    }
    return out;
  }
}

/** Why a connected account is asked again: the permissions it lacks, in the words the consent page uses. */
export function morePermissionsReason(scopes: readonly string[]): string {
  const words = scopes.map((s) => describeScope(s).replace(/^\w/, (c) => c.toLowerCase()));
  if (words.length === 0) return 'Vouch needs one more permission for this. Connect the account again to grant it.';
  if (words.length === 1) return `Vouch needs one more permission for this: ${words[0]}. Connect the account again to grant it.`;
  return `Vouch needs ${words.length} more permissions for this: ${words.slice(0, -1).join(', ')} and ${words.at(-1)}. Connect the account again to grant them.`;
}
