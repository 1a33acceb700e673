import { AuditUnavailableError, type AuditInput, type AuditTrail } from '../audit/index.js';
import { draftContentSha256, type Claim, type DraftService } from '../drafts/index.js';
import { decisionAuditData, type PolicyDecision, type ProposedAction } from '../policy/index.js';
import type { AppFrameOf, Draft } from '../protocol/index.js';
import type { SessionContext } from '../server/handlers.js';
import { applyEdits } from './drafts.js';
import { reportState, sendError } from './outcomes.js';
import type { PolicyGate } from './policyGate.js';
import type { StepUp } from './stepUp.js';
import type { Writer } from './write.js';

export interface ConfirmDeps {
  drafts: DraftService;
  policy: PolicyGate;
  stepUp: StepUp;
  writer: Writer;
  audit: AuditTrail;
}

/** The decision's free text and numbers as data; whom it reaches and which rules decided, verbatim as refs. */
export function policyDecisionEntry(draftId: string, action: ProposedAction, decision: PolicyDecision): AuditInput {
  const { recipients, channel, rule_ids, decided_by, preauthorization_id, ...data } = decisionAuditData(action, decision);
  return {
    kind: 'policy_decision',
    data,
    refs: {
      draft_id: draftId,
      recipients,
      rule_ids,
      decided_by,
      ...(channel ? { channel } : {}),
      ...(preauthorization_id ? { preauthorization_id } : {}),
    },
  };
}

/**
 * A confirmation claims the draft first (`ready → confirming`), then applies the edits, decides and
 * hands over to the write or the step-up; a confirmation of a draft that is not `ready` changes nothing.
 */
export class Confirmer {
  constructor(private readonly deps: ConfirmDeps) {}

  async confirm(ctx: SessionContext, f: AppFrameOf<'action_confirmed'>): Promise<void> {
    const { drafts } = this.deps;
    const claim = await drafts.claim(ctx.user.sub, f.draft_id);
    if (!claim.ok) return this.refuse(ctx, f, claim);
    const edited = applyEdits(claim.draft.kind, claim.draft.fields, f.edits);
    if (!edited.ok) {
      await drafts.release(claim.draft);
      return sendError(ctx, 'DRAFT_INVALID', `The draft is not valid: ${edited.message}.`);
    }
    // Stored before anything runs, so a restart executes what was confirmed.
    const draft = await drafts.setFields(claim.draft, edited.fields);
    if (!draft) return reportState(ctx, f.draft_id, await drafts.get(ctx.user.sub, f.draft_id));
    const { action, decision } = await this.deps.policy.decide(ctx, { kind: draft.kind, fields: draft.fields } as Draft);
    // The decision is logged before anything it allows happens; no entry, no action.
    try {
      await this.deps.audit.record(ctx.user.sub, policyDecisionEntry(draft.id, action, decision));
    } catch (err) {
      if (!(err instanceof AuditUnavailableError)) throw err;
      await drafts.release(draft);
      return sendError(ctx, 'AUDIT_UNAVAILABLE');
    }
    if (decision.level === 'deny') {
      if (!(await drafts.deny(draft, decision.decided_by.detail)))
        return reportState(ctx, draft.id, await drafts.get(ctx.user.sub, draft.id));
      return ctx.send({
        type: 'action_result',
        draft_id: draft.id,
        kind: draft.kind,
        status: 'denied',
        code: 'POLICY_DENIED',
        detail: decision.decided_by.detail,
      });
    }
    if (decision.level === 'step_up') return this.deps.stepUp.start(ctx, draft, decision);
    const running = await drafts.startExecution(draft);
    if (!running) return reportState(ctx, draft.id, await drafts.get(ctx.user.sub, draft.id));
    await this.deps.writer.run(running, ctx.accessToken, (code, message, provider) => sendError(ctx, code, message, { provider }));
  }

  async cancel(ctx: SessionContext, f: AppFrameOf<'action_cancelled'>): Promise<void> {
    // The state first, then the wait: an approval arriving in between finds the draft cancelled.
    const r = await this.deps.drafts.cancel(ctx.user.sub, f.draft_id);
    this.deps.stepUp.abortDraft(ctx.user.sub, f.draft_id);
    if (r.cancelled || r.draft?.status === 'cancelled')
      return ctx.send({ type: 'action_result', draft_id: f.draft_id, status: 'cancelled' });
    reportState(ctx, f.draft_id, r.draft);
  }

  private refuse(ctx: SessionContext, f: AppFrameOf<'action_confirmed'>, claim: Extract<Claim, { ok: false }>): void {
    reportState(ctx, f.draft_id, claim.draft);
    const d = claim.draft;
    if (claim.reason !== 'in_progress' || !d || !f.edits) return;
    // A resend of the same confirmation is only reported; different content is refused outright.
    const edited = applyEdits(d.kind, d.fields, f.edits);
    if (!edited.ok || draftContentSha256(d.kind, edited.fields) !== draftContentSha256(d.kind, d.fields)) {
      sendError(ctx, 'DRAFT_NOT_READY', 'This draft is already confirmed and waiting; your changes were not applied.');
    }
  }
}
