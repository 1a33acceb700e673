/**
 * `npm run demo`: the whole system on embedded defaults: dev tenant, provider sandbox and backend
 * on fixed local ports, plus the popover served in a browser (the same React renderer the desktop
 * app shows) already signed in as the demo user. No account or key is needed.
 */
import { createServer as createHttpServer } from 'node:http';
import { join, resolve } from 'node:path';
import * as oidc from 'openid-client';
import { harnessProxy } from '../../renderer/vite.config.js';
import { backendPassthrough, loadDemoEnv } from './config.js';
import { startVouchSystem } from './system.js';

const config = loadDemoEnv();
const dataDir = resolve(config.DATA_DIR);
const ports = {
  backend: config.PORT,
  tenant: config.VOUCH_TENANT_PORT,
  sandbox: config.VOUCH_SANDBOX_PORT,
  launcher: config.VOUCH_LAUNCHER_PORT,
  popover: config.VOUCH_POPOVER_PORT,
};

const system = await startVouchSystem({ dataDir, ports, env: backendPassthrough(config), logLevel: config.LOG_LEVEL });

// The popover in a browser: Vite serves the renderer with same-origin proxies to the backend and tenant.
const { createServer: createVite } = await import('vite');
const vite = await createVite({
  configFile: join(import.meta.dirname, '../../renderer/vite.config.ts'),
  server: { port: ports.popover, strictPort: true, proxy: harnessProxy(system.backendUrl, system.tenantUrl) },
});
await vite.listen();
const popoverUrl = `http://127.0.0.1:${ports.popover}/`;
// The popover's Connected Accounts return page, registered like any Allowed Callback URL.
system.tenant.allowDesktopCallback(new URL('/connect-callback.html', popoverUrl).href);

// The launcher signs the demo user in (PKCE, as the desktop app does) and hands the popover its
// tokens in the redirect, so no token is ever printed to the console.
const launcher = createHttpServer((req, res) => {
  void (async () => {
    try {
      const user = new URL(req.url ?? '/', 'http://x').searchParams.get('user') ?? 'alex';
      const session = await system.login(user);
      const me = await oidc.refreshTokenGrant(session.config, session.refresh_token!, {
        audience: system.tenant.meAudience,
        scope: 'create:me:connected_accounts read:me:connected_accounts delete:me:connected_accounts',
      });
      const target = new URL(popoverUrl);
      target.searchParams.set('ws', system.wsUrl);
      target.searchParams.set('token', session.access_token);
      target.searchParams.set('me_token', me.access_token);
      res.writeHead(302, { location: target.href, 'cache-control': 'no-store' });
      res.end();
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`sign-in failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  })();
});
await new Promise<void>((r) => launcher.listen(ports.launcher, '127.0.0.1', () => r()));

console.log(`
Vouch is running on embedded defaults (data in ${dataDir}).

  Open the popover, signed in as Alex:  http://127.0.0.1:${ports.launcher}/
  The "phone" for step-up approvals:     ${system.tenantUrl}/dev/phone
  Backend (HTTP + WebSocket /ws):        ${system.backendUrl}
  Dev tenant (Auth0-compatible):         ${system.tenantUrl}
  Provider sandbox (Gmail/Calendar/Slack): ${system.sandboxUrl}

Try: "what's on my calendar tomorrow", "summarize my last emails from Dana",
     "reply to Dana that Thursday works", "post to #deals that the NDA is signed".
Press Ctrl+C to stop.`);

const stop = async () => {
  launcher.close();
  await vite.close();
  await system.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
