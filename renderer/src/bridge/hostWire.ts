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
 *
 * The desktop around the popover (the tray, OS notifications; see electron/src/app/desktopShell.ts)
 * travels on the same socket, for the page's dev tray strip (renderer/src/dev/):
 * host → page: `{type:'tray', items, icon}` (the tray menu model and icon), `{type:'notify', intent}`
 *              (an OS notification), `{type:'show_popover'}` (the app would show its popover window);
 * page → host: `{type:'visibility', visible}` (whether the popover is open and the tab shown),
 *              `{type:'tray_action', action}`, `{type:'notification_click', draftId?}`.
 *
 * The host accepts the socket only from the page it served: same Origin, plus an HttpOnly,
 * SameSite=Strict cookie holding a per-run secret that it sets on the popover document.
 */
export const HOST_BRIDGE_PATH = '/__vouch/bridge';
export const HOST_SECRET_COOKIE = 'vouch_host_secret';

export type PageMessage =
  | { type: 'call'; id: number; channel: string; args: unknown[] }
  | { type: 'visibility'; visible: boolean }
  | { type: 'tray_action'; action: string }
  | { type: 'notification_click'; draftId?: string };
export type HostMessage =
  { type: 'result'; id: number; result: unknown } | { type: 'event'; event: unknown } | { type: 'open'; url: string } | DevShellMessage;

/** The tray and notifications, as the dev tray strip shows them. */
export interface DevTrayItem {
  label?: string;
  action?: string;
  type?: 'separator' | 'checkbox';
  checked?: boolean;
  enabled?: boolean;
}
export type DevShellMessage =
  | { type: 'tray'; items: DevTrayItem[]; icon: string; tooltip: string }
  | { type: 'notify'; intent: { tag: string; title: string; body: string; draftId?: string } }
  | { type: 'show_popover' };

/** The page's end of the tray and notification messages (only the dev transport has one). */
export interface DevShellChannel {
  /** Subscribes; the tray as last sent is delivered at once. Returns the unsubscribe function. */
  onMessage(listener: (message: DevShellMessage) => void): () => void;
  send(message: Exclude<PageMessage, { type: 'call' }>): void;
}
