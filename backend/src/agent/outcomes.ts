import type { AuditInput } from '../audit/index.js';
import { ActionStatus, DEFAULT_ERROR_MESSAGES, type ErrorCode, type Provider, type ServerFrame } from '../protocol/index.js';
import type { SessionContext } from '../server/handlers.js';
import type { DraftRecord } from '../store/vouchStore.js';

/** Appends to the user's audit chain without holding the conversation up (failures are logged). */
export type AuditFn = (sub: string, input: AuditInput) => void;
/** Delivers a frame to every socket the user has open. */
export type UserSend = (sub: string, frame: ServerFrame) => void;

export function sendError(
  ctx: Pick<SessionContext, 'send'>,
  code: ErrorCode,
  message?: string,
  extra: { request_id?: string; provider?: Provider } = {},
): void {
  ctx.send({
    type: 'error',
    code,
    message: message ?? DEFAULT_ERROR_MESSAGES[code].message,
    action: DEFAULT_ERROR_MESSAGES[code].action,
    ...extra,
  });
}

/** The `action_result` a finished draft reports; undefined while it has no result. */
export function resultFrame(draft: DraftRecord): Extract<ServerFrame, { type: 'action_result' }> | undefined {
  const r = draft.result;
  if (!r) return undefined;
  return {
    type: 'action_result',
    draft_id: draft.id,
    kind: draft.kind,
    status: ActionStatus.parse(r.status),
    ...(r.ref ? { ref: r.ref } : {}),
    ...(r.detail ? { detail: r.detail } : {}),
    ...(r.code ? { code: r.code as ErrorCode } : {}),
  };
}

/** The same confirmation again (a resend, a second click, after a restart) reports, never re-runs. */
export function reportState(ctx: Pick<SessionContext, 'send'>, draftId: string, draft: DraftRecord | undefined): void {
  if (!draft) return sendError(ctx, 'DRAFT_NOT_FOUND');
  const done = resultFrame(draft);
  if (done) return ctx.send(done);
  if (draft.status === 'expired')
    return ctx.send({
      type: 'action_result',
      draft_id: draftId,
      status: 'expired',
      code: 'DRAFT_EXPIRED',
      detail: DEFAULT_ERROR_MESSAGES.DRAFT_EXPIRED.message,
    });
  if (draft.status === 'cancelled') return ctx.send({ type: 'action_result', draft_id: draftId, status: 'cancelled' });
  // Claimed by an earlier confirmation that is still running (or was cut off mid-write): never run again.
  const waiting = draft.status === 'awaiting_approval' || draft.status === 'confirming';
  ctx.send({
    type: 'action_result',
    draft_id: draftId,
    status: waiting ? 'awaiting_approval' : 'failed',
    detail: 'This action was already confirmed.',
  });
}
