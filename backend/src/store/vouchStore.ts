import type { DatabaseSync } from 'node:sqlite';
import type { Draft, DraftKind, Provider, RiskSummary } from '../protocol/index.js';
import { migrate, transaction } from './sqlite.js';

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

/** A request waiting for the user to link an account; resumed on `account_connected`. Keyed by (sub, id). */
export interface PendingRequestRecord {
  id: string;
  sub: string;
  transcript: string;
  providers: Provider[];
  createdAt: string;
}

/**
 * A draft's life: `ready → confirming → awaiting_approval → executing → done | failed`, or it ends
 * `cancelled`, `expired` or `denied`. What the provider did (sent, created, posted…) is in `result`.
 */
export type DraftStatus =
  'ready' | 'confirming' | 'awaiting_approval' | 'executing' | 'done' | 'failed' | 'cancelled' | 'expired' | 'denied';

export interface DraftResult {
  status: string;
  ref?: string;
  detail?: string;
  code?: string;
}

export interface DraftRecord {
  id: string;
  sub: string;
  requestId?: string;
  kind: DraftKind;
  fields: Draft['fields'];
  status: DraftStatus;
  expiresAt: number;
  result?: DraftResult;
  createdAt: string;
}

/** One compare-and-set on a draft's status: it happens only if the draft is still in one of `from`. */
export interface DraftTransition {
  id: string;
  sub: string;
  from: readonly DraftStatus[];
  to: DraftStatus;
  /** Only while the draft has not expired at this instant. */
  liveAt?: number;
  fields?: Draft['fields'];
  result?: DraftResult;
}

export type ApprovalStatus = 'starting' | 'pending' | 'approved' | 'denied' | 'expired' | 'cancelled' | 'failed';

/**
 * A step-up approval, stored before the phone is asked: which draft, which exact content (SHA-256 of
 * the canonical fields) and, once Auth0 answered, the CIBA request to poll — so a restart can resume.
 */
export interface ApprovalRecord {
  id: string;
  sub: string;
  draftId: string;
  contentSha256: string;
  bindingMessage: string;
  /** What the approval card shows, so it can be shown again after a restart. */
  risk?: RiskSummary;
  status: ApprovalStatus;
  authReqId?: string;
  expiresAt?: number;
  intervalMs?: number;
  createdAt: string;
  /** The instance polling the phone request, and until when (epoch ms) that claim holds. */
  leaseOwner?: string;
  leaseUntil?: number;
}

export interface UserStore {
  upsertUser(u: UserRecord): Promise<void>;
  getUser(sub: string): Promise<UserRecord | undefined>;
}

export interface LinkStore {
  listLinks(sub: string): Promise<LinkRecord[]>;
  upsertLink(sub: string, link: LinkRecord): Promise<void>;
  removeLink(sub: string, provider: Provider): Promise<boolean>;
}

export interface PendingRequestStore {
  savePending(p: PendingRequestRecord): Promise<void>;
  listPending(sub: string): Promise<PendingRequestRecord[]>;
  deletePending(sub: string, id: string): Promise<boolean>;
}

export interface DraftStore {
  createDraft(d: DraftRecord): Promise<void>;
  getDraft(sub: string, id: string): Promise<DraftRecord | undefined>;
  /** Atomic compare-and-set (`UPDATE … WHERE status IN from`): true for exactly one caller. */
  transitionDraft(t: DraftTransition): Promise<boolean>;
  listDrafts(filter: { sub?: string; status: readonly DraftStatus[] }): Promise<DraftRecord[]>;
}

export interface ApprovalStore {
  /**
   * Moves the draft `confirming → awaiting_approval` and stores the approval row in one step;
   * false (and nothing stored) when the draft was not `confirming` any more.
   */
  beginApproval(a: ApprovalRecord): Promise<boolean>;
  /** `starting → pending` once Auth0 answered with the request to poll. */
  approvalStarted(id: string, start: { authReqId: string; expiresAt: number; intervalMs: number }): Promise<boolean>;
  /** Compare-and-set on the approval's status. */
  finishApproval(id: string, from: readonly ApprovalStatus[], to: ApprovalStatus): Promise<boolean>;
  getApproval(id: string): Promise<ApprovalRecord | undefined>;
  listApprovals(filter: { sub?: string; draftId?: string; status: readonly ApprovalStatus[] }): Promise<ApprovalRecord[]>;
  /**
   * Takes or renews the lease on a `pending` approval: exactly one instance polls a phone request.
   * True when `owner` holds it until `now + leaseMs` (it was free, expired, or already `owner`'s).
   */
  leaseApproval(id: string, owner: string, now: number, leaseMs: number): Promise<boolean>;
  /** Gives a lease back (shutdown), so another instance can take over at once. */
  releaseApproval(id: string, owner: string): Promise<void>;
  /** Drops every lease: the embedded store has one instance, so any lease at start is a dead run's. */
  clearApprovalLeases(): Promise<void>;
}

/**
 * Which transcript frames were answered, kept in the database so a frame resent to another instance
 * after a reconnect is not answered twice.
 */
export interface TranscriptLedger {
  /** True for exactly one caller per (sub, id), across instances. */
  markTranscript(sub: string, id: string, now: number): Promise<boolean>;
}

/**
 * The backend's durable state behind small async ports (as the audit, rule and pre-authorization
 * stores already are), so a networked database can implement them. SQLite is the embedded default.
 */
export type VouchStore = UserStore & LinkStore & PendingRequestStore & DraftStore & ApprovalStore & TranscriptLedger;

/** How long the transcript ledger remembers an id. */
export const TRANSCRIPT_LEDGER_MS = 24 * 60 * 60 * 1000;

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
      {
        // Pending requests were keyed by the client's transcript id alone, so one user could replace or
        // delete another's; they are keyed by (sub, id) now. Approvals become rows (see ApprovalRecord).
        id: 2,
        sql: `CREATE TABLE pending_requests_by_user (sub TEXT NOT NULL, id TEXT NOT NULL, transcript TEXT NOT NULL,
          providers TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (sub, id));
        INSERT INTO pending_requests_by_user (sub, id, transcript, providers, created_at)
          SELECT sub, id, transcript, providers, created_at FROM pending_requests;
        DROP TABLE pending_requests;
        ALTER TABLE pending_requests_by_user RENAME TO pending_requests;
        CREATE INDEX pending_by_user ON pending_requests (sub, created_at);
        CREATE INDEX drafts_by_status ON drafts (status, sub);
        CREATE TABLE approvals (id TEXT PRIMARY KEY, sub TEXT NOT NULL, draft_id TEXT NOT NULL, content_sha256 TEXT NOT NULL,
          binding_message TEXT NOT NULL, risk TEXT, status TEXT NOT NULL, auth_req_id TEXT, expires_at INTEGER, interval_ms INTEGER,
          created_at TEXT NOT NULL);
        CREATE INDEX approvals_by_draft ON approvals (draft_id);
        CREATE INDEX approvals_by_status ON approvals (status, sub);`,
      },
      {
        // Leases on phone requests (see ApprovalStore.leaseApproval) and the transcript ledger.
        id: 3,
        sql: `ALTER TABLE approvals ADD COLUMN lease_owner TEXT;
        ALTER TABLE approvals ADD COLUMN lease_until INTEGER;
        CREATE TABLE handled_transcripts (sub TEXT NOT NULL, id TEXT NOT NULL, handled_at INTEGER NOT NULL, PRIMARY KEY (sub, id));
        CREATE INDEX handled_transcripts_by_age ON handled_transcripts (handled_at);`,
      },
    ]);
  }

  async upsertUser(u: UserRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO users (sub, email, name, timezone, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(sub) DO UPDATE SET email = COALESCE(excluded.email, users.email), name = COALESCE(excluded.name, users.name),
         timezone = COALESCE(excluded.timezone, users.timezone), updated_at = excluded.updated_at`,
      )
      .run(u.sub, u.email ?? null, u.name ?? null, u.timezone ?? null, new Date().toISOString());
  }

  async getUser(sub: string): Promise<UserRecord | undefined> {
    const r = this.db.prepare('SELECT sub, email, name, timezone FROM users WHERE sub = ?').get(sub) as
      { sub: string; email: string | null; name: string | null; timezone: string | null } | undefined;
    return r ? { sub: r.sub, email: r.email ?? undefined, name: r.name ?? undefined, timezone: r.timezone ?? undefined } : undefined;
  }

  async listLinks(sub: string): Promise<LinkRecord[]> {
    return (
      this.db.prepare('SELECT provider, connection, scopes, linked_at FROM links WHERE sub = ? ORDER BY provider').all(sub) as Array<{
        provider: Provider;
        connection: string;
        scopes: string;
        linked_at: string;
      }>
    ).map((r) => ({ provider: r.provider, connection: r.connection, scopes: r.scopes ? r.scopes.split(' ') : [], linkedAt: r.linked_at }));
  }

  async upsertLink(sub: string, l: LinkRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO links (sub, provider, connection, scopes, linked_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(sub, provider) DO UPDATE SET connection = excluded.connection, scopes = excluded.scopes`,
      )
      .run(sub, l.provider, l.connection, l.scopes.join(' '), l.linkedAt);
  }

  async removeLink(sub: string, provider: Provider): Promise<boolean> {
    return this.db.prepare('DELETE FROM links WHERE sub = ? AND provider = ?').run(sub, provider).changes > 0;
  }

  async savePending(p: PendingRequestRecord): Promise<void> {
    this.db
      .prepare('INSERT OR REPLACE INTO pending_requests (sub, id, transcript, providers, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(p.sub, p.id, p.transcript, JSON.stringify(p.providers), p.createdAt);
  }

  async listPending(sub: string): Promise<PendingRequestRecord[]> {
    return (
      this.db.prepare('SELECT * FROM pending_requests WHERE sub = ? ORDER BY created_at').all(sub) as Array<{
        id: string;
        sub: string;
        transcript: string;
        providers: string;
        created_at: string;
      }>
    ).map((r) => ({
      id: r.id,
      sub: r.sub,
      transcript: r.transcript,
      providers: JSON.parse(r.providers) as Provider[],
      createdAt: r.created_at,
    }));
  }

  async deletePending(sub: string, id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM pending_requests WHERE sub = ? AND id = ?').run(sub, id).changes > 0;
  }

  async createDraft(d: DraftRecord): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO drafts (id, sub, request_id, kind, fields, status, expires_at, result, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        d.id,
        d.sub,
        d.requestId ?? null,
        d.kind,
        JSON.stringify(d.fields),
        d.status,
        d.expiresAt,
        d.result ? JSON.stringify(d.result) : null,
        d.createdAt,
      );
  }

  async getDraft(sub: string, id: string): Promise<DraftRecord | undefined> {
    const r = this.db.prepare('SELECT * FROM drafts WHERE id = ? AND sub = ?').get(id, sub) as DraftRow | undefined;
    return r ? toDraft(r) : undefined;
  }

  async transitionDraft(t: DraftTransition): Promise<boolean> {
    if (!t.from.length) return false;
    const sets = ['status = ?'];
    const values: Array<string | number | null> = [t.to];
    if (t.fields) {
      sets.push('fields = ?');
      values.push(JSON.stringify(t.fields));
    }
    if (t.result) {
      sets.push('result = ?');
      values.push(JSON.stringify(t.result));
    }
    let where = `id = ? AND sub = ? AND status IN (${t.from.map(() => '?').join(',')})`;
    values.push(t.id, t.sub, ...t.from);
    if (t.liveAt !== undefined) {
      where += ' AND expires_at > ?';
      values.push(t.liveAt);
    }
    return this.db.prepare(`UPDATE drafts SET ${sets.join(', ')} WHERE ${where}`).run(...values).changes === 1;
  }

  async listDrafts(filter: { sub?: string; status: readonly DraftStatus[] }): Promise<DraftRecord[]> {
    if (!filter.status.length) return [];
    const values: string[] = [...filter.status];
    let sql = `SELECT * FROM drafts WHERE status IN (${filter.status.map(() => '?').join(',')})`;
    if (filter.sub) {
      sql += ' AND sub = ?';
      values.push(filter.sub);
    }
    return (this.db.prepare(`${sql} ORDER BY created_at`).all(...values) as DraftRow[]).map(toDraft);
  }

  async beginApproval(a: ApprovalRecord): Promise<boolean> {
    return transaction(this.db, () => {
      const moved =
        this.db
          .prepare(`UPDATE drafts SET status = 'awaiting_approval' WHERE id = ? AND sub = ? AND status = 'confirming'`)
          .run(a.draftId, a.sub).changes === 1;
      if (!moved) return false;
      this.db
        .prepare(
          `INSERT INTO approvals (id, sub, draft_id, content_sha256, binding_message, risk, status, auth_req_id, expires_at, interval_ms, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          a.id,
          a.sub,
          a.draftId,
          a.contentSha256,
          a.bindingMessage,
          a.risk ? JSON.stringify(a.risk) : null,
          a.status,
          a.authReqId ?? null,
          a.expiresAt ?? null,
          a.intervalMs ?? null,
          a.createdAt,
        );
      return true;
    });
  }

  async approvalStarted(id: string, s: { authReqId: string; expiresAt: number; intervalMs: number }): Promise<boolean> {
    return (
      this.db
        .prepare(
          `UPDATE approvals SET status = 'pending', auth_req_id = ?, expires_at = ?, interval_ms = ? WHERE id = ? AND status = 'starting'`,
        )
        .run(s.authReqId, s.expiresAt, s.intervalMs, id).changes === 1
    );
  }

  async finishApproval(id: string, from: readonly ApprovalStatus[], to: ApprovalStatus): Promise<boolean> {
    if (!from.length) return false;
    return (
      this.db.prepare(`UPDATE approvals SET status = ? WHERE id = ? AND status IN (${from.map(() => '?').join(',')})`).run(to, id, ...from)
        .changes === 1
    );
  }

  async leaseApproval(id: string, owner: string, now: number, leaseMs: number): Promise<boolean> {
    return (
      this.db
        .prepare(
          `UPDATE approvals SET lease_owner = ?, lease_until = ? WHERE id = ? AND status = 'pending'
           AND (lease_owner IS NULL OR lease_owner = ? OR lease_until <= ?)`,
        )
        .run(owner, now + leaseMs, id, owner, now).changes === 1
    );
  }

  async releaseApproval(id: string, owner: string): Promise<void> {
    this.db.prepare('UPDATE approvals SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?').run(id, owner);
  }

  async clearApprovalLeases(): Promise<void> {
    this.db.prepare('UPDATE approvals SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL').run();
  }

  async markTranscript(sub: string, id: string, now: number): Promise<boolean> {
    const fresh =
      this.db.prepare('INSERT INTO handled_transcripts (sub, id, handled_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(sub, id, now)
        .changes === 1;
    // A day is far longer than any client resends a frame; the ledger stays small.
    if (fresh) this.db.prepare('DELETE FROM handled_transcripts WHERE handled_at < ?').run(now - TRANSCRIPT_LEDGER_MS);
    return fresh;
  }

  async getApproval(id: string): Promise<ApprovalRecord | undefined> {
    const r = this.db.prepare('SELECT * FROM approvals WHERE id = ?').get(id) as ApprovalRow | undefined;
    return r ? toApproval(r) : undefined;
  }

  async listApprovals(filter: { sub?: string; draftId?: string; status: readonly ApprovalStatus[] }): Promise<ApprovalRecord[]> {
    if (!filter.status.length) return [];
    const values: string[] = [...filter.status];
    let sql = `SELECT * FROM approvals WHERE status IN (${filter.status.map(() => '?').join(',')})`;
    if (filter.sub) {
      sql += ' AND sub = ?';
      values.push(filter.sub);
    }
    if (filter.draftId) {
      sql += ' AND draft_id = ?';
      values.push(filter.draftId);
    }
    return (this.db.prepare(`${sql} ORDER BY created_at`).all(...values) as ApprovalRow[]).map(toApproval);
  }
}

export type DraftRow = {
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

export function toDraft(r: DraftRow): DraftRecord {
  return {
    id: r.id,
    sub: r.sub,
    requestId: r.request_id ?? undefined,
    kind: r.kind,
    fields: JSON.parse(r.fields) as Draft['fields'],
    status: r.status,
    expiresAt: Number(r.expires_at),
    result: r.result ? ((JSON.parse(r.result) as DraftResult | null) ?? undefined) : undefined,
    createdAt: r.created_at,
  };
}

export type ApprovalRow = {
  id: string;
  sub: string;
  draft_id: string;
  content_sha256: string;
  binding_message: string;
  risk: string | null;
  status: ApprovalStatus;
  auth_req_id: string | null;
  expires_at: number | null;
  interval_ms: number | null;
  created_at: string;
  lease_owner?: string | null;
  lease_until?: number | null;
};

export function toApproval(r: ApprovalRow): ApprovalRecord {
  return {
    id: r.id,
    sub: r.sub,
    draftId: r.draft_id,
    contentSha256: r.content_sha256,
    bindingMessage: r.binding_message,
    ...(r.risk ? { risk: JSON.parse(r.risk) as RiskSummary } : {}),
    status: r.status,
    ...(r.auth_req_id ? { authReqId: r.auth_req_id } : {}),
    ...(r.expires_at !== null ? { expiresAt: Number(r.expires_at) } : {}),
    ...(r.interval_ms !== null ? { intervalMs: Number(r.interval_ms) } : {}),
    createdAt: r.created_at,
    ...(r.lease_owner ? { leaseOwner: r.lease_owner } : {}),
    ...(r.lease_until !== null && r.lease_until !== undefined ? { leaseUntil: Number(r.lease_until) } : {}),
  };
}
