import { BrowserBridge } from './browserBridge.js';
import type { PickedBridge } from './select.js';

/**
 * Development only (the Vite dev harness, the browser demo and the renderer e2e suites): the browser
 * bridge, configured from the harness's query parameters:
 *   ?ws=ws://127.0.0.1:PORT/ws&token=<access token>[&me_token=<My Account token>]
 * HTTP to the backend and the tenant goes through the harness's same-origin proxies
 * (/__backend, /__tenant), see renderer/vite.config.ts.
 */
export function devBridgeFor(win: Window): PickedBridge {
  const q = new URLSearchParams(win.location.search);
  const wsUrl = q.get('ws');
  const token = q.get('token');
  if (!wsUrl || !token) return { error: 'Dev harness: open this page with ?ws=ws://127.0.0.1:PORT/ws&token=ACCESS_TOKEN.' };
  const bridge = new BrowserBridge({
    wsUrl,
    accessToken: token,
    ...(q.get('me_token') ? { myAccountToken: q.get('me_token')! } : {}),
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  // The harness bridge is exposed as window.vouch too, so the page looks to tests as it does in Electron.
  win.vouch = bridge;
  return { bridge, start: () => bridge.start() };
}
