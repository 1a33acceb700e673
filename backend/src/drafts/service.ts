import { randomUUID } from 'node:crypto';
import { DEFAULT_ERROR_MESSAGES, type Draft, type RiskSummary } from '../protocol/index.js';
import type {
  ApprovalRecord,
  ApprovalStatus,
  ApprovalStore,
  DraftRecord,
  DraftResult,
  DraftStatus,
  DraftStore,
} from '../store/vouchStore.js';
import { draftContentSha256 } from './contentHash.js';

/** Why a draft could not be taken for confirmation. */
type ClaimRefusal = 'not_found' | 'expired' | 'in_progress' | 'finished';
export type Claim = { ok: true; draft: DraftRecord } | { ok: false; reason: ClaimRefusal; draft?: DraftRecord };

/** How a step-up ended without an approval. */
export type ApprovalEnd = 'denied' | 'expired' | 'cancelled' | 'failed';

const OPEN: readonly DraftStatus[] = ['ready', 'confirming', 'awaiting_approval'];
const IN_PROGRESS: readonly DraftStatus[] = ['confirming', 'awaiting_approval', 'executing'];
const OPEN_APPROVAL: readonly ApprovalStatus[] = ['starting', 'pending'];

const END_RESULT: Record<ApprovalEnd, { status: DraftStatus; result: DraftResult }> = {
  denied: {
    status: 'denied',
    result: { status: 'denied', code: 'APPROVAL_DENIED', detail: DEFAULT_ERROR_MESSAGES.APPROVAL_DENIED.message },
  },
  expired: {
    status: 'expired',
    result: { status: 'expired', code: 'APPROVAL_EXPIRED', detail: DEFAULT_ERROR_MESSAGES.APPROVAL_EXPIRED.message },
  },
  cancelled: {
    status: 'cancelled',
    result: { status: 'cancelled', code: 'APPROVAL_FAILED', detail: 'The approval was cancelled, so nothing was done.' },
  },
  failed: {
    status: 'failed',
    result: { status: 'expired', code: 'APPROVAL_FAILED', detail: DEFAULT_ERROR_MESSAGES.APPROVAL_FAILED.message },
  },
};

/**
 * The one owner of draft state. Every change is a compare-and-set in the store, so two sockets, two
 * instances or a restart can never both move the same draft:
 * `ready → confirming → (awaiting_approval →) executing → done | failed`, or `cancelled`, `expired`,
 * `denied`. Fields are written only while this process holds the draft in `confirming`, and a
 * step-up approval executes only the content whose SHA-256 it was bound to.
 */
export class DraftService {
  /** Drafts this process moved to `executing` and has not finished: the writes a shutdown waits for. */
  private executing = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly store: DraftStore & ApprovalStore,
    private readonly opts: { now: () => number; ttlMs: number },
  ) {}

  async create(sub: string, requestId: string, draft: Draft): Promise<DraftRecord> {
    const now = this.opts.now();
    const record: DraftRecord = {
      id: `drf_${randomUUID()}`,
      sub,
      requestId,
      kind: draft.kind,
      fields: draft.fields,
      status: 'ready',
      expiresAt: now + this.opts.ttlMs,
      createdAt: new Date(now).toISOString(),
    };
    await this.store.createDraft(record);
    return record;
  }

  get(sub: string, id: string): Promise<DraftRecord | undefined> {
    return this.store.getDraft(sub, id);
  }

  /** `ready → confirming`: taken before anything about the draft is read for execution or written. */
  async claim(sub: string, id: string): Promise<Claim> {
    const now = this.opts.now();
    if (await this.store.transitionDraft({ id, sub, from: ['ready'], to: 'confirming', liveAt: now })) {
      const draft = await this.store.getDraft(sub, id);
      if (draft) return { ok: true, draft };
    }
    const draft = await this.store.getDraft(sub, id);
    if (!draft) return { ok: false, reason: 'not_found' };
    if (draft.status === 'ready') {
      const result = { status: 'expired', code: 'DRAFT_EXPIRED', detail: DEFAULT_ERROR_MESSAGES.DRAFT_EXPIRED.message };
      await this.store.transitionDraft({ id, sub, from: ['ready'], to: 'expired', result });
      return { ok: false, reason: 'expired', draft: { ...draft, status: 'expired', result } };
    }
    if (draft.status === 'expired') return { ok: false, reason: 'expired', draft };
    return { ok: false, reason: IN_PROGRESS.includes(draft.status) ? 'in_progress' : 'finished', draft };
  }

  /** Stores the confirmed fields; only the holder of the `confirming` claim can. */
  async setFields(draft: DraftRecord, fields: Draft['fields']): Promise<DraftRecord | undefined> {
    const ok = await this.store.transitionDraft({ id: draft.id, sub: draft.sub, from: ['confirming'], to: 'confirming', fields });
    return ok ? { ...draft, fields } : undefined;
  }

  /** Gives the draft back (`confirming → ready`), e.g. after invalid edits or a failed phone request. */
  async release(draft: DraftRecord): Promise<boolean> {
    return this.store.transitionDraft({ id: draft.id, sub: draft.sub, from: ['confirming'], to: 'ready' });
  }

  async deny(draft: DraftRecord, detail: string): Promise<boolean> {
    return this.store.transitionDraft({
      id: draft.id,
      sub: draft.sub,
      from: ['confirming'],
      to: 'denied',
      result: { status: 'denied', code: 'POLICY_DENIED', detail },
    });
  }

  /** `confirming → executing` for a write that needs no phone. */
  async startExecution(draft: DraftRecord): Promise<DraftRecord | undefined> {
    const ok = await this.store.transitionDraft({ id: draft.id, sub: draft.sub, from: ['confirming'], to: 'executing' });
    if (ok) this.executing++;
    return ok ? { ...draft, status: 'executing' } : undefined;
  }

  /**
   * `confirming → awaiting_approval` together with the approval row (bound to the content's
   * SHA-256), stored before the phone is asked so nothing depends on the CIBA round trip.
   */
  async beginApproval(
    draft: DraftRecord,
    approval: { id: string; bindingMessage: string; risk?: RiskSummary },
  ): Promise<ApprovalRecord | undefined> {
    const record: ApprovalRecord = {
      id: approval.id,
      sub: draft.sub,
      draftId: draft.id,
      contentSha256: draftContentSha256(draft.kind, draft.fields),
      bindingMessage: approval.bindingMessage,
      ...(approval.risk ? { risk: approval.risk } : {}),
      status: 'starting',
      createdAt: new Date(this.opts.now()).toISOString(),
    };
    return (await this.store.beginApproval(record)) ? record : undefined;
  }

  /** The phone was asked; false when the approval ended (cancelled, logged out) meanwhile. */
  approvalStarted(approval: ApprovalRecord, start: { authReqId: string; expiresAt: number; intervalMs: number }): Promise<boolean> {
    return this.store.approvalStarted(approval.id, start);
  }

  /** Auth0 refused or could not be reached: the approval fails and the draft is `ready` again to retry. */
  async approvalNotStarted(approval: ApprovalRecord): Promise<void> {
    if (await this.store.finishApproval(approval.id, ['starting'], 'failed')) {
      await this.store.transitionDraft({ id: approval.draftId, sub: approval.sub, from: ['awaiting_approval'], to: 'ready' });
    }
  }

  /**
   * The phone approved: `awaiting_approval → executing`, and only if the stored content is exactly
   * what the approval was bound to; anything else fails without executing.
   */
  async startApprovedExecution(approval: ApprovalRecord): Promise<{ ok: true; draft: DraftRecord } | { ok: false; draft?: DraftRecord }> {
    if (!(await this.store.finishApproval(approval.id, ['pending'], 'approved')))
      return { ok: false, draft: await this.store.getDraft(approval.sub, approval.draftId) };
    const moved = await this.store.transitionDraft({
      id: approval.draftId,
      sub: approval.sub,
      from: ['awaiting_approval'],
      to: 'executing',
    });
    const draft = await this.store.getDraft(approval.sub, approval.draftId);
    if (!moved || !draft) return { ok: false, draft };
    if (draftContentSha256(draft.kind, draft.fields) !== approval.contentSha256) {
      const result = { status: 'failed', code: 'APPROVAL_FAILED', detail: 'The draft changed after it was approved, so nothing was sent.' };
      await this.store.transitionDraft({ id: draft.id, sub: draft.sub, from: ['executing'], to: 'failed', result });
      return { ok: false, draft: { ...draft, status: 'failed', result } };
    }
    this.executing++;
    return { ok: true, draft };
  }

  /** The step-up ended without approval: the approval and its draft end together. */
  async endApproval(approval: ApprovalRecord, end: ApprovalEnd): Promise<DraftRecord | undefined> {
    await this.store.finishApproval(approval.id, OPEN_APPROVAL, end);
    const { status, result } = END_RESULT[end];
    const moved = await this.store.transitionDraft({
      id: approval.draftId,
      sub: approval.sub,
      from: ['awaiting_approval'],
      to: status,
      result,
    });
    if (!moved) return undefined;
    const draft = await this.store.getDraft(approval.sub, approval.draftId);
    return draft;
  }

  async finish(draft: DraftRecord, status: 'done' | 'failed', result: DraftResult): Promise<void> {
    try {
      await this.store.transitionDraft({ id: draft.id, sub: draft.sub, from: ['executing'], to: status, result });
    } finally {
      this.executing = Math.max(0, this.executing - 1);
      if (this.executing === 0) for (const w of this.idleWaiters.splice(0)) w();
    }
  }

  /** Writes this process started and has not finished. */
  get writesInFlight(): number {
    return this.executing;
  }

  /** Resolves once no write this process started is still running (shutdown waits for it). */
  idle(): Promise<void> {
    if (this.executing === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Cancels an open draft and any approval it waits for. */
  async cancel(sub: string, id: string): Promise<{ cancelled: boolean; draft?: DraftRecord }> {
    const cancelled = await this.store.transitionDraft({ id, sub, from: OPEN, to: 'cancelled', result: { status: 'cancelled' } });
    if (cancelled)
      for (const a of await this.store.listApprovals({ sub, draftId: id, status: OPEN_APPROVAL }))
        await this.store.finishApproval(a.id, OPEN_APPROVAL, 'cancelled');
    return { cancelled, draft: await this.store.getDraft(sub, id) };
  }

  /** Everything the user still has open ends (logout): drafts and the approvals they wait for. */
  async cancelAll(sub: string): Promise<string[]> {
    const ids: string[] = [];
    for (const d of await this.store.listDrafts({ sub, status: OPEN })) if ((await this.cancel(sub, d.id)).cancelled) ids.push(d.id);
    return ids;
  }

  /** Approvals of this user whose phone request can still be polled. */
  async pendingApprovals(sub: string): Promise<ApprovalRecord[]> {
    const out: ApprovalRecord[] = [];
    for (const a of await this.store.listApprovals({ sub, status: ['pending'] })) {
      const d = await this.store.getDraft(sub, a.draftId);
      if (d?.status === 'awaiting_approval' && a.authReqId) out.push(a);
    }
    return out;
  }

  /** Takes or renews this instance's lease on a pending approval (see ApprovalStore.leaseApproval). */
  leaseApproval(approvalId: string, owner: string, now: number, leaseMs: number): Promise<boolean> {
    return this.store.leaseApproval(approvalId, owner, now, leaseMs);
  }

  releaseApproval(approvalId: string, owner: string): Promise<void> {
    return this.store.releaseApproval(approvalId, owner);
  }

  /**
   * With several instances on one database, another instance's `confirming` draft or `starting`
   * approval is work in progress, not debris: only what has expired is ended.
   */
  async recoverShared(): Promise<{ released: number; ended: number }> {
    let ended = 0;
    const now = this.opts.now();
    for (const a of await this.store.listApprovals({ status: ['pending'] })) {
      if ((a.expiresAt ?? 0) <= now && (await this.endApproval(a, 'expired'))) ended++;
    }
    return { released: 0, ended };
  }

  /**
   * After a restart nothing may stay stranded: a draft caught `confirming` goes back to `ready`; one
   * awaiting a phone request that never got an `auth_req_id`, or whose request expired, ends with a
   * message; the rest keep their stored `auth_req_id` to be polled again when the user is back.
   */
  async recover(): Promise<{ released: number; ended: number }> {
    // One instance: any lease left in the store is a previous run's.
    await this.store.clearApprovalLeases();
    let released = 0;
    let ended = 0;
    for (const d of await this.store.listDrafts({ status: ['confirming'] })) if (await this.release(d)) released++;
    const now = this.opts.now();
    for (const a of await this.store.listApprovals({ status: OPEN_APPROVAL })) {
      if (a.status === 'starting' || !a.authReqId) {
        await this.store.finishApproval(a.id, ['starting'], 'cancelled');
      } else if ((a.expiresAt ?? 0) <= now) {
        if (await this.endApproval(a, 'expired')) ended++;
      }
    }
    for (const d of await this.store.listDrafts({ status: ['awaiting_approval'] })) {
      if ((await this.store.listApprovals({ sub: d.sub, draftId: d.id, status: ['pending'] })).length) continue;
      const result = {
        status: 'cancelled',
        code: 'APPROVAL_FAILED',
        detail: 'Vouch restarted before your phone was asked. Confirm again.',
      };
      if (await this.store.transitionDraft({ id: d.id, sub: d.sub, from: ['awaiting_approval'], to: 'cancelled', result })) ended++;
    }
    return { released, ended };
  }
}
