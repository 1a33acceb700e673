import type { VouchBridge } from '../../../electron/src/bridge/contract.js';
import { BrowserBridge } from './browserBridge.js';

/**
 * Picks the bridge: Electron's preload (`window.vouch`) always wins. Only when it is absent and the
 * page is served by the Vite dev harness does the browser bridge take over, configured from the
 * harness's query parameters:
 *   ?ws=ws://127.0.0.1:PORT/ws&token=<access token>[&me_token=<My Account token>]
 * HTTP to the backend and the tenant goes through the harness's same-origin proxies
 * (/__backend, /__tenant), see renderer/vite.config.ts.
 */
export function selectBridge(win: Window, dev: boolean): { bridge: VouchBridge; start?: () => void } | { error: string } {
  if (win.vouch) return { bridge: win.vouch };
  if (!dev) return { error: 'Vouch must be opened from the desktop app.' };
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
