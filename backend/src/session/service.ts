import type { AuditFn } from '../agent/outcomes.js';
import type { VerifiedUser } from '../auth/jwt.js';
import type { DraftService } from '../drafts/index.js';
import type { BusEvent } from '../events/eventBus.js';
import type { LinkedProvider, Provider, ServerFrame } from '../protocol/index.js';
import type { LinkService } from '../server/links.js';
import type { UserStore } from '../store/vouchStore.js';

interface SessionServiceDeps {
  users: UserStore;
  links: LinkService;
  drafts: DraftService;
  /** Stops this user's step-up waits and resolves once none of them can still write. */
  abortApprovals: (sub: string) => Promise<void>;
  /** Forgets the user's cached Token Vault tokens. */
  clearTokens: (sub: string) => void;
  /** Frees a socket's short-term conversation. */
  endConversation: (sessionId: string) => void;
  toUser: (sub: string, frame: ServerFrame) => void;
  audit: AuditFn;
  /** Tells the other instances (logout and revoke must reach the user's work everywhere). */
  announce?: (event: BusEvent) => void;
}

/**
 * What a signed-in session may do besides talking to the agent: sign in, list and revoke linked
 * accounts, and log out. Logging out ends everything the user had in flight: no approval given on
 * the phone afterwards can still send anything.
 */
export class SessionService {
  constructor(private readonly deps: SessionServiceDeps) {}

  async signedIn(user: VerifiedUser, timezone: string): Promise<LinkedProvider[]> {
    await this.deps.users.upsertUser({ sub: user.sub, email: user.email, name: user.name, timezone });
    return this.deps.links.list(user.sub);
  }

  scopes(sub: string): Promise<LinkedProvider[]> {
    return this.deps.links.list(sub);
  }

  async revoke(sub: string, provider: Provider): Promise<void> {
    this.deps.audit(sub, { kind: 'revoke', data: { provider } });
    await this.deps.links.forget(sub, provider);
    this.deps.announce?.({ type: 'provider_revoked', user: sub, provider, connection: this.deps.links.connections[provider] });
    this.deps.toUser(sub, { type: 'providers_updated', providers: await this.deps.links.list(sub) });
  }

  /** A socket closed (any way): what it held in memory for the conversation goes with it. */
  closed(sessionId: string): void {
    this.deps.endConversation(sessionId);
  }

  async logout(sub: string, sessionId: string): Promise<void> {
    // Drafts first, so an approval that lands while the waits stop finds nothing to execute.
    const cancelled = await this.deps.drafts.cancelAll(sub);
    await this.deps.abortApprovals(sub);
    for (const id of cancelled)
      this.deps.toUser(sub, { type: 'action_result', draft_id: id, status: 'cancelled', detail: 'Signed out, so this was cancelled.' });
    this.deps.clearTokens(sub);
    this.deps.announce?.({ type: 'user_logged_out', user: sub });
    this.deps.endConversation(sessionId);
    this.deps.audit(sub, {
      kind: 'session',
      data: { event: 'logout', ...(cancelled.length ? { cancelled_drafts: cancelled.length } : {}) },
    });
  }
}
