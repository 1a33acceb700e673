import { z } from 'zod';
import { VouchError, type VouchErrorOptions } from '../protocol/vouchError.js';

const CIBA_GRANT_TYPE = 'urn:openid:params:grant-type:ciba';

/** Auth0: at most 64 characters, letters, digits and `+-_.,:#` (spaces appear in its examples). */
const BINDING_MESSAGE_RE = /^[A-Za-z0-9 +\-_.,:#]{1,64}$/;

export type CibaOutcome = 'approved' | 'denied' | 'expired' | 'cancelled';

type CibaErrorKind = 'invalid_request' | 'unauthorized' | 'unavailable' | 'invalid_response' | 'rate_limited';

/** A failed backchannel request; `code` is `CIBA_` and the upper-cased `kind`. */
export class CibaError extends VouchError {
  declare readonly code: `CIBA_${Uppercase<CibaErrorKind>}`;
  constructor(
    readonly kind: CibaErrorKind,
    message: string,
    options?: VouchErrorOptions,
  ) {
    super(message, { ...options, code: `CIBA_${kind.toUpperCase()}` });
    this.name = 'CibaError';
  }
}

const StartResponse = z.object({
  auth_req_id: z.string().min(1),
  expires_in: z.coerce.number().positive(),
  interval: z.coerce.number().positive().optional(),
});

/** What a phone request is for; limits (limits/cibaGuard.ts) count per user and purpose. Auth0 never sees it. */
type CibaPurpose = 'step_up' | 'preauthorization' | 'rule_change' | 'settings_change';

export interface CibaStartRequest {
  sub: string;
  bindingMessage: string;
  scope?: string;
  requestedExpirySeconds?: number;
  audience?: string;
  purpose?: CibaPurpose;
}

export interface CibaStart {
  authReqId: string;
  expiresAt: number;
  intervalMs: number;
}

type PollResult =
  | { status: 'approved' }
  | { status: 'pending' }
  | { status: 'slow_down'; intervalMs: number }
  | { status: 'denied' }
  | { status: 'expired' };

interface CibaClientOptions {
  issuer: string;
  clientId?: string;
  clientSecret?: string;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });

/**
 * Client-Initiated Backchannel Authentication as Auth0 runs it: `/bc-authorize` with an `iss_sub`
 * login hint and a binding message the phone shows, then polling `/oauth/token` honouring
 * `interval` and `slow_down` until the person approves, denies or the request expires.
 */
export class CibaClient {
  private readonly base: string;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly fetch: typeof fetch;

  constructor(private readonly opts: CibaClientOptions) {
    this.base = opts.issuer.endsWith('/') ? opts.issuer : `${opts.issuer}/`;
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? defaultSleep;
    this.fetch = opts.fetch ?? fetch;
  }

  private credentials(): Record<string, string> {
    if (!this.opts.clientId || !this.opts.clientSecret)
      throw new CibaError('unauthorized', 'CIBA needs AUTH0_CIBA_CLIENT_ID and AUTH0_CIBA_CLIENT_SECRET (or the AUTH0_CLIENT_ID pair)');
    return { client_id: this.opts.clientId, client_secret: this.opts.clientSecret };
  }

  private async post(
    path: string,
    params: Record<string, string>,
  ): Promise<{ status: number; json: Record<string, unknown>; retryAfter?: number }> {
    let res: Response;
    try {
      res = await this.fetch(new URL(path, this.base), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ ...params, ...this.credentials() }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (err) {
      throw new CibaError('unavailable', 'Auth0 could not be reached for the approval request', { cause: err });
    }
    let json: Record<string, unknown> = {};
    try {
      json = (await res.json()) as Record<string, unknown>;
    } catch (err) {
      // A rate limit may come without a JSON body; its headers are what matters.
      if (res.status !== 429) throw new CibaError('invalid_response', `Auth0 answered ${res.status} without JSON`, { cause: err });
    }
    const ra = Number(res.headers.get('retry-after'));
    // Auth0's rate-limit answers carry X-RateLimit-Reset (epoch seconds) when they carry no Retry-After.
    const reset = Number(res.headers.get('x-ratelimit-reset'));
    const untilReset = Number.isFinite(reset) && reset > 0 ? Math.ceil((reset * 1000 - this.now()) / 1000) : undefined;
    const retryAfter = Number.isFinite(ra) && ra > 0 ? ra : untilReset !== undefined && untilReset > 0 ? untilReset : undefined;
    return { status: res.status, json, retryAfter };
  }

  async start(req: CibaStartRequest): Promise<CibaStart> {
    if (!BINDING_MESSAGE_RE.test(req.bindingMessage))
      throw new CibaError('invalid_request', 'binding message has characters Auth0 does not accept or is too long');
    const scope = [...new Set(['openid', ...(req.scope ?? '').split(' ').filter(Boolean)])].join(' ');
    const { status, json } = await this.post('bc-authorize', {
      login_hint: JSON.stringify({ format: 'iss_sub', iss: this.base, sub: req.sub }),
      scope,
      binding_message: req.bindingMessage,
      requested_expiry: String(req.requestedExpirySeconds ?? 300),
      ...(req.audience ? { audience: req.audience } : {}),
    });
    if (status !== 200) {
      const kind = status === 401 || status === 403 ? 'unauthorized' : status >= 500 ? 'unavailable' : 'invalid_request';
      throw new CibaError(kind, `bc-authorize refused: ${String(json.error ?? status)} ${String(json.error_description ?? '')}`.trim());
    }
    const parsed = StartResponse.safeParse(json);
    if (!parsed.success) throw new CibaError('invalid_response', 'bc-authorize answered with an unexpected body');
    return {
      authReqId: parsed.data.auth_req_id,
      expiresAt: this.now() + parsed.data.expires_in * 1000,
      intervalMs: (parsed.data.interval ?? 5) * 1000,
    };
  }

  async poll(authReqId: string, currentIntervalMs = 5000): Promise<PollResult> {
    const { status, json, retryAfter } = await this.post('oauth/token', { grant_type: CIBA_GRANT_TYPE, auth_req_id: authReqId });
    if (status === 200 && typeof json.access_token === 'string') return { status: 'approved' };
    // An Auth0 rate limit (429 too_many_requests) while the person decides is a reason to wait, not a failure.
    if (status === 429) return { status: 'slow_down', intervalMs: (retryAfter ?? currentIntervalMs / 1000 + 5) * 1000 };
    switch (json.error) {
      case 'authorization_pending':
        return { status: 'pending' };
      case 'slow_down': {
        const bodyInterval = Number(json.interval);
        const seconds = retryAfter ?? (Number.isFinite(bodyInterval) && bodyInterval > 0 ? bodyInterval : currentIntervalMs / 1000 + 5);
        return { status: 'slow_down', intervalMs: seconds * 1000 };
      }
      case 'access_denied':
        return { status: 'denied' };
      case 'expired_token':
        return { status: 'expired' };
      case 'invalid_grant':
        return { status: 'expired' };
      default:
        throw new CibaError(status >= 500 ? 'unavailable' : 'invalid_response', `CIBA poll failed: ${String(json.error ?? status)}`);
    }
  }

  /**
   * Polls until a decision. Auth0 reports expiry as `access_denied` too, so a denial after the
   * request's lifetime is reported as `expired`.
   */
  async waitForDecision(
    start: CibaStart,
    opts: {
      signal?: AbortSignal;
      onPoll?: (r: PollResult) => void;
      /** Whose request this is (used by limiters in front of this client; the client itself ignores it). */
      owner?: { sub: string; purpose?: string };
    } = {},
  ): Promise<CibaOutcome> {
    let interval = start.intervalMs;
    for (;;) {
      if (opts.signal?.aborted) return 'cancelled';
      if (this.now() >= start.expiresAt) return 'expired';
      await this.sleep(interval, opts.signal);
      if (opts.signal?.aborted) return 'cancelled';
      const r = await this.poll(start.authReqId, interval);
      opts.onPoll?.(r);
      // Whoever asked has gone (request closed, draft cancelled): an answer now must not act for them.
      if (opts.signal?.aborted) return 'cancelled';
      if (r.status === 'approved') return 'approved';
      if (r.status === 'expired') return 'expired';
      if (r.status === 'denied') return this.now() >= start.expiresAt ? 'expired' : 'denied';
      if (r.status === 'slow_down') interval = r.intervalMs;
    }
  }
}
