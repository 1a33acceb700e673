import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeGenerationConfig, suppressedTokenIds, whisperDecoderPrompt, DecoderPromptError } from '../../src/stt/decoding-rules.js';
import { readWhisperModelConfig } from '../../src/stt/model-files.js';
import { WhisperTokenizer } from '../../src/stt/tokenizer.js';

import { sharedModelDir } from './helpers/shared-models.js';

/** The real whisper-tiny.en text files (config, generation config, tokenizer), never copied into the repo. */
const TINY_EN = sharedModelDir('whisper-tiny.en');

const vocab = { '\u0120what': 0, '\u0120caf': 1, 'Ã©': 2, '?': 3, '\u0120is': 4 };

describe('WhisperTokenizer', () => {
  it('decodes byte-level BPE tokens, reassembling multi-byte UTF-8 and skipping control tokens', () => {
    const tokenizer = new WhisperTokenizer(vocab, [
      { id: 50256, content: '<|endoftext|>' },
      { id: 50257, content: '<|startoftranscript|>' },
      { id: 50362, content: '<|notimestamps|>' },
    ]);
    expect(tokenizer.decode([50257, 50362, 0, 4, 1, 2, 3, 50256])).toBe(' what is café?');
    expect(tokenizer.isSpecial(50256)).toBe(true);
    expect(tokenizer.isSpecial(0)).toBe(false);
  });

  it('fails clearly when a required control token is missing', () => {
    expect(() => new WhisperTokenizer(vocab, [{ id: 1, content: '<|endoftext|>' }])).toThrow(/startoftranscript/);
  });

  it('loads vocab.json + added_tokens.json when there is no tokenizer.json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vouch-tok-'));
    try {
      await writeFile(join(dir, 'vocab.json'), JSON.stringify(vocab));
      await writeFile(
        join(dir, 'added_tokens.json'),
        JSON.stringify({ '<|endoftext|>': 50256, '<|startoftranscript|>': 50257, '<|notimestamps|>': 50362 }),
      );
      const tokenizer = await WhisperTokenizer.fromModelDir(dir);
      expect(tokenizer.decode([0, 4])).toBe(' what is');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the real whisper-tiny.en files', () => {
  it('prime the decoder with [<|startoftranscript|>, <|notimestamps|>] although the tokenizer lists <|en|> and <|transcribe|>', async () => {
    const tokenizer = await WhisperTokenizer.fromModelDir(TINY_EN);
    const { generation } = await readWhisperModelConfig(TINY_EN);
    expect(tokenizer.tokenId('<|en|>')).toBe(50258);
    expect(tokenizer.tokenId('<|transcribe|>')).toBe(50358);
    expect(whisperDecoderPrompt(generation, tokenizer)).toEqual([50257, 50362]);
    // A language or task request does not turn an English-only checkpoint into a multilingual one.
    expect(whisperDecoderPrompt(generation, tokenizer, { language: 'en', task: 'transcribe' })).toEqual([50257, 50362]);
  });

  it('suppress the configured tokens, and a leading blank or end-of-text at the first step only', async () => {
    const tokenizer = await WhisperTokenizer.fromModelDir(TINY_EN);
    const { generation, architecture } = await readWhisperModelConfig(TINY_EN);
    expect(architecture).toEqual({ decoderLayers: 4, decoderAttentionHeads: 6, dModel: 384, numMelBins: 80, maxTargetPositions: 448 });
    expect(generation.begin_suppress_tokens).toEqual([220, 50256]);
    expect(generation.suppress_tokens).toHaveLength(90);
    expect([generation.suppress_tokens?.at(0), generation.suppress_tokens?.at(-1)]).toEqual([1, 50361]);
    const first = suppressedTokenIds(generation, tokenizer, 0);
    const later = suppressedTokenIds(generation, tokenizer, 1);
    for (const id of generation.suppress_tokens!) {
      expect(first.has(id)).toBe(true);
      expect(later.has(id)).toBe(true);
    }
    expect([first.has(220), first.has(50256)]).toEqual([true, true]);
    expect([later.has(220), later.has(50256)]).toEqual([false, false]);
    // Control tokens never become text: <|en|>, <|startoftranscript|>, <|notimestamps|>.
    for (const id of [50257, 50258, 50358, 50362]) expect(later.has(id)).toBe(true);
    // Ordinary words stay allowed.
    expect(later.has(1867)).toBe(false);
  });

  it('decode known ids to text', async () => {
    const tokenizer = await WhisperTokenizer.fromModelDir(TINY_EN);
    // " What is on my calendar tomorrow?" as tiny.en's BPE spells it, wrapped in prompt and end-of-text.
    expect(tokenizer.decode([50257, 50362, 1867, 318, 319, 616, 11845, 9439, 30, 50256])).toBe(' What is on my calendar tomorrow?');
    // "café": 'Ġcaf' + 'Ã©' (the two UTF-8 bytes of é in GPT-2's byte alphabet).
    expect(tokenizer.decode([19945, 2634])).toBe(' café');
  });
});

describe('decoder prompt of a multilingual checkpoint', () => {
  const multilingualTokenizer = () =>
    new WhisperTokenizer(vocab, [
      { id: 50257, content: '<|endoftext|>' },
      { id: 50258, content: '<|startoftranscript|>' },
      { id: 50259, content: '<|en|>' },
      { id: 50261, content: '<|de|>' },
      { id: 50359, content: '<|translate|>' },
      { id: 50360, content: '<|transcribe|>' },
      { id: 50364, content: '<|notimestamps|>' },
    ]);
  // As openai/whisper-tiny's generation_config.json spells it (trimmed to the fields decoding reads).
  const generation = mergeGenerationConfig(
    { vocab_size: 51865, decoder_start_token_id: 50258 },
    {
      is_multilingual: true,
      decoder_start_token_id: 50258,
      forced_decoder_ids: [
        [1, null],
        [2, 50360],
      ],
      lang_to_id: { '<|en|>': 50259, '<|de|>': 50261 },
      task_to_id: { transcribe: 50360, translate: 50359 },
      no_timestamps_token_id: 50364,
      language: 'en',
      task: 'transcribe',
    },
  );

  it('is [<|startoftranscript|>, <|en|>, <|transcribe|>, <|notimestamps|>]', () => {
    expect(whisperDecoderPrompt(generation, multilingualTokenizer())).toEqual([50258, 50259, 50360, 50364]);
  });

  it('follows a requested language and task, and refuses an unknown language', () => {
    const tokenizer = multilingualTokenizer();
    expect(whisperDecoderPrompt(generation, tokenizer, { language: '<|de|>', task: 'translate' })).toEqual([50258, 50261, 50359, 50364]);
    expect(() => whisperDecoderPrompt(generation, tokenizer, { language: 'xx' })).toThrow(DecoderPromptError);
  });

  it('is recognised from the vocabulary size when the generation config does not say', () => {
    const legacy = mergeGenerationConfig({ vocab_size: 51865 }, {});
    expect(whisperDecoderPrompt(legacy, multilingualTokenizer())).toEqual([50258, 50259, 50360, 50364]);
  });
});
