import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

/**
 * One backend instance as its own OS process (`backend/src/main.ts` through tsx), the way a
 * deployment runs N of them: so a test can SIGKILL one mid-way, or SIGTERM it and watch it drain.
 * It is ready when its structured log says it listens; the URL comes from that line.
 */
export interface BackendProcess {
  readonly instanceId: string;
  readonly url: string;
  readonly wsUrl: string;
  readonly child: ChildProcess;
  /** Every JSON log line it wrote. */
  readonly logs: Array<Record<string, unknown>>;
  /** Resolves with the first log line matching (already written or later). */
  log(pred: (l: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  /** Exit code (or the signal name) once it has exited. */
  readonly exited: Promise<number | string>;
  kill(signal?: NodeJS.Signals): Promise<number | string>;
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export async function startBackendProcess(env: Record<string, string>, opts: { nodeArgs?: string[] } = {}): Promise<BackendProcess> {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', 'backend/src/main.ts'], {
    cwd: ROOT,
    // `info` at least: readiness is read from the 'listening' line.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...env,
      LOG_LEVEL: env.LOG_LEVEL === 'debug' || env.LOG_LEVEL === 'trace' ? env.LOG_LEVEL : 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  let waiters: Array<{ pred: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }> = [];
  let stderr = '';
  createInterface({ input: child.stdout! }).on('line', (line) => {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    logs.push(parsed);
    waiters = waiters.filter((w) => (w.pred(parsed) ? (w.resolve(parsed), false) : true));
  });
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string);
  const log = (pred: (l: Record<string, unknown>) => boolean) => {
    const hit = logs.find(pred);
    if (hit) return Promise.resolve(hit);
    return new Promise<Record<string, unknown>>((resolve) => waiters.push({ pred, resolve }));
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listening = await Promise.race([
    log((l) => l.msg === 'vouch backend listening'),
    exited.then((code) => {
      throw new Error(`backend exited (${code}) before listening: ${stderr}`);
    }),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`backend did not listen within 60 s: ${stderr}`));
      }, 60_000);
    }),
  ]).finally(() => clearTimeout(timer));
  const url = String(listening.url);
  return {
    instanceId: String(listening.instance),
    url,
    wsUrl: `${url.replace(/^http/, 'ws')}/ws`,
    child,
    logs,
    log,
    exited,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
