import type { DatabaseSync } from 'node:sqlite';
import type { Draft, DraftKind, Provider } from '../protocol/index.js';
import { migrate } from './sqlite.js';

export interface UserRecord {
  sub: string;
  email?: string;
  name?: string;
  timezone?: string;
}

export interface LinkRecord {
  provider: Provider;
  connection: string;
  scopes: string[];
  linkedAt: string;
}

/** A request waiting for the user to link an account; resumed on `account_connected`. */
export interface PendingRequestRecord {
  id: string;
  sub: string;
  transcript: string;
  providers: Provider[];
  createdAt: string;
}

export type DraftStatus = 'ready' | 'awaiting_approval' | 'executing' | 'done' | 'failed' | 'cancelled' | 'expired';

export interface DraftRecord {
  id: string;
  sub: string;
  requestId?: string;
  kind: DraftKind;
  fields: Draft['fields'];
  status: DraftStatus;
  expiresAt: number;
  result?: { status: string; ref?: string; detail?: string; code?: string };
  createdAt: string;
}

export type ClaimOutcome = { claimed: true; draft: DraftRecord } | { claimed: false; reason: 'not_found' | 'expired' | 'already_executed' | 'cancelled'; draft?: DraftRecord };

/**
 * The backend's durable state behind one small interface. SQLite is the embedded default; a
 * Postgres adapter would implement the same methods for a multi-instance deployment.
 */
export interface VouchStore {
  upsertUser(u: UserRecord): void;
  getUser(sub: string): UserRecord | undefined;
  listLinks(sub: string): LinkRecord[];
  upsertLink(sub: string, link: LinkRecord): void;
  removeLink(sub: string, provider: Provider): boolean;
  savePending(p: PendingRequestRecord): void;
  listPending(sub: string): PendingRequestRecord[];
  deletePending(id: string): boolean;
  createDraft(d: DraftRecord): void;
  getDraft(id: string): DraftRecord | undefined;
  setDraftStatus(id: string, status: DraftStatus): void;
  /** Stores the fields as the person confirmed them (edits applied), before anything runs. */
  updateDraftFields(id: string, fields: Draft['fields']): void;
  /**
   * Atomically moves a draft from `ready`/`awaiting_approval` to `executing`. Exactly one caller
   * ever wins, across sockets and restarts; that is what makes a confirmed write happen at most once.
   */
  claimDraft(id: string, sub: string, now: number, from?: DraftStatus[]): ClaimOutcome;
  finishDraft(id: string, status: 'done' | 'failed', result: DraftRecord['result']): void;
  cancelDraft(id: string, sub: string): ClaimOutcome;
}

export class SqliteVouchStore implements VouchStore {
  constructor(private readonly db: DatabaseSync) {
    migrate(db, 'vouch', [
      {
        id: 1,
        sql: `CREATE TABLE users (sub TEXT PRIMARY KEY, email TEXT, name TEXT, timezone TEXT, updated_at TEXT NOT NULL);
        CREATE TABLE links (sub TEXT NOT NULL, provider TEXT NOT NULL, connection TEXT NOT NULL, scopes TEXT NOT NULL,
          linked_at TEXT NOT NULL, PRIMARY KEY (sub, provider));
        CREATE TABLE pending_requests (id TEXT PRIMARY KEY, sub TEXT NOT NULL, transcript TEXT NOT NULL,
          providers TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE INDEX pending_by_user ON pending_requests (sub, created_at);
        CREATE TABLE drafts (id TEXT PRIMARY KEY, sub TEXT NOT NULL, request_id TEXT, kind TEXT NOT NULL,
          fields TEXT NOT NULL, status TEXT NOT NULL, expires_at INTEGER NOT NULL, result TEXT, created_at TEXT NOT NULL);`,
      },
    ]);
  }

  upsertUser(u: UserRecord): void {
    this.db
      .prepare(
        `INSERT INTO users (sub, email, name, timezone, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(sub) DO UPDATE SET email = COALESCE(excluded.email, users.email), name = COALESCE(excluded.name, users.name),
         timezone = COALESCE(excluded.timezone, users.timezone), updated_at = excluded.updated_at`,
      )
      .run(u.sub, u.email ?? null, u.name ?? null, u.timezone ?? null, new Date().toISOString());
  }

  getUser(sub: string): UserRecord | undefined {
    const r = this.db.prepare('SELECT sub, email, name, timezone FROM users WHERE sub = ?').get(sub) as
      | { sub: string; email: string | null; name: string | null; timezone: string | null }
      | undefined;
    return r ? { sub: r.sub, email: r.email ?? undefined, name: r.name ?? undefined, timezone: r.timezone ?? undefined } : undefined;
  }

  listLinks(sub: string): LinkRecord[] {
    return (this.db.prepare('SELECT provider, connection, scopes, linked_at FROM links WHERE sub = ? ORDER BY provider').all(sub) as Array<{
      provider: Provider;
      connection: string;
      scopes: string;
      linked_at: string;
    }>).map((r) => ({ provider: r.provider, connection: r.connection, scopes: r.scopes ? r.scopes.split(' ') : [], linkedAt: r.linked_at }));
  }

  upsertLink(sub: string, l: LinkRecord): void {
    this.db
      .prepare(
        `INSERT INTO links (sub, provider, connection, scopes, linked_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(sub, provider) DO UPDATE SET connection = excluded.connection, scopes = excluded.scopes`,
      )
      .run(sub, l.provider, l.connection, l.scopes.join(' '), l.linkedAt);
  }

  removeLink(sub: string, provider: Provider): boolean {
    return this.db.prepare('DELETE FROM links WHERE sub = ? AND provider = ?').run(sub, provider).changes > 0;
  }

  savePending(p: PendingRequestRecord): void {
    this.db
      .prepare('INSERT OR REPLACE INTO pending_requests (id, sub, transcript, providers, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(p.id, p.sub, p.transcript, JSON.stringify(p.providers), p.createdAt);
  }

  listPending(sub: string): PendingRequestRecord[] {
    return (this.db.prepare('SELECT * FROM pending_requests WHERE sub = ? ORDER BY created_at').all(sub) as Array<{
      id: string;
      sub: string;
      transcript: string;
      providers: string;
      created_at: string;
    }>).map((r) => ({ id: r.id, sub: r.sub, transcript: r.transcript, providers: JSON.parse(r.providers) as Provider[], createdAt: r.created_at }));
  }

  deletePending(id: string): boolean {
    return this.db.prepare('DELETE FROM pending_requests WHERE id = ?').run(id).changes > 0;
  }

  createDraft(d: DraftRecord): void {
    this.db
      .prepare('INSERT INTO drafts (id, sub, request_id, kind, fields, status, expires_at, result, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(d.id, d.sub, d.requestId ?? null, d.kind, JSON.stringify(d.fields), d.status, d.expiresAt, d.result ? JSON.stringify(d.result) : null, d.createdAt);
  }

  getDraft(id: string): DraftRecord | undefined {
    const r = this.db.prepare('SELECT * FROM drafts WHERE id = ?').get(id) as DraftRow | undefined;
    return r ? toDraft(r) : undefined;
  }

  setDraftStatus(id: string, status: DraftStatus): void {
    this.db.prepare('UPDATE drafts SET status = ? WHERE id = ?').run(status, id);
  }

  updateDraftFields(id: string, fields: Draft['fields']): void {
    this.db.prepare('UPDATE drafts SET fields = ? WHERE id = ?').run(JSON.stringify(fields), id);
  }

  claimDraft(id: string, sub: string, now: number, from: DraftStatus[] = ['ready']): ClaimOutcome {
    const placeholders = from.map(() => '?').join(',');
    const changed = this.db
      .prepare(`UPDATE drafts SET status = 'executing' WHERE id = ? AND sub = ? AND expires_at > ? AND status IN (${placeholders})`)
      .run(id, sub, now, ...from).changes;
    const draft = this.getDraft(id);
    if (changed === 1 && draft) return { claimed: true, draft };
    if (!draft || draft.sub !== sub) return { claimed: false, reason: 'not_found' };
    if (draft.status === 'cancelled') return { claimed: false, reason: 'cancelled', draft };
    if (from.includes(draft.status) && draft.expiresAt <= now) {
      this.setDraftStatus(id, 'expired');
      return { claimed: false, reason: 'expired', draft: { ...draft, status: 'expired' } };
    }
    if (draft.status === 'expired') return { claimed: false, reason: 'expired', draft };
    return { claimed: false, reason: 'already_executed', draft };
  }

  finishDraft(id: string, status: 'done' | 'failed', result: DraftRecord['result']): void {
    this.db.prepare('UPDATE drafts SET status = ?, result = ? WHERE id = ?').run(status, JSON.stringify(result ?? null), id);
  }

  cancelDraft(id: string, sub: string): ClaimOutcome {
    const changed = this.db
      .prepare(`UPDATE drafts SET status = 'cancelled' WHERE id = ? AND sub = ? AND status IN ('ready', 'awaiting_approval')`)
      .run(id, sub).changes;
    const draft = this.getDraft(id);
    if (changed === 1 && draft) return { claimed: true, draft };
    if (!draft || draft.sub !== sub) return { claimed: false, reason: 'not_found' };
    if (draft.status === 'cancelled') return { claimed: false, reason: 'cancelled', draft };
    return { claimed: false, reason: 'already_executed', draft };
  }
}

type DraftRow = {
  id: string;
  sub: string;
  request_id: string | null;
  kind: DraftKind;
  fields: string;
  status: DraftStatus;
  expires_at: number;
  result: string | null;
  created_at: string;
};

function toDraft(r: DraftRow): DraftRecord {
  return {
    id: r.id,
    sub: r.sub,
    requestId: r.request_id ?? undefined,
    kind: r.kind,
    fields: JSON.parse(r.fields) as Draft['fields'],
    status: r.status,
    expiresAt: Number(r.expires_at),
    result: r.result ? (JSON.parse(r.result) as DraftRecord['result']) : undefined,
    createdAt: r.created_at,
  };
}
