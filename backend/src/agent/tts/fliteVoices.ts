import { DEFAULT_VOICE, type VoiceKey } from '../../protocol/index.js';
import { FliteSynthesizer, type FliteOptions } from './flite.js';
import type { FliteVoice } from './flite-protocol.js';
import type { AudioChunk, SpeechSynthesizer, TextSource } from './types.js';

/**
 * The offline voice for each voice a person can choose. The default stays `kal16`, the fastest;
 * `slt` (female) and `rms` (a lower male voice) are slower per sentence, which the person chose.
 */
export const FLITE_VOICE_FOR: Readonly<Record<VoiceKey, FliteVoice>> = {
  clear: 'kal16',
  warm: 'slt',
  deep: 'rms',
};

/**
 * Flite with the person's choice of voice: a Flite worker speaks one voice (its arguments are fixed
 * when the WASI program is built), so each chosen voice gets its own worker, started the first time
 * that voice is asked for. Only the default voice's worker is warmed at start-up.
 */
export class FliteVoices implements SpeechSynthesizer {
  readonly name = 'flite';
  private readonly engines = new Map<FliteVoice, FliteSynthesizer>();

  constructor(private readonly opts: Omit<FliteOptions, 'voice'> = {}) {}

  /** The Flite engine for a chosen voice (the default's when none is chosen). */
  engine(voice: VoiceKey = DEFAULT_VOICE): FliteSynthesizer {
    const flite = FLITE_VOICE_FOR[voice] ?? FLITE_VOICE_FOR[DEFAULT_VOICE];
    let engine = this.engines.get(flite);
    if (!engine) {
      engine = new FliteSynthesizer({ ...this.opts, voice: flite });
      this.engines.set(flite, engine);
    }
    return engine;
  }

  async warm(): Promise<void> {
    await this.engine().warm();
  }

  synthesize(text: TextSource, onAudio: (chunk: AudioChunk) => void, signal?: AbortSignal, voice?: VoiceKey): Promise<void> {
    return this.engine(voice).synthesize(text, onAudio, signal);
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.engines.values()].map((e) => e.close()));
    this.engines.clear();
  }
}
