import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as oidc from 'openid-client';
import { TokenVaultClient } from '../../backend/src/auth/tokenVault.js';
import { createProviderTools } from '../../backend/src/providers/index.js';
import { startVouchSystem, type VouchSystem } from '../../backend/standins/system.js';
import { startHarness, type Harness } from './harness.js';

/**
 * The real thing for the browser bridge: dev tenant + sandbox + backend (startVouchSystem), a Vite
 * harness proxying /__backend and /__tenant to them, and the demo user signed in headlessly (PKCE).
 * One system per worker; the tests in a file share it and run in order.
 */
export interface SystemWorld {
  system: VouchSystem;
  harness: Harness;
  /** The signed-in user's API access token and a My Account token (MRRT), as the desktop app holds. */
  tokens: { access_token: string; me_token: string; sub: string };
  /** Reads the sandbox through the official clients with a Token Vault token, as an observer would. */
  observer: ReturnType<typeof createProviderTools>;
}

/** Starts the system, the harness and a signed-in session; used by the fixture and by devHarness.ts. */
export async function startWorld(opts: { port?: number } = {}): Promise<{ world: SystemWorld; url: string; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vouch-e2e-'));
  const system = await startVouchSystem({ dataDir, cibaIntervalSeconds: 1 });
  const harness = await startHarness({ backendUrl: system.backendUrl, tenantUrl: system.tenantUrl, ...(opts.port ? { port: opts.port } : {}) });
  // The browser popover's Connected Accounts return page, registered like any Allowed Callback URL.
  system.tenant.allowDesktopCallback(new URL('/connect-callback.html', harness.url).href);
  const session = await system.login();
  if (!session.refresh_token) throw new Error('login returned no refresh token');
  // The My Account token through the refresh token (Auth0 MRRT), as the desktop app gets it.
  const me = await oidc.refreshTokenGrant(session.config, session.refresh_token, {
    audience: system.tenant.meAudience,
    scope: 'create:me:connected_accounts read:me:connected_accounts delete:me:connected_accounts',
  });
  const sub = String(JSON.parse(Buffer.from(session.access_token.split('.')[1]!, 'base64url').toString()).sub);
  const vault = new TokenVaultClient({ issuer: system.tenant.issuer, clientId: system.tenant.apiClient.clientId, clientSecret: system.tenant.apiClient.clientSecret });
  const observer = createProviderTools({ tokenSource: vault, urls: { googleRootUrl: `${system.sandboxUrl}/`, slackApiUrl: `${system.sandboxUrl}/slack/api/` } });
  const tokens = { access_token: session.access_token, me_token: me.access_token, sub };
  const q = new URLSearchParams({ ws: system.wsUrl, token: tokens.access_token, me_token: tokens.me_token });
  return {
    world: { system, harness, tokens, observer },
    url: `${harness.url}/index.html?${q}`,
    stop: async () => {
      await harness.close();
      await system.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
