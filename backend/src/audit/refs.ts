import { z } from 'zod';

/**
 * The typed part of an audit entry: to whom and about what an action was. Recipients, channels and
 * ids are chosen by people (or by mail they received) and are recorded exactly as given, so the log
 * always says who an email went to, even when an address or a rule id happens to look like a JWT.
 * The secret heuristics never read these fields; the schema bounds them instead (short, single-line
 * strings), and they only ever hold values the action itself carried.
 */
const Ref = z
  .string()
  .min(1)
  .max(320)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a one-line ref must not hold
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must be one line of text');

export const AuditRefs = z
  .object({
    request_id: Ref.optional(),
    draft_id: Ref.optional(),
    approval_id: Ref.optional(),
    rule_id: Ref.optional(),
    rule_ids: z.array(Ref).max(100).optional(),
    preauthorization_id: Ref.optional(),
    /** `threshold`, `rule:<id>` or `preauthorization:<id>`. */
    decided_by: Ref.optional(),
    /** The addresses a write reached (the fields its draft kind's contract names: To + Cc, attendees…). */
    recipients: z.array(Ref).max(100).optional(),
    /** The channel a post went to, name or id (the field its draft kind's contract names). */
    channel: Ref.optional(),
    /** A domain the person counts as their own (settings_change). */
    domain: Ref.optional(),
  })
  .strict();
export type AuditRefs = z.infer<typeof AuditRefs>;

/** The refs of a stored entry, if it has any (entries written before refs existed have none). */
function refsOf(data: unknown): AuditRefs | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const r = AuditRefs.safeParse((data as { refs?: unknown }).refs);
  return r.success ? r.data : undefined;
}

/** " to a@x.io, b@y.io" / " in #deals": the part of an activity line that says to whom. */
export function audienceOf(data: unknown): string {
  const refs = refsOf(data);
  if (!refs) return '';
  const to = refs.recipients ?? [];
  if (to.length) return ` to ${to.slice(0, 5).join(', ')}${to.length > 5 ? ` and ${to.length - 5} more` : ''}`;
  if (refs.channel) return ` in #${refs.channel.replace(/^#/, '')}`;
  return '';
}
