import { describe, expect, it } from 'vitest';
import { type Embedder, LocalEmbedder } from '../../src/agent/memory/embedder.js';
import type { MemoryItem, MemoryMeta, RecalledMemory } from '../../src/agent/memory/longTerm.js';

/** What every long-term memory must do: the vectra index on disk and the PostgreSQL table. */
export interface MemoryUnderTest {
  remember(user: string, text: string, meta?: MemoryMeta): Promise<MemoryItem>;
  recall(user: string, query: string, k?: number): Promise<RecalledMemory[]>;
  list(user: string): Promise<MemoryItem[]>;
  forget(user: string, id: string): Promise<boolean>;
  forgetAll(user: string): Promise<number>;
}

export type MakeMemory = (opts: { embedder: Embedder; now?: () => Date }) => Promise<MemoryUnderTest>;

const alex = 'auth0|alex';
const sam = 'google-oauth2|../../sam';

export function describeMemoryContract(name: string, make: MakeMemory): void {
  describe(`long-term memory contract (${name})`, () => {
    it('remembers, recalls the closest fact first, lists in order, forgets one and all', async () => {
      let t = 0;
      const mem = await make({ embedder: new LocalEmbedder(), now: () => new Date(Date.UTC(2025, 5, 11, 0, t++)) });
      const a = await mem.remember(alex, 'Dana prefers Thursday morning meetings', { source: 'voice' });
      await mem.remember(alex, 'Sam is travelling to Berlin next week');
      await mem.remember(alex, 'The Northwind NDA needs legal review before signing');
      const hits = await mem.recall(alex, 'when does Dana like to have meetings?', 2);
      expect(hits[0]).toMatchObject({ id: a.id, meta: { source: 'voice' } });
      expect(hits[0]!.score).toBeGreaterThan(hits[1]?.score ?? 0);
      expect((await mem.recall(alex, 'Northwind NDA legal', 1))[0]?.text).toBe('The Northwind NDA needs legal review before signing');
      expect((await mem.list(alex)).map((m) => m.text)).toEqual([
        'Dana prefers Thursday morning meetings',
        'Sam is travelling to Berlin next week',
        'The Northwind NDA needs legal review before signing',
      ]);
      expect(await mem.forget(alex, a.id)).toBe(true);
      expect(await mem.forget(alex, a.id)).toBe(false);
      expect(await mem.forgetAll(alex)).toBe(2);
      expect(await mem.list(alex)).toEqual([]);
      expect(await mem.recall(alex, 'Dana', 3)).toEqual([]);
    });

    it('keeps users apart, and never compares vectors of different embedders', async () => {
      const mem = await make({ embedder: new LocalEmbedder() });
      await mem.remember(alex, 'Alex likes short emails');
      await mem.remember(sam, 'Sam likes long emails');
      expect((await mem.list(alex)).map((m) => m.text)).toEqual(['Alex likes short emails']);
      expect((await mem.recall(sam, 'emails', 5)).map((m) => m.text)).toEqual(['Sam likes long emails']);
      expect(await mem.forget(sam, (await mem.list(alex))[0]!.id)).toBe(false);
      const other = await make({ embedder: new LocalEmbedder(256) });
      expect(await other.recall(sam, 'emails', 5)).toEqual([]);
    });
  });
}
