import type { DatabaseSync } from 'node:sqlite';
import { migrate, type Migration } from '../store/sqlite.js';
import {
  appendEntry,
  signHead,
  verifyChainAsync,
  type AuditEntry,
  type AuditHead,
  type AuditInput,
  type AuditKey,
  type AuditKind,
  type VerifyResult,
} from './chain.js';
import {
  clampLimit,
  storedAuditData,
  toJsonLines,
  type AuditPage,
  type AuditPageOptions,
  type AuditStore,
  type AuditStoreOptions,
} from './store.js';

/**
 * Audit chains in SQLite (node:sqlite). Append runs in a BEGIN IMMEDIATE transaction that reads the
 * tip from the entries table itself, so two connections (or processes) appending for the same user
 * serialise on SQLite's write lock and always chain onto the real last entry; PRIMARY KEY (user, seq)
 * turns any remaining race into an error instead of a fork. The signed head is updated in the same
 * transaction. Set a busy timeout on the connection (PRAGMA busy_timeout) when several processes write.
 */
const BATCH = 1000;

/**
 * Migration 1 is the schema the store created before it had migrations, still `IF NOT EXISTS`, so a
 * database from that time adopts it unchanged; later schema changes are new entries here.
 */
const AUDIT_MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    sql: `CREATE TABLE IF NOT EXISTS audit_entries (
      user TEXT NOT NULL,
      seq INTEGER NOT NULL,
      at TEXT NOT NULL,
      kind TEXT NOT NULL,
      data_json TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL,
      hmac TEXT NOT NULL,
      PRIMARY KEY (user, seq)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS audit_heads (
      user TEXT PRIMARY KEY,
      seq INTEGER NOT NULL,
      hash TEXT NOT NULL,
      hmac TEXT NOT NULL
    )`,
  },
];

interface Row {
  seq: number;
  user: string;
  at: string;
  kind: string;
  data_json: string;
  prev_hash: string;
  hash: string;
  hmac: string;
}

export class SqliteAuditStore implements AuditStore {
  private readonly key: AuditKey;
  private readonly clock: () => number;

  constructor(
    private readonly db: DatabaseSync,
    opts: AuditStoreOptions,
  ) {
    this.key = opts.key;
    this.clock = opts.clock ?? Date.now;
    migrate(db, 'audit', AUDIT_MIGRATIONS);
  }

  async append(user: string, input: AuditInput): Promise<AuditEntry> {
    return this.appendSync(user, input);
  }

  /** Synchronous append (what `append` does); handy for benchmarks and batch imports. */
  appendSync(user: string, input: AuditInput): AuditEntry {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const tip = this.db.prepare('SELECT seq, hash FROM audit_entries WHERE user = ? ORDER BY seq DESC LIMIT 1').get(user) as
        { seq: number; hash: string } | undefined;
      const entry = appendEntry(tip ? { seq: Number(tip.seq), hash: tip.hash, user } : null, { ...input, user }, this.key, this.clock());
      this.db
        .prepare('INSERT INTO audit_entries (user, seq, at, kind, data_json, prev_hash, hash, hmac) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(entry.user, entry.seq, entry.at, entry.kind, JSON.stringify(entry.data), entry.prev_hash, entry.hash, entry.hmac);
      const head = signHead(this.key, entry);
      this.db
        .prepare(
          'INSERT INTO audit_heads (user, seq, hash, hmac) VALUES (?, ?, ?, ?) ON CONFLICT (user) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, hmac = excluded.hmac',
        )
        .run(head.user, head.seq, head.hash, head.hmac);
      this.db.exec('COMMIT');
      return entry;
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    }
  }

  async page(user: string, opts: AuditPageOptions = {}): Promise<AuditPage> {
    const limit = clampLimit(opts.limit);
    const desc = opts.order === 'desc';
    const cursor = opts.cursor ?? null;
    const rows = (desc
      ? this.db
          .prepare('SELECT * FROM audit_entries WHERE user = ? AND seq < ? ORDER BY seq DESC LIMIT ?')
          .all(user, cursor ?? Number.MAX_SAFE_INTEGER, limit + 1)
      : this.db
          .prepare('SELECT * FROM audit_entries WHERE user = ? AND seq > ? ORDER BY seq ASC LIMIT ?')
          .all(user, cursor ?? 0, limit + 1)) as unknown as Row[];
    const entries = rows.slice(0, limit).map(toEntry);
    return { entries, next_cursor: rows.length > limit ? (entries.at(-1)?.seq ?? null) : null };
  }

  async *all(user: string): AsyncIterable<AuditEntry> {
    // Batches by seq rather than one open cursor, so appends during an export don't hold it up.
    const stmt = this.db.prepare('SELECT * FROM audit_entries WHERE user = ? AND seq > ? ORDER BY seq ASC LIMIT ?');
    let after = 0;
    for (;;) {
      const rows = stmt.all(user, after, BATCH) as unknown as Row[];
      for (const r of rows) yield toEntry(r);
      if (rows.length < BATCH) return;
      after = Number((rows.at(-1) as Row).seq);
    }
  }

  exportJsonLines(user: string): AsyncIterable<string> {
    return toJsonLines(this.all(user));
  }

  async head(user: string): Promise<AuditHead | null> {
    const r = this.db.prepare('SELECT user, seq, hash, hmac FROM audit_heads WHERE user = ?').get(user) as AuditHead | undefined;
    return r ? { user: r.user, seq: Number(r.seq), hash: r.hash, hmac: r.hmac } : null;
  }

  async verify(user: string): Promise<VerifyResult> {
    return verifyChainAsync(this.all(user), this.key, await this.head(user));
  }
}

function toEntry(r: Row): AuditEntry {
  const data = storedAuditData(r.data_json);
  return {
    seq: Number(r.seq),
    user: r.user,
    at: r.at,
    kind: r.kind as AuditKind,
    data,
    prev_hash: r.prev_hash,
    hash: r.hash,
    hmac: r.hmac,
  };
}
