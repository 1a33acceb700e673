import { type CartesiaSettings, CartesiaSynthesizer } from './cartesia.js';
import { EspeakSynthesizer } from './espeak.js';
import type { VoiceKey } from '../../protocol/index.js';
import { FliteSynthesizer } from './flite.js';
import { FliteVoices } from './fliteVoices.js';
import type { AudioChunk, SpeechSynthesizer, TextSource } from './types.js';

export type { AudioChunk, SpeechSynthesizer, TextSource } from './types.js';
export { CartesiaSynthesizer, type CartesiaSettings } from './cartesia.js';
export { FliteSynthesizer } from './flite.js';
export { FliteVoices, FLITE_VOICE_FOR } from './fliteVoices.js';
export { EspeakSynthesizer } from './espeak.js';
export { sentences, speakable } from './sentences.js';

/**
 * Speech with a safety net: engines are tried in order (Cartesia when keyed, then the bundled Flite,
 * then a system espeak-ng) and a failure is reported, never thrown, so the reply text keeps streaming
 * whatever happens to audio. An engine that fails before producing any audio hands the whole text to
 * the next one; after audio has started, switching voices mid-reply would repeat words, so it stops.
 */

export interface SpeechOutcome {
  ok: boolean;
  /** Engine that produced the audio (or the last one tried). */
  engine: string;
  chunks: number;
  /** Engines that failed, with why. */
  errors: Array<{ engine: string; message: string }>;
}

export interface SpeechLog {
  warn(obj: object, msg: string): void;
}

/** Lets a second engine re-read text the first one already consumed. */
class ReplayableText {
  private readonly seen: string[] = [];
  private done = false;
  private readonly it: AsyncIterator<string>;

  constructor(source: TextSource) {
    this.it = (
      typeof source === 'string'
        ? (async function* () {
            yield source;
          })()
        : source
    )[Symbol.asyncIterator]();
  }

  async *read(): AsyncGenerator<string> {
    let i = 0;
    for (;;) {
      if (i < this.seen.length) {
        yield this.seen[i++] as string;
        continue;
      }
      if (this.done) return;
      const r = await this.it.next();
      if (r.done) {
        this.done = true;
        return;
      }
      this.seen.push(r.value);
    }
  }

  /** Drain the rest so the producer is never left blocked on a reader that gave up. */
  async drain(): Promise<void> {
    for await (const _ of this.read()) void _;
  }
}

export class GuardedSynthesizer implements SpeechSynthesizer {
  readonly name: string;

  constructor(
    private readonly engines: SpeechSynthesizer[],
    private readonly log?: SpeechLog,
  ) {
    this.name = engines.map((e) => e.name).join('>') || 'none';
  }

  /** Never rejects. */
  async speak(text: TextSource, onAudio: (chunk: AudioChunk) => void, signal?: AbortSignal, voice?: VoiceKey): Promise<SpeechOutcome> {
    const replay = new ReplayableText(text);
    const errors: SpeechOutcome['errors'] = [];
    let chunks = 0;
    const forward = (c: AudioChunk) => {
      chunks++;
      try {
        onAudio(c);
      } catch (err) {
        this.log?.warn({ err: (err as Error).message }, 'tts audio consumer threw');
      }
    };
    for (const engine of this.engines) {
      try {
        await engine.synthesize(replay.read(), forward, signal, voice);
        return { ok: true, engine: engine.name, chunks, errors };
      } catch (err) {
        const message = (err as Error)?.message ?? String(err);
        errors.push({ engine: engine.name, message });
        this.log?.warn({ engine: engine.name, err: message, chunks }, 'speech synthesis failed');
        if (chunks > 0 || signal?.aborted) break;
      }
    }
    await replay.drain().catch(() => undefined);
    return { ok: false, engine: this.engines.at(-1)?.name ?? 'none', chunks, errors };
  }

  async synthesize(text: TextSource, onAudio: (chunk: AudioChunk) => void, signal?: AbortSignal, voice?: VoiceKey): Promise<void> {
    await this.speak(text, onAudio, signal, voice);
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.engines.map((e) => e.close?.()));
  }
}

export interface SpeechConfig {
  /** Set (with a key) to use Cartesia first. */
  cartesia?: CartesiaSettings;
  /** Offline voices to fall back on; default both, in this order. */
  offline?: Array<'flite' | 'espeak'>;
  log?: SpeechLog;
  /** Start and warm the Flite worker now rather than on the first reply (default true). */
  warm?: boolean;
}

export function createSpeechSynthesizer(cfg: SpeechConfig = {}): GuardedSynthesizer {
  const engines: SpeechSynthesizer[] = [];
  if (cfg.cartesia?.apiKey) engines.push(new CartesiaSynthesizer(cfg.cartesia));
  for (const kind of cfg.offline ?? ['flite', 'espeak']) {
    if (kind === 'flite' && FliteSynthesizer.available()) {
      const flite = new FliteVoices();
      // Compiling the 21 MB module and the first synthesis cost a few hundred ms: pay them at start-up.
      if (cfg.warm !== false) flite.warm().catch((err: unknown) => cfg.log?.warn({ err: (err as Error).message }, 'flite warm-up failed'));
      engines.push(flite);
    }
    if (kind === 'espeak') engines.push(new EspeakSynthesizer());
  }
  return new GuardedSynthesizer(engines, cfg.log);
}

/** For callers holding a bare synthesizer: the same never-throw contract. */
export function speakSafely(
  synth: SpeechSynthesizer,
  text: TextSource,
  onAudio: (chunk: AudioChunk) => void,
  signal?: AbortSignal,
  log?: SpeechLog,
): Promise<SpeechOutcome> {
  return synth instanceof GuardedSynthesizer
    ? synth.speak(text, onAudio, signal)
    : new GuardedSynthesizer([synth], log).speak(text, onAudio, signal);
}
