import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { makeSelfSignedCert } from './selfSignedCert.js';

/**
 * A local stand-in for Cartesia's TTS websocket (`wss://…/tts/websocket`), speaking the messages the
 * v4 SDK's `TTSWS`/`TTSWSContext` send and read: generation requests with `context_id`, `continue`,
 * `flush` and `cancel`; answers `chunk` (base64 PCM), `flush_done`, `done` and `error`. It serves TLS
 * with a certificate minted at start-up because the SDK always rewrites the scheme to `wss`; clients
 * trust it through `ca`.
 */

export interface CartesiaRequest {
  context_id?: string;
  transcript?: string;
  continue?: boolean;
  flush?: boolean;
  cancel?: boolean;
  model_id?: string;
  voice?: unknown;
  output_format?: { container?: string; encoding?: string; sample_rate?: number };
  [k: string]: unknown;
}

export interface CartesiaStandIn {
  /** Base URL for the SDK (`https://127.0.0.1:port`; the SDK turns it into `wss://…/tts/websocket`). */
  url: string;
  apiKey: string;
  /** PEM the client must trust. */
  ca: string;
  requests: CartesiaRequest[];
  /** Headers of each accepted upgrade (authorization, cartesia-version). */
  handshakes: Array<Record<string, string | undefined>>;
  /** Set to make the next generation fail with a Cartesia `error` event. */
  failNext: { status: number; message: string } | undefined;
  close(): Promise<void>;
}

/** Speech-like test audio: a 220 Hz tone, 60 ms per word, at the requested rate. */
export function tonePcm(words: number, sampleRate: number): Buffer {
  const samples = Math.max(1, Math.round((words * 60 * sampleRate) / 1000));
  const buf = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) buf.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / sampleRate)), i * 2);
  return buf;
}

const RATES = new Set([8000, 16000, 22050, 24000, 44100, 48000]);

export async function startCartesiaStandIn(opts: { apiKey?: string } = {}): Promise<CartesiaStandIn> {
  const apiKey = opts.apiKey ?? 'standin-cartesia-key';
  const { cert, key } = makeSelfSignedCert();
  const server = createServer({ cert, key }, (_req, res) => {
    res.writeHead(404).end();
  });
  const requests: CartesiaRequest[] = [];
  const handshakes: CartesiaStandIn['handshakes'] = [];
  const state: { failNext: CartesiaStandIn['failNext'] } = { failNext: undefined };

  const wss = new WebSocketServer({
    server,
    path: '/tts/websocket',
    verifyClient: (info, done) => {
      const auth = info.req.headers.authorization;
      const q = new URL(info.req.url ?? '/', 'https://standin').searchParams;
      const ok = auth === `Bearer ${apiKey}` || q.get('api_key') === apiKey;
      if (ok) {
        handshakes.push({ authorization: auth, 'cartesia-version': (info.req.headers['cartesia-version'] as string | undefined) ?? q.get('cartesia_version') ?? undefined });
      }
      done(ok, ok ? undefined : 401, ok ? undefined : 'Unauthorized');
    },
  });

  wss.on('connection', (socket: WebSocket) => {
    const cancelled = new Set<string>();
    const send = (o: unknown) => socket.readyState === socket.OPEN && socket.send(JSON.stringify(o));
    socket.on('message', (data) => {
      let req: CartesiaRequest;
      try {
        req = JSON.parse(String(data)) as CartesiaRequest;
      } catch {
        return send({ type: 'error', status_code: 400, title: 'Invalid request', message: 'could not parse message', done: true });
      }
      requests.push(req);
      const context_id = req.context_id ?? 'default';
      if (req.cancel) {
        cancelled.add(context_id);
        return;
      }
      if (cancelled.has(context_id)) return;
      if (state.failNext) {
        const f = state.failNext;
        state.failNext = undefined;
        return send({ type: 'error', context_id, status_code: f.status, title: 'Error', message: f.message, done: true });
      }
      const fmt = req.output_format ?? {};
      if (fmt.container !== 'raw' || fmt.encoding !== 'pcm_s16le' || !RATES.has(fmt.sample_rate ?? 0)) {
        return send({ type: 'error', context_id, status_code: 400, title: 'Invalid output format', message: `unsupported output_format ${JSON.stringify(fmt)}`, done: true });
      }
      const text = (req.transcript ?? '').trim();
      if (text) {
        const pcm = tonePcm(text.split(/\s+/).length, fmt.sample_rate ?? 24000);
        // Several chunks per request, as the real service streams ~100 ms pieces.
        const step = 4800;
        for (let off = 0; off < pcm.length; off += step) {
          send({ type: 'chunk', context_id, data: pcm.subarray(off, off + step).toString('base64'), done: false, status_code: 206, step_time: 1 });
        }
      }
      if (req.flush) send({ type: 'flush_done', context_id, done: false, flush_done: true, flush_id: 1, status_code: 206 });
      if (req.continue === false) send({ type: 'done', context_id, done: true, status_code: 200 });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}`,
    apiKey,
    ca: cert,
    requests,
    handshakes,
    get failNext() {
      return state.failNext;
    },
    set failNext(v) {
      state.failNext = v;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
