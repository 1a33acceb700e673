import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { InMemoryAuditStore, SqliteAuditStore, type AuditEntry } from '../../src/audit/index.js';
import { AUDIT_TEST_KEY, collect, describeAuditStoreContract, tickingClock } from '../contracts/auditStoreContract.js';

const KEY = AUDIT_TEST_KEY;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'vouch-audit-'));
  dirs.push(d);
  return d;
};

describeAuditStoreContract('in-memory', async () => {
  const s = new InMemoryAuditStore({ key: KEY, clock: tickingClock() });
  return {
    store: s,
    tamper: {
      update: (u, seq, data) => void ((s.unsafeRawChain(u)[seq - 1] as AuditEntry).data = data as AuditEntry['data']),
      remove: (u, seq) => void s.unsafeRawChain(u).splice(seq - 1, 1),
    },
  };
});

describeAuditStoreContract('sqlite', async () => {
  const db = new DatabaseSync(':memory:');
  const s = new SqliteAuditStore(db, { key: KEY, clock: tickingClock() });
  return {
    store: s,
    tamper: {
      update: (u, seq, data) =>
        void db.prepare('UPDATE audit_entries SET data_json = ? WHERE user = ? AND seq = ?').run(JSON.stringify(data), u, seq),
      remove: (u, seq) => void db.prepare('DELETE FROM audit_entries WHERE user = ? AND seq = ?').run(u, seq),
    },
  };
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
