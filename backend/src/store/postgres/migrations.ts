import { createHash } from 'node:crypto';
import { withTransaction, type PgPool } from './pool.js';
import { VouchError } from '../../protocol/vouchError.js';

/**
 * Versioned schema migrations, applied in order at start-up. Append new versions; never edit one
 * that has shipped (the stored checksum catches that). Every instance calls `migrate` when it starts,
 * so the run holds a transaction-scoped advisory lock: the first instance applies, the others wait
 * and then find nothing to do. Each version runs in the same transaction as its bookkeeping row.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'audit chains',
    sql: `
      CREATE TABLE audit_entries (
        user_id TEXT NOT NULL,
        seq BIGINT NOT NULL,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        data_json TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        hmac TEXT NOT NULL,
        PRIMARY KEY (user_id, seq)
      );
      -- One row per user: the signed head, and the row appends lock to serialise per user.
      CREATE TABLE audit_heads (
        user_id TEXT PRIMARY KEY,
        seq BIGINT NOT NULL,
        hash TEXT NOT NULL,
        hmac TEXT NOT NULL
      );`,
  },
  {
    version: 2,
    name: 'policy rules and pre-authorizations',
    sql: `
      CREATE TABLE policy_rules (
        user_id TEXT NOT NULL,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        rule_json TEXT NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, id)
      );
      CREATE TABLE policy_preauthorizations (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        tool TEXT NOT NULL,
        max_level TEXT NOT NULL,
        max_score INTEGER NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        step_up_ref TEXT NOT NULL,
        revoked_at BIGINT,
        CONSTRAINT policy_preauth_step_up_once UNIQUE (user_id, step_up_ref)
      );
      CREATE INDEX policy_preauth_user ON policy_preauthorizations (user_id, expires_at);`,
  },
  {
    version: 3,
    name: 'users, links, pending requests, drafts, approvals with leases, transcript ledger',
    sql: `
      CREATE TABLE users (
        sub TEXT PRIMARY KEY,
        email TEXT,
        name TEXT,
        timezone TEXT,
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE TABLE links (
        sub TEXT NOT NULL,
        provider TEXT NOT NULL,
        connection TEXT NOT NULL,
        scopes TEXT NOT NULL,
        linked_at TEXT NOT NULL,
        PRIMARY KEY (sub, provider)
      );
      CREATE TABLE pending_requests (
        sub TEXT NOT NULL,
        id TEXT NOT NULL,
        transcript TEXT NOT NULL,
        providers TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (sub, id)
      );
      CREATE INDEX pending_by_user ON pending_requests (sub, created_at);
      CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        sub TEXT NOT NULL,
        request_id TEXT,
        kind TEXT NOT NULL,
        fields TEXT NOT NULL,
        status TEXT NOT NULL,
        expires_at BIGINT NOT NULL,
        result TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX drafts_by_status ON drafts (status, sub);
      -- A phone request is polled by the instance holding its lease (lease_owner until lease_until).
      CREATE TABLE approvals (
        id TEXT PRIMARY KEY,
        sub TEXT NOT NULL,
        draft_id TEXT NOT NULL,
        content_sha256 TEXT NOT NULL,
        binding_message TEXT NOT NULL,
        risk TEXT,
        status TEXT NOT NULL,
        auth_req_id TEXT,
        expires_at BIGINT,
        interval_ms BIGINT,
        created_at TEXT NOT NULL,
        lease_owner TEXT,
        lease_until BIGINT
      );
      CREATE INDEX approvals_by_draft ON approvals (draft_id);
      CREATE INDEX approvals_by_status ON approvals (status, sub);
      CREATE TABLE handled_transcripts (
        sub TEXT NOT NULL,
        id TEXT NOT NULL,
        handled_at BIGINT NOT NULL,
        PRIMARY KEY (sub, id)
      );
      CREATE INDEX handled_transcripts_by_age ON handled_transcripts (handled_at);`,
  },
  {
    version: 4,
    name: 'long-term memory per user',
    sql: `
      -- Vectors are compared in the backend (cosine), only against vectors of the same embedder.
      CREATE TABLE memories (
        id TEXT PRIMARY KEY,
        sub TEXT NOT NULL,
        text TEXT NOT NULL,
        meta_json TEXT NOT NULL,
        embedder TEXT NOT NULL,
        embedding DOUBLE PRECISION[] NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX memories_by_user ON memories (sub, embedder, created_at);`,
  },
  {
    version: 5,
    name: 'backend-kept settings: inside domains and preferences',
    sql: `
      CREATE TABLE inside_domains (
        user_id TEXT NOT NULL,
        domain TEXT NOT NULL,
        added_at TEXT NOT NULL,
        -- The order the person added them in.
        seq BIGSERIAL NOT NULL,
        PRIMARY KEY (user_id, domain)
      );
      CREATE TABLE user_preferences (
        user_id TEXT PRIMARY KEY,
        prefs_json TEXT NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );`,
  },
];

export class MigrationError extends VouchError {
  static override readonly code = 'MIGRATION_FAILED';
  override name = 'MigrationError';
}

// An arbitrary constant shared by every Vouch instance: the advisory lock's key.
const MIGRATION_LOCK = 0x766f7563;

function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

/** Applies what is missing; returns the versions this call applied. */
export async function migrate(pool: PgPool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const versions = migrations.map((m) => m.version);
  if (versions.some((v, i) => !Number.isInteger(v) || v < 1 || (i > 0 && v <= (versions[i - 1] as number)))) {
    throw new MigrationError('migration versions must be positive integers in ascending order');
  }
  return withTransaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await c.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      checksum TEXT NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const { rows } = await c.query<{ version: number; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations ORDER BY version',
    );
    const applied = new Map(rows.map((r) => [r.version, r.checksum]));
    const known = new Set(versions);
    const unknown = rows.find((r) => !known.has(r.version));
    if (unknown)
      throw new MigrationError(
        `the database has migration ${unknown.version}, which this build does not know: it was migrated by a newer Vouch`,
      );
    const done: number[] = [];
    for (const m of migrations) {
      const sum = checksum(m.sql);
      const have = applied.get(m.version);
      if (have !== undefined) {
        if (have !== sum) throw new MigrationError(`migration ${m.version} (${m.name}) was changed after it was applied`);
        continue;
      }
      await c.query(m.sql);
      await c.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, sum]);
      done.push(m.version);
    }
    return done;
  });
}
