import { createHash } from 'node:crypto';
import type { GoogleGenAI } from '@google/genai';

/** Text → vectors. `id` names the vector space so vectors from different embedders are never compared. */
export interface Embedder {
  readonly id: string;
  embed(texts: string[]): Promise<number[][]>;
}

/**
 * One text's vector and the space it is in: the primary embedder's, or the fallback's when the
 * primary fails (Gemini unreachable), so memory keeps working offline without mixing spaces.
 */
export async function embedWithFallback(
  text: string,
  embedder: Embedder,
  fallback: Embedder | undefined,
): Promise<{ vector: number[]; embedder: string }> {
  try {
    const [vector] = await embedder.embed([text]);
    if (!vector) throw new Error('no vector');
    return { vector, embedder: embedder.id };
  } catch (err) {
    if (!fallback) throw err;
    const [vector] = await fallback.embed([text]);
    return { vector: vector ?? [], embedder: fallback.id };
  }
}

const STOP = new Set(
  'a an the and or but to of in on at for with from by is are was were be been it this that i me my you your we our'.split(' '),
);

function bucket(feature: string, dims: number): { index: number; sign: number } {
  const h = createHash('sha1').update(feature).digest();
  return { index: h.readUInt32LE(0) % dims, sign: (h[4] ?? 0) & 1 ? 1 : -1 };
}

/**
 * Offline embeddings: signed feature hashing of words (weight 1) and character trigrams (weight 0.5),
 * L2-normalised. Not semantic, but "Dana prefers Thursday meetings" lands near "when does Dana like to
 * meet" through shared words and stems, which is what recall needs without a model.
 */
export class LocalEmbedder implements Embedder {
  readonly id: string;
  constructor(private readonly dims = 512) {
    this.id = `local-hash-${dims}`;
  }

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.vector(t));
  }

  vector(text: string): number[] {
    const v = new Array<number>(this.dims).fill(0);
    const words = text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}@.\s]/gu, ' ')
      .split(/\s+/)
      .filter((w) => w && !STOP.has(w));
    for (const w of words) {
      const word = bucket(`w:${w.replace(/(ing|ed|es|s)$/, '')}`, this.dims);
      v[word.index]! += word.sign;
      const padded = `^${w}$`;
      for (let i = 0; i + 3 <= padded.length; i++) {
        const b = bucket(`c:${padded.slice(i, i + 3)}`, this.dims);
        v[b.index]! += b.sign * 0.5;
      }
    }
    const n = Math.hypot(...v);
    return n > 0 ? v.map((x) => x / n) : v;
  }
}

/** Gemini embeddings (`embedContent`, sent by the SDK as `:batchEmbedContents`). */
export class GeminiEmbedder implements Embedder {
  readonly id: string;
  constructor(
    private readonly client: GoogleGenAI,
    private readonly model: string,
    private readonly dims?: number,
  ) {
    this.id = `gemini:${model}:${dims ?? 'default'}`;
  }

  async embed(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const res = await this.client.models.embedContent({
      model: this.model,
      contents: texts,
      ...(this.dims ? { config: { outputDimensionality: this.dims } } : {}),
    });
    const out = (res.embeddings ?? []).map((e) => e.values ?? []);
    if (out.length !== texts.length || out.some((v) => v.length === 0)) {
      throw new Error(`gemini returned ${out.length} embeddings for ${texts.length} texts`);
    }
    return out.map(normalize);
  }
}

function normalize(v: number[]): number[] {
  const n = Math.hypot(...v);
  return n > 0 ? v.map((x) => x / n) : v;
}
