import type { IpcEventLike } from '../../../src/ipc/senderPolicy.js';

type Listener = (event: IpcEventLike, ...args: unknown[]) => unknown;

/**
 * An in-memory ipcMain with the same registration surface Electron has, plus `invokeAs` / `sendAs`
 * to call a channel as a given sender (webContents id + frame URL), the way Electron would deliver it.
 * Arguments go through structuredClone, as Electron's IPC serialises them.
 */
export class FakeIpcMain {
  readonly handlers = new Map<string, Listener>();
  readonly listeners = new Map<string, Listener[]>();

  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  on(channel: string, listener: Listener): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }
  removeAllListeners(channel: string): this {
    this.listeners.delete(channel);
    return this;
  }

  async invokeAs(sender: Sender, channel: string, ...args: unknown[]): Promise<unknown> {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    return h(eventFor(sender), ...structuredClone(args));
  }
  sendAs(sender: Sender, channel: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(channel) ?? []) l(eventFor(sender), ...structuredClone(args));
  }
}

export interface Sender {
  webContentsId: number;
  url: string;
  subFrame?: boolean;
  frameGone?: boolean;
}

function eventFor(s: Sender): IpcEventLike {
  return {
    sender: { id: s.webContentsId },
    senderFrame: s.frameGone ? null : { url: s.url, parent: s.subFrame ? { url: s.url } : null },
  };
}
