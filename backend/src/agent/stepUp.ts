import { randomUUID } from 'node:crypto';
import { AuditUnavailableError, type AuditTrail } from '../audit/index.js';
import type { CibaClient, CibaStart } from '../auth/ciba.js';
import { contentCode, draftContentSha256, type ApprovalEnd, type DraftService } from '../drafts/index.js';
import type { Logger } from '../log.js';
import { actionFromDraft, buildBindingMessage, toRiskSummary, type PolicyDecision } from '../policy/index.js';
import type { Draft } from '../protocol/index.js';
import type { SessionContext } from '../server/handlers.js';
import type { ApprovalRecord, DraftRecord } from '../store/vouchStore.js';
import { reportState, resultFrame, sendError, type UserSend } from './outcomes.js';
import { writeRefs, type Writer } from './write.js';

interface StepUpDeps {
  drafts: DraftService;
  ciba: Pick<CibaClient, 'start' | 'waitForDecision'>;
  writer: Writer;
  toUser: UserSend;
  audit: AuditTrail;
  logger: Logger;
  /** The user's own email domain: the phone names every recipient outside it. */
  userDomain?: (sub: string) => Promise<string>;
  /** This instance's id: the owner written on the leases it holds. */
  instanceId?: string;
  /** How long a lease on a phone request holds without renewal (renewed at a third of it). */
  leaseMs?: number;
  now?: () => number;
}

interface Waiter {
  sub: string;
  draftId: string;
  controller: AbortController;
  settled: Promise<void>;
  /** Set when the lease went to another instance: this wait stops without touching the approval. */
  leaseLost?: boolean;
}

const DEFAULT_LEASE_MS = 30_000;

/**
 * Step-up through CIBA. The approval is stored (bound to the content's SHA-256) before the phone is
 * asked; the wait runs beside the socket's frame queue so the person can still cancel, and only an
 * approval of exactly that content moves the draft to `executing`.
 *
 * Durable across instances: the instance polling a phone request holds a lease on its row and
 * renews it while it waits. If that instance dies, the lease lapses and whichever instance the
 * user's app is connected to (it brings the access token the write needs) takes it and finishes;
 * the approval's compare-and-set means the draft is sent once whoever polls.
 */
export class StepUp {
  private readonly waiting = new Map<string, Waiter>();
  private readonly retries = new Map<string, ReturnType<typeof setTimeout>>();
  private stopping = false;
  private readonly owner: string;
  private readonly leaseMs: number;
  private readonly now: () => number;

  constructor(private readonly deps: StepUpDeps) {
    this.owner = deps.instanceId ?? randomUUID();
    this.leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
    this.now = deps.now ?? Date.now;
  }

  /** Starts a step-up for a draft held in `confirming` with its final fields. */
  async start(ctx: SessionContext, draft: DraftRecord, decision: PolicyDecision): Promise<void> {
    const sub = ctx.user.sub;
    const id = `apr_${randomUUID()}`;
    const code = contentCode(draftContentSha256(draft.kind, draft.fields));
    const userDomain = (await this.deps.userDomain?.(sub).catch(() => undefined)) || undefined;
    const bindingMessage = buildBindingMessage(actionFromDraft({ kind: draft.kind, fields: draft.fields } as Draft), { code, userDomain });
    const risk = toRiskSummary(decision);
    const approval = await this.deps.drafts.beginApproval(draft, { id, bindingMessage, risk });
    if (!approval) return reportState(ctx, draft.id, await this.deps.drafts.get(sub, draft.id));
    ctx.send({ type: 'action_result', draft_id: draft.id, kind: draft.kind, status: 'awaiting_approval' });
    const { controller, done } = this.register(approval);
    const refs = { ...writeRefs(draft), approval_id: id };
    let handedOff = false;
    try {
      // The phone is asked only once the request is in the log.
      try {
        await this.deps.audit.record(sub, {
          kind: 'approval',
          data: { outcome: 'requested', binding_message: bindingMessage, content_code: code },
          refs,
        });
      } catch (err) {
        if (!(err instanceof AuditUnavailableError)) throw err;
        await this.deps.drafts.approvalNotStarted(approval);
        return sendError(ctx, 'AUDIT_UNAVAILABLE');
      }
      let start: CibaStart;
      try {
        start = await this.deps.ciba.start({ sub, bindingMessage, requestedExpirySeconds: 300 });
      } catch (err) {
        await this.deps.drafts.approvalNotStarted(approval);
        await this.deps.audit.note(sub, { kind: 'approval', data: { outcome: 'failed' }, refs });
        return sendError(
          ctx,
          'APPROVAL_FAILED',
          `Vouch could not ask for approval on your phone (${err instanceof Error ? err.message : 'error'}).`,
        );
      }
      // Cancelled or logged out while Auth0 was asked: the stored approval already ended. On shutdown,
      // the approval stays `starting` and the next start ends it with a message.
      if (this.stopping || controller.signal.aborted || !(await this.deps.drafts.approvalStarted(approval, start))) return;
      if (!(await this.deps.drafts.leaseApproval(approval.id, this.owner, this.now(), this.leaseMs))) return;
      this.deps.toUser(sub, {
        type: 'approval_required',
        id,
        draft_id: draft.id,
        risk,
        binding_message: bindingMessage,
        content_code: code,
        expires_at: new Date(start.expiresAt).toISOString(),
      });
      handedOff = true;
      this.follow(approval, start, ctx.accessToken, controller.signal, done);
    } finally {
      if (!handedOff) done();
    }
  }

  /**
   * Polls again the stored phone requests of this user that no one in this process is waiting for
   * (after a restart, or after the instance that polled them died). A request another instance
   * holds the lease on is left to it; if that lease lapses while this socket is still open, this
   * instance tries again then.
   */
  async resume(ctx: SessionContext): Promise<void> {
    if (this.stopping) return;
    for (const a of await this.deps.drafts.pendingApprovals(ctx.user.sub)) {
      if (this.waiting.has(a.id)) continue;
      const now = this.now();
      if (!(await this.deps.drafts.leaseApproval(a.id, this.owner, now, this.leaseMs))) {
        this.retryLater(ctx, a.id, Math.max(0, (a.leaseUntil ?? now) - now) + 10);
        continue;
      }
      const { controller, done } = this.register(a);
      this.deps.logger.info({ approval: a.id }, 'resuming a stored approval request');
      const start = { authReqId: a.authReqId!, expiresAt: a.expiresAt ?? 0, intervalMs: a.intervalMs ?? 5000 };
      // The card comes back in the app too, so the person sees what the phone is asking about.
      if (a.risk)
        ctx.send({
          type: 'approval_required',
          id: a.id,
          draft_id: a.draftId,
          risk: a.risk,
          binding_message: a.bindingMessage,
          content_code: contentCode(a.contentSha256),
          expires_at: new Date(start.expiresAt).toISOString(),
        });
      this.follow(a, start, ctx.accessToken, controller.signal, done);
    }
  }

  /**
   * An approval answered in the app: declining stops the wait; approving is refused, because the
   * step-up must come from the person's second factor (the phone).
   */
  async decideInApp(ctx: SessionContext, approvalId: string, approve: boolean): Promise<void> {
    const w = this.waiting.get(approvalId);
    const mine = w?.sub === ctx.user.sub;
    if (approve && mine) return sendError(ctx, 'BAD_REQUEST', 'Approve this on your phone: the step-up must come from your second factor.');
    if (!mine) return sendError(ctx, 'NOT_FOUND', 'That approval is no longer waiting.');
    w.controller.abort();
  }

  abortDraft(sub: string, draftId: string): void {
    for (const w of this.waiting.values()) if (w.sub === sub && w.draftId === draftId) w.controller.abort();
  }

  /** Stops every wait of this user and resolves once none of them can still write (logout). */
  async abortAll(sub: string): Promise<void> {
    const mine = [...this.waiting.values()].filter((w) => w.sub === sub);
    for (const w of mine) w.controller.abort();
    await Promise.all(mine.map((w) => w.settled));
  }

  /**
   * Shutdown: stops polling and leaves every stored approval as it is, for the next start (or
   * another instance) to resume; the leases are given back so that can happen at once (an abort
   * here is not the person cancelling).
   */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const t of this.retries.values()) clearTimeout(t);
    this.retries.clear();
    const all = [...this.waiting.entries()];
    for (const [, w] of all) w.controller.abort();
    await Promise.all(all.map(([, w]) => w.settled));
    await Promise.all(
      all.map(([id]) =>
        this.deps.drafts
          .releaseApproval(id, this.owner)
          .catch((err: unknown) =>
            this.deps.logger.warn({ err: err instanceof Error ? err.message : String(err), approval: id }, 'lease release failed'),
          ),
      ),
    );
  }

  /** Approvals this instance is polling now. */
  get activeWaits(): number {
    return this.waiting.size;
  }

  private retryLater(ctx: SessionContext, approvalId: string, delayMs: number): void {
    if (this.retries.has(approvalId)) return;
    const t = setTimeout(() => {
      this.retries.delete(approvalId);
      if (this.stopping || ctx.isOpen?.() === false) return;
      void this.resume(ctx).catch((err: unknown) =>
        this.deps.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'approval resume failed'),
      );
    }, delayMs);
    t.unref?.();
    this.retries.set(approvalId, t);
  }

  /** Renews the lease while the wait lasts; losing it stops this wait without ending the approval. */
  private keepLease(approvalId: string, controller: AbortController): () => void {
    const timer = setInterval(
      () => {
        void this.deps.drafts
          .leaseApproval(approvalId, this.owner, this.now(), this.leaseMs)
          .then((held) => {
            const w = this.waiting.get(approvalId);
            if (!held && w?.controller === controller && !controller.signal.aborted) {
              w.leaseLost = true;
              controller.abort();
            }
          })
          .catch((err: unknown) =>
            this.deps.logger.warn({ err: err instanceof Error ? err.message : String(err), approval: approvalId }, 'lease renewal failed'),
          );
      },
      Math.max(10, Math.floor(this.leaseMs / 3)),
    );
    timer.unref?.();
    return () => clearInterval(timer);
  }

  private register(approval: ApprovalRecord): { controller: AbortController; done: () => void } {
    const controller = new AbortController();
    let resolve!: () => void;
    const settled = new Promise<void>((r) => (resolve = r));
    const done = () => {
      if (this.waiting.get(approval.id)?.controller === controller) this.waiting.delete(approval.id);
      resolve();
    };
    this.waiting.set(approval.id, { sub: approval.sub, draftId: approval.draftId, controller, settled });
    return { controller, done };
  }

  /** The wait runs beside the socket's frame queue, so the person can still cancel while it lasts. */
  private follow(approval: ApprovalRecord, start: CibaStart, subjectToken: string, signal: AbortSignal, done: () => void): void {
    const w = this.waiting.get(approval.id);
    const stopLease = w ? this.keepLease(approval.id, w.controller) : () => undefined;
    void this.wait(approval, start, subjectToken, signal)
      .catch((err: unknown) =>
        this.deps.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'approval follow-up failed'),
      )
      .finally(() => {
        stopLease();
        done();
      });
  }

  private async wait(approval: ApprovalRecord, start: CibaStart, subjectToken: string, signal: AbortSignal): Promise<void> {
    const { sub } = approval;
    const waiter = this.waiting.get(approval.id);
    const outcome = await this.deps.ciba
      .waitForDecision(start, { signal, owner: { sub, purpose: 'step_up' } })
      .catch(() => 'failed' as const);
    if (this.stopping || waiter?.leaseLost) return;
    const status =
      outcome === 'approved'
        ? 'approved'
        : outcome === 'denied'
          ? 'denied'
          : outcome === 'expired'
            ? 'expired'
            : outcome === 'cancelled'
              ? 'cancelled'
              : 'failed';
    this.deps.toUser(sub, { type: 'approval_update', id: approval.id, status });
    await this.deps.audit.note(sub, {
      kind: 'approval',
      data: { outcome: status },
      refs: { draft_id: approval.draftId, approval_id: approval.id },
    });
    if (outcome === 'approved') {
      const go = await this.deps.drafts.startApprovedExecution(approval);
      if (go.ok) return this.deps.writer.run(go.draft, subjectToken);
      const frame = go.draft && resultFrame(go.draft);
      if (frame) this.deps.toUser(sub, frame);
      return;
    }
    const ended = await this.deps.drafts.endApproval(approval, status as ApprovalEnd);
    const frame = ended && resultFrame(ended);
    if (frame) this.deps.toUser(sub, frame);
  }
}
