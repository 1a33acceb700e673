/**
 * Whisper on onnxruntime-node: log-mel features, one encoder pass per 30 s window, then greedy
 * decoding. Uses the merged decoder's key/value cache when the export has one (one token per step),
 * and otherwise re-runs the plain decoder over the whole prefix (fine for push-to-talk lengths).
 * Runs in whatever thread constructs it; the app constructs it inside the STT worker.
 */
import { availableParallelism } from 'node:os';
import ort from 'onnxruntime-node';
import { IncrementalLogMel, whisperLogMel, WHISPER_CHUNK_SAMPLES, WHISPER_HOP_LENGTH, WHISPER_N_FRAMES } from './log-mel.js';
import { suppressedTokenIds, whisperDecoderPrompt } from './decoding-rules.js';
import { resolveWhisperModelFiles, type WhisperModelFiles } from './model-files.js';
import { toFloat32, WHISPER_SAMPLE_RATE } from './resample.js';
import {
  SttNotLoadedError,
  type ModelLoadProgress,
  type StreamingSttEngine,
  type Transcription,
  type TranscriptionStages,
} from './stt-engine.js';
import { WhisperTokenizer } from './tokenizer.js';
import { detectSpeechRegion, trimSilence, type VadOptions } from './vad.js';
import { VouchError } from '../../../backend/src/protocol/vouchError.js';

interface WhisperOnnxOptions {
  /** Folder in the Hugging Face Optimum layout (see model-files.ts). */
  modelDir: string;
  /** Weight variant: 'fp32', 'quantized', 'q4', ...; by default the first one present. */
  variant?: string;
  /** Threads for one inference; defaults to the machine's cores, at most 4. */
  intraOpNumThreads?: number;
  /** Silence trimming before recognition; false turns it off. */
  vad?: VadOptions | false;
  /** Upper bound on generated tokens per 30 s window. */
  maxNewTokens?: number;
  /** Run the encoder and one decoder step once at load, so the first real request is not the slow one. */
  warmUp?: boolean;
}

type Feeds = Record<string, ort.Tensor>;

interface LoadedModel {
  files: WhisperModelFiles;
  tokenizer: WhisperTokenizer;
  encoder: ort.InferenceSession;
  decoder: ort.InferenceSession;
  prompt: number[];
  /** Ids masked at the first step, and at every later one. */
  suppressedFirst: ReadonlySet<number>;
  suppressedLater: ReadonlySet<number>;
}

export class NoUtteranceError extends VouchError {
  static override readonly code: string = 'STT_NO_UTTERANCE';
  override name = 'NoUtteranceError';
  constructor() {
    super('no utterance was begun; call beginUtterance() first');
  }
}

export class WhisperOnnxEngine implements StreamingSttEngine {
  private model: LoadedModel | undefined;
  private utterance: IncrementalLogMel | undefined;

  constructor(private readonly options: WhisperOnnxOptions) {}

  async load(onProgress?: (progress: ModelLoadProgress) => void): Promise<void> {
    if (this.model) {
      onProgress?.({ stage: 'ready', fraction: 1 });
      return;
    }
    onProgress?.({ stage: 'resolving', fraction: 0 });
    const files = await resolveWhisperModelFiles(this.options.modelDir, this.options.variant);
    onProgress?.({ stage: 'tokenizer', fraction: 0.05 });
    const tokenizer = await WhisperTokenizer.fromModelDir(files.dir);
    const prompt = whisperDecoderPrompt(files.generation, tokenizer);
    const sessionOptions: ort.InferenceSession.SessionOptions = {
      executionProviders: ['cpu'],
      graphOptimizationLevel: 'all',
      intraOpNumThreads: this.options.intraOpNumThreads ?? Math.min(4, availableParallelism()),
      interOpNumThreads: 1,
    };
    onProgress?.({ stage: 'encoder', fraction: 0.1 });
    const encoder = await ort.InferenceSession.create(files.encoderPath, sessionOptions);
    onProgress?.({ stage: 'decoder', fraction: 0.4 });
    const decoder = await ort.InferenceSession.create(files.decoderPath, sessionOptions);
    const model: LoadedModel = {
      files,
      tokenizer,
      encoder,
      decoder,
      prompt,
      suppressedFirst: suppressedTokenIds(files.generation, tokenizer, 0),
      suppressedLater: suppressedTokenIds(files.generation, tokenizer, 1),
    };
    if (this.options.warmUp !== false) {
      // onnxruntime allocates its arenas and picks kernels on the first run: pay that here, at start-up.
      onProgress?.({ stage: 'warming', fraction: 0.8 });
      await this.decodeFeatures(model, new Float32Array(files.architecture.numMelBins * WHISPER_N_FRAMES), emptyStages(), 1);
    }
    this.model = model;
    onProgress?.({ stage: 'ready', fraction: 1 });
  }

  async transcribe(pcm16k: Float32Array | Int16Array): Promise<Transcription> {
    const model = this.model;
    if (!model) throw new SttNotLoadedError();
    const started = performance.now();
    const stages = emptyStages();
    const audio = toFloat32(pcm16k);
    const speech = this.options.vad === false ? audio : trimSilence(audio, WHISPER_SAMPLE_RATE, this.options.vad ?? {});
    const pieces: string[] = [];
    // Long dictation is cut into consecutive 30 s windows, the span the encoder was trained on.
    for (let offset = 0; offset < speech.length; offset += WHISPER_CHUNK_SAMPLES) {
      const window = speech.subarray(offset, Math.min(speech.length, offset + WHISPER_CHUNK_SAMPLES));
      // Fragments under 100 ms carry no words and invite hallucinations.
      if (window.length < WHISPER_SAMPLE_RATE / 10) continue;
      const featuresStarted = performance.now();
      const features = whisperLogMel(window, model.files.architecture.numMelBins);
      stages.featuresMs += performance.now() - featuresStarted;
      pieces.push(await this.decodeFeatures(model, features, stages));
    }
    return {
      text: pieces
        .map((p) => p.trim())
        .filter(Boolean)
        .join(' '),
      durationMs: performance.now() - started,
      audioMs: (audio.length / WHISPER_SAMPLE_RATE) * 1000,
      speechMs: (speech.length / WHISPER_SAMPLE_RATE) * 1000,
      stages,
    };
  }

  beginUtterance(): void {
    const model = this.model;
    if (!model) throw new SttNotLoadedError();
    this.utterance = new IncrementalLogMel(model.files.architecture.numMelBins);
  }

  appendAudio(pcm16k: Float32Array): void {
    if (!this.utterance) throw new NoUtteranceError();
    this.utterance.push(pcm16k);
  }

  /** Silence trimming, the last frames and the clamp, then encoder and decoder. */
  async finishUtterance(): Promise<Transcription> {
    const model = this.model;
    if (!model) throw new SttNotLoadedError();
    const utterance = this.utterance;
    if (!utterance) throw new NoUtteranceError();
    this.utterance = undefined;
    const audio = utterance.samples;
    // Past one 30 s window, the windowed path handles the rest (rare for push-to-talk).
    if (audio.length > WHISPER_CHUNK_SAMPLES) return this.transcribe(Float32Array.from(audio));
    const started = performance.now();
    const stages = emptyStages();
    const region =
      this.options.vad === false
        ? { start: 0, end: audio.length, hasSpeech: audio.length > 0 }
        : detectSpeechRegion(audio, WHISPER_SAMPLE_RATE, this.options.vad ?? {});
    const speechSamples = region.hasSpeech ? region.end - region.start : 0;
    let text = '';
    if (speechSamples >= WHISPER_SAMPLE_RATE / 10) {
      const features = utterance.finish({
        fromFrame: Math.floor(region.start / WHISPER_HOP_LENGTH),
        toFrame: Math.ceil(region.end / WHISPER_HOP_LENGTH),
      });
      stages.featuresMs = performance.now() - started;
      text = (await this.decodeFeatures(model, features, stages)).trim();
    }
    return {
      text,
      durationMs: performance.now() - started,
      audioMs: (audio.length / WHISPER_SAMPLE_RATE) * 1000,
      speechMs: (speechSamples / WHISPER_SAMPLE_RATE) * 1000,
      stages,
    };
  }

  async dispose(): Promise<void> {
    this.utterance = undefined;
    const model = this.model;
    this.model = undefined;
    if (model) await Promise.all([model.encoder.release(), model.decoder.release()]);
  }

  /** Encoder over one window's features, then greedy decoding to text; time spent is added to `stages`. */
  private async decodeFeatures(
    model: LoadedModel,
    features: Float32Array,
    stages: TranscriptionStages,
    maxTokens?: number,
  ): Promise<string> {
    const { architecture } = model.files;
    const encoderStarted = performance.now();
    const encoderOut = await model.encoder.run({
      [model.encoder.inputNames[0]!]: new ort.Tensor('float32', features, [1, architecture.numMelBins, WHISPER_N_FRAMES]),
    });
    const hiddenStates = encoderOut[model.encoder.outputNames[0]!]!;
    const decoderStarted = performance.now();
    stages.encoderMs += decoderStarted - encoderStarted;
    const tokens = model.files.decoderHasCache
      ? await this.greedyWithCache(model, hiddenStates, maxTokens)
      : await this.greedyWithoutCache(model, hiddenStates, maxTokens);
    stages.decoderMs += performance.now() - decoderStarted;
    // One step per generated token, plus the one that produced end-of-text unless the limit stopped it.
    const limit = maxTokens ?? this.maxNewTokens(model, model.prompt.length);
    stages.decoderSteps += tokens.length < limit ? tokens.length + 1 : tokens.length;
    return model.tokenizer.decode(tokens);
  }

  private suppressed(model: LoadedModel, step: number): ReadonlySet<number> {
    return step === 0 ? model.suppressedFirst : model.suppressedLater;
  }

  private maxNewTokens(model: LoadedModel, promptLength: number): number {
    const limit = model.files.architecture.maxTargetPositions - promptLength;
    return Math.max(1, Math.min(this.options.maxNewTokens ?? 224, limit));
  }

  private async greedyWithoutCache(model: LoadedModel, hiddenStates: ort.Tensor, maxTokens?: number): Promise<number[]> {
    const prompt = model.prompt;
    const generated: number[] = [];
    const limit = maxTokens ?? this.maxNewTokens(model, prompt.length);
    const [idsName, statesName] = this.decoderInputNames(model);
    for (let step = 0; step < limit; step++) {
      const sequence = [...prompt, ...generated];
      const out = await model.decoder.run({ [idsName]: int64Tensor(sequence), [statesName]: hiddenStates }, [
        model.decoder.outputNames[0]!,
      ]);
      const next = argmaxLastPosition(out[model.decoder.outputNames[0]!]!, this.suppressed(model, step));
      if (next === model.tokenizer.special.endOfText) break;
      generated.push(next);
    }
    return generated;
  }

  private async greedyWithCache(model: LoadedModel, hiddenStates: ort.Tensor, maxTokens?: number): Promise<number[]> {
    const { decoder, tokenizer, files } = model;
    const { decoderAttentionHeads, dModel } = files.architecture;
    const headDim = dModel / decoderAttentionHeads;
    const prompt = model.prompt;
    const generated: number[] = [];
    const limit = maxTokens ?? this.maxNewTokens(model, prompt.length);
    const [idsName, statesName] = this.decoderInputNames(model);
    const pastNames = decoder.inputNames.filter((n) => n.startsWith('past_key_values.'));
    const empty = new ort.Tensor('float32', new Float32Array(0), [1, decoderAttentionHeads, 0, headDim]);
    let past: Feeds = Object.fromEntries(pastNames.map((n) => [n, empty]));
    // Cross-attention keys/values depend only on the encoder output: computed on the first step, then reused.
    let encoderPast: Feeds | undefined;
    let input = prompt;
    for (let step = 0; step < limit; step++) {
      const feeds: Feeds = {
        [idsName]: int64Tensor(input),
        [statesName]: hiddenStates,
        ...past,
        ...(encoderPast ?? {}),
      };
      if (decoder.inputNames.includes('use_cache_branch')) {
        feeds.use_cache_branch = new ort.Tensor('bool', [step > 0], [1]);
      }
      const out = await decoder.run(feeds);
      const next = argmaxLastPosition(out[decoder.outputNames[0]!]!, this.suppressed(model, step));
      if (next === tokenizer.special.endOfText) break;
      generated.push(next);
      const nextPast: Feeds = {};
      const nextEncoderPast: Feeds = {};
      for (const name of pastNames) {
        const present = out[name.replace('past_key_values.', 'present.')];
        if (!present) throw new Error(`decoder output for ${name} missing`);
        if (name.includes('.encoder.')) nextEncoderPast[name] = present;
        else nextPast[name] = present;
      }
      past = nextPast;
      encoderPast ??= nextEncoderPast;
      input = [next];
    }
    return generated;
  }

  private decoderInputNames(model: LoadedModel): [string, string] {
    const names = model.decoder.inputNames;
    const ids = names.find((n) => n === 'input_ids') ?? names[0]!;
    const states = names.find((n) => n === 'encoder_hidden_states') ?? names[1]!;
    return [ids, states];
  }
}

function emptyStages(): TranscriptionStages {
  return { featuresMs: 0, encoderMs: 0, decoderMs: 0, decoderSteps: 0 };
}

function int64Tensor(ids: readonly number[]): ort.Tensor {
  return new ort.Tensor(
    'int64',
    BigInt64Array.from(ids, (id) => BigInt(id)),
    [1, ids.length],
  );
}

/** Index of the largest logit at the last sequence position, ignoring suppressed ids. */
function argmaxLastPosition(logits: ort.Tensor, suppressed: ReadonlySet<number>): number {
  const dims = logits.dims;
  const vocab = dims[dims.length - 1]!;
  const data = logits.data as Float32Array;
  const offset = data.length - vocab;
  let best = -1;
  let bestValue = -Infinity;
  for (let id = 0; id < vocab; id++) {
    if (suppressed.has(id)) continue;
    const value = data[offset + id]!;
    if (value > bestValue) {
      bestValue = value;
      best = id;
    }
  }
  return best;
}
