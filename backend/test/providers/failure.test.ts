import { describe, expect, it } from 'vitest';
import { parseRetryAfter, safeDetail } from '../../src/providers/failure.js';
import { classifyGoogleError } from '../../src/providers/google/googleFailure.js';
import { classifySlackError } from '../../src/providers/slack/slackFailure.js';

describe('failure classification', () => {
  const now = Date.parse('2026-03-10T15:00:00Z');

  it('reads Retry-After as seconds or as an HTTP date relative to the injected clock', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Tue, 10 Mar 2026 15:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('treats Google 403 rateLimitExceeded as rate limiting, not as a scope problem', () => {
    const err = {
      status: 403,
      response: {
        status: 403,
        data: { error: { message: 'Rate Limit Exceeded', errors: [{ reason: 'userRateLimitExceeded' }] } },
        headers: new Headers(),
      },
    };
    expect(classifyGoogleError(err, now).kind).toBe('rate_limited');
    const scope = {
      status: 403,
      response: { status: 403, data: { error: { errors: [{ reason: 'insufficientPermissions' }] } }, headers: new Headers() },
    };
    expect(classifyGoogleError(scope, now).kind).toBe('insufficient_scope');
    expect(classifyGoogleError(new Error('connect ECONNREFUSED'), now).kind).toBe('unavailable');
  });

  it('maps Slack platform errors by their error string', () => {
    const platform = (error: string, extra = {}) => ({ code: 'slack_webapi_platform_error', data: { ok: false, error, ...extra } });
    expect(classifySlackError(platform('token_expired')).kind).toBe('unauthorized');
    expect(classifySlackError(platform('missing_scope', { needed: 'chat:write,channels:read' }))).toMatchObject({
      kind: 'insufficient_scope',
      needed: ['chat:write', 'channels:read'],
    });
    expect(classifySlackError(platform('{"ok":tru'))).toMatchObject({ kind: 'other', detail: 'unreadable response' });
    expect(classifySlackError({ code: 'slack_webapi_rate_limited_error', retryAfter: 4 })).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 4000,
    });
  });

  it('redacts token-shaped strings from provider messages', () => {
    expect(safeDetail('bad token ya29.abc-DEF_123 and Bearer xyz')).toBe('bad token [redacted] and Bearer [redacted]');
    expect(safeDetail('xoxp-123-456 failed')).toBe('[redacted] failed');
  });
});
