import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as oidc from 'openid-client';
import { TokenVaultClient } from '../../backend/src/auth/tokenVault.js';
import { createProviderTools } from '../../backend/src/providers/index.js';
import { startCartesiaStandIn, type CartesiaStandIn } from '../../backend/standins/ai/cartesiaStandIn.js';
import { startDesktopHost, type DesktopHost } from '../../backend/standins/desktopHost/host.js';
import { startVouchSystem, type VouchSystem } from '../../backend/standins/system.js';
import { createMyAccountClient } from '../../electron/src/auth/myAccountClient.js';
import { reserveLoopbackPorts } from '../../electron/test/main/helpers/ports.js';

/**
 * The real thing: dev tenant + sandbox + backend (startVouchSystem), and the desktop host running the
 * desktop app's main-process logic (controller, session, link, connect/unlink, speech) that serves
 * the popover. The popover signs in as a person would (its Sign in button, the tenant's page in a new
 * tab, the loopback callback on the host). One world per worker; the tests in a file share it.
 */
export interface SystemWorld {
  system: VouchSystem;
  host: DesktopHost;
  /** A separate session of the same person, for the observer's Token Vault reads (the host's tokens stay in the host). */
  tokens: { access_token: string; sub: string };
  /** Reads the sandbox through the official clients with a Token Vault token, as an observer would. */
  observer: ReturnType<typeof createProviderTools>;
  /** How many accounts the person has connected in Token Vault for an Auth0 connection, read through the My Account API. */
  connectedAccounts(connection: string): Promise<number>;
  /** The host's data folder (its settings, dev token and conversation history files). */
  hostDataDir: string;
  /** Quits the desktop host and starts it again on the same data folder (an app restart); `host` is the new one. */
  restartHost(): Promise<DesktopHost>;
  /** The Cartesia stand-in the backend speaks through, in worlds started with `cartesia` (others speak offline). */
  cartesia?: CartesiaStandIn;
}

// The sign-in callback ports of this process, registered on every tenant it starts (each world's
// host listens on them one round trip at a time), so parallel runs never contend for the defaults.
let loopbackPorts: Promise<number[]> | undefined;

/** Starts the system, the desktop host and an observer session; used by the fixtures and by devHarness.ts. */
export async function startWorld(
  opts: { port?: number; whisperModelDir?: string; modelBaseUrl?: string; modelResourcesDir?: string; cartesia?: boolean } = {},
): Promise<{ world: SystemWorld; url: string; stop(): Promise<void> }> {
  const ports = await (loopbackPorts ??= reserveLoopbackPorts(4));
  const dataDir = mkdtempSync(join(tmpdir(), 'vouch-e2e-'));
  const cartesia = opts.cartesia ? await startCartesiaStandIn() : undefined;
  const system = await startVouchSystem({
    dataDir,
    cibaIntervalSeconds: 1,
    desktopRedirectUris: ports.map((p) => `http://127.0.0.1:${p}/callback`),
    ...(cartesia ? { env: { CARTESIA_API_KEY: cartesia.apiKey, CARTESIA_BASE_URL: cartesia.url }, cartesiaCa: cartesia.ca } : {}),
  });
  const hostDataDir = join(dataDir, 'desktop-host');
  const startHost = () =>
    startDesktopHost({
      settings: {
        issuer: system.tenant.issuer,
        clientId: system.tenant.desktopClientId,
        audience: system.tenant.apiAudience,
        backendUrl: system.backendUrl,
        wsUrl: system.wsUrl,
        allowHttp: true,
        loopbackPorts: ports,
      },
      dataDir: hostDataDir,
      port: opts.port ?? 0,
      whisperModelDir: opts.whisperModelDir,
      // The speech model host (tests: a local server with generated files); nothing is downloaded unless asked.
      ...(opts.modelBaseUrl ? { modelBaseUrl: opts.modelBaseUrl } : {}),
      ...(opts.modelResourcesDir ? { modelResourcesDir: opts.modelResourcesDir } : {}),
      cacheDir: fileURLToPath(new URL('../../node_modules/.vite-renderer-e2e', import.meta.url)),
    });
  const host = await startHost();
  const session = await system.login();
  const sub = String(JSON.parse(Buffer.from(session.access_token.split('.')[1]!, 'base64url').toString()).sub);
  const vault = new TokenVaultClient({
    issuer: system.tenant.issuer,
    clientId: system.tenant.apiClient.clientId,
    clientSecret: system.tenant.apiClient.clientSecret,
  });
  const observer = createProviderTools({
    tokenSource: vault,
    urls: { googleRootUrl: `${system.sandboxUrl}/`, slackApiUrl: `${system.sandboxUrl}/slack/api/` },
  });
  const connectedAccounts = async (connection: string) => {
    const me = await oidc.refreshTokenGrant(session.config, session.refresh_token!, {
      audience: system.tenant.meAudience,
      scope: 'read:me:connected_accounts',
    });
    return (await createMyAccountClient({ issuer: system.tenant.issuer, accessToken: me.access_token }).listAccounts(connection)).length;
  };
  const world: SystemWorld = {
    system,
    host,
    tokens: { access_token: session.access_token, sub },
    observer,
    connectedAccounts,
    hostDataDir,
    restartHost: async () => {
      await world.host.close();
      world.host = await startHost();
      return world.host;
    },
    ...(cartesia ? { cartesia } : {}),
  };
  return {
    world,
    url: host.url,
    stop: async () => {
      await world.host.close();
      await system.stop();
      await cartesia?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
