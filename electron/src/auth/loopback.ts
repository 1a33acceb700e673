import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { VouchError, type VouchErrorOptions } from '../../../backend/src/protocol/vouchError.js';

/**
 * The loopback redirect listener of RFC 8252 §7.3: an HTTP server on 127.0.0.1 (an IP literal, not
 * `localhost`, which may resolve elsewhere) on the first free port of a short fixed list, alive for
 * one browser round trip. Fixed, because Auth0 matches Allowed Callback URLs exactly and documents
 * no any-port matching for loopback (its own CLI registers one fixed port): every
 * `http://127.0.0.1:<port>/callback` of the list must be registered on the application. It accepts only GET on its path with the expected `state`; other requests get 404/400
 * and it keeps waiting, so a stray or forged request from another local process cannot end the
 * attempt. The browser gets a small page saying it can close the tab; the server then shuts down.
 */
export interface LoopbackTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Default ports, below every OS's ephemeral range (Linux starts at 32768, Windows and macOS at
 * 49152) so an outgoing connection rarely holds one. Keep in step with the dev tenant
 * (backend/standins/devtenant/clientPolicy.ts).
 */
const DEFAULT_LOOPBACK_PORTS: readonly number[] = [28271, 28272, 28273, 28274];

/** The port list from a `VOUCH_LOOPBACK_PORTS` value ("28271,28272"), or the defaults when unset or empty. */
export function loopbackPorts(value?: string): number[] {
  if (!value?.trim()) return [...DEFAULT_LOOPBACK_PORTS];
  const ports = value.split(',').map((p) => Number(p.trim()));
  if (ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65535))
    throw new Error(`VOUCH_LOOPBACK_PORTS must be a comma-separated list of ports, got "${value}"`);
  return ports;
}

/** The exact callback URLs to register for a port list. */
export function loopbackCallbackUrls(ports: readonly number[] = loopbackPorts(), path = '/callback'): string[] {
  return ports.map((p) => `http://127.0.0.1:${p}${path}`);
}

interface LoopbackOptions {
  path?: string;
  /** Ports to try in order (default: `loopbackPorts()`); the first free one is used. */
  ports?: readonly number[];
  expectedState: string;
  timeoutMs?: number;
  timers?: LoopbackTimers;
  signal?: AbortSignal;
  /** Short product copy for the page shown in the browser. */
  successText?: string;
}

interface Loopback {
  redirectUri: string;
  /** Resolves with the full callback URL (query intact). */
  result: Promise<URL>;
  close(): void;
}

export class LoopbackError extends VouchError {
  declare readonly code: `LOOPBACK_${Uppercase<LoopbackError['reason']>}`;
  override name = 'LoopbackError';
  constructor(
    readonly reason: 'timeout' | 'aborted' | 'closed' | 'no_free_port',
    message = `browser round trip ${reason}`,
    options?: VouchErrorOptions,
  ) {
    super(message, { ...options, code: `LOOPBACK_${reason.toUpperCase()}` });
  }
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<style>body{font:16px system-ui,sans-serif;margin:4rem auto;max-width:28rem;color:#222}</style></head>` +
  `<body><h1>${title}</h1><p>${body}</p></body></html>`;

export async function openLoopback(opts: LoopbackOptions): Promise<Loopback> {
  const path = opts.path ?? '/callback';
  const timers = opts.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
  let settle!: { resolve: (u: URL) => void; reject: (e: Error) => void };
  const result = new Promise<URL>((resolve, reject) => (settle = { resolve, reject }));
  result.catch(() => {}); // callers may close before awaiting; avoid an unhandled rejection
  let done = false;
  let timer: unknown;

  const server: Server = createServer((req, res) => {
    const headers = {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'referrer-policy': 'no-referrer',
      connection: 'close',
    };
    const url = new URL(req.url ?? '/', redirectUri);
    if (done || req.method !== 'GET' || url.pathname !== path) {
      res.writeHead(404, headers).end(page('Not found', 'Nothing here.'));
      return;
    }
    if (url.searchParams.get('state') !== opts.expectedState) {
      res
        .writeHead(400, headers)
        .end(page('Link not recognised', 'This link does not belong to the current attempt. Go back to Vouch and try again.'));
      return;
    }
    done = true;
    const failed = url.searchParams.has('error');
    res
      .writeHead(200, headers)
      .end(
        failed
          ? page('Not completed', 'Vouch did not get permission. You can close this tab and try again from the app.')
          : page('All set', opts.successText ?? 'You can close this tab and return to Vouch.'),
      );
    finish(() => settle.resolve(url));
  });

  const finish = (fn: () => void) => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    opts.signal?.removeEventListener('abort', onAbort);
    // Let the response flush before tearing the socket down.
    server.close();
    server.closeIdleConnections();
    fn();
  };
  const fail = (reason: LoopbackError['reason']) => {
    if (done) return;
    done = true;
    finish(() => settle.reject(new LoopbackError(reason)));
    server.closeAllConnections();
  };
  const onAbort = () => fail('aborted');

  const ports = opts.ports ?? loopbackPorts();
  let bound = false;
  for (const candidate of ports) {
    bound = await new Promise<boolean>((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException) => (err.code === 'EADDRINUSE' || err.code === 'EACCES' ? resolve(false) : reject(err));
      server.once('error', onError);
      server.listen(candidate, '127.0.0.1', () => {
        server.off('error', onError);
        resolve(true);
      });
    });
    if (bound) break;
  }
  if (!bound)
    throw new LoopbackError(
      'no_free_port',
      `none of the sign-in callback ports is free (${ports.join(', ')}); close the app using them or set VOUCH_LOOPBACK_PORTS`,
    );
  const { port } = server.address() as AddressInfo;
  const redirectUri = `http://127.0.0.1:${port}${path}`;

  if (opts.signal?.aborted) fail('aborted');
  else opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.timeoutMs !== undefined) timer = timers.setTimeout(() => fail('timeout'), opts.timeoutMs);

  return { redirectUri, result, close: () => fail('closed') };
}
