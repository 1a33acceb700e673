import { z } from 'zod';
import { VouchError, type VouchErrorOptions } from '../../../backend/src/protocol/vouchError.js';
import {
  BRIDGE_ERROR_MESSAGES,
  BRIDGE_METHODS,
  BridgeArgs,
  type BridgeErrorCode,
  type BridgeMethod,
  type BridgeResult,
  type VouchBridge,
} from '../bridge/contract.js';
import { channelFor, SEND_METHODS } from './channels.js';
import type { IpcEventLike, SenderCheck } from './senderPolicy.js';

/**
 * Main-side IPC registry: exactly one handler per bridge method. Each call is checked twice before
 * any app code runs: the sender (see senderPolicy) and the payload (the zod `BridgeArgs` tuple of the
 * method, or "no arguments" for methods without one). Every invoked method answers with a
 * `BridgeResult`: its value, or a failure with a stable code (the preload turns that into a
 * rejection the renderer reads with `bridgeFailureOf`). Refusals log only the method and reason,
 * never the payload, which may contain the user's words.
 */
type InvokeMethod = Exclude<BridgeMethod, 'onEvent'>;

export type MainHandlers = {
  [K in InvokeMethod]: (...args: Parameters<VouchBridge[K]>) => ReturnType<VouchBridge[K]> | Awaited<ReturnType<VouchBridge[K]>>;
};

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
  on(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void): unknown;
  removeAllListeners(channel: string): unknown;
}

interface RegistryLog {
  warn(obj: Record<string, unknown>, msg: string): void;
}

/** Thrown by handlers: its code and message reach the renderer as-is; anything else becomes `INTERNAL`. */
export class BridgeError extends VouchError {
  declare readonly code: BridgeErrorCode;
  override name = 'BridgeError';
  constructor(code: BridgeErrorCode, message: string = BRIDGE_ERROR_MESSAGES[code], options?: VouchErrorOptions) {
    super(message, { ...options, code });
  }
}

export const REFUSED_SENDER = BRIDGE_ERROR_MESSAGES.REFUSED_SENDER;
export const REFUSED_PAYLOAD = BRIDGE_ERROR_MESSAGES.INVALID_ARGUMENTS;

const NO_ARGS = z.tuple([]);

function schemaFor(method: InvokeMethod): z.ZodType<unknown[]> {
  const s = (BridgeArgs as Record<string, z.ZodType<unknown[]> | undefined>)[method];
  return s ?? (NO_ARGS as unknown as z.ZodType<unknown[]>);
}

export function registerBridgeHandlers(opts: {
  ipcMain: IpcMainLike;
  isTrustedSender: SenderCheck;
  handlers: MainHandlers;
  log: RegistryLog;
}): () => void {
  const { ipcMain, isTrustedSender, handlers, log } = opts;
  const methods = BRIDGE_METHODS.filter((m): m is InvokeMethod => m !== 'onEvent');

  for (const method of methods) {
    const channel = channelFor(method);
    const schema = schemaFor(method);
    const check = (event: IpcEventLike, args: unknown[]): unknown[] => {
      if (!isTrustedSender(event)) {
        log.warn({ method, reason: 'sender', url: safeOrigin(event.senderFrame?.url) }, 'ipc call refused');
        throw new BridgeError('REFUSED_SENDER');
      }
      const parsed = schema.safeParse(args);
      if (!parsed.success) {
        log.warn({ method, reason: 'payload', issue: parsed.error.issues[0]?.message }, 'ipc call refused');
        throw new BridgeError('INVALID_ARGUMENTS');
      }
      return parsed.data;
    };
    const call = handlers[method] as (...a: unknown[]) => unknown;

    if (SEND_METHODS.has(method)) {
      ipcMain.on(channel, (event, ...args) => {
        try {
          call(...check(event, args));
        } catch {
          // fire-and-forget: the refusal is logged; there is nobody to answer
        }
      });
    } else {
      ipcMain.handle(channel, async (event, ...args): Promise<BridgeResult> => {
        try {
          return { ok: true, value: await call(...check(event, args)) };
        } catch (err) {
          if (err instanceof BridgeError) return { ok: false, error: { code: err.code, message: err.message } };
          log.warn({ method, reason: 'handler', error: err instanceof Error ? err.name : typeof err }, 'ipc handler failed');
          return { ok: false, error: { code: 'INTERNAL', message: `vouch: ${method} failed` } };
        }
      });
    }
  }

  return () => {
    for (const method of methods) {
      const channel = channelFor(method);
      if (SEND_METHODS.has(method)) ipcMain.removeAllListeners(channel);
      else ipcMain.removeHandler(channel);
    }
  };
}

/** Logs only the origin of a refused frame: its path or query could carry something private. */
function safeOrigin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'unparseable';
  }
}
