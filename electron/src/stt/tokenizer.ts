/**
 * The part of Whisper's byte-level BPE tokenizer that inference needs: special-token ids for the
 * decoder prompt and stopping, and token ids back to text. Encoding text is never needed here, so the
 * merge rules are not loaded.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { existsSync } from 'node:fs';

/** GPT-2's reversible byte <-> printable-unicode map, which byte-level BPE vocabularies are written in. */
function unicodeToByteMap(): Map<string, number> {
  const printable: number[] = [];
  for (let b = 33; b <= 126; b++) printable.push(b);
  for (let b = 161; b <= 172; b++) printable.push(b);
  for (let b = 174; b <= 255; b++) printable.push(b);
  const map = new Map<string, number>();
  let shifted = 0;
  for (let b = 0; b < 256; b++) {
    if (printable.includes(b)) map.set(String.fromCharCode(b), b);
    else map.set(String.fromCharCode(256 + shifted++), b);
  }
  return map;
}

const UNICODE_TO_BYTE = unicodeToByteMap();

interface WhisperSpecialTokens {
  endOfText: number;
  startOfTranscript: number;
  noTimestamps: number;
}

export class WhisperTokenizer {
  private readonly idToToken: Map<number, string>;
  private readonly specialIds: Set<number>;
  private readonly addedByContent: Map<string, number>;
  readonly special: WhisperSpecialTokens;

  constructor(vocab: Record<string, number>, addedTokens: ReadonlyArray<{ id: number; content: string }>) {
    this.idToToken = new Map();
    for (const [token, id] of Object.entries(vocab)) this.idToToken.set(id, token);
    this.specialIds = new Set();
    const byContent = new Map<string, number>();
    this.addedByContent = byContent;
    for (const added of addedTokens) {
      this.idToToken.set(added.id, added.content);
      byContent.set(added.content, added.id);
      // Whisper's added tokens are all control tokens (<|...|>): none of them is ever text.
      if (/^<\|.*\|>$/.test(added.content)) this.specialIds.add(added.id);
    }
    const required = (content: string): number => {
      const id = byContent.get(content) ?? vocab[content];
      if (id === undefined) throw new Error(`tokenizer has no ${content} token`);
      this.specialIds.add(id);
      return id;
    };
    this.special = {
      endOfText: required('<|endoftext|>'),
      startOfTranscript: required('<|startoftranscript|>'),
      noTimestamps: required('<|notimestamps|>'),
    };
  }

  /** Reads tokenizer.json (preferred) or vocab.json + added_tokens.json from a Hugging Face model folder. */
  static async fromModelDir(dir: string): Promise<WhisperTokenizer> {
    const tokenizerJson = join(dir, 'tokenizer.json');
    if (existsSync(tokenizerJson)) {
      const parsed = JSON.parse(await readFile(tokenizerJson, 'utf8')) as {
        model?: { vocab?: Record<string, number> };
        added_tokens?: Array<{ id: number; content: string }>;
      };
      if (!parsed.model?.vocab) throw new Error(`${tokenizerJson} has no model.vocab`);
      return new WhisperTokenizer(parsed.model.vocab, parsed.added_tokens ?? []);
    }
    const vocab = JSON.parse(await readFile(join(dir, 'vocab.json'), 'utf8')) as Record<string, number>;
    const addedPath = join(dir, 'added_tokens.json');
    const added = existsSync(addedPath)
      ? Object.entries(JSON.parse(await readFile(addedPath, 'utf8')) as Record<string, number>).map(([content, id]) => ({ content, id }))
      : [];
    return new WhisperTokenizer(vocab, added);
  }

  /**
   * The id of a control token such as <|en|>, or undefined. Its presence says nothing about what the
   * checkpoint was trained on: the decoder prompt comes from the generation config (decoding-rules.ts).
   */
  tokenId(content: string): number | undefined {
    return this.addedByContent.get(content);
  }

  isSpecial(id: number): boolean {
    return this.specialIds.has(id);
  }

  /** Every control token: greedy decoding masks these, except end-of-text, so they never become text. */
  specialTokenIds(): number[] {
    return [...this.specialIds];
  }

  /** Token ids to text, skipping control tokens; bytes are reassembled before UTF-8 decoding. */
  decode(ids: readonly number[]): string {
    const bytes: number[] = [];
    for (const id of ids) {
      if (this.specialIds.has(id)) continue;
      const token = this.idToToken.get(id);
      if (token === undefined) continue;
      for (const ch of token) {
        const b = UNICODE_TO_BYTE.get(ch);
        if (b !== undefined) bytes.push(b);
      }
    }
    return new TextDecoder().decode(new Uint8Array(bytes));
  }
}
