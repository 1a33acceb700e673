import type { ConnectedAccountStore } from './connectedAccounts.js';
import { type UpstreamConnection, UpstreamError, upstreamTokenRequest } from './upstream.js';

export const TOKEN_VAULT_GRANT = 'urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token';
export const FEDERATED_TOKEN_TYPE = 'http://auth0.com/oauth/token-type/federated-connection-access-token';
export const SUBJECT_ACCESS_TOKEN = 'urn:ietf:params:oauth:token-type:access_token';
export const SUBJECT_REFRESH_TOKEN = 'urn:ietf:params:oauth:token-type:refresh_token';

/** Parameters oidc-provider must let through to the handler. */
export const TOKEN_VAULT_PARAMS = ['subject_token', 'subject_token_type', 'requested_token_type', 'connection', 'login_hint', 'scope'];

/** A stored provider access token is handed out only while it has at least this long to live. */
const REUSE_MARGIN_MS = 60_000;

export interface TokenVaultGrantDeps {
  accounts: ConnectedAccountStore;
  upstream: (connection: string) => UpstreamConnection | undefined;
  /** Resolves the user behind an Auth0 access token issued for `audience`, or undefined. */
  verifyAccessToken: (token: string) => Promise<{ sub: string; aud: string[] } | undefined>;
  /** Resolves the user behind an Auth0 refresh token held by `clientId`, or undefined. */
  verifyRefreshToken: (token: string, clientId: string) => Promise<{ sub: string } | undefined>;
  /** The API identifier a Custom API Client is linked to (same identifier as the API). */
  linkedAudience: (clientId: string) => string | undefined;
  now: () => number;
  onExchange?: (e: { sub: string; connection: string; outcome: string }) => void;
}

type Ctx = {
  status: number;
  body: unknown;
  oidc: { params: Record<string, unknown>; client: { clientId: string } };
  set(name: string, value: string): void;
};

function fail(ctx: Ctx, status: number, error: string, description: string) {
  ctx.status = status;
  ctx.body = { error, error_description: description };
  ctx.set('cache-control', 'no-store');
}

/**
 * The Token Vault access-token exchange as Auth0 resolves it: validate the subject token, find the
 * user's connected account for `connection`, hand out the stored provider token while it is fresh,
 * otherwise refresh it upstream with the stored provider refresh token.
 */
export function createTokenVaultGrant(deps: TokenVaultGrantDeps) {
  return async function tokenVaultGrant(ctx: Ctx): Promise<void> {
    const p = ctx.oidc.params as Record<string, string | undefined>;
    const clientId = ctx.oidc.client.clientId;
    if (p.requested_token_type !== FEDERATED_TOKEN_TYPE) {
      return fail(ctx, 400, 'invalid_request', `requested_token_type must be ${FEDERATED_TOKEN_TYPE}`);
    }
    if (!p.subject_token) return fail(ctx, 400, 'invalid_request', 'subject_token is required');
    if (!p.connection) return fail(ctx, 400, 'invalid_request', 'connection is required');

    let sub: string | undefined;
    if (p.subject_token_type === SUBJECT_ACCESS_TOKEN) {
      const audience = deps.linkedAudience(clientId);
      if (!audience) return fail(ctx, 403, 'unauthorized_client', 'The client is not a Custom API Client linked to an API');
      const who = await deps.verifyAccessToken(p.subject_token);
      if (!who) return fail(ctx, 401, 'invalid_grant', 'Invalid subject token');
      if (!who.aud.includes(audience))
        return fail(ctx, 401, 'invalid_grant', 'The subject token audience is not the API linked to this client');
      sub = who.sub;
    } else if (p.subject_token_type === SUBJECT_REFRESH_TOKEN) {
      sub = (await deps.verifyRefreshToken(p.subject_token, clientId))?.sub;
      if (!sub) return fail(ctx, 403, 'invalid_grant', 'Unknown or invalid refresh token.');
    } else {
      return fail(ctx, 400, 'invalid_request', 'unsupported subject_token_type');
    }

    const upstream = deps.upstream(p.connection);
    if (!upstream) return fail(ctx, 400, 'invalid_request', 'connection is not enabled for token vault');
    // Several accounts of one connection: login_hint picks one; without it the latest connected answers.
    const account = deps.accounts.find(sub, p.connection, p.login_hint || undefined);
    if (!account) {
      deps.onExchange?.({ sub, connection: p.connection, outcome: 'not_found' });
      return fail(ctx, 401, 'federated_connection_refresh_token_not_found', 'Federated connection Refresh Token not found.');
    }

    let { accessToken, accessTokenExpiresAt: expiresAt } = account;
    if (expiresAt - deps.now() <= REUSE_MARGIN_MS) {
      try {
        const fresh = await upstreamTokenRequest(upstream, { grant_type: 'refresh_token', refresh_token: account.refreshToken });
        accessToken = fresh.access_token;
        expiresAt = deps.now() + fresh.expires_in * 1000;
        deps.accounts.updateAccessToken(account.id, accessToken, expiresAt);
      } catch (err) {
        deps.onExchange?.({ sub, connection: p.connection, outcome: 'refresh_failed' });
        const reason = err instanceof UpstreamError ? err.error : 'upstream unavailable';
        return fail(
          ctx,
          401,
          'federated_connection_refresh_token_flow_failed',
          `The provider refused to refresh the token (${reason}); reconnect the account.`,
        );
      }
    }
    deps.onExchange?.({ sub, connection: p.connection, outcome: 'issued' });
    ctx.status = 200;
    ctx.set('cache-control', 'no-store');
    ctx.body = {
      access_token: accessToken,
      scope: account.scopes.join(' '),
      expires_in: Math.max(1, Math.floor((expiresAt - deps.now()) / 1000)),
      issued_token_type: FEDERATED_TOKEN_TYPE,
      token_type: 'Bearer',
    };
  };
}
