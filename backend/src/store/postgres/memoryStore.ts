import { randomUUID } from 'node:crypto';
import { embedWithFallback, type Embedder } from '../../agent/memory/embedder.js';
import type { MemoryItem, MemoryMeta, RecalledMemory } from '../../agent/memory/longTerm.js';
import type { PgPool } from './pool.js';

export interface PostgresLongTermMemoryOptions {
  embedder: Embedder;
  /** Used when `embedder` fails (e.g. Gemini unreachable). */
  fallbackEmbedder?: Embedder;
  now?: () => Date;
  maxChars?: number;
  /** Most recent memories compared per recall; memories are a person's handful of facts. */
  maxScan?: number;
}

interface Row {
  id: string;
  text: string;
  meta_json: string;
  created_at: string;
  embedding?: number[];
}

/**
 * Long-term memory in PostgreSQL: one row per remembered fact, with its vector and the embedder
 * that made it (queries only compare vectors of the same embedder, as on disk). Cosine similarity
 * runs in this process over the user's rows (pgvector is not packaged in Debian 12); the vectors are
 * unit length, so it is a dot product. Same surface as the vectra-backed LongTermMemory.
 */
export class PostgresLongTermMemory {
  constructor(
    private readonly pool: PgPool,
    private readonly o: PostgresLongTermMemoryOptions,
  ) {}

  private embedOne(text: string): Promise<{ vector: number[]; embedder: string }> {
    return embedWithFallback(text, this.o.embedder, this.o.fallbackEmbedder);
  }

  async remember(user: string, text: string, meta: MemoryMeta = {}): Promise<MemoryItem> {
    const clean = text.trim().slice(0, this.o.maxChars ?? 2000);
    if (!clean) throw new Error('nothing to remember');
    const { vector, embedder } = await this.embedOne(clean);
    const item: MemoryItem = { id: randomUUID(), text: clean, created_at: (this.o.now?.() ?? new Date()).toISOString(), meta };
    await this.pool.query(
      'INSERT INTO memories (id, sub, text, meta_json, embedder, embedding, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [item.id, user, item.text, JSON.stringify(meta), embedder, vector, item.created_at],
    );
    return item;
  }

  async recall(user: string, query: string, k = 5, opts: { minScore?: number } = {}): Promise<RecalledMemory[]> {
    if (!query.trim()) return [];
    const { rows: any } = await this.pool.query<{ n: number }>('SELECT 1 AS n FROM memories WHERE sub = $1 LIMIT 1', [user]);
    if (!any.length) return [];
    const { vector, embedder } = await this.embedOne(query);
    const { rows } = await this.pool.query<Row>(
      'SELECT id, text, meta_json, created_at, embedding FROM memories WHERE sub = $1 AND embedder = $2 ORDER BY created_at DESC LIMIT $3',
      [user, embedder, this.o.maxScan ?? 5000],
    );
    return rows
      .map((r) => ({ ...toItem(r), score: cosine(vector, r.embedding ?? []) }))
      .filter((r) => r.score >= (opts.minScore ?? 0.05))
      .sort((a, b) => b.score - a.score)
      .slice(0, k);
  }

  async list(user: string): Promise<MemoryItem[]> {
    const { rows } = await this.pool.query<Row>(
      'SELECT id, text, meta_json, created_at FROM memories WHERE sub = $1 ORDER BY created_at, id',
      [user],
    );
    return rows.map(toItem);
  }

  async forget(user: string, id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM memories WHERE sub = $1 AND id = $2', [user, id])).rowCount ?? 0) > 0;
  }

  async forgetAll(user: string): Promise<number> {
    return (await this.pool.query('DELETE FROM memories WHERE sub = $1', [user])).rowCount ?? 0;
  }
}

function cosine(a: number[], b: number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

function toItem(r: Row): MemoryItem {
  let meta: MemoryMeta;
  try {
    meta = JSON.parse(r.meta_json) as MemoryMeta;
  } catch {
    meta = {};
  }
  return { id: r.id, text: r.text, created_at: r.created_at, meta };
}
