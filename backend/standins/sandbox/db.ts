import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrate } from '../../src/store/sqlite.js';

/**
 * The sandbox's whole state lives in one SQLite file so a restart keeps sent mail, created events
 * and issued grants, exactly as a real provider would.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS oauth_codes (
  code_hash TEXT PRIMARY KEY, provider TEXT NOT NULL, client_id TEXT NOT NULL, redirect_uri TEXT NOT NULL,
  user_id TEXT NOT NULL, scopes TEXT NOT NULL, expires_at INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS oauth_tokens (
  token_hash TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('access','refresh')), provider TEXT NOT NULL,
  client_id TEXT NOT NULL, user_id TEXT NOT NULL, scopes TEXT NOT NULL, expires_at INTEGER, revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS gmail_messages (
  id TEXT PRIMARY KEY, thread_id TEXT NOT NULL, label_ids TEXT NOT NULL, internal_date INTEGER NOT NULL,
  raw TEXT NOT NULL, message_id_header TEXT
);
CREATE INDEX IF NOT EXISTS gmail_messages_thread ON gmail_messages (thread_id);
CREATE TABLE IF NOT EXISTS gmail_drafts (id TEXT PRIMARY KEY, message_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS calendar_events (
  id TEXT PRIMARY KEY, calendar_id TEXT NOT NULL, start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL,
  status TEXT NOT NULL, resource TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS slack_channels (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, resource TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS slack_messages (
  channel_id TEXT NOT NULL, ts TEXT NOT NULL, user_id TEXT NOT NULL, text TEXT NOT NULL, thread_ts TEXT,
  PRIMARY KEY (channel_id, ts)
);
`;

export function openSandboxDb(dataDir: string): DatabaseSync {
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(join(dataDir, 'sandbox.sqlite'));
  db.exec('PRAGMA journal_mode = WAL;');
  // Migration 1 is the schema from before migrations (`IF NOT EXISTS`): an existing sandbox file adopts it.
  migrate(db, 'sandbox', [{ id: 1, sql: SCHEMA }]);
  return db;
}

export function getMeta(db: DatabaseSync, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: DatabaseSync, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

export { transaction } from '../../src/store/sqlite.js';
