import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { appendEntry, signHead } from '../../src/audit/chain.js';
import { SqliteAuditStore } from '../../src/audit/index.js';
import { SqlitePreauthStore } from '../../src/policy/sqlitePreauthStore.js';
import { SqliteRuleStore } from '../../src/policy/sqliteRuleStore.js';
import { migrate, openDatabase } from '../../src/store/sqlite.js';

const KEY = createHash('sha256').update('migration test audit key').digest();
const NOW = Date.parse('2026-11-26T10:00:00Z');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDbFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vouch-migrate-'));
  dirs.push(dir);
  return join(dir, 'vouch.sqlite');
}

/**
 * The audit and policy tables exactly as the stores created them before they went through
 * `migrate()` (`CREATE TABLE IF NOT EXISTS` in each constructor, no schema_migrations rows).
 */
const SCHEMA_BEFORE_MIGRATIONS = `
  CREATE TABLE IF NOT EXISTS audit_entries (
    user TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL, data_json TEXT NOT NULL,
    prev_hash TEXT NOT NULL, hash TEXT NOT NULL, hmac TEXT NOT NULL, PRIMARY KEY (user, seq)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS audit_heads (user TEXT PRIMARY KEY, seq INTEGER NOT NULL, hash TEXT NOT NULL, hmac TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS policy_rules (
    user TEXT NOT NULL, id TEXT NOT NULL, position INTEGER NOT NULL, rule_json TEXT NOT NULL, updated_at TEXT NOT NULL,
    PRIMARY KEY (user, id)
  );
  CREATE TABLE IF NOT EXISTS policy_preauthorizations (
    id TEXT PRIMARY KEY, user TEXT NOT NULL, tool TEXT NOT NULL, max_level TEXT NOT NULL, max_score INTEGER NOT NULL,
    created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, step_up_ref TEXT NOT NULL, revoked_at INTEGER,
    UNIQUE (user, step_up_ref)
  );
  CREATE INDEX IF NOT EXISTS policy_preauth_user ON policy_preauthorizations (user, expires_at);
`;

/** A database file as the old code left it: the old schema with one row in each table. */
function databaseFromBeforeMigrations(file: string): void {
  const db = new DatabaseSync(file);
  db.exec(SCHEMA_BEFORE_MIGRATIONS);
  const entry = appendEntry(null, { user: 'auth0|alex', kind: 'rule_change', data: { summary: 'added a rule' } }, KEY, NOW - 60_000);
  db.prepare('INSERT INTO audit_entries (user, seq, at, kind, data_json, prev_hash, hash, hmac) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    entry.user,
    entry.seq,
    entry.at,
    entry.kind,
    JSON.stringify(entry.data),
    entry.prev_hash,
    entry.hash,
    entry.hmac,
  );
  const head = signHead(KEY, entry);
  db.prepare('INSERT INTO audit_heads (user, seq, hash, hmac) VALUES (?, ?, ?, ?)').run(head.user, head.seq, head.hash, head.hmac);
  const rule = {
    id: 'no-payroll',
    effect: 'deny',
    when: { keyword_any: ['payroll'] },
    description: 'Never send anything about payroll',
    enabled: true,
  };
  db.prepare('INSERT INTO policy_rules (user, id, position, rule_json, updated_at) VALUES (?, ?, ?, ?, ?)').run(
    'auth0|alex',
    rule.id,
    0,
    JSON.stringify(rule),
    new Date(NOW - 60_000).toISOString(),
  );
  db.prepare(
    'INSERT INTO policy_preauthorizations (id, user, tool, max_level, max_score, created_at, expires_at, step_up_ref, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)',
  ).run('pa_old', 'auth0|alex', 'slack', 'step_up', 54, NOW - 60_000, NOW + 30 * 60_000, 'ciba-ref-1');
  db.close();
}

const appliedMigrations = (db: DatabaseSync) =>
  db.prepare('SELECT scope, id FROM schema_migrations ORDER BY scope, id').all() as Array<{ scope: string; id: number }>;

describe('audit and policy tables under migrate()', () => {
  it('opens a database created before migrations, keeps its rows and records the baseline', async () => {
    const file = tempDbFile();
    databaseFromBeforeMigrations(file);

    const db = openDatabase(file);
    const audit = new SqliteAuditStore(db, { key: KEY, clock: () => NOW });
    const rules = new SqliteRuleStore(db);
    const grants = new SqlitePreauthStore(db);

    expect(appliedMigrations(db)).toEqual([
      { scope: 'audit', id: 1 },
      { scope: 'policy-preauth', id: 1 },
      { scope: 'policy-rules', id: 1 },
    ]);
    // The old rows are read, and new writes chain onto them.
    expect((await rules.list('auth0|alex')).map((r) => r.id)).toEqual(['no-payroll']);
    expect((await grants.listActive('auth0|alex', NOW)).map((g) => g.id)).toEqual(['pa_old']);
    const next = await audit.append('auth0|alex', { kind: 'rule_change', data: { summary: 'added another rule' } });
    expect(next.seq).toBe(2);
    expect(await audit.verify('auth0|alex')).toMatchObject({ ok: true, count: 2 });
    db.close();
  });

  it('creates the tables in a new database and applies each migration once across reopenings', async () => {
    const file = tempDbFile();
    for (let open = 0; open < 2; open++) {
      const db = openDatabase(file);
      const audit = new SqliteAuditStore(db, { key: KEY, clock: () => NOW });
      new SqliteRuleStore(db);
      new SqlitePreauthStore(db);
      expect(appliedMigrations(db)).toHaveLength(3);
      await audit.append('auth0|dana', { kind: 'rule_change', data: { summary: `opening ${open}` } });
      db.close();
    }
    const db = openDatabase(file);
    expect(await new SqliteAuditStore(db, { key: KEY }).verify('auth0|dana')).toMatchObject({ ok: true, count: 2 });
    db.close();
  });

  it('upgrades an adopted database with a later migration, once', () => {
    const file = tempDbFile();
    databaseFromBeforeMigrations(file);
    const db = openDatabase(file);
    new SqliteRuleStore(db);
    // What the next schema change to the rules table will look like: a new entry after the baseline.
    const later = [
      { id: 1, sql: 'SELECT 1' },
      { id: 2, sql: 'ALTER TABLE policy_rules ADD COLUMN note TEXT' },
    ];
    migrate(db, 'policy-rules', later);
    migrate(db, 'policy-rules', later);
    const columns = (db.prepare('PRAGMA table_info(policy_rules)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).toContain('note');
    expect(appliedMigrations(db).filter((m) => m.scope === 'policy-rules')).toEqual([
      { scope: 'policy-rules', id: 1 },
      { scope: 'policy-rules', id: 2 },
    ]);
    db.close();
  });
});
