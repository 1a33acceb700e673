import * as oidc from 'openid-client';
import { openLoopback, type LoopbackTimers } from './loopback.js';

/**
 * The desktop app's OAuth 2.0 client (RFC 8252, "OAuth for native apps"): a public client that
 * signs in through the *system* browser with authorization code + PKCE (S256), `state` and `nonce`,
 * and a loopback redirect. `openid-client` does discovery, builds the request and validates the
 * response (state, PKCE, ID token signature/nonce/issuer/audience); this module adds the loopback
 * listener and the browser hand-off, which is injected (`shell.openExternal` in the app).
 */
interface AuthServerConfig {
  /** The tenant's issuer, e.g. `https://vouch.eu.auth0.com/`. */
  issuer: string;
  clientId: string;
  /** The backend API identifier (Auth0 `audience`). */
  audience: string;
  scope?: string;
  /** Only for local development tenants served over http on loopback. */
  allowHttp?: boolean;
}

const DEFAULT_SCOPE = 'openid profile email offline_access';

type TokenResponse = oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;

export async function discover(cfg: AuthServerConfig): Promise<oidc.Configuration> {
  const issuer = new URL(cfg.issuer);
  const insecure = issuer.protocol === 'http:';
  if (insecure && !(cfg.allowHttp && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname))) {
    throw new Error('the issuer must use https (http is allowed only for a loopback dev tenant)');
  }
  return oidc.discovery(issuer, cfg.clientId, undefined, oidc.None(), insecure ? { execute: [oidc.allowInsecureRequests] } : undefined);
}

interface BrowserSignInOptions {
  config: oidc.Configuration;
  openExternal(url: string): Promise<void>;
  audience: string;
  scope?: string;
  timeoutMs?: number;
  timers?: LoopbackTimers;
  signal?: AbortSignal;
  /** Extra authorization parameters (e.g. `prompt`). */
  extra?: Record<string, string>;
  /** Loopback ports to try (default: VOUCH_LOOPBACK_PORTS or the defaults); each callback must be registered. */
  loopbackPorts?: readonly number[];
}

/** Runs one authorization-code + PKCE round trip through the system browser. */
export async function signInWithBrowser(opts: BrowserSignInOptions): Promise<TokenResponse> {
  const verifier = oidc.randomPKCECodeVerifier();
  const challenge = await oidc.calculatePKCECodeChallenge(verifier);
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const loop = await openLoopback({
    expectedState: state,
    ...(opts.loopbackPorts ? { ports: opts.loopbackPorts } : {}),
    timeoutMs: opts.timeoutMs ?? 5 * 60_000,
    ...(opts.timers ? { timers: opts.timers } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    successText: 'You are signed in to Vouch. You can close this tab.',
  });
  try {
    const url = oidc.buildAuthorizationUrl(opts.config, {
      ...opts.extra,
      redirect_uri: loop.redirectUri,
      scope: opts.scope ?? DEFAULT_SCOPE,
      audience: opts.audience,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    await opts.openExternal(url.href);
    const callback = await loop.result;
    // openid-client re-checks state, reports `error=` responses, sends the verifier and validates
    // the ID token (signature, iss, aud, exp, nonce).
    return await oidc.authorizationCodeGrant(opts.config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: opts.scope === undefined || opts.scope.split(' ').includes('openid'),
    });
  } finally {
    loop.close();
  }
}

/** The session's OAuth port over openid-client. */
export function createOidcAuthClient(opts: {
  config: oidc.Configuration;
  audience: string;
  scope?: string;
  openExternal(url: string): Promise<void>;
  timeoutMs?: number;
  loopbackPorts?: readonly number[];
}): import('./session.js').AuthClientPort {
  const toTokenSet = (t: TokenResponse) => {
    const claims = t.id_token ? t.claims() : undefined;
    return {
      access_token: t.access_token,
      refresh_token: t.refresh_token,
      expires_in: t.expiresIn(),
      profile: claims
        ? {
            sub: claims.sub,
            ...(typeof claims.email === 'string' ? { email: claims.email } : {}),
            ...(typeof claims.name === 'string' ? { name: claims.name } : {}),
          }
        : undefined,
    };
  };
  return {
    signIn: async () =>
      toTokenSet(
        await signInWithBrowser({
          config: opts.config,
          openExternal: opts.openExternal,
          audience: opts.audience,
          ...(opts.scope ? { scope: opts.scope } : {}),
          ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
          ...(opts.loopbackPorts ? { loopbackPorts: opts.loopbackPorts } : {}),
        }),
      ),
    refresh: async (rt, params) => toTokenSet(await oidc.refreshTokenGrant(opts.config, rt, params)),
    revoke: async (rt) => {
      if (opts.config.serverMetadata().revocation_endpoint)
        await oidc.tokenRevocation(opts.config, rt, { token_type_hint: 'refresh_token' });
    },
  };
}
