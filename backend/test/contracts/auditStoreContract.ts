import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AuditSecretError, verifyChain, type AuditEntry, type AuditStore } from '../../src/audit/index.js';

/**
 * What every AuditStore must do, run against each implementation (in-memory, SQLite, PostgreSQL).
 * `make` returns a store with an empty chain for every user, whose clock starts at T0 and ticks 1 s
 * per append, plus a way to tamper with its storage the way an attacker with database access would.
 */
export const AUDIT_TEST_KEY = createHash('sha256').update('test audit key').digest();
export const AUDIT_T0 = Date.parse('2025-06-02T09:00:00Z');

export function tickingClock(): () => number {
  let t = AUDIT_T0;
  return () => (t += 1000);
}

export interface AuditStoreUnderTest {
  store: AuditStore;
  tamper: {
    update(user: string, seq: number, data: object): void | Promise<void>;
    remove(user: string, seq: number): void | Promise<void>;
  };
}

export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

export function describeAuditStoreContract(name: string, make: () => Promise<AuditStoreUnderTest>): void {
  describe(`AuditStore contract (${name})`, () => {
    it('appends a per-user chain and verifies it', async () => {
      const { store } = await make();
      for (let i = 0; i < 30; i++) await store.append(i % 3 === 0 ? 'bob' : 'alex', { kind: 'intent', data: { i } });
      const alex = await collect(store.all('alex'));
      expect(alex.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(alex[0]?.at).toBe('2025-06-02T09:00:02.000Z');
      expect(await store.verify('alex')).toMatchObject({ ok: true, count: 20 });
      expect(await store.verify('bob')).toMatchObject({ ok: true, count: 10 });
      expect(await store.verify('nobody')).toMatchObject({ ok: true, count: 0 });
      expect((await store.head('alex'))?.seq).toBe(20);
      expect(await store.head('nobody')).toBeNull();
    });

    it('pages forwards and backwards with cursors', async () => {
      const { store } = await make();
      for (let i = 0; i < 12; i++) await store.append('alex', { kind: 'write', data: { i } });
      const p1 = await store.page('alex', { limit: 5 });
      expect([p1.entries.map((e) => e.seq), p1.next_cursor]).toEqual([[1, 2, 3, 4, 5], 5]);
      const p3 = await store.page('alex', { limit: 5, cursor: 10 });
      expect([p3.entries.map((e) => e.seq), p3.next_cursor]).toEqual([[11, 12], null]);
      const d1 = await store.page('alex', { limit: 5, order: 'desc' });
      expect([d1.entries.map((e) => e.seq), d1.next_cursor]).toEqual([[12, 11, 10, 9, 8], 8]);
      const d3 = await store.page('alex', { limit: 5, order: 'desc', cursor: 3 });
      expect([d3.entries.map((e) => e.seq), d3.next_cursor]).toEqual([[2, 1], null]);
      const exact = await store.page('alex', { limit: 12 });
      expect(exact.next_cursor).toBeNull();
      expect((await store.page('alex', { limit: 10_000 })).entries).toHaveLength(12);
      expect((await store.page('alex', { limit: 0 })).entries).toHaveLength(1);
    });

    it('exports JSON lines that verify on their own', async () => {
      const { store } = await make();
      for (let i = 0; i < 7; i++) await store.append('alex', { kind: 'policy_decision', data: { score: i * 10, level: 'confirm' } });
      const lines = await collect(store.exportJsonLines('alex'));
      expect(lines).toHaveLength(7);
      expect(lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
      const parsed = lines.map((l) => JSON.parse(l) as AuditEntry);
      expect(verifyChain(parsed, AUDIT_TEST_KEY, await store.head('alex'))).toMatchObject({ ok: true, count: 7 });
    });

    it('refuses token-looking data without consuming a seq', async () => {
      const { store } = await make();
      await store.append('alex', { kind: 'token_exchange', data: { connection: 'google-oauth2' } });
      await expect(store.append('alex', { kind: 'token_exchange', data: { access_token: 'x' } })).rejects.toBeInstanceOf(AuditSecretError);
      const e = await store.append('alex', { kind: 'write', data: { ok: true } });
      expect(e.seq).toBe(2);
      expect(await store.verify('alex')).toMatchObject({ ok: true, count: 2 });
    });

    it.each([
      ['first', 1],
      ['middle', 5],
      ['last', 10],
    ])('detects a changed or deleted %s entry at that entry', async (_c, seq) => {
      const a = await make();
      const b = await make();
      for (let i = 0; i < 10; i++) {
        await a.store.append('alex', { kind: 'write', data: { i } });
        await b.store.append('alex', { kind: 'write', data: { i } });
      }
      await a.tamper.update('alex', seq, { i: 999 });
      expect(await a.store.verify('alex')).toMatchObject({ ok: false, broken_at: seq, code: 'hash_mismatch' });
      await b.tamper.remove('alex', seq);
      expect(await b.store.verify('alex')).toMatchObject({ ok: false, broken_at: seq, code: seq === 10 ? 'truncated' : 'seq_mismatch' });
    });

    it('concurrent appends keep the chain intact', async () => {
      const { store } = await make();
      await Promise.all(Array.from({ length: 200 }, (_, i) => store.append('alex', { kind: 'write', data: { i } })));
      expect(await store.verify('alex')).toMatchObject({ ok: true, count: 200 });
    });
  });
}
