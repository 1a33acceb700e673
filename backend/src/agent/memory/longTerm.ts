import { createHash, randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { LocalIndex } from 'vectra';
import { embedWithFallback, type Embedder } from './embedder.js';

/**
 * Long-term memory: short facts a user asked Vouch to keep ("Dana prefers Thursday meetings"), stored
 * per user in a vectra `LocalIndex` under `<dataDir>/memory/<hash of user id>/` and recalled by vector
 * similarity when drafting. Every vector records which embedder made it, and a query only compares
 * against vectors from the same embedder: switching Gemini on or off never mixes vector spaces (the
 * local fallback keeps working for what it stored). Users can list and delete everything.
 */

export type MemoryMeta = Record<string, string | number | boolean>;

export interface MemoryItem {
  id: string;
  text: string;
  created_at: string;
  meta: MemoryMeta;
}

export interface RecalledMemory extends MemoryItem {
  score: number;
}

type Stored = {
  text: string;
  created_at: string;
  embedder: string;
  meta_json: string;
};

export interface LongTermMemoryOptions {
  dataDir: string;
  embedder: Embedder;
  /** Used when `embedder` fails (e.g. Gemini unreachable): the memory still works, offline. */
  fallbackEmbedder?: Embedder;
  now?: () => Date;
  /** Longest text kept; memories are facts, not documents. */
  maxChars?: number;
}

export class LongTermMemory {
  private readonly indexes = new Map<string, LocalIndex<Stored>>();
  /** vectra allows one update at a time per index, so each user's operations queue. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly o: LongTermMemoryOptions) {}

  /** A folder name that cannot escape the data dir whatever the user id holds (`auth0|…`, `../`). */
  folderFor(user: string): string {
    return join(this.o.dataDir, 'memory', createHash('sha256').update(user).digest('hex').slice(0, 32));
  }

  private serial<T>(user: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(user) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(fn);
    this.queues.set(user, next);
    void next
      .finally(() => {
        if (this.queues.get(user) === next) this.queues.delete(user);
      })
      .catch(() => undefined);
    return next;
  }

  private async index(user: string, create: boolean): Promise<LocalIndex<Stored> | undefined> {
    let idx = this.indexes.get(user);
    if (!idx) {
      idx = new LocalIndex<Stored>(this.folderFor(user));
      this.indexes.set(user, idx);
    }
    if (!(await idx.isIndexCreated())) {
      if (!create) return undefined;
      // No `metadata_config.indexed`: vectra would move the other fields to side files that listItems() does not read.
      await idx.createIndex({ version: 1 });
    }
    return idx;
  }

  private embedOne(text: string): Promise<{ vector: number[]; embedder: string }> {
    return embedWithFallback(text, this.o.embedder, this.o.fallbackEmbedder);
  }

  remember(user: string, text: string, meta: MemoryMeta = {}): Promise<MemoryItem> {
    const clean = text.trim().slice(0, this.o.maxChars ?? 2000);
    if (!clean) return Promise.reject(new Error('nothing to remember'));
    return this.serial(user, async () => {
      const { vector, embedder } = await this.embedOne(clean);
      const idx = (await this.index(user, true))!;
      const created_at = (this.o.now?.() ?? new Date()).toISOString();
      const item = await idx.insertItem({
        id: randomUUID(),
        vector,
        metadata: { text: clean, created_at, embedder, meta_json: JSON.stringify(meta) },
      });
      return { id: item.id, text: clean, created_at, meta };
    });
  }

  recall(user: string, query: string, k = 5, opts: { minScore?: number } = {}): Promise<RecalledMemory[]> {
    return this.serial(user, async () => {
      const idx = await this.index(user, false);
      if (!idx || !query.trim()) return [];
      const { vector, embedder } = await this.embedOne(query);
      const results = await idx.queryItems(vector, query, k, { embedder: { $eq: embedder } });
      return results
        .filter((r) => r.score >= (opts.minScore ?? 0.05))
        .map((r) => ({ ...toItem(r.item.id, r.item.metadata), score: r.score }));
    });
  }

  list(user: string): Promise<MemoryItem[]> {
    return this.serial(user, async () => {
      const idx = await this.index(user, false);
      if (!idx) return [];
      const items = await idx.listItems();
      return items.map((i) => toItem(i.id, i.metadata)).sort((a, b) => a.created_at.localeCompare(b.created_at));
    });
  }

  forget(user: string, id: string): Promise<boolean> {
    return this.serial(user, async () => {
      const idx = await this.index(user, false);
      if (!idx || !(await idx.getItem(id))) return false;
      await idx.deleteItem(id);
      return true;
    });
  }

  /** The text-only view the pipeline needs (remember → void, recall → the remembered sentences). */
  textPort(): {
    remember(user: string, text: string, meta?: MemoryMeta): Promise<void>;
    recall(user: string, query: string, k: number): Promise<string[]>;
  } {
    return {
      remember: async (user, text, meta) => {
        await this.remember(user, text, meta ?? {});
      },
      recall: async (user, query, k) => (await this.recall(user, query, k)).map((m) => m.text),
    };
  }

  /** Deletes the user's whole index folder; returns how many memories were removed. */
  forgetAll(user: string): Promise<number> {
    return this.serial(user, async () => {
      const idx = await this.index(user, false);
      const n = idx ? (await idx.listItems()).length : 0;
      this.indexes.delete(user);
      await rm(this.folderFor(user), { recursive: true, force: true });
      return n;
    });
  }
}

function toItem(id: string, m: Stored): MemoryItem {
  let meta: MemoryMeta;
  try {
    meta = JSON.parse(m.meta_json) as MemoryMeta;
  } catch {
    meta = {};
  }
  return { id, text: m.text, created_at: m.created_at, meta };
}
