import { z } from 'zod';
import { VouchError, type ErrorCode, type VouchErrorOptions } from '../protocol/index.js';
import { parseRetryAfter } from '../providers/failure.js';
import { missingScopes } from './scopeCatalog.js';
import { InMemoryTokenCache, type TokenCache } from './tokenCache.js';
import type { ProviderToken, ProviderTokenRequest, ProviderTokenSource } from './tokenSource.js';

const TOKEN_VAULT_GRANT_TYPE = 'urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token';
const FEDERATED_ACCESS_TOKEN_TYPE = 'http://auth0.com/oauth/token-type/federated-connection-access-token';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

/** A Token Vault failure with a stable code the app can act on; never carries a token. */
export class TokenVaultError extends VouchError {
  declare readonly code: ErrorCode;
  constructor(
    code: ErrorCode,
    message: string,
    readonly details: { connection?: string; missingScopes?: string[]; status?: number; auth0Error?: string; retryAfterMs?: number } = {},
    options?: VouchErrorOptions,
  ) {
    super(message, { ...options, code });
    this.name = 'TokenVaultError';
  }
}

const ExchangeResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
  scope: z.string().optional(),
  issued_token_type: z.string().optional(),
  token_type: z.string().optional(),
});

interface TokenVaultExchangeEvent {
  userId: string;
  connection: string;
  cached: boolean;
  outcome: 'issued' | ErrorCode;
  scopes?: string[];
}

interface TokenVaultClientOptions {
  /** Tenant base, e.g. `https://tenant.us.auth0.com/`. */
  issuer: string;
  clientId?: string;
  clientSecret?: string;
  now?: () => number;
  fetch?: typeof fetch;
  /** Called after every exchange (never with the token), e.g. to append to the audit log. */
  onExchange?: (e: TokenVaultExchangeEvent) => void;
  timeoutMs?: number;
  /** Where tokens are kept between exchanges; defaults to this process's memory. */
  cache?: TokenCache;
  /** A shared cache can fail to drop a token (invalidate/clearUser return at once); reported here. */
  onCacheError?: (err: unknown) => void;
}

/**
 * The Auth0 Token Vault access-token exchange: the backend's Custom API Client swaps the user's
 * Auth0 access token for a short-lived provider token. The exchange takes no scope parameter, so
 * tokens are cached per (user, connection) until shortly before they expire and each request's
 * scopes are checked against the cached grant; concurrent requests for one key share one exchange.
 */
export class TokenVaultClient implements ProviderTokenSource {
  private readonly cache: TokenCache;
  private readonly now: () => number;
  private readonly fetch: typeof fetch;
  private readonly tokenUrl: string;

  constructor(private readonly opts: TokenVaultClientOptions) {
    this.now = opts.now ?? Date.now;
    this.cache = opts.cache ?? new InMemoryTokenCache();
    this.fetch = opts.fetch ?? fetch;
    this.tokenUrl = new URL('oauth/token', opts.issuer.endsWith('/') ? opts.issuer : `${opts.issuer}/`).href;
  }

  async getAccessToken(req: ProviderTokenRequest): Promise<ProviderToken> {
    const key = { userId: req.userId, connection: req.connection, ...(req.account ? { account: req.account } : {}) };
    const hit = await this.cache.get(key, this.now());
    if (hit && this.lacking(req, hit).length === 0) {
      this.opts.onExchange?.({ userId: req.userId, connection: req.connection, cached: true, outcome: 'issued' });
      return hit;
    }
    // A cached grant without the scope: the account may have been reconnected with more since, so
    // one fresh exchange decides; if it still lacks the scope, the caller asks for it (reconnect).
    if (hit) await this.cache.invalidate(req.userId, req.connection).catch((err: unknown) => this.opts.onCacheError?.(err));
    const token = await this.cache.fill(key, this.now, async () => {
      const fresh = await this.exchange(req);
      const lifetime = fresh.expiresAt - this.now();
      return { token: fresh, refreshAt: fresh.expiresAt - Math.min(60_000, lifetime / 2) };
    });
    const missing = this.lacking(req, token);
    if (missing.length) {
      this.opts.onExchange?.({
        userId: req.userId,
        connection: req.connection,
        cached: false,
        outcome: 'INSUFFICIENT_SCOPE',
        scopes: token.scopes,
      });
      throw new TokenVaultError('INSUFFICIENT_SCOPE', `The linked account has not granted: ${missing.join(', ')}`, {
        connection: req.connection,
        missingScopes: missing,
      });
    }
    return token;
  }

  /** Requested scopes the token's grant does not cover; an exchange that named no scopes is not second-guessed. */
  private lacking(req: ProviderTokenRequest, token: ProviderToken): string[] {
    return token.scopes.length === 0 ? [] : missingScopes(req.scopes, token.scopes);
  }

  invalidate(req: { userId: string; connection: string }): void {
    this.cache.invalidate(req.userId, req.connection).catch((err: unknown) => this.opts.onCacheError?.(err));
  }

  /** Forgets everything held for a user (logout, revoke). */
  clearUser(userId: string): void {
    this.cache.clearUser(userId).catch((err: unknown) => this.opts.onCacheError?.(err));
  }

  get cachedEntries(): number {
    return this.cache.localEntries;
  }

  private async exchange(req: ProviderTokenRequest): Promise<ProviderToken> {
    const { clientId, clientSecret } = this.opts;
    const report = (outcome: TokenVaultExchangeEvent['outcome'], scopes?: string[]) =>
      this.opts.onExchange?.({ userId: req.userId, connection: req.connection, cached: false, outcome, scopes });
    if (!clientId || !clientSecret) {
      report('TOKEN_VAULT_NOT_CONFIGURED');
      throw new TokenVaultError(
        'TOKEN_VAULT_NOT_CONFIGURED',
        'AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET (the Custom API Client) are not set',
        { connection: req.connection },
      );
    }
    const body = new URLSearchParams({
      grant_type: TOKEN_VAULT_GRANT_TYPE,
      client_id: clientId,
      client_secret: clientSecret,
      subject_token: req.subjectToken,
      subject_token_type: ACCESS_TOKEN_TYPE,
      requested_token_type: FEDERATED_ACCESS_TOKEN_TYPE,
      connection: req.connection,
      // One of several connected accounts of this connection, by the address the person picked.
      ...(req.account ? { login_hint: req.account } : {}),
    });
    let res: Response;
    try {
      res = await this.fetch(this.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
      });
    } catch (err) {
      report('TOKEN_EXCHANGE_FAILED');
      throw new TokenVaultError(
        'TOKEN_EXCHANGE_FAILED',
        'Auth0 could not be reached for the token exchange',
        { connection: req.connection },
        { cause: err },
      );
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const err = mapExchangeError(res, json, req.connection, this.now());
      report(err.code);
      throw err;
    }
    const parsed = ExchangeResponse.safeParse(json);
    if (!parsed.success) {
      report('TOKEN_EXCHANGE_FAILED');
      throw new TokenVaultError('TOKEN_EXCHANGE_FAILED', 'Auth0 answered the token exchange with an unexpected body', {
        connection: req.connection,
        status: res.status,
      });
    }
    // No `scope` in the answer leaves the grant unknown (empty): the provider's own 403 then decides.
    const granted = parsed.data.scope ? parsed.data.scope.replace(/,/g, ' ').split(' ').filter(Boolean) : [];
    report('issued', granted);
    return { accessToken: parsed.data.access_token, scopes: granted, expiresAt: this.now() + parsed.data.expires_in * 1000 };
  }
}

function mapExchangeError(res: Response, json: unknown, connection: string, now: number): TokenVaultError {
  const error = typeof (json as { error?: unknown })?.error === 'string' ? (json as { error: string }).error : undefined;
  const description =
    typeof (json as { error_description?: unknown })?.error_description === 'string'
      ? (json as { error_description: string }).error_description
      : '';
  const details = { connection, status: res.status, auth0Error: error };
  if (error === 'federated_connection_refresh_token_not_found' || error === 'tokenset_not_found') {
    return new TokenVaultError('FEDERATED_TOKEN_NOT_IN_VAULT', `No ${connection} account is connected for this user`, details);
  }
  if (error === 'federated_connection_refresh_token_flow_failed') {
    return new TokenVaultError(
      'TOKEN_EXCHANGE_FAILED',
      `The ${connection} account must be reconnected: the provider refused to refresh access`,
      details,
    );
  }
  if (res.status === 429) {
    // Auth0 sends Retry-After (seconds or a date) or only X-RateLimit-Reset (epoch seconds).
    const reset = Number(res.headers.get('x-ratelimit-reset'));
    const retryAfterMs =
      parseRetryAfter(res.headers.get('retry-after'), now) ??
      (Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now) : undefined);
    const why = description ? `: ${description.slice(0, 160)}` : '';
    return new TokenVaultError('RATE_LIMITED', `Auth0 rate-limited the token exchange${why}`, {
      ...details,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
  }
  // Auth0 answers a subject token it will not accept (expired, revoked, another audience) with
  // invalid_grant, as 401 or 403: the person signs in again; nothing is wrong with the tenant.
  if (error === 'invalid_grant') {
    return new TokenVaultError('UNAUTHENTICATED', 'Auth0 refused the session token for the exchange; sign in again', details);
  }
  if (
    error === 'unauthorized_client' ||
    error === 'invalid_client' ||
    error === 'unsupported_grant_type' ||
    res.status === 403 ||
    (error === 'invalid_request' && /not enabled for token vault/i.test(description))
  ) {
    return new TokenVaultError(
      'TOKEN_VAULT_NOT_CONFIGURED',
      `Token Vault is not set up for ${connection}: ${error ?? res.status}`,
      details,
    );
  }
  return new TokenVaultError('TOKEN_EXCHANGE_FAILED', `The token exchange failed (${error ?? res.status})`, details);
}
