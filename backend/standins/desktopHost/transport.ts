import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { z } from 'zod';
import type { BridgeEvent } from '../../../electron/src/bridge/contract.js';
import { registerBridgeHandlers, type IpcMainLike, type MainHandlers } from '../../../electron/src/ipc/bridgeRegistry.js';
import { channelFor } from '../../../electron/src/ipc/channels.js';
import type { IpcEventLike } from '../../../electron/src/ipc/senderPolicy.js';
import { Id } from '../../src/protocol/index.js';
import { HOST_BRIDGE_PATH, HOST_SECRET_COOKIE, type DevShellMessage, type HostMessage } from '../../../renderer/src/bridge/hostWire.js';

/**
 * DEVELOPMENT ONLY. The desktop host's end of the popover transport (renderer/src/bridge/hostWire.ts):
 * a WebSocket endpoint that feeds each call to main's own `registerBridgeHandlers` through an
 * `ipcMain` look-alike, so argument validation, error codes and handlers are the app's. A socket is
 * accepted only with the page's own Origin and the per-run secret cookie the host set on the popover
 * document; anything else is refused at the upgrade, before a single call is read.
 */
const PageMessage = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('call'),
    id: z.number().int().nonnegative(),
    channel: z.string().max(64),
    args: z.array(z.unknown()).max(4),
  }),
  // The desktop around the popover (dev tray strip, notifications): see hostWire.ts.
  z.strictObject({ type: z.literal('visibility'), visible: z.boolean() }),
  z.strictObject({ type: z.literal('tray_action'), action: z.string().max(40) }),
  z.strictObject({ type: z.literal('notification_click'), draftId: Id.optional() }),
]);

/** What the desktop host does with the dev tray strip's and the page's notification messages. */
export interface HostShellHooks {
  trayAction(action: string): void;
  notificationClick(draftId: string | undefined): void;
  /** The popover's visibility changed (any attached page open and shown counts as visible). */
  visibilityChanged?(): void;
  /** Sent to each page as it attaches (the tray as it is now). */
  onAttach?(send: (m: DevShellMessage) => void): void;
}

/** Largest message: a 64 KiB audio chunk (the bridge's own limit) or a call with a 4000-character request. */
const MAX_MESSAGE_BYTES = 128 * 1024;

export interface HostTransportLog {
  warn(obj: Record<string, unknown>, msg: string): void;
}

export interface HostTransport {
  /** For the HTTP server's `upgrade` event. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Sends an event to every attached popover. */
  emit(event: BridgeEvent): void;
  /** Asks the popover that last called the host to open a browser tab; false when none is attached. */
  openInBrowser(url: string): boolean;
  /** Sends the tray, a notification or "show the popover" to every attached page. */
  sendShell(message: DevShellMessage): void;
  /** Whether any attached page says its popover is open and shown. */
  readonly popoverVisible: boolean;
  readonly attached: number;
  close(): void;
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function sameSecret(given: string | undefined, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createHostTransport(opts: {
  origin: string;
  secret: string;
  handlers: MainHandlers;
  log: HostTransportLog;
  onAttach?(send: (e: BridgeEvent) => void): void;
  shell?: HostShellHooks;
}): HostTransport {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const sockets = new Map<number, WebSocket>();
  /** Per socket: the page's popover is open and its tab shown (a page that has not said yet counts as shown). */
  const visible = new Map<number, boolean>();
  let nextId = 0;
  let lastCaller: number | undefined;

  // main's registry, unchanged, over this socket instead of Electron's ipcMain.
  const invokeHandlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
  const sendHandlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => void>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void invokeHandlers.set(channel, listener),
    removeHandler: (channel) => void invokeHandlers.delete(channel),
    on: (channel, listener) => sendHandlers.set(channel, listener),
    removeAllListeners: (channel) => sendHandlers.delete(channel),
  };
  const unregister = registerBridgeHandlers({
    ipcMain,
    // Every socket was authenticated at the upgrade; a call from one that has since closed is refused.
    isTrustedSender: (event) => sockets.has(event.sender.id),
    handlers: opts.handlers,
    log: opts.log,
  });

  const send = (ws: WebSocket, msg: HostMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  };

  const attach = (ws: WebSocket) => {
    const id = ++nextId;
    sockets.set(id, ws);
    const event: IpcEventLike = { sender: { id }, senderFrame: { url: `${opts.origin}/`, parent: null } };
    ws.on('message', (data: RawData, isBinary: boolean) => {
      lastCaller = id;
      if (isBinary) {
        const buf = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
        // The registry's schema wants a real ArrayBuffer of exactly the chunk.
        const chunk = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
        sendHandlers.get(channelFor('pushAudio'))?.(event, chunk);
        return;
      }
      let parsed: z.infer<typeof PageMessage>;
      try {
        parsed = PageMessage.parse(JSON.parse(String(data)));
      } catch {
        opts.log.warn({ reason: 'malformed' }, 'host transport message refused');
        ws.close(1008, 'malformed message');
        return;
      }
      if (parsed.type !== 'call') {
        if (parsed.type === 'visibility') {
          visible.set(id, parsed.visible);
          opts.shell?.visibilityChanged?.();
        } else if (parsed.type === 'tray_action') opts.shell?.trayAction(parsed.action);
        else opts.shell?.notificationClick(parsed.draftId);
        return;
      }
      const handler = invokeHandlers.get(parsed.channel);
      void Promise.resolve(
        handler
          ? handler(event, ...parsed.args)
          : { ok: false, error: { code: 'INVALID_ARGUMENTS', message: 'vouch: refused: invalid arguments' } },
      ).then((result) => send(ws, { type: 'result', id: parsed.id, result }));
    });
    ws.on('close', () => {
      sockets.delete(id);
      visible.delete(id);
      if (lastCaller === id) lastCaller = undefined;
    });
    opts.onAttach?.((e) => send(ws, { type: 'event', event: e }));
    opts.shell?.onAttach?.((m) => send(ws, m));
  };

  const refuse = (socket: Duplex, status: number, reason: string) => {
    opts.log.warn({ reason }, 'host transport connection refused');
    socket.end(`HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : 'Forbidden'}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  };

  return {
    handleUpgrade: (req, socket, head) => {
      const path = new URL(req.url ?? '/', opts.origin).pathname;
      if (path !== HOST_BRIDGE_PATH) return refuse(socket, 404, 'path');
      if (req.headers.origin !== opts.origin) return refuse(socket, 403, 'origin');
      if (!sameSecret(cookieValue(req.headers.cookie, HOST_SECRET_COOKIE), opts.secret)) return refuse(socket, 403, 'secret');
      wss.handleUpgrade(req, socket, head, attach);
    },
    emit: (event) => {
      for (const ws of sockets.values()) send(ws, { type: 'event', event });
    },
    openInBrowser: (url) => {
      const ws = (lastCaller !== undefined ? sockets.get(lastCaller) : undefined) ?? [...sockets.values()].at(-1);
      if (!ws) return false;
      send(ws, { type: 'open', url });
      return true;
    },
    sendShell: (message) => {
      for (const ws of sockets.values()) send(ws, message);
    },
    get popoverVisible() {
      for (const id of sockets.keys()) if (visible.get(id) !== false) return true;
      return false;
    },
    get attached() {
      return sockets.size;
    },
    close: () => {
      unregister();
      for (const ws of sockets.values()) ws.terminate();
      wss.close();
    },
  };
}
