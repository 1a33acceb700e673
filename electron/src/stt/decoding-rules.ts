/**
 * What the decoder is primed with and which tokens it may not produce, derived from the checkpoint's
 * generation config, never from which tokens the tokenizer happens to list: every Whisper tokenizer,
 * English-only ones included, has <|en|> and <|transcribe|>, but an English-only checkpoint was never
 * trained on a prompt that contains them.
 */
import { z } from 'zod';
import type { WhisperTokenizer } from './tokenizer.js';
import { VouchError } from '../../../backend/src/protocol/vouchError.js';

const tokenIds = z.array(z.number().int().nonnegative());

/** The fields of generation_config.json (or, for older exports, config.json) that decoding reads. */
const whisperGenerationConfigSchema = z.object({
  is_multilingual: z.boolean().optional(),
  decoder_start_token_id: z.number().int().nonnegative().optional(),
  /** [position, token id] pairs; a null id is the slot for the language token. */
  forced_decoder_ids: z
    .array(z.tuple([z.number().int().positive(), z.number().int().nonnegative().nullable()]))
    .nullable()
    .optional(),
  no_timestamps_token_id: z.number().int().nonnegative().optional(),
  lang_to_id: z.record(z.string(), z.number().int().nonnegative()).optional(),
  task_to_id: z.record(z.string(), z.number().int().nonnegative()).optional(),
  language: z.string().nullable().optional(),
  task: z.string().nullable().optional(),
  suppress_tokens: tokenIds.nullable().optional(),
  begin_suppress_tokens: tokenIds.nullable().optional(),
  vocab_size: z.number().int().positive().optional(),
});
export type WhisperGenerationConfig = z.infer<typeof whisperGenerationConfigSchema>;

/** OpenAI's own rule (whisper/model.py): the multilingual checkpoints have a vocabulary of 51865 or more. */
const MULTILINGUAL_MIN_VOCAB = 51_865;

export class DecoderPromptError extends VouchError {
  static override readonly code: string = 'STT_DECODER_PROMPT';
  override name = 'DecoderPromptError';
}

interface PromptRequest {
  /** ISO code ('en') or token ('<|en|>'); multilingual checkpoints only. Defaults to the config's, else English. */
  language?: string;
  /** 'transcribe' or 'translate'; multilingual checkpoints only. Defaults to the config's, else transcribe. */
  task?: string;
}

/** Merges generation_config.json over config.json: the former is authoritative where both speak. */
export function mergeGenerationConfig(config: unknown, generation: unknown): WhisperGenerationConfig {
  const base = whisperGenerationConfigSchema.safeParse(config);
  const over = whisperGenerationConfigSchema.safeParse(generation);
  if (!over.success) throw new DecoderPromptError(`generation_config.json is malformed: ${over.error.message}`);
  const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return { ...(base.success ? defined(base.data) : {}), ...defined(over.data) } as WhisperGenerationConfig;
}

function isMultilingual(generation: WhisperGenerationConfig): boolean {
  if (generation.is_multilingual !== undefined) return generation.is_multilingual;
  return (generation.vocab_size ?? 0) >= MULTILINGUAL_MIN_VOCAB;
}

/**
 * The decoder prompt for transcription without timestamps: [start, language, task, no-timestamps] for
 * multilingual checkpoints, [start, forced ids...] (i.e. [start, no-timestamps]) for English-only ones.
 */
export function whisperDecoderPrompt(
  generation: WhisperGenerationConfig,
  tokenizer: WhisperTokenizer,
  request: PromptRequest = {},
): number[] {
  const start = generation.decoder_start_token_id ?? tokenizer.special.startOfTranscript;
  const noTimestamps = generation.no_timestamps_token_id ?? tokenizer.special.noTimestamps;
  if (!isMultilingual(generation)) {
    const forced = [...(generation.forced_decoder_ids ?? [])].sort((a, b) => a[0] - b[0]);
    const prompt = [start];
    for (const [position, id] of forced) {
      if (id === null || position !== prompt.length) {
        throw new DecoderPromptError(
          `forced_decoder_ids ${JSON.stringify(generation.forced_decoder_ids)} do not describe a contiguous prompt`,
        );
      }
      prompt.push(id);
    }
    if (prompt.at(-1) !== noTimestamps) prompt.push(noTimestamps);
    return prompt;
  }
  const language = normaliseLanguage(request.language ?? generation.language ?? 'en');
  const languageId = generation.lang_to_id?.[language] ?? tokenizer.tokenId(language);
  if (languageId === undefined) throw new DecoderPromptError(`the model knows no language ${language}`);
  const task = request.task ?? generation.task ?? 'transcribe';
  const taskId = generation.task_to_id?.[task] ?? tokenizer.tokenId(`<|${task}|>`);
  if (taskId === undefined) throw new DecoderPromptError(`the model knows no task ${task}`);
  return [start, languageId, taskId, noTimestamps];
}

function normaliseLanguage(language: string): string {
  return /^<\|.+\|>$/.test(language) ? language : `<|${language.toLowerCase()}|>`;
}

/**
 * Ids greedy decoding must not pick at a step: every control token except end-of-text, the config's
 * suppress_tokens, and at the first step begin_suppress_tokens (a leading blank or an empty transcript).
 */
export function suppressedTokenIds(generation: WhisperGenerationConfig, tokenizer: WhisperTokenizer, step: number): Set<number> {
  const eot = tokenizer.special.endOfText;
  const ids = new Set(tokenizer.specialTokenIds().filter((id) => id !== eot));
  for (const id of generation.suppress_tokens ?? []) ids.add(id);
  if (step === 0) {
    const begin = generation.begin_suppress_tokens ?? [];
    for (const id of begin.length > 0 ? begin : [eot]) ids.add(id);
  }
  return ids;
}
