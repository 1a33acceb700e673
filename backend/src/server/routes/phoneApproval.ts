import type { AuditInput, AuditTrail } from '../../audit/index.js';
import { CibaError, type CibaClient } from '../../auth/ciba.js';
import { ApiError } from '../apiError.js';

type Purpose = 'rule_change' | 'settings_change';

export interface PhoneApproval {
  sub: string;
  purpose: Purpose;
  /** What the phone shows (already within Auth0's characters and 64 characters). */
  bindingMessage: string;
  /** The sentence a refusal carries ("Loosening a rule needs your approval on your phone."). */
  refusal: string;
  /** Extra fields for the audit entry of the phone's answer (which domain, which rule). */
  audit?: Pick<AuditInput, 'refs'> & { data?: AuditInput['data'] };
}

/**
 * Asks the person's phone (CIBA) and waits; resolves only when approved, otherwise throws the
 * ApiError the route answers with. The phone's answer is audited whatever it is. Stops waiting when
 * the caller goes away (the popover closed), so an abandoned request cannot be approved later.
 */
export async function approveOnPhone(
  deps: { ciba: Pick<CibaClient, 'start' | 'waitForDecision'>; trail: AuditTrail },
  req: PhoneApproval,
  reply: { raw: NodeJS.EventEmitter & { writableEnded: boolean } },
): Promise<void> {
  const abandoned = new AbortController();
  const onClose = () => {
    if (!reply.raw.writableEnded) abandoned.abort();
  };
  reply.raw.once('close', onClose);
  try {
    let start;
    try {
      start = await deps.ciba.start({ sub: req.sub, purpose: req.purpose, bindingMessage: req.bindingMessage });
    } catch (err) {
      if (err instanceof CibaError && err.kind === 'rate_limited')
        throw new ApiError(429, 'RATE_LIMITED', `Not asking your phone again yet: ${err.message}.`);
      throw err;
    }
    const outcome = await deps.ciba.waitForDecision(start, { signal: abandoned.signal, owner: { sub: req.sub, purpose: req.purpose } });
    await deps.trail.note(req.sub, {
      kind: 'approval',
      data: { purpose: req.purpose, outcome, ...req.audit?.data },
      ...(req.audit?.refs ? { refs: req.audit.refs } : {}),
    });
    if (outcome === 'approved') return;
    throw new ApiError(403, outcome === 'expired' ? 'APPROVAL_EXPIRED' : 'APPROVAL_DENIED', req.refusal);
  } finally {
    reply.raw.off('close', onClose);
  }
}
