import { parseRetryAfter, safeDetail, type ClassifiedFailure } from '../failure.js';

/**
 * Maps what the googleapis client (gaxios) throws into a ClassifiedFailure. Only status, the error
 * envelope and Retry-After are read: the error object also carries the request config, including
 * the Authorization header, so it is never logged or returned.
 */
interface GoogleErrorBody {
  error?: { message?: string; status?: string; errors?: Array<{ reason?: string }>; details?: Array<{ reason?: string }> };
}

function header(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const v = (headers as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : null;
}

// dailyLimitExceeded is a 403 too (the project's daily quota): waiting is the only remedy, as for a 429.
const RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded', 'dailyLimitExceeded', 'RATE_LIMIT_EXCEEDED']);

export function classifyGoogleError(err: unknown, now: number): ClassifiedFailure {
  const e = err as { status?: number; code?: unknown; response?: { status?: number; data?: unknown; headers?: unknown }; message?: string };
  const status = e?.response?.status ?? (typeof e?.status === 'number' ? e.status : undefined);
  if (status === undefined) {
    // No HTTP answer at all: connection refused, reset, timeout.
    return { kind: 'unavailable', detail: 'no response' };
  }
  const body = (typeof e.response?.data === 'object' && e.response?.data !== null ? e.response.data : {}) as GoogleErrorBody;
  const reasons = [...(body.error?.errors ?? []).map((x) => x.reason), ...(body.error?.details ?? []).map((x) => x.reason)].filter(
    (r): r is string => typeof r === 'string',
  );
  const detail = safeDetail(body.error?.message ?? `HTTP ${status}`);
  const wwwAuth = header(e.response?.headers, 'www-authenticate') ?? '';

  if (status === 401) return { kind: 'unauthorized', detail };
  if (status === 429 || (status === 403 && reasons.some((r) => RATE_REASONS.has(r)))) {
    const retryAfterMs = parseRetryAfter(header(e.response?.headers, 'retry-after'), now);
    return retryAfterMs !== undefined ? { kind: 'rate_limited', retryAfterMs, detail } : { kind: 'rate_limited', detail };
  }
  if (
    status === 403 &&
    (reasons.includes('insufficientPermissions') ||
      reasons.includes('ACCESS_TOKEN_SCOPE_INSUFFICIENT') ||
      /insufficient_scope/.test(wwwAuth))
  ) {
    return { kind: 'insufficient_scope', detail };
  }
  if (status === 404 || status === 410) return { kind: 'not_found', status, detail };
  if (status === 409) return { kind: 'conflict', status, detail };
  if (status === 400) return { kind: 'bad_request', status, detail };
  if (status >= 500) return { kind: 'unavailable', status, detail };
  return { kind: 'other', status, detail };
}
