/**
 * What went wrong with one provider request, independent of which client library saw it. Each
 * provider adapter maps its client's errors into this; the call policy decides what to do next.
 */
export type ClassifiedFailure =
  | { kind: 'unauthorized'; detail: string }
  | { kind: 'insufficient_scope'; needed?: string[]; detail: string }
  | { kind: 'rate_limited'; retryAfterMs?: number; detail: string }
  | { kind: 'unavailable'; status?: number; detail: string }
  | { kind: 'not_found'; status?: number; detail: string }
  | { kind: 'conflict'; status?: number; detail: string }
  | { kind: 'bad_request'; status?: number; detail: string }
  | { kind: 'other'; status?: number; detail: string };

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Provider messages are trimmed and stripped of anything token-shaped before they reach a person or a model. */
export function safeDetail(text: unknown, max = 200): string {
  const s = typeof text === 'string' ? text : '';
  return s
    .replace(/\b(ya29\.|xox[a-z]-|1\/\/)[A-Za-z0-9._\-/]+/g, '[redacted]')
    .replace(/Bearer\s+\S+/gi, 'Bearer [redacted]')
    .slice(0, max);
}
