import type { VoiceKey } from '../../protocol/index.js';

/** 16-bit little-endian mono PCM, as `tts_audio` frames carry it. */
export interface AudioChunk {
  pcm: Buffer;
  sampleRate: number;
}

export type TextSource = AsyncIterable<string> | string;

/**
 * Turns reply text into speech while the text is still streaming. Implementations may throw; the
 * pipeline uses `speakSafely` (or a synthesizer from `createSpeechSynthesizer`, already wrapped) so a
 * speech failure never reaches the text path.
 */
export interface SpeechSynthesizer {
  readonly name: string;
  /** `voice`: the person's choice, mapped by each engine to one of its own voices (its default when unset). */
  synthesize(text: TextSource, onAudio: (chunk: AudioChunk) => void, signal?: AbortSignal, voice?: VoiceKey): Promise<void>;
  close?(): Promise<void>;
}
