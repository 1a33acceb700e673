/** The contract between the app and any speech-to-text implementation (in-thread or in a worker). */
import { VouchError } from '../../../backend/src/protocol/vouchError.js';

type ModelLoadStage = 'resolving' | 'tokenizer' | 'encoder' | 'decoder' | 'warming' | 'ready';

export interface ModelLoadProgress {
  stage: ModelLoadStage;
  /** 0..1, monotonic over one load. */
  fraction: number;
}

export interface Transcription {
  text: string;
  /** Wall time spent on this transcription (features + inference + decoding), in milliseconds. */
  durationMs: number;
  /** Length of the audio handed in, and of what remained after silence trimming, in milliseconds. */
  audioMs: number;
  speechMs: number;
  /** Where durationMs went, for benchmarks: features left at the end, encoder, decoder steps. */
  stages?: TranscriptionStages;
}

export interface TranscriptionStages {
  featuresMs: number;
  encoderMs: number;
  decoderMs: number;
  decoderSteps: number;
}

export interface SttEngine {
  load(onProgress?: (progress: ModelLoadProgress) => void): Promise<void>;
  /** 16 kHz mono PCM, float in [-1, 1] or int16. */
  transcribe(pcm16k: Float32Array | Int16Array): Promise<Transcription>;
  dispose(): Promise<void>;
}

/**
 * Push-to-talk with the work done while the person speaks: audio goes in as it is captured (the
 * log-mel frames are computed then), and at hotkey release only the encoder and decoder remain.
 */
export interface StreamingSttEngine extends SttEngine {
  /** Starts a new utterance, dropping any unfinished one. */
  beginUtterance(): void;
  appendAudio(pcm16k: Float32Array): void;
  finishUtterance(): Promise<Transcription>;
}

export class SttNotLoadedError extends VouchError {
  static override readonly code: string = 'STT_NOT_LOADED';
  override name = 'SttNotLoadedError';
  constructor() {
    super('speech-to-text model is not loaded; call load() first');
  }
}
