import { ErrorCode as SlackErrorCode } from '@slack/web-api';
import { safeDetail, type ClassifiedFailure } from '../failure.js';

/**
 * Maps @slack/web-api errors into a ClassifiedFailure. Slack reports most failures as HTTP 200 with
 * `{ok:false, error}`; the client turns those into platform errors carrying the body as `data`.
 */
const UNAUTHORIZED = new Set(['not_authed', 'invalid_auth', 'token_expired', 'token_revoked', 'account_inactive']);
const NOT_FOUND = new Set([
  'channel_not_found',
  'thread_not_found',
  'message_not_found',
  'not_in_channel',
  'is_archived',
  'users_not_found',
  'user_not_found',
  'user_disabled',
]);
const BAD_REQUEST = new Set([
  'no_text',
  'msg_too_long',
  'invalid_arguments',
  'invalid_cursor',
  'no_query',
  'invalid_blocks',
  'too_many_attachments',
]);
const UNAVAILABLE = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

export function classifySlackError(err: unknown): ClassifiedFailure {
  const e = err as {
    code?: string;
    data?: { error?: string; needed?: string };
    retryAfter?: number;
    statusCode?: number;
    message?: string;
  };
  switch (e?.code) {
    case SlackErrorCode.PlatformError: {
      const code = e.data?.error ?? '';
      if (UNAUTHORIZED.has(code)) return { kind: 'unauthorized', detail: code };
      if (code === 'missing_scope') {
        const needed = (e.data?.needed ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        return { kind: 'insufficient_scope', needed, detail: code };
      }
      if (code === 'ratelimited') return { kind: 'rate_limited', detail: code };
      if (NOT_FOUND.has(code)) return { kind: 'not_found', detail: code };
      if (BAD_REQUEST.has(code)) return { kind: 'bad_request', detail: code };
      if (UNAVAILABLE.has(code)) return { kind: 'unavailable', detail: code };
      // Includes an unparseable body, which the client reports as `{ok:false, error:<raw text>}`.
      return { kind: 'other', detail: /^[a-z_]{1,64}$/.test(code) ? code : 'unreadable response' };
    }
    case SlackErrorCode.RateLimitedError:
      return {
        kind: 'rate_limited',
        ...(typeof e.retryAfter === 'number' ? { retryAfterMs: e.retryAfter * 1000 } : {}),
        detail: 'ratelimited',
      };
    case SlackErrorCode.HTTPError: {
      const status = e.statusCode ?? 0;
      if (status === 429) return { kind: 'rate_limited', detail: 'HTTP 429' };
      if (status >= 500) return { kind: 'unavailable', status, detail: `HTTP ${status}` };
      if (status === 401) return { kind: 'unauthorized', detail: 'HTTP 401' };
      return { kind: 'other', status, detail: `HTTP ${status}` };
    }
    case SlackErrorCode.RequestError:
      return { kind: 'unavailable', detail: 'no response' };
    default:
      // A 429 without a usable Retry-After surfaces as a plain Error from the client.
      if (/retry header/i.test(e?.message ?? '')) return { kind: 'rate_limited', detail: 'HTTP 429' };
      return { kind: 'other', detail: safeDetail(e?.message ?? 'unknown error') };
  }
}
