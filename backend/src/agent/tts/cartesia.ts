import { createRequire } from 'node:module';
import type { ClientOptions as WsClientOptions } from 'ws';
import type { Cartesia as CartesiaClient } from '@cartesia/cartesia-js';
import type { TTSWS } from '@cartesia/cartesia-js/resources/tts/ws';
import { sentences, speakable } from './sentences.js';
import type { AudioChunk, SpeechSynthesizer, TextSource } from './types.js';

/**
 * Cartesia streaming TTS over the v4 SDK's websocket (`TTSWS` + a context per reply): sentences are
 * pushed as they arrive (`continue: true`), `no_more_inputs()` ends the context, and raw `pcm_s16le`
 * chunks are handed on as they come back.
 *
 * The SDK is loaded through `require` on purpose: its ESM build probes for `ws` with a bare
 * `require('ws')`, which is undefined in ESM, so it would fall back to the global WebSocket that can
 * take neither the Authorization header nor TLS options. The CommonJS build finds `ws` and uses both.
 */

const require = createRequire(import.meta.url);
const sdk = require('@cartesia/cartesia-js') as { Cartesia: typeof CartesiaClient };
const wsModule = require('@cartesia/cartesia-js/resources/tts/ws') as { TTSWS: typeof TTSWS };

export type CartesiaSampleRate = 8000 | 16000 | 22050 | 24000 | 44100 | 48000;

export interface CartesiaSettings {
  apiKey: string;
  /** Unset for Cartesia; the stand-in's `https://127.0.0.1:port` in tests. */
  baseUrl?: string;
  voiceId: string;
  modelId: string;
  sampleRate?: CartesiaSampleRate;
  language?: string;
  /** Options for the `ws` client (e.g. `ca` to trust a stand-in's certificate). */
  wsOptions?: WsClientOptions;
  /** No audio event for this long fails the reply's speech (never its text). */
  receiveTimeoutMs?: number;
}

export class CartesiaSynthesizer implements SpeechSynthesizer {
  readonly name = 'cartesia';
  private readonly client: CartesiaClient;
  private socket: Promise<TTSWS> | undefined;
  private readonly sampleRate: CartesiaSampleRate;

  constructor(private readonly s: CartesiaSettings) {
    this.client = new sdk.Cartesia({ apiKey: s.apiKey, ...(s.baseUrl ? { baseURL: s.baseUrl } : {}) });
    this.sampleRate = s.sampleRate ?? 24000;
  }

  /** One long-lived connection shared by replies (the handshake is the slow part); remade after a failure. */
  private connection(): Promise<TTSWS> {
    if (!this.socket) {
      const ws = new wsModule.TTSWS(this.client, this.s.wsOptions);
      // Bind before connecting: with no `error` listener the SDK turns socket errors into unhandled
      // rejections. Errors for a reply also arrive on its context; a dropped socket is reopened by the
      // SDK on the next send, so nothing else is needed here.
      ws.on('error', () => undefined);
      this.socket = ws.connect().catch((err: unknown) => {
        this.socket = undefined;
        throw err;
      });
    }
    return this.socket;
  }

  async synthesize(text: TextSource, onAudio: (chunk: AudioChunk) => void, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return;
    const ws = await this.connection();
    const ctx = ws.context({
      model_id: this.s.modelId,
      voice: { mode: 'id', id: this.s.voiceId },
      output_format: { container: 'raw', encoding: 'pcm_s16le', sample_rate: this.sampleRate },
      language: (this.s.language ?? 'en') as 'en',
      timeout: this.s.receiveTimeoutMs ?? 15_000,
    });
    const onAbort = () => void ctx.cancel();
    signal?.addEventListener('abort', onAbort, { once: true });
    const receiving = (async () => {
      for await (const ev of ctx.receive()) {
        if (ev.type === 'chunk' && ev.audio && ev.audio.length > 0) {
          onAudio({ pcm: Buffer.from(ev.audio.buffer, ev.audio.byteOffset, ev.audio.byteLength), sampleRate: this.sampleRate });
        }
      }
    })();
    const sending = (async () => {
      let sent = 0;
      try {
        for await (const piece of sentences(text)) {
          if (signal?.aborted) return;
          const words = speakable(piece);
          if (!words) continue;
          // Continuations are concatenated by the service, so each ends with a space.
          await ctx.push({ transcript: `${words} ` });
          sent++;
        }
      } catch (err) {
        // The text source failed: stop the context so the receive loop ends too.
        await ctx.cancel();
        throw err;
      }
      if (signal?.aborted) return;
      if (sent === 0) {
        await ctx.cancel();
        return;
      }
      await ctx.no_more_inputs();
    })();
    try {
      const [sendResult, receiveResult] = await Promise.allSettled([sending, receiving]);
      if (sendResult.status === 'rejected') throw sendResult.reason;
      if (receiveResult.status === 'rejected') throw receiveResult.reason;
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
