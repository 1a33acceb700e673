import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WhisperTokenizer } from '../../src/stt/tokenizer.js';

const vocab = { '\u0120what': 0, '\u0120caf': 1, 'Ã©': 2, '?': 3, '\u0120is': 4 };

describe('WhisperTokenizer', () => {
  it('decodes byte-level BPE tokens, reassembling multi-byte UTF-8 and skipping control tokens', () => {
    const tokenizer = new WhisperTokenizer(vocab, [
      { id: 50256, content: '<|endoftext|>' },
      { id: 50257, content: '<|startoftranscript|>' },
      { id: 50362, content: '<|notimestamps|>' },
    ]);
    expect(tokenizer.decode([50257, 50362, 0, 4, 1, 2, 3, 50256])).toBe(' what is café?');
    expect(tokenizer.promptIds()).toEqual([50257, 50362]);
    expect(tokenizer.isSpecial(50256)).toBe(true);
    expect(tokenizer.isSpecial(0)).toBe(false);
  });

  it('prompts multilingual checkpoints for English transcription', () => {
    const tokenizer = new WhisperTokenizer(vocab, [
      { id: 50257, content: '<|endoftext|>' },
      { id: 50258, content: '<|startoftranscript|>' },
      { id: 50259, content: '<|en|>' },
      { id: 50359, content: '<|transcribe|>' },
      { id: 50363, content: '<|notimestamps|>' },
    ]);
    expect(tokenizer.promptIds()).toEqual([50258, 50259, 50359, 50363]);
    expect(tokenizer.specialTokenIds().sort()).toEqual([50257, 50258, 50259, 50359, 50363]);
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
