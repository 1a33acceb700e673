import {
  appendEntry,
  checkAuditInput,
  signHead,
  verifyChainAsync,
  type AuditEntry,
  type AuditHead,
  type AuditInput,
  type AuditKey,
  type AuditKind,
  type VerifyResult,
} from '../../audit/chain.js';
import {
  clampLimit,
  toJsonLines,
  type AuditPage,
  type AuditPageOptions,
  type AuditStore,
  type AuditStoreOptions,
  storedAuditData,
} from '../../audit/store.js';
import { withTransaction, type PgPool } from './pool.js';

/**
 * Audit chains in PostgreSQL, for several instances sharing one database. An append is one
 * transaction that first takes a row lock on the user's `audit_heads` row (creating it if this is
 * the user's first entry), then reads the tip from the entries table and writes the entry and the
 * new signed head. Two instances appending for one user queue on that lock, so each chains onto the
 * real last entry; PRIMARY KEY (user_id, seq) turns anything that slipped past into an error, never
 * a fork. Different users never wait for each other. Tables come from migrations.ts.
 */
const BATCH = 1000;

interface Row {
  seq: number;
  user_id: string;
  at: string;
  kind: string;
  data_json: string;
  prev_hash: string;
  hash: string;
  hmac: string;
}

export class PostgresAuditStore implements AuditStore {
  private readonly key: AuditKey;
  private readonly clock: () => number;

  constructor(
    private readonly pool: PgPool,
    opts: AuditStoreOptions,
  ) {
    this.key = opts.key;
    this.clock = opts.clock ?? Date.now;
  }

  async append(user: string, input: AuditInput): Promise<AuditEntry> {
    // Refuse bad input (secrets, size) before taking the user's lock.
    checkAuditInput(input);
    return withTransaction(this.pool, async (c) => {
      // The placeholder head (seq 0) is never committed: this transaction overwrites it below.
      await c.query("INSERT INTO audit_heads (user_id, seq, hash, hmac) VALUES ($1, 0, '', '') ON CONFLICT (user_id) DO NOTHING", [user]);
      await c.query('SELECT 1 FROM audit_heads WHERE user_id = $1 FOR UPDATE', [user]);
      // READ COMMITTED: this statement's snapshot is taken after the lock, so it sees the previous holder's entry.
      const tip = await c.query<{ seq: number; hash: string }>(
        'SELECT seq, hash FROM audit_entries WHERE user_id = $1 ORDER BY seq DESC LIMIT 1',
        [user],
      );
      const last = tip.rows[0];
      const entry = appendEntry(last ? { seq: last.seq, hash: last.hash, user } : null, { ...input, user }, this.key, this.clock());
      await c.query(
        'INSERT INTO audit_entries (user_id, seq, at, kind, data_json, prev_hash, hash, hmac) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [entry.user, entry.seq, entry.at, entry.kind, JSON.stringify(entry.data), entry.prev_hash, entry.hash, entry.hmac],
      );
      const head = signHead(this.key, entry);
      await c.query('UPDATE audit_heads SET seq = $2, hash = $3, hmac = $4 WHERE user_id = $1', [
        head.user,
        head.seq,
        head.hash,
        head.hmac,
      ]);
      return entry;
    });
  }

  async page(user: string, opts: AuditPageOptions = {}): Promise<AuditPage> {
    const limit = clampLimit(opts.limit);
    const cursor = opts.cursor ?? null;
    const { rows } =
      opts.order === 'desc'
        ? await this.pool.query<Row>('SELECT * FROM audit_entries WHERE user_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3', [
            user,
            cursor ?? Number.MAX_SAFE_INTEGER,
            limit + 1,
          ])
        : await this.pool.query<Row>('SELECT * FROM audit_entries WHERE user_id = $1 AND seq > $2 ORDER BY seq ASC LIMIT $3', [
            user,
            cursor ?? 0,
            limit + 1,
          ]);
    const entries = rows.slice(0, limit).map(toEntry);
    return { entries, next_cursor: rows.length > limit ? (entries.at(-1)?.seq ?? null) : null };
  }

  async *all(user: string): AsyncIterable<AuditEntry> {
    // Keyset batches rather than one long-lived cursor: no connection is held while the consumer is slow.
    let after = 0;
    for (;;) {
      const { rows } = await this.pool.query<Row>('SELECT * FROM audit_entries WHERE user_id = $1 AND seq > $2 ORDER BY seq ASC LIMIT $3', [
        user,
        after,
        BATCH,
      ]);
      for (const r of rows) yield toEntry(r);
      if (rows.length < BATCH) return;
      after = (rows.at(-1) as Row).seq;
    }
  }

  exportJsonLines(user: string): AsyncIterable<string> {
    return toJsonLines(this.all(user));
  }

  async head(user: string): Promise<AuditHead | null> {
    const { rows } = await this.pool.query<{ user_id: string; seq: number; hash: string; hmac: string }>(
      'SELECT user_id, seq, hash, hmac FROM audit_heads WHERE user_id = $1',
      [user],
    );
    const r = rows[0];
    return r ? { user: r.user_id, seq: r.seq, hash: r.hash, hmac: r.hmac } : null;
  }

  async verify(user: string): Promise<VerifyResult> {
    return verifyChainAsync(this.all(user), this.key, await this.head(user));
  }
}

function toEntry(r: Row): AuditEntry {
  const data = storedAuditData(r.data_json);
  return { seq: r.seq, user: r.user_id, at: r.at, kind: r.kind as AuditKind, data, prev_hash: r.prev_hash, hash: r.hash, hmac: r.hmac };
}
