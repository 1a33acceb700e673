import * as oidc from 'openid-client';
import { loopbackRedirectUris } from './clientPolicy.js';
import { HeadlessBrowser } from './headlessBrowser.js';

export interface HeadlessSession {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in?: number;
  config: oidc.Configuration;
}

/**
 * Signs a dev-tenant user in the way the desktop app does (authorization code + PKCE, state and
 * nonce, loopback redirect, audience = the API), with the headless browser playing the person.
 * Used by tests and by the demo harness; the desktop app has its own system-browser flow.
 */
export async function signInHeadless(opts: {
  issuer: string;
  clientId: string;
  audience: string;
  username?: string;
  redirectUri?: string;
}): Promise<HeadlessSession> {
  const config = await oidc.discovery(new URL(opts.issuer), opts.clientId, undefined, oidc.None(), {
    execute: [oidc.allowInsecureRequests],
  });
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  // The headless browser stops at the redirect, so nothing listens there; it only has to be registered.
  const redirectUri = opts.redirectUri ?? loopbackRedirectUris(process.env.VOUCH_LOOPBACK_PORTS)[0]!;
  const authUrl = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid profile email offline_access',
    audience: opts.audience,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const browser = new HeadlessBrowser();
  const callback = await browser.run(authUrl.href, {
    stop: (u) => u.href.startsWith(redirectUri),
    choose: () => opts.username ?? 'alex',
  });
  const tokens = await oidc.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
    idTokenExpected: true,
  });
  return {
    access_token: tokens.access_token,
    refresh_token: tokens.refresh_token,
    id_token: tokens.id_token,
    expires_in: tokens.expires_in,
    config,
  };
}
