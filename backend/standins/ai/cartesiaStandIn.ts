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
 *
 * As strict as the real service where clients go wrong (windows configurable, clock injected):
 * - an idle socket is closed after `idleSocketMs` (Cartesia: 5 minutes);
 * - a context expires `contextExpiryMs` after its last audio (Cartesia: 1 s); more input on it gets
 *   an `error` event (the real service's exact answer is unverified; clients must not rely on it);
 * - `max_buffer_delay_ms` is honoured: unset means Cartesia's 3000 ms default, so audio for a
 *   continued input is held until the buffer delay passes, more text arrives or the context ends;
 * - an unknown model id (e.g. the sunset `sonic-2`) is refused.
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

export interface StandInClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: StandInClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** Model ids the service answers (the v4 SDK's `TTSModel` list). */
export const CARTESIA_MODELS = ['sonic-3.5', 'sonic-3', 'sonic-3.5-2026-05-04', 'sonic-3-2026-01-12', 'sonic-3-2025-10-27', 'sonic-latest'];

export interface CartesiaStandInOptions {
  apiKey?: string;
  /** Idle socket close (default 5 min). */
  idleSocketMs?: number;
  /** Context expiry after its last audio (default 1 s). */
  contextExpiryMs?: number;
  clock?: StandInClock;
  models?: string[];
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
  /** Set to make the next context accept its text and answer with `done` but no audio. */
  silentNext: boolean;
  /** Sockets currently open. */
  openSockets(): number;
  /** Calls `fn` when the stand-in closes a socket (idle) or a client disconnects. */
  onSocketClosed(fn: () => void): void;
  /** Calls `fn` when audio for a context is held back by buffering. */
  onHeld(fn: (contextId: string) => void): void;
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

export async function startCartesiaStandIn(opts: CartesiaStandInOptions = {}): Promise<CartesiaStandIn> {
  const apiKey = opts.apiKey ?? 'standin-cartesia-key';
  const clock = opts.clock ?? realClock;
  const idleSocketMs = opts.idleSocketMs ?? 5 * 60_000;
  const contextExpiryMs = opts.contextExpiryMs ?? 1000;
  const models = new Set(opts.models ?? CARTESIA_MODELS);
  const closedListeners: Array<() => void> = [];
  const heldListeners: Array<(id: string) => void> = [];
  const { cert, key } = makeSelfSignedCert();
  const server = createServer({ cert, key }, (_req, res) => {
    res.writeHead(404).end();
  });
  const requests: CartesiaRequest[] = [];
  const handshakes: CartesiaStandIn['handshakes'] = [];
  const state: { failNext: CartesiaStandIn['failNext']; silentNext: boolean } = { failNext: undefined, silentNext: false };

  const wss = new WebSocketServer({
    server,
    path: '/tts/websocket',
    verifyClient: (info, done) => {
      const auth = info.req.headers.authorization;
      const q = new URL(info.req.url ?? '/', 'https://standin').searchParams;
      const ok = auth === `Bearer ${apiKey}` || q.get('api_key') === apiKey;
      if (ok) {
        handshakes.push({
          authorization: auth,
          'cartesia-version': (info.req.headers['cartesia-version'] as string | undefined) ?? q.get('cartesia_version') ?? undefined,
        });
      }
      done(ok, ok ? undefined : 401, ok ? undefined : 'Unauthorized');
    },
  });

  wss.on('connection', (socket: WebSocket) => {
    const cancelled = new Set<string>();
    /** Per context: when its last audio went out, text held by buffering, and its buffer timer. */
    const contexts = new Map<
      string,
      { lastAudioAt?: number; held: string[]; timer?: unknown; silent: boolean; expired: boolean; rate: number }
    >();
    const send = (o: unknown) => socket.readyState === socket.OPEN && socket.send(JSON.stringify(o));
    let idle: unknown;
    const touch = () => {
      if (idle !== undefined) clock.clearTimeout(idle);
      idle = clock.setTimeout(() => socket.close(1000, 'idle timeout'), idleSocketMs);
    };
    touch();
    socket.on('close', () => {
      if (idle !== undefined) clock.clearTimeout(idle);
      for (const c of contexts.values()) if (c.timer !== undefined) clock.clearTimeout(c.timer);
      for (const fn of closedListeners) fn();
    });
    const speak = (context_id: string, text: string) => {
      const c = contexts.get(context_id)!;
      if (!text || c.silent) return;
      const pcm = tonePcm(text.split(/\s+/).length, c.rate);
      // Several chunks per request, as the real service streams ~100 ms pieces.
      const step = 4800;
      for (let off = 0; off < pcm.length; off += step) {
        send({
          type: 'chunk',
          context_id,
          data: pcm.subarray(off, off + step).toString('base64'),
          done: false,
          status_code: 206,
          step_time: 1,
        });
      }
      c.lastAudioAt = clock.now();
    };
    const release = (context_id: string) => {
      const c = contexts.get(context_id);
      if (!c) return;
      if (c.timer !== undefined) clock.clearTimeout(c.timer);
      c.timer = undefined;
      const text = c.held.join('').trim();
      c.held = [];
      speak(context_id, text);
    };
    socket.on('message', (data) => {
      touch();
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
      const known = contexts.get(context_id);
      if (
        known?.expired ||
        (known?.lastAudioAt !== undefined && known.held.length === 0 && clock.now() - known.lastAudioAt > contextExpiryMs)
      ) {
        if (known) known.expired = true;
        return send({
          type: 'error',
          context_id,
          status_code: 400,
          title: 'Context expired',
          message: `context ${context_id} has expired; start a new context`,
          done: true,
        });
      }
      if (state.failNext) {
        const f = state.failNext;
        state.failNext = undefined;
        return send({ type: 'error', context_id, status_code: f.status, title: 'Error', message: f.message, done: true });
      }
      if (!models.has(String(req.model_id))) {
        return send({
          type: 'error',
          context_id,
          status_code: 400,
          title: 'Invalid model',
          message: `model_id ${String(req.model_id)} is not available`,
          done: true,
        });
      }
      const fmt = req.output_format ?? {};
      if (fmt.container !== 'raw' || fmt.encoding !== 'pcm_s16le' || !RATES.has(fmt.sample_rate ?? 0)) {
        return send({
          type: 'error',
          context_id,
          status_code: 400,
          title: 'Invalid output format',
          message: `unsupported output_format ${JSON.stringify(fmt)}`,
          done: true,
        });
      }
      let c = known;
      if (!c) {
        c = { held: [], silent: state.silentNext, expired: false, rate: fmt.sample_rate ?? 24000 };
        state.silentNext = false;
        contexts.set(context_id, c);
      }
      const delay = typeof req.max_buffer_delay_ms === 'number' ? req.max_buffer_delay_ms : 3000;
      const text = req.transcript ?? '';
      if (req.continue === true && delay > 0 && !req.flush) {
        if (text) {
          c.held.push(text);
          if (c.timer === undefined) c.timer = clock.setTimeout(() => release(context_id), delay);
          for (const fn of heldListeners) fn(context_id);
        }
      } else {
        c.held.push(text);
        release(context_id);
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
    get silentNext() {
      return state.silentNext;
    },
    set silentNext(v) {
      state.silentNext = v;
    },
    openSockets: () => [...wss.clients].filter((c) => c.readyState === c.OPEN).length,
    onSocketClosed: (fn) => void closedListeners.push(fn),
    onHeld: (fn) => void heldListeners.push(fn),
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
