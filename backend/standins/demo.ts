/**
 * `npm run demo`: the whole system on embedded defaults: dev tenant, provider sandbox and backend
 * on fixed local ports, plus the desktop host (the desktop app's own main-process logic in Node,
 * see desktopHost/) serving the popover to your browser. No account or key is needed. Press
 * "Sign in" in the popover once; the host keeps the (dev-tenant) session in DATA_DIR for next time.
 */
import { join, resolve } from 'node:path';
import { startDesktopHost } from './desktopHost/host.js';
import { backendPassthrough, loadDemoEnv } from './config.js';
import { startVouchSystem } from './system.js';

const config = loadDemoEnv();
const dataDir = resolve(config.DATA_DIR);
const ports = {
  backend: config.PORT,
  tenant: config.VOUCH_TENANT_PORT,
  sandbox: config.VOUCH_SANDBOX_PORT,
  popover: config.VOUCH_POPOVER_PORT,
};

const system = await startVouchSystem({ dataDir, ports, env: backendPassthrough(config), logLevel: config.LOG_LEVEL });

const host = await startDesktopHost({
  settings: {
    issuer: system.tenant.issuer,
    clientId: system.tenant.desktopClientId,
    audience: system.tenant.apiAudience,
    backendUrl: system.backendUrl,
    wsUrl: system.wsUrl,
    allowHttp: true,
  },
  dataDir: join(dataDir, 'desktop-host'),
  port: ports.popover,
  whisperModelDir: config.VOUCH_WHISPER_MODEL_DIR,
  modelBaseUrl: config.VOUCH_MODEL_BASE_URL,
  modelAutoDownload: config.VOUCH_MODEL_AUTO_DOWNLOAD === '1',
  // Printed too, in case the browser blocked the tab the popover opened.
  onOpenExternal: (url) => console.log(`\nOpening in your browser (open it yourself if no tab appeared):\n  ${url}\n`),
});
const signedIn = host.app.session.state.signedIn;
// Loads a model already present (a folder or an earlier download) before saying which it is.
await host.speech.start();

console.log(`
Vouch is running on embedded defaults (data in ${dataDir}).

  Open the popover:                      ${host.url}${signedIn ? '   (signed in)' : '   then press "Sign in"'}
  With the tray (menu, notifications):   ${host.url}?tray
  The "phone" for step-up approvals:     ${system.tenantUrl}/dev/phone
  Backend (HTTP + WebSocket /ws):        ${system.backendUrl}
  Dev tenant (Auth0-compatible):         ${system.tenantUrl}
  Provider sandbox (Gmail/Calendar/Slack): ${system.sandboxUrl}
  Speech (Talk):                         ${speechLine()}

Try: "what's on my calendar tomorrow", "summarize my last emails from Dana",
     "reply to Dana that Thursday works", "post to #deals that the NDA is signed".
Press Ctrl+C to stop.`);

function speechLine(): string {
  const state = host.speech.state;
  if (state.status === 'ready' || state.status === 'loading') return `Whisper model in ${state.modelDir}`;
  return 'no model yet: Download it from the popover\'s "Speech model" row (Accounts), or set VOUCH_WHISPER_MODEL_DIR';
}

const stop = async () => {
  await host.close();
  await system.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
