import type { Logger } from '../log.js';
import type { ServerFrame, VoiceKey } from '../protocol/index.js';
import { AsyncQueue } from './asyncQueue.js';

export interface AudioChunk {
  pcm: Int16Array | Buffer;
  sampleRate: number;
}

/** Anything that turns streamed text into 16-bit mono PCM chunks (Cartesia or the offline voice). */
export interface SpeechOutput {
  synthesize(
    text: AsyncIterable<string> | string,
    onAudio: (chunk: AudioChunk) => void,
    signal?: AbortSignal,
    voice?: VoiceKey,
  ): Promise<void>;
}

function toBase64(pcm: Int16Array | Buffer): string {
  const buf = Buffer.isBuffer(pcm) ? pcm : Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  return buf.toString('base64');
}

/** Largest PCM payload per frame (~0.5 s at 24 kHz), so frames stay far below the socket limits. */
const MAX_PCM_BYTES = 24_000;

/**
 * Streams a reply as text deltas and, in parallel, as speech: every delta goes to the app at once
 * and into the synthesizer's input; audio chunks go out as they arrive. Speech failing or lagging
 * never holds the text back: `agent_done` follows the last delta, not the last audio chunk.
 */
export async function speakAndStream(opts: {
  requestId: string;
  deltas: AsyncIterable<string>;
  send: (f: ServerFrame) => void;
  speech?: SpeechOutput;
  /** The person's chosen voice (the engines' default when unset). */
  voice?: VoiceKey;
  logger: Logger;
  signal?: AbortSignal;
  /** Runs after the last delta and before `agent_done`, e.g. to remember the exchange. */
  beforeDone?: (fullText: string) => Promise<void>;
}): Promise<{ text: string; speech: Promise<void> }> {
  const { requestId, send } = opts;
  const ttsInput = new AsyncQueue<string>();
  let seq = 0;
  let lastSent = false;
  const sendAudio = (chunk: AudioChunk) => {
    const buf = Buffer.isBuffer(chunk.pcm) ? chunk.pcm : Buffer.from(chunk.pcm.buffer, chunk.pcm.byteOffset, chunk.pcm.byteLength);
    for (let off = 0; off < buf.length; off += MAX_PCM_BYTES) {
      send({
        type: 'tts_audio',
        request_id: requestId,
        seq: seq++,
        pcm_b64: toBase64(buf.subarray(off, off + MAX_PCM_BYTES)),
        sample_rate: chunk.sampleRate,
      });
    }
  };
  const speech = opts.speech
    ? opts.speech
        .synthesize(ttsInput, sendAudio, opts.signal, opts.voice)
        .catch((err: unknown) =>
          opts.logger.warn({ err: err instanceof Error ? err.message : String(err), requestId }, 'speech failed; text continues'),
        )
        .finally(() => {
          if (!lastSent && seq > 0) {
            lastSent = true;
            send({ type: 'tts_audio', request_id: requestId, seq: seq++, pcm_b64: '', sample_rate: 16000, last: true });
          }
        })
    : Promise.resolve();
  let text = '';
  try {
    for await (const delta of opts.deltas) {
      if (opts.signal?.aborted) break;
      if (!delta) continue;
      text += delta;
      send({ type: 'agent_stream', request_id: requestId, delta });
      ttsInput.push(delta);
    }
  } finally {
    ttsInput.end();
  }
  await opts
    .beforeDone?.(text)
    .catch((err: unknown) =>
      opts.logger.warn({ err: err instanceof Error ? err.message : String(err), requestId }, 'after-reply step failed'),
    );
  send({ type: 'agent_done', request_id: requestId });
  return { text, speech };
}

/** Turns a fixed string into a delta stream (offline templates stream word groups, like a model). */
export async function* chunkText(text: string, wordsPerChunk = 4): AsyncIterable<string> {
  const words = text.split(/(\s+)/);
  let buf = '';
  let count = 0;
  for (const w of words) {
    buf += w;
    if (w.trim()) count++;
    if (count >= wordsPerChunk) {
      yield buf;
      buf = '';
      count = 0;
    }
  }
  if (buf) yield buf;
}
