import { createRequire } from 'node:module';
import type { ClientOptions as WsClientOptions } from 'ws';
import type { Cartesia as CartesiaClient } from '@cartesia/cartesia-js';
import type { TTSWS } from '@cartesia/cartesia-js/resources/tts/ws';
import type { VoiceKey } from '../../protocol/index.js';
import { sentences, speakable } from './sentences.js';
import type { AudioChunk, SpeechSynthesizer, TextSource } from './types.js';

/**
 * Cartesia streaming TTS over the v4 SDK's websocket (`TTSWS` + a context per reply): sentences are
 * pushed as they arrive (`continue: true`), `no_more_inputs()` ends the context, and raw `pcm_s16le`
 * chunks are handed on as they come back.
 *
 * What the real service does that shapes this:
 * - It closes idle sockets (5 min). The SDK reconnects on the next send, but its reconnect clears
 *   every registered context queue, including the one just created for this reply, which then
 *   receives nothing. So a closed socket is replaced *before* the context is created.
 * - Text that produced no audio is a failure (the offline voice takes over), never a silent success.
 * - `max_buffer_delay_ms` is sent low (default 0): the SDK documents a 3 s server-side buffer by
 *   default, which would undo the first-clause split; we already send whole clauses.
 * - A context expires about 1 s after its last audio. When the next sentence comes later than
 *   `contextIdleMs` after the last audio (and nothing is still being spoken), the reply continues on
 *   a new context instead of feeding an expired one.
 *
 * The SDK is loaded through `require` on purpose: its ESM build probes for `ws` with a bare
 * `require('ws')`, which is undefined in ESM, so it would fall back to the global WebSocket that can
 * take neither the Authorization header nor TLS options. The CommonJS build finds `ws` and uses both.
 */

const require = createRequire(import.meta.url);
const sdk = require('@cartesia/cartesia-js') as { Cartesia: typeof CartesiaClient };
const wsModule = require('@cartesia/cartesia-js/resources/tts/ws') as { TTSWS: typeof TTSWS };

export type CartesiaSampleRate = 8000 | 16000 | 22050 | 24000 | 44100 | 48000;

const WS_OPEN = 1;

type TTSWSContext = ReturnType<TTSWS['context']>;

export interface CartesiaSettings {
  apiKey: string;
  /** Unset for Cartesia; the stand-in's `https://127.0.0.1:port` in tests. */
  baseUrl?: string;
  /** The voice when the person chose none, or one without an id below. */
  voiceId: string;
  /** Cartesia's voice id for each voice a person can choose. */
  voiceIds?: Partial<Record<VoiceKey, string>>;
  modelId: string;
  sampleRate?: CartesiaSampleRate;
  language?: string;
  /** Options for the `ws` client (e.g. `ca` to trust a stand-in's certificate). */
  wsOptions?: WsClientOptions;
  /** No audio event for this long fails the reply's speech (never its text). */
  receiveTimeoutMs?: number;
  /** Server-side text buffering, ms (default 0: we send whole clauses). */
  maxBufferDelayMs?: number;
  /** Open a new context when the next sentence comes this long after the last audio (default 800; contexts expire at 1 s). */
  contextIdleMs?: number;
  now?: () => number;
}

export class CartesiaSynthesizer implements SpeechSynthesizer {
  readonly name = 'cartesia';
  private readonly client: CartesiaClient;
  private socket: Promise<TTSWS> | undefined;
  private readonly sampleRate: CartesiaSampleRate;
  private readonly now: () => number;

  constructor(private readonly s: CartesiaSettings) {
    this.client = new sdk.Cartesia({ apiKey: s.apiKey, ...(s.baseUrl ? { baseURL: s.baseUrl } : {}) });
    this.sampleRate = s.sampleRate ?? 24000;
    this.now = s.now ?? Date.now;
  }

  /**
   * One long-lived connection shared by replies (the handshake is the slow part); remade after a
   * failure, and replaced when it was closed meanwhile (see the class comment).
   */
  private async connection(): Promise<TTSWS> {
    const current = this.socket;
    if (current) {
      const ws = await current.catch(() => undefined);
      if (ws && ws.socket.readyState === WS_OPEN) return ws;
      if (this.socket === current) this.socket = undefined;
      if (this.socket) return this.socket;
    }
    const ws = new wsModule.TTSWS(this.client, this.s.wsOptions);
    // Bind before connecting: with no `error` listener the SDK turns socket errors into unhandled
    // rejections. Errors for a reply also arrive on its context.
    ws.on('error', () => undefined);
    const opened = ws.connect().catch((err: unknown) => {
      if (this.socket === opened) this.socket = undefined;
      throw err;
    });
    this.socket = opened;
    return opened;
  }

  async synthesize(text: TextSource, onAudio: (chunk: AudioChunk) => void, signal?: AbortSignal, voice?: VoiceKey): Promise<void> {
    if (signal?.aborted) return;
    const voiceId = (voice && this.s.voiceIds?.[voice]) || this.s.voiceId;
    const ws = await this.connection();
    const contextIdleMs = this.s.contextIdleMs ?? 800;
    let chunks = 0;
    let lastAudioAt: number | undefined;
    let awaitingAudio = false;
    let failure: unknown;
    const retired = new Set<TTSWSContext>();
    const receivers: Promise<void>[] = [];

    const receive = async (ctx: TTSWSContext) => {
      let done = false;
      for await (const ev of ctx.receive()) {
        if (ev.type === 'done') done = true;
        if (ev.type === 'chunk' && ev.audio && ev.audio.length > 0) {
          chunks++;
          lastAudioAt = this.now();
          awaitingAudio = false;
          onAudio({ pcm: Buffer.from(ev.audio.buffer, ev.audio.byteOffset, ev.audio.byteLength), sampleRate: this.sampleRate });
        }
      }
      // The SDK ends a context's stream quietly when its queue is dropped (socket reconnect).
      if (!done && !retired.has(ctx) && !signal?.aborted)
        throw new Error('Cartesia ended the reply without finishing it (connection dropped)');
    };
    const open = (): TTSWSContext => {
      const ctx = ws.context({
        model_id: this.s.modelId,
        voice: { mode: 'id', id: voiceId },
        output_format: { container: 'raw', encoding: 'pcm_s16le', sample_rate: this.sampleRate },
        language: (this.s.language ?? 'en') as 'en',
        max_buffer_delay_ms: this.s.maxBufferDelayMs ?? 0,
        timeout: this.s.receiveTimeoutMs ?? 15_000,
      });
      receivers.push(
        receive(ctx).catch((err: unknown) => {
          failure ??= err;
        }),
      );
      return ctx;
    };

    let ctx = open();
    const onAbort = () => void ctx.cancel();
    signal?.addEventListener('abort', onAbort, { once: true });
    let sent = 0;
    try {
      try {
        for await (const piece of sentences(text)) {
          if (signal?.aborted || failure) break;
          const words = speakable(piece);
          if (!words) continue;
          if (sent > 0 && !awaitingAudio && lastAudioAt !== undefined && this.now() - lastAudioAt >= contextIdleMs) {
            // The context has gone quiet long enough to have expired: carry on in a fresh one.
            retired.add(ctx);
            await ctx.cancel();
            ctx = open();
          }
          // Continuations are concatenated by the service, so each ends with a space.
          awaitingAudio = true;
          await ctx.push({ transcript: `${words} ` });
          sent++;
        }
      } catch (err) {
        // The text source failed: stop the context so the receive loop ends too.
        retired.add(ctx);
        await ctx.cancel();
        throw err;
      }
      if (signal?.aborted) return;
      if (sent === 0 || failure) {
        retired.add(ctx);
        await ctx.cancel();
      } else {
        await ctx.no_more_inputs();
      }
      await Promise.all(receivers);
      if (failure) throw failure;
      if (sent > 0 && chunks === 0 && !signal?.aborted) throw new Error('Cartesia sent no audio for the reply');
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async close(): Promise<void> {
    const s = this.socket;
    this.socket = undefined;
    if (s) (await s.catch(() => undefined))?.close();
  }
}
