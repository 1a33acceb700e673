import type { AuditTrail } from '../audit/index.js';
import type { EventBus } from '../events/eventBus.js';
import type { Logger } from '../log.js';
import type { Provider, ServerFrame } from '../protocol/index.js';
import type { SessionContext } from '../server/handlers.js';
import type { LinkService } from '../server/links.js';
import type { PendingRequestStore, TranscriptLedger } from '../store/vouchStore.js';
import { ConnectionGate } from './connections.js';
import { sendError } from './outcomes.js';

/** Several instances: the bus that carries links between them and the shared transcript ledger. */
export interface SharedAgentState {
  events: EventBus;
  transcripts: TranscriptLedger;
}

interface ResumerDeps {
  links: LinkService;
  pending: PendingRequestStore;
  toUser: (sub: string, frame: ServerFrame) => void;
  audit: AuditTrail;
  logger: Logger;
  shared?: SharedAgentState;
  /** Answers a (resumed) request on a socket. */
  answer: (ctx: SessionContext, requestId: string, transcript: string) => Promise<void>;
  now: () => number;
}

/**
 * Requests waiting for an account link, and their resume: on the socket that linked, on the user's
 * next session, or — with several instances — on the socket of whichever instance parked them. The
 * connection gate that parks them is this unit's own (`gate`), so it reports each parked request here.
 */
export class Resumer {
  // Requests parked by this instance's sockets, so a link made through another instance resumes them here.
  private readonly parkedHere = new Map<string, SessionContext>();
  readonly gate: ConnectionGate;

  constructor(private readonly deps: ResumerDeps) {
    this.gate = new ConnectionGate({
      links: deps.links,
      pending: deps.pending,
      now: deps.now,
      onParked: (ctx, id) => this.onParked(ctx, id),
    });
    deps.shared?.events.subscribe('account_connected', (e) => {
      void this.resumeParkedHere(e.user).catch((err: unknown) =>
        deps.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'resuming parked requests failed'),
      );
    });
  }

  /** The gate's `onParked` hook: remembers which socket parked a request (several instances only). */
  private onParked(ctx: SessionContext, id: string): void {
    if (!this.deps.shared) return;
    this.parkedHere.set(parkKey(ctx.user.sub, id), ctx);
    if (this.parkedHere.size > 10_000) this.parkedHere.delete(this.parkedHere.keys().next().value!);
  }

  async resumeParked(ctx: SessionContext): Promise<void> {
    for (const p of await this.gate.takeResumable(ctx.user.sub)) {
      this.deps.logger.info({ request: p.id }, 'resuming a pending request');
      await this.deps.answer(ctx, p.id, p.transcript);
    }
  }

  /** The app says an account was linked: check it with Token Vault, tell the app, resume what waited for it. */
  async accountConnected(ctx: SessionContext, provider: Provider): Promise<void> {
    const { deps } = this;
    const check = await deps.links.check(ctx.user.sub, ctx.accessToken, provider, { fresh: true });
    await deps.audit.note(ctx.user.sub, {
      kind: 'token_exchange',
      data: { purpose: 'link_check', provider, outcome: check.linked ? 'issued' : check.error.code },
    });
    deps.toUser(ctx.user.sub, { type: 'providers_updated', providers: await deps.links.list(ctx.user.sub) });
    if (!check.linked) return sendError(ctx, check.error.code, check.error.message, { provider });
    if (!deps.shared) return this.resumeParked(ctx);
    // Requests parked here (by any of the user's sockets, this one included) resume on their socket;
    // every other instance does the same for its own when the event reaches it.
    await this.resumeParkedHere(ctx.user.sub, ctx);
    await deps.shared.events.publish({
      type: 'account_connected',
      user: ctx.user.sub,
      provider,
      connection: deps.links.connections[provider],
    });
  }

  private async resumeParkedHere(sub: string, fallback?: SessionContext): Promise<void> {
    const mine = (id: string) => this.parkedHere.has(parkKey(sub, id));
    for (const p of await this.gate.takeResumable(sub, mine)) {
      const parker = this.parkedHere.get(parkKey(sub, p.id));
      this.parkedHere.delete(parkKey(sub, p.id));
      const ctx = parker?.isOpen?.() !== false ? parker : fallback;
      if (!ctx) {
        // Its socket is gone: back on the list for the user's next session.
        await this.deps.pending.savePending(p);
        continue;
      }
      this.deps.logger.info({ request: p.id }, 'resuming a pending request parked on this instance');
      await this.deps.answer(ctx, p.id, p.transcript);
    }
  }
}

const parkKey = (sub: string, id: string) => `${sub}\u0000${id}`;

/**
 * Transcript ids already answered, so a frame the app resends after a reconnect is answered once:
 * in memory per user (bounded), or in the shared ledger when several instances serve the user.
 */
export class TranscriptDeduper {
  private readonly handled = new Map<string, Set<string>>();

  constructor(
    private readonly ledger: TranscriptLedger | undefined,
    private readonly now: () => number,
  ) {}

  async firstTime(sub: string, id: string): Promise<boolean> {
    if (this.ledger) return this.ledger.markTranscript(sub, id, this.now());
    const seen = this.handled.get(sub) ?? new Set<string>();
    this.handled.set(sub, seen);
    if (seen.has(id)) return false;
    seen.add(id);
    if (seen.size > 500) seen.delete(seen.values().next().value!);
    return true;
  }
}
