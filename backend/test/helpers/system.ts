import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startVouchSystem, type VouchSystem, type VouchSystemOptions } from '../../standins/system.js';
import { HeadlessBrowser } from '../../standins/devtenant/headlessBrowser.js';
import { createMyAccountClient, connectBrowserUrl } from '../../../electron/src/auth/myAccountClient.js';
import { CONNECT_BASE_SCOPES, scopesForProvider } from '../../src/auth/scopeCatalog.js';
import type { Provider } from '../../src/protocol/index.js';
import * as oidc from 'openid-client';

export function tempDir(prefix = 'vouch-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startTestSystem(opts: Partial<VouchSystemOptions> = {}): Promise<VouchSystem> {
  return startVouchSystem({ dataDir: tempDir(), ...opts });
}

/**
 * Links a provider account the way the desktop app does: a My Account token through the refresh
 * token (MRRT), `connect` with PKCE, the browser through the dev tenant to the sandbox's consent
 * page and back with a `connect_code`, then `complete`.
 */
export async function linkAccount(
  system: VouchSystem,
  session: { refresh_token?: string; config: oidc.Configuration },
  provider: Provider,
  opts: { scopes?: string[]; decision?: 'allow' | 'deny'; loginHint?: string } = {},
): Promise<{ id: string; scopes?: string[] }> {
  const me = await oidc.refreshTokenGrant(session.config, session.refresh_token!, {
    audience: system.tenant.meAudience,
    scope: 'create:me:connected_accounts read:me:connected_accounts delete:me:connected_accounts',
  });
  const client = createMyAccountClient({ issuer: system.tenant.issuer, accessToken: me.access_token });
  const verifier = oidc.randomPKCECodeVerifier();
  // The desktop app's registered callback, reused for the connect redirect (as nextjs-auth0 does).
  const redirectUri = system.tenant.desktopRedirectUris[0]!;
  const state = oidc.randomState();
  const connection = system.env[provider === 'google' ? 'GOOGLE_CONNECTION' : 'SLACK_CONNECTION'];
  const started = await client.connect({
    connection,
    redirect_uri: redirectUri,
    state,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    scopes: opts.scopes ?? [...CONNECT_BASE_SCOPES[provider], ...scopesForProvider(provider).map((s) => s.scope)],
    ...(opts.loginHint ? { authorization_params: { login_hint: opts.loginHint } } : {}),
  });
  const browser = new HeadlessBrowser();
  const back = await browser.run(connectBrowserUrl(started), {
    stop: (u) => u.href.startsWith(redirectUri),
    choose: () => opts.decision ?? 'allow',
  });
  if (back.searchParams.get('state') !== state) throw new Error('state mismatch');
  const code = back.searchParams.get('connect_code');
  if (!code) throw new Error(`connect failed: ${back.searchParams.get('error')}`);
  return client.complete({ auth_session: started.auth_session, connect_code: code, redirect_uri: redirectUri, code_verifier: verifier });
}
