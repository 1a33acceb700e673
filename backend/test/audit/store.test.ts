import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditSecretError, InMemoryAuditStore, SqliteAuditStore, verifyChain, type AuditEntry, type AuditStore } from '../../src/audit/index.js';

const KEY = createHash('sha256').update('test audit key').digest();
const T0 = Date.parse('2025-06-02T09:00:00Z');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'vouch-audit-'));
  dirs.push(d);
  return d;
};

function clock() {
  let t = T0;
  return () => (t += 1000);
}

type Made = { store: AuditStore; tamper: { update(user: string, seq: number, data: object): void; remove(user: string, seq: number): void } };

const makers: [string, () => Made][] = [
  [
    'in-memory',
    () => {
      const s = new InMemoryAuditStore({ key: KEY, clock: clock() });
      return {
        store: s,
        tamper: {
          update: (u, seq, data) => void ((s.unsafeRawChain(u)[seq - 1] as AuditEntry).data = data as AuditEntry['data']),
          remove: (u, seq) => void s.unsafeRawChain(u).splice(seq - 1, 1),
        },
      };
    },
  ],
  [
    'sqlite',
    () => {
      const db = new DatabaseSync(':memory:');
      const s = new SqliteAuditStore(db, { key: KEY, clock: clock() });
      return {
        store: s,
        tamper: {
          update: (u, seq, data) => void db.prepare('UPDATE audit_entries SET data_json = ? WHERE user = ? AND seq = ?').run(JSON.stringify(data), u, seq),
          remove: (u, seq) => void db.prepare('DELETE FROM audit_entries WHERE user = ? AND seq = ?').run(u, seq),
        },
      };
    },
  ],
];

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe.each(makers)('AuditStore (%s)', (_name, make) => {
  it('appends a per-user chain and verifies it', async () => {
    const { store } = make();
    for (let i = 0; i < 30; i++) await store.append(i % 3 === 0 ? 'bob' : 'alex', { kind: 'intent', data: { i } });
    const alex = await collect(store.all('alex'));
    expect(alex.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(alex[0]?.at).toBe('2025-06-02T09:00:02.000Z');
    expect(await store.verify('alex')).toMatchObject({ ok: true, count: 20 });
    expect(await store.verify('bob')).toMatchObject({ ok: true, count: 10 });
    expect(await store.verify('nobody')).toMatchObject({ ok: true, count: 0 });
    expect((await store.head('alex'))?.seq).toBe(20);
  });

  it('pages forwards and backwards with cursors', async () => {
    const { store } = make();
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
    const { store } = make();
    for (let i = 0; i < 7; i++) await store.append('alex', { kind: 'policy_decision', data: { score: i * 10, level: 'confirm' } });
    const lines = await collect(store.exportJsonLines('alex'));
    expect(lines).toHaveLength(7);
    expect(lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
    const parsed = lines.map((l) => JSON.parse(l) as AuditEntry);
    expect(verifyChain(parsed, KEY, await store.head('alex'))).toMatchObject({ ok: true, count: 7 });
  });

  it('refuses token-looking data without consuming a seq', async () => {
    const { store } = make();
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
    const a = make();
    const b = make();
    for (let i = 0; i < 10; i++) {
      await a.store.append('alex', { kind: 'write', data: { i } });
      await b.store.append('alex', { kind: 'write', data: { i } });
    }
    a.tamper.update('alex', seq, { i: 999 });
    expect(await a.store.verify('alex')).toMatchObject({ ok: false, broken_at: seq, code: 'hash_mismatch' });
    b.tamper.remove('alex', seq);
    expect(await b.store.verify('alex')).toMatchObject({ ok: false, broken_at: seq, code: seq === 10 ? 'truncated' : 'seq_mismatch' });
  });

  it('concurrent appends keep the chain intact', async () => {
    const { store } = make();
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.append('alex', { kind: 'write', data: { i } })));
    expect(await store.verify('alex')).toMatchObject({ ok: true, count: 200 });
  });
});

describe('SqliteAuditStore', () => {
  it('continues the chain across instances and connections to the same file', async () => {
    const file = join(tmp(), 'audit.db');
    const c1 = new DatabaseSync(file);
    const c2 = new DatabaseSync(file);
    const s1 = new SqliteAuditStore(c1, { key: KEY });
    const s2 = new SqliteAuditStore(c2, { key: KEY });
    // Alternating connections: each must chain onto the other's last entry, read inside its transaction.
    for (let i = 0; i < 50; i++) await (i % 2 ? s1 : s2).append('alex', { kind: 'write', data: { i } });
    expect(await s1.verify('alex')).toMatchObject({ ok: true, count: 50 });
    expect(await s2.verify('alex')).toMatchObject({ ok: true, count: 50 });
    c1.close();
    c2.close();
  });

  it('two processes appending to one file at once keep one intact chain', async () => {
    const file = join(tmp(), 'audit.db');
    const init = new DatabaseSync(file);
    init.exec('PRAGMA journal_mode = WAL');
    new SqliteAuditStore(init, { key: KEY });
    const worker = fileURLToPath(new URL('./fixtures/appendWorker.ts', import.meta.url));
    const run = (tag: string) =>
      new Promise<void>((resolve, reject) => {
        const p = fork(worker, [file, 'alex', '150', tag], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
        p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker ${tag} exited ${code}`))));
        p.on('error', reject);
      });
    await Promise.all([run('a'), run('b')]);
    const s = new SqliteAuditStore(init, { key: KEY });
    expect(await s.verify('alex')).toMatchObject({ ok: true, count: 300 });
    const tags = (await collect(s.all('alex'))).map((e) => e.data.tag);
    expect(tags.filter((t) => t === 'a')).toHaveLength(150);
    expect(tags.filter((t) => t === 'b')).toHaveLength(150);
    init.close();
  });

  it('an unreadable stored row is reported at that entry, not thrown', async () => {
    const db = new DatabaseSync(':memory:');
    const s = new SqliteAuditStore(db, { key: KEY });
    for (let i = 0; i < 3; i++) await s.append('alex', { kind: 'write', data: { i } });
    db.prepare("UPDATE audit_entries SET data_json = '{broken' WHERE seq = 2").run();
    expect(await s.verify('alex')).toMatchObject({ ok: false, broken_at: 2, code: 'hash_mismatch' });
  });

  it('streams more than one batch through all()', async () => {
    const db = new DatabaseSync(':memory:');
    const s = new SqliteAuditStore(db, { key: KEY });
    for (let i = 0; i < 2500; i++) s.appendSync('alex', { kind: 'write', data: { i } });
    expect(await s.verify('alex')).toMatchObject({ ok: true, count: 2500 });
  });
});
