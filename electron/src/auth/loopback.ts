import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The loopback redirect listener of RFC 8252 §7.3: an HTTP server on 127.0.0.1 (an IP literal, not
 * `localhost`, which may resolve elsewhere) and an OS-chosen ephemeral port, alive for one browser
 * round trip. It accepts only GET on its path with the expected `state`; other requests get 404/400
 * and it keeps waiting, so a stray or forged request from another local process cannot end the
 * attempt. The browser gets a small page saying it can close the tab; the server then shuts down.
 */
export interface LoopbackTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface LoopbackOptions {
  path?: string;
  expectedState: string;
  timeoutMs?: number;
  timers?: LoopbackTimers;
  signal?: AbortSignal;
  /** Short product copy for the page shown in the browser. */
  successText?: string;
}

export interface Loopback {
  redirectUri: string;
  /** Resolves with the full callback URL (query intact). */
  result: Promise<URL>;
  close(): void;
}

export class LoopbackError extends Error {
  override name = 'LoopbackError';
  constructor(readonly reason: 'timeout' | 'aborted' | 'closed') {
    super(`browser round trip ${reason}`);
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
      res.writeHead(400, headers).end(page('Link not recognised', 'This link does not belong to the current attempt. Go back to Vouch and try again.'));
      return;
    }
    done = true;
    const failed = url.searchParams.has('error');
    res.writeHead(200, headers).end(
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

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const redirectUri = `http://127.0.0.1:${port}${path}`;

  if (opts.signal?.aborted) fail('aborted');
  else opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.timeoutMs !== undefined) timer = timers.setTimeout(() => fail('timeout'), opts.timeoutMs);

  return { redirectUri, result, close: () => fail('closed') };
}
