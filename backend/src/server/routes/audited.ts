import type { AuditInput, AuditTrail } from '../../audit/index.js';
import { ApiError } from '../apiError.js';

/**
 * Appends first: a change the audit log cannot record is refused (503) and not made. A change that
 * then fails is noted as failed, so the log never claims what did not happen.
 */
export async function audited<T>(trail: AuditTrail, sub: string, input: AuditInput, change: () => Promise<T>): Promise<T> {
  try {
    await trail.record(sub, input);
  } catch (err) {
    throw new ApiError(503, 'AUDIT_UNAVAILABLE', undefined, { cause: err });
  }
  try {
    return await change();
  } catch (err) {
    await trail.note(sub, { ...input, data: { ...input.data, outcome: 'failed' } });
    throw err;
  }
}
