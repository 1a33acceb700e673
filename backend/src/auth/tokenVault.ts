import { z } from 'zod';
import type { ErrorCode } from '../protocol/index.js';
import { missingScopes } from './scopeCatalog.js';
import { InMemoryTokenCache, type TokenCache } from './tokenCache.js';
import type { ProviderToken, ProviderTokenRequest, ProviderTokenSource } from './tokenSource.js';

export const TOKEN_VAULT_GRANT_TYPE = 'urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token';
export const FEDERATED_ACCESS_TOKEN_TYPE = 'http://auth0.com/oauth/token-type/federated-connection-access-token';
export const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

/** A Token Vault failure with a stable code the app can act on; never carries a token. */
export class TokenVaultError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { connection?: string; missingScopes?: string[]; status?: number; auth0Error?: string; retryAfterMs?: number } = {},
  ) {
    super(message);
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

export interface TokenVaultExchangeEvent {
  userId: string;
  connection: string;
  cached: boolean;
  outcome: 'issued' | ErrorCode;
  scopes?: string[];
}

export interface TokenVaultClientOptions {
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
 * Auth0 access token for a short-lived provider token. Tokens are cached per (user, connection,
 * scopes) until shortly before they expire, and concurrent requests for one key share one exchange.
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
    const key = { userId: req.userId, connection: req.connection, scopes: req.scopes };
    const hit = await this.cache.get(key, this.now());
    if (hit) {
      this.opts.onExchange?.({ userId: req.userId, connection: req.connection, cached: true, outcome: 'issued' });
      return hit;
    }
    return this.cache.fill(key, this.now, async () => {
      const token = await this.exchange(req);
      const lifetime = token.expiresAt - this.now();
      return { token, refreshAt: token.expiresAt - Math.min(60_000, lifetime / 2) };
    });
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
      throw new TokenVaultError('TOKEN_VAULT_NOT_CONFIGURED', 'AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET (the Custom API Client) are not set', { connection: req.connection });
    }
    const body = new URLSearchParams({
      grant_type: TOKEN_VAULT_GRANT_TYPE,
      client_id: clientId,
      client_secret: clientSecret,
      subject_token: req.subjectToken,
      subject_token_type: ACCESS_TOKEN_TYPE,
      requested_token_type: FEDERATED_ACCESS_TOKEN_TYPE,
      connection: req.connection,
    });
    let res: Response;
    try {
      res = await this.fetch(this.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
      });
    } catch {
      report('TOKEN_EXCHANGE_FAILED');
      throw new TokenVaultError('TOKEN_EXCHANGE_FAILED', 'Auth0 could not be reached for the token exchange', { connection: req.connection });
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const err = mapExchangeError(res, json, req.connection);
      report(err.code);
      throw err;
    }
    const parsed = ExchangeResponse.safeParse(json);
    if (!parsed.success) {
      report('TOKEN_EXCHANGE_FAILED');
      throw new TokenVaultError('TOKEN_EXCHANGE_FAILED', 'Auth0 answered the token exchange with an unexpected body', { connection: req.connection, status: res.status });
    }
    const granted = parsed.data.scope ? parsed.data.scope.replace(/,/g, ' ').split(' ').filter(Boolean) : [...req.scopes];
    const missing = missingScopes(req.scopes, granted);
    if (missing.length) {
      report('INSUFFICIENT_SCOPE', granted);
      throw new TokenVaultError('INSUFFICIENT_SCOPE', `The linked account has not granted: ${missing.join(', ')}`, { connection: req.connection, missingScopes: missing });
    }
    report('issued', granted);
    return { accessToken: parsed.data.access_token, scopes: granted, expiresAt: this.now() + parsed.data.expires_in * 1000 };
  }
}

function mapExchangeError(res: Response, json: unknown, connection: string): TokenVaultError {
  const error = typeof (json as { error?: unknown })?.error === 'string' ? (json as { error: string }).error : undefined;
  const description = typeof (json as { error_description?: unknown })?.error_description === 'string' ? (json as { error_description: string }).error_description : '';
  const details = { connection, status: res.status, auth0Error: error };
  if (error === 'federated_connection_refresh_token_not_found' || error === 'tokenset_not_found') {
    return new TokenVaultError('FEDERATED_TOKEN_NOT_IN_VAULT', `No ${connection} account is connected for this user`, details);
  }
  if (error === 'federated_connection_refresh_token_flow_failed') {
    return new TokenVaultError('TOKEN_EXCHANGE_FAILED', `The ${connection} account must be reconnected: the provider refused to refresh access`, details);
  }
  if (res.status === 429) {
    const retry = Number(res.headers.get('retry-after'));
    return new TokenVaultError('RATE_LIMITED', 'Auth0 rate-limited the token exchange', { ...details, retryAfterMs: Number.isFinite(retry) ? retry * 1000 : undefined });
  }
  if (error === 'invalid_grant' && res.status === 401) {
    return new TokenVaultError('UNAUTHENTICATED', 'Auth0 refused the session token for the exchange; sign in again', details);
  }
  if (
    error === 'unauthorized_client' ||
    error === 'invalid_client' ||
    error === 'unsupported_grant_type' ||
    res.status === 403 ||
    (error === 'invalid_request' && /not enabled for token vault/i.test(description))
  ) {
    return new TokenVaultError('TOKEN_VAULT_NOT_CONFIGURED', `Token Vault is not set up for ${connection}: ${error ?? res.status}`, details);
  }
  return new TokenVaultError('TOKEN_EXCHANGE_FAILED', `The token exchange failed (${error ?? res.status})`, details);
}
