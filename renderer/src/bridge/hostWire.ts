/**
 * Development only: the wire between the browser popover and the desktop host
 * (backend/standins/desktopHost/), which runs the desktop app's main-process logic in Node. It
 * mirrors Electron's IPC one call for one call: the page runs the preload's own `createBridge` over
 * this socket, the host runs main's own `registerBridgeHandlers` behind it.
 *
 * page → host: text `{type:'call', id, channel, args}` (an `ipcRenderer.invoke`), or a binary
 *              message, which is `pushAudio`'s chunk (the one `ipcRenderer.send` method);
 * host → page: `{type:'result', id, result}` (main's `BridgeResult`), `{type:'event', event}` (the
 *              event channel), `{type:'open', url}` (the desktop's "open in the system browser":
 *              here the person's browser is the page's own, so the page opens a tab).
 *
 * The host accepts the socket only from the page it served: same Origin, plus an HttpOnly,
 * SameSite=Strict cookie holding a per-run secret that it sets on the popover document.
 */
export const HOST_BRIDGE_PATH = '/__vouch/bridge';
export const HOST_SECRET_COOKIE = 'vouch_host_secret';

export type PageMessage = { type: 'call'; id: number; channel: string; args: unknown[] };
export type HostMessage =
  { type: 'result'; id: number; result: unknown } | { type: 'event'; event: unknown } | { type: 'open'; url: string };
