import type { BridgeEvent, BridgeResult } from '../../../electron/src/bridge/contract.js';
import { channelFor, EVENT_CHANNEL } from '../../../electron/src/ipc/channels.js';
import { createBridge, type IpcRendererLike } from '../../../electron/src/ipc/createBridge.js';
import { type DevShellChannel, type DevShellMessage, HOST_BRIDGE_PATH, type HostMessage, type PageMessage } from './hostWire.js';
import type { PickedBridge } from './select.js';

type Listener = (event: unknown, ...args: unknown[]) => void;

/**
 * Development only (the browser demo and the system e2e suite): `window.vouch` for a popover served
 * by the desktop host. It is the preload's `createBridge` over an `ipcRenderer` look-alike that
 * carries each call to the host on a WebSocket (see hostWire.ts), so the page holds no token and
 * re-implements nothing: the session, the link, connect/unlink and speech run in the host.
 */
export function hostBridgeFor(win: Window): PickedBridge {
  const url = new URL(HOST_BRIDGE_PATH, win.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  const waiting: Array<string | ArrayBuffer> = [];
  const pending = new Map<number, (r: BridgeResult) => void>();
  const listeners = new Map<string, Set<Listener>>();
  let nextId = 0;
  const shellListeners = new Set<(m: DevShellMessage) => void>();
  let lastTray: DevShellMessage | undefined;

  const deliver = (message: string | ArrayBuffer) => (ws.readyState === WebSocket.OPEN ? ws.send(message) : waiting.push(message));
  const emit = (event: BridgeEvent) => listeners.get(EVENT_CHANNEL)?.forEach((l) => l(null, event));

  ws.onopen = () => waiting.splice(0).forEach((m) => ws.send(m));
  ws.onmessage = (e: MessageEvent) => {
    if (typeof e.data !== 'string') return;
    const msg = JSON.parse(e.data) as HostMessage;
    if (msg.type === 'result') {
      pending.get(msg.id)?.(msg.result as BridgeResult);
      pending.delete(msg.id);
    } else if (msg.type === 'event') emit(msg.event as BridgeEvent);
    else if (msg.type === 'tray' || msg.type === 'notify' || msg.type === 'show_popover') {
      if (msg.type === 'tray') lastTray = msg;
      shellListeners.forEach((l) => l(msg));
    } else if (msg.type === 'open') {
      // The desktop app would open the system browser; here that browser is this one.
      const tab = win.open(msg.url, '_blank');
      if (tab) tab.opener = null;
    }
  };
  ws.onclose = () => {
    for (const resolve of pending.values())
      resolve({ ok: false, error: { code: 'INTERNAL', message: 'vouch: the desktop host went away' } });
    pending.clear();
    emit({ type: 'link', state: 'offline' });
  };

  const ipc: IpcRendererLike = {
    invoke: (channel, ...args) =>
      new Promise((resolve) => {
        const id = ++nextId;
        pending.set(id, resolve);
        deliver(JSON.stringify({ type: 'call', id, channel, args } satisfies PageMessage));
      }),
    send: (channel, chunk) => {
      if (channel === channelFor('pushAudio') && chunk instanceof ArrayBuffer) deliver(chunk);
    },
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const bridge = createBridge(ipc);
  // Exposed as window.vouch too, so the page looks to tests as it does in Electron.
  win.vouch = bridge;
  const dev: DevShellChannel = {
    onMessage: (listener) => {
      shellListeners.add(listener);
      if (lastTray) listener(lastTray);
      return () => shellListeners.delete(listener);
    },
    send: (message) => deliver(JSON.stringify(message satisfies PageMessage)),
  };
  return { bridge, dev };
}
