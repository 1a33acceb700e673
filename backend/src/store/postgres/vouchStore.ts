import type { Provider } from '../../protocol/index.js';
import {
  toApproval,
  toDraft,
  TRANSCRIPT_LEDGER_MS,
  type ApprovalRecord,
  type ApprovalRow,
  type ApprovalStatus,
  type DraftRecord,
  type DraftRow,
  type DraftStatus,
  type DraftTransition,
  type LinkRecord,
  type PendingRequestRecord,
  type UserRecord,
  type VouchStore,
} from '../vouchStore.js';
import { withTransaction, type PgPool } from './pool.js';

/**
 * The backend's durable state in PostgreSQL, the same ports and row shapes as SqliteVouchStore.
 * Every state change is one conditional statement (`UPDATE … WHERE status = ANY(…)`), so across any
 * number of instances exactly one caller sees it succeed.
 */
export class PostgresVouchStore implements VouchStore {
  private marks = 0;

  constructor(private readonly pool: PgPool) {}

  async upsertUser(u: UserRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO users (sub, email, name, timezone, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (sub) DO UPDATE SET email = COALESCE(EXCLUDED.email, users.email), name = COALESCE(EXCLUDED.name, users.name),
       timezone = COALESCE(EXCLUDED.timezone, users.timezone), updated_at = now()`,
      [u.sub, u.email ?? null, u.name ?? null, u.timezone ?? null],
    );
  }

  async getUser(sub: string): Promise<UserRecord | undefined> {
    const { rows } = await this.pool.query<{ sub: string; email: string | null; name: string | null; timezone: string | null }>(
      'SELECT sub, email, name, timezone FROM users WHERE sub = $1',
      [sub],
    );
    const r = rows[0];
    return r ? { sub: r.sub, email: r.email ?? undefined, name: r.name ?? undefined, timezone: r.timezone ?? undefined } : undefined;
  }

  async listLinks(sub: string): Promise<LinkRecord[]> {
    const { rows } = await this.pool.query<{ provider: Provider; connection: string; scopes: string; linked_at: string }>(
      'SELECT provider, connection, scopes, linked_at FROM links WHERE sub = $1 ORDER BY provider',
      [sub],
    );
    return rows.map((r) => ({
      provider: r.provider,
      connection: r.connection,
      scopes: r.scopes ? r.scopes.split(' ') : [],
      linkedAt: r.linked_at,
    }));
  }

  async upsertLink(sub: string, l: LinkRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO links (sub, provider, connection, scopes, linked_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (sub, provider) DO UPDATE SET connection = EXCLUDED.connection, scopes = EXCLUDED.scopes`,
      [sub, l.provider, l.connection, l.scopes.join(' '), l.linkedAt],
    );
  }

  async removeLink(sub: string, provider: Provider): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM links WHERE sub = $1 AND provider = $2', [sub, provider])).rowCount ?? 0) > 0;
  }

  async savePending(p: PendingRequestRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO pending_requests (sub, id, transcript, providers, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (sub, id) DO UPDATE SET transcript = EXCLUDED.transcript, providers = EXCLUDED.providers, created_at = EXCLUDED.created_at`,
      [p.sub, p.id, p.transcript, JSON.stringify(p.providers), p.createdAt],
    );
  }

  async listPending(sub: string): Promise<PendingRequestRecord[]> {
    const { rows } = await this.pool.query<{ id: string; sub: string; transcript: string; providers: string; created_at: string }>(
      'SELECT * FROM pending_requests WHERE sub = $1 ORDER BY created_at',
      [sub],
    );
    return rows.map((r) => ({
      id: r.id,
      sub: r.sub,
      transcript: r.transcript,
      providers: JSON.parse(r.providers) as Provider[],
      createdAt: r.created_at,
    }));
  }

  async deletePending(sub: string, id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM pending_requests WHERE sub = $1 AND id = $2', [sub, id])).rowCount ?? 0) > 0;
  }

  async createDraft(d: DraftRecord): Promise<void> {
    await this.pool.query(
      'INSERT INTO drafts (id, sub, request_id, kind, fields, status, expires_at, result, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [
        d.id,
        d.sub,
        d.requestId ?? null,
        d.kind,
        JSON.stringify(d.fields),
        d.status,
        d.expiresAt,
        d.result ? JSON.stringify(d.result) : null,
        d.createdAt,
      ],
    );
  }

  async getDraft(sub: string, id: string): Promise<DraftRecord | undefined> {
    const { rows } = await this.pool.query<DraftRow>('SELECT * FROM drafts WHERE id = $1 AND sub = $2', [id, sub]);
    return rows[0] ? toDraft(rows[0]) : undefined;
  }

  async transitionDraft(t: DraftTransition): Promise<boolean> {
    if (!t.from.length) return false;
    const values: unknown[] = [t.to, t.id, t.sub, [...t.from]];
    const sets = ['status = $1'];
    if (t.fields) sets.push(`fields = $${values.push(JSON.stringify(t.fields))}`);
    if (t.result) sets.push(`result = $${values.push(JSON.stringify(t.result))}`);
    let where = 'id = $2 AND sub = $3 AND status = ANY($4::text[])';
    if (t.liveAt !== undefined) where += ` AND expires_at > $${values.push(t.liveAt)}`;
    return (await this.pool.query(`UPDATE drafts SET ${sets.join(', ')} WHERE ${where}`, values)).rowCount === 1;
  }

  async listDrafts(filter: { sub?: string; status: readonly DraftStatus[] }): Promise<DraftRecord[]> {
    if (!filter.status.length) return [];
    const values: unknown[] = [[...filter.status]];
    let sql = 'SELECT * FROM drafts WHERE status = ANY($1::text[])';
    if (filter.sub) sql += ` AND sub = $${values.push(filter.sub)}`;
    return (await this.pool.query<DraftRow>(`${sql} ORDER BY created_at`, values)).rows.map(toDraft);
  }

  async beginApproval(a: ApprovalRecord): Promise<boolean> {
    return withTransaction(this.pool, async (c) => {
      const moved = await c.query(`UPDATE drafts SET status = 'awaiting_approval' WHERE id = $1 AND sub = $2 AND status = 'confirming'`, [
        a.draftId,
        a.sub,
      ]);
      if (moved.rowCount !== 1) return false;
      await c.query(
        `INSERT INTO approvals (id, sub, draft_id, content_sha256, binding_message, risk, status, auth_req_id, expires_at, interval_ms, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
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
        ],
      );
      return true;
    });
  }

  async approvalStarted(id: string, s: { authReqId: string; expiresAt: number; intervalMs: number }): Promise<boolean> {
    const res = await this.pool.query(
      `UPDATE approvals SET status = 'pending', auth_req_id = $1, expires_at = $2, interval_ms = $3 WHERE id = $4 AND status = 'starting'`,
      [s.authReqId, s.expiresAt, s.intervalMs, id],
    );
    return res.rowCount === 1;
  }

  async finishApproval(id: string, from: readonly ApprovalStatus[], to: ApprovalStatus): Promise<boolean> {
    if (!from.length) return false;
    return (
      (await this.pool.query('UPDATE approvals SET status = $1 WHERE id = $2 AND status = ANY($3::text[])', [to, id, [...from]]))
        .rowCount === 1
    );
  }

  async getApproval(id: string): Promise<ApprovalRecord | undefined> {
    const { rows } = await this.pool.query<ApprovalRow>('SELECT * FROM approvals WHERE id = $1', [id]);
    return rows[0] ? toApproval(rows[0]) : undefined;
  }

  async listApprovals(filter: { sub?: string; draftId?: string; status: readonly ApprovalStatus[] }): Promise<ApprovalRecord[]> {
    if (!filter.status.length) return [];
    const values: unknown[] = [[...filter.status]];
    let sql = 'SELECT * FROM approvals WHERE status = ANY($1::text[])';
    if (filter.sub) sql += ` AND sub = $${values.push(filter.sub)}`;
    if (filter.draftId) sql += ` AND draft_id = $${values.push(filter.draftId)}`;
    return (await this.pool.query<ApprovalRow>(`${sql} ORDER BY created_at`, values)).rows.map(toApproval);
  }

  async leaseApproval(id: string, owner: string, now: number, leaseMs: number): Promise<boolean> {
    const res = await this.pool.query(
      `UPDATE approvals SET lease_owner = $2, lease_until = $3 WHERE id = $1 AND status = 'pending'
       AND (lease_owner IS NULL OR lease_owner = $2 OR lease_until <= $4)`,
      [id, owner, now + leaseMs, now],
    );
    return res.rowCount === 1;
  }

  async releaseApproval(id: string, owner: string): Promise<void> {
    await this.pool.query('UPDATE approvals SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2', [id, owner]);
  }

  async clearApprovalLeases(): Promise<void> {
    await this.pool.query('UPDATE approvals SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL');
  }

  async markTranscript(sub: string, id: string, now: number): Promise<boolean> {
    const res = await this.pool.query('INSERT INTO handled_transcripts (sub, id, handled_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      sub,
      id,
      now,
    ]);
    const fresh = res.rowCount === 1;
    // Pruning on every hundredth new id keeps the ledger small without a statement per frame.
    if (fresh && ++this.marks % 100 === 0)
      await this.pool.query('DELETE FROM handled_transcripts WHERE handled_at < $1', [now - TRANSCRIPT_LEDGER_MS]);
    return fresh;
  }
}
