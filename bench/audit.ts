// Audit appends per second (in-memory and SQLite) and verification cost per 10k entries:
// `npx tsx bench/audit.ts`.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  appendEntry,
  InMemoryAuditStore,
  SqliteAuditStore,
  verifyChain,
  type AuditEntry,
  type AuditInput,
} from '../backend/src/audit/index.js';

const KEY = createHash('sha256').update('bench key').digest();
const N = 10_000;
const input = (i: number): AuditInput => ({
  kind: 'policy_decision',
  data: {
    request_id: `req-${i}`,
    tool: 'gmail',
    action: 'send',
    score: 59,
    level: 'step_up',
    factors: [
      { name: 'Action type', points: 20 },
      { name: 'Sensitivity', points: 10 },
    ],
    rule: 'threshold',
  },
});

function time<T>(fn: () => T): [T, number] {
  const t = process.hrtime.bigint();
  const out = fn();
  return [out, Number(process.hrtime.bigint() - t) / 1e6];
}
async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  const out = await fn();
  return [out, Number(process.hrtime.bigint() - t) / 1e6];
}
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en-US');

console.log(`node ${process.version}, ${N.toLocaleString('en-US')} entries per run`);

// Pure chain building: the hashing + HMAC + canonical JSON + secret scan floor.
const [chain, pureMs] = time(() => {
  const out: AuditEntry[] = [];
  for (let i = 0; i < N; i++) out.push(appendEntry(out.at(-1) ?? null, { user: 'alex', ...input(i) }, KEY, Date.now()));
  return out;
});
console.log(`appendEntry (pure)                    ${rate(N, pureMs).padStart(10)} appends/s`);

const mem = new InMemoryAuditStore({ key: KEY });
const [, memMs] = await timeAsync(async () => {
  for (let i = 0; i < N; i++) await mem.append('alex', input(i));
});
console.log(`InMemoryAuditStore.append              ${rate(N, memMs).padStart(10)} appends/s`);

const dir = mkdtempSync(join(tmpdir(), 'vouch-bench-'));
try {
  for (const sync of ['NORMAL', 'FULL'] as const) {
    const db = new DatabaseSync(join(dir, `audit-${sync}.db`));
    db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${sync};`);
    const sql = new SqliteAuditStore(db, { key: KEY });
    const [, sqlMs] = await timeAsync(async () => {
      for (let i = 0; i < N; i++) await sql.append('alex', input(i));
    });
    console.log(`SqliteAuditStore.append (WAL, ${sync.padEnd(6)}) ${rate(N, sqlMs).padStart(10)} appends/s  (one transaction each)`);
    if (sync === 'NORMAL') {
      const [r, vMs] = await timeAsync(() => sql.verify('alex'));
      console.log(`SqliteAuditStore.verify (read+verify)  ${vMs.toFixed(1).padStart(10)} ms per 10k entries (${r.ok ? 'ok' : 'BROKEN'})`);
    }
    db.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const [r, verifyMs] = time(() => verifyChain(chain, KEY));
console.log(`verifyChain (in memory)                ${verifyMs.toFixed(1).padStart(10)} ms per 10k entries (${r.ok ? 'ok' : 'BROKEN'})`);
const [, memVerifyMs] = await timeAsync(() => mem.verify('alex'));
console.log(`InMemoryAuditStore.verify              ${memVerifyMs.toFixed(1).padStart(10)} ms per 10k entries`);
