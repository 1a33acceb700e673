import type * as oidc from 'openid-client';
import { MY_ACCOUNT_SCOPES } from './myAccount.js';
import { signInWithBrowser } from './oidc.js';
import type { AuthSession } from './session.js';

/**
 * A My Account API access token. First choice: Auth0 multi-resource refresh (refresh_token grant
 * with `audience=https://{tenant}/me/` and the Connected Accounts scopes), silent and browser-free;
 * the sign-in itself asks only for the API audience. If the tenant's refresh-token policy does not
 * cover the My Account API (an OAuth error such as `access_denied` or `invalid_request`, or a token
 * for another audience, which is what Auth0 returns when it ignores the audience), fall back to
 * one PKCE round trip in the system browser for that audience.
 * The token is only used for the connect/complete pair and is not stored.
 */
interface MyAccountTokenDeps {
  session: Pick<AuthSession, 'tokenForAudience' | 'hasRefreshToken'>;
  audience: string;
  scope?: string;
  /** The PKCE fallback; the app passes a closure over signInWithBrowser. */
  browserFallback(): Promise<string>;
  onFallback?(reason: string): void;
}

export async function getMyAccountToken(deps: MyAccountTokenDeps): Promise<string> {
  const scope = deps.scope ?? MY_ACCOUNT_SCOPES;
  if (deps.session.hasRefreshToken) {
    try {
      const token = await deps.session.tokenForAudience(deps.audience, scope);
      // Without a refresh-token policy for the My Account API, Auth0 ignores `audience` and answers
      // with a token for the original API; the My Account API would refuse it, so do not use it.
      if (tokenIsFor(token, deps.audience)) return token;
      deps.onFallback?.('audience_not_in_refresh_policy');
    } catch (err) {
      const code = oauthErrorCode(err);
      // Network failures are not a policy problem; a browser round trip would not help.
      if (!code || code === 'invalid_grant') throw err;
      deps.onFallback?.(code);
    }
  } else {
    deps.onFallback?.('no_refresh_token');
  }
  return deps.browserFallback();
}

export function browserFallbackFor(opts: {
  config: oidc.Configuration;
  audience: string;
  scope?: string;
  openExternal(url: string): Promise<void>;
  loopbackPorts?: readonly number[];
}): () => Promise<string> {
  return async () => {
    const t = await signInWithBrowser({
      config: opts.config,
      openExternal: opts.openExternal,
      audience: opts.audience,
      scope: `openid ${opts.scope ?? MY_ACCOUNT_SCOPES}`,
      ...(opts.loopbackPorts ? { loopbackPorts: opts.loopbackPorts } : {}),
    });
    return t.access_token;
  };
}

/**
 * Whether a JWT access token names `audience` (payload read, not verified: the tenant verifies it;
 * this only avoids sending one that cannot work). An opaque token cannot be read and is used as is.
 */
function tokenIsFor(token: string, audience: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return true;
  try {
    const aud = (JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as { aud?: unknown }).aud;
    return Array.isArray(aud) ? aud.includes(audience) : aud === audience;
  } catch {
    return true;
  }
}

function oauthErrorCode(err: unknown): string | undefined {
  if (err && typeof err === 'object' && typeof (err as { error?: unknown }).error === 'string') return (err as { error: string }).error;
  return undefined;
}

/** What the Connected Accounts flows (connect, unlink) share: who, where, and how to open a browser. */
export interface MyAccountFlowOptions {
  session: AuthSession;
  config: oidc.Configuration;
  issuer: string;
  /** Default `{issuer}/me/`. */
  meAudience?: string;
  openExternal(url: string): Promise<void>;
  /** Loopback ports for the browser legs (default: DEFAULT_LOOPBACK_PORTS); each callback must be registered. */
  loopbackPorts?: readonly number[];
}

export function myAccountAudience(opts: Pick<MyAccountFlowOptions, 'issuer' | 'meAudience'>): string {
  return opts.meAudience ?? new URL('me/', opts.issuer.endsWith('/') ? opts.issuer : `${opts.issuer}/`).href;
}

/** A My Account token for `scope`: MRRT first, the PKCE browser round trip as the fallback. */
export function myAccountTokenFor(opts: MyAccountFlowOptions, scope?: string): Promise<string> {
  const audience = myAccountAudience(opts);
  return getMyAccountToken({
    session: opts.session,
    audience,
    ...(scope ? { scope } : {}),
    browserFallback: browserFallbackFor({
      config: opts.config,
      audience,
      ...(scope ? { scope } : {}),
      openExternal: opts.openExternal,
      ...(opts.loopbackPorts ? { loopbackPorts: opts.loopbackPorts } : {}),
    }),
  });
}
