import type { TextSource } from './types.js';

/**
 * Sentence-level chunking of streamed text so speech can start after the first sentence instead of
 * the whole reply. The first piece gets out sooner: it may break at a clause (", ") once it is long
 * enough, and it ends at a sentence end that closes the text received so far instead of waiting for
 * the next delta to confirm it (later pieces wait: the first one is playing meanwhile). Any piece
 * breaks at a space past `maxChars`.
 */

const ABBREVIATIONS =
  /\b(mr|mrs|ms|dr|st|vs|etc|e\.g|i\.e|approx|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)\.$/i;

export interface SentenceOptions {
  /** Clause break allowed in the first piece once it has this many characters. */
  firstClauseChars?: number;
  maxChars?: number;
}

function boundary(buf: string, first: boolean, o: Required<SentenceOptions>): number {
  const re = /[.!?…]+["'”’)]*(?=\s)|\n+/g;
  for (const m of buf.matchAll(re)) {
    const end = (m.index ?? 0) + m[0].length;
    const head = buf.slice(0, end);
    // "10.30", "Dr. Smith", "e.g. this" are not sentence ends.
    if (m[0] === '.' && (ABBREVIATIONS.test(head) || (/\d\.$/.test(head) && /^\d/.test(buf.slice(end).trimStart())))) continue;
    return end;
  }
  if (first && buf.length >= o.firstClauseChars) {
    const comma = buf.search(/[,;:—–]\s/);
    if (comma >= 12) return comma + 1;
  }
  // "at 12." may continue as "30", so a closing full stop after a digit still waits for more text.
  if (first && /[.!?…]+["'”’)]*$/.test(buf) && !ABBREVIATIONS.test(buf) && !/\d\.$/.test(buf)) return buf.length;
  if (buf.length > o.maxChars) {
    const space = buf.lastIndexOf(' ', o.maxChars);
    return space > 0 ? space : o.maxChars;
  }
  return -1;
}

export async function* sentences(input: TextSource, opts: SentenceOptions = {}): AsyncGenerator<string> {
  const o: Required<SentenceOptions> = { firstClauseChars: opts.firstClauseChars ?? 32, maxChars: opts.maxChars ?? 220 };
  const source: AsyncIterable<string> =
    typeof input === 'string'
      ? (async function* () {
          yield input;
        })()
      : input;
  let buf = '';
  let first = true;
  for await (const delta of source) {
    buf += delta;
    for (let cut = boundary(buf, first, o); cut > 0; cut = boundary(buf, first, o)) {
      const piece = buf.slice(0, cut).trim();
      buf = buf.slice(cut);
      if (piece) {
        first = false;
        yield piece;
      }
    }
  }
  const rest = buf.trim();
  if (rest) yield rest;
}

/** What a synthesizer should say for a piece of display text. */
export function speakable(text: string): string {
  return text
    .replace(/https?:\/\/\S+/g, 'a link')
    .replace(/[*_`~>]+/g, '')
    .replace(/#([a-z0-9][\w-]*)/gi, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
