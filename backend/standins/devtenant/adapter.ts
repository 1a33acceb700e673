import type { DatabaseSync } from 'node:sqlite';
import { migrate } from '../../src/store/sqlite.js';

/**
 * oidc-provider storage adapter on SQLite, so sessions, grants and refresh tokens survive a
 * restart of the dev tenant (the desktop app keeps its refresh token across restarts too).
 */
export function createSqliteAdapterFactory(db: DatabaseSync, now: () => number) {
  migrate(db, 'devtenant-oidc', [
    {
      id: 1,
      sql: `CREATE TABLE oidc_models (
        model TEXT NOT NULL, id TEXT NOT NULL, payload TEXT NOT NULL, expires_at INTEGER,
        grant_id TEXT, user_code TEXT, uid TEXT, PRIMARY KEY (model, id));
        CREATE INDEX oidc_models_grant ON oidc_models (grant_id);
        CREATE INDEX oidc_models_uid ON oidc_models (model, uid);
        CREATE INDEX oidc_models_user_code ON oidc_models (model, user_code);`,
    },
  ]);

  type Row = { payload: string; expires_at: number | null } | undefined;
  const alive = (row: Row) => {
    if (!row) return undefined;
    if (row.expires_at !== null && row.expires_at <= now()) return undefined;
    return JSON.parse(row.payload) as Record<string, unknown>;
  };

  return class SqliteAdapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: Record<string, unknown>, expiresIn?: number) {
      const expiresAt = expiresIn ? now() + expiresIn * 1000 : null;
      db.prepare(
        `INSERT INTO oidc_models (model, id, payload, expires_at, grant_id, user_code, uid) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(model, id) DO UPDATE SET payload = excluded.payload, expires_at = excluded.expires_at,
         grant_id = excluded.grant_id, user_code = excluded.user_code, uid = excluded.uid`,
      ).run(
        this.model,
        id,
        JSON.stringify(payload),
        expiresAt,
        (payload.grantId as string | undefined) ?? null,
        (payload.userCode as string | undefined) ?? null,
        (payload.uid as string | undefined) ?? null,
      );
    }

    async find(id: string) {
      return alive(db.prepare('SELECT payload, expires_at FROM oidc_models WHERE model = ? AND id = ?').get(this.model, id) as Row);
    }

    async findByUserCode(userCode: string) {
      return alive(
        db.prepare('SELECT payload, expires_at FROM oidc_models WHERE model = ? AND user_code = ?').get(this.model, userCode) as Row,
      );
    }

    async findByUid(uid: string) {
      return alive(db.prepare('SELECT payload, expires_at FROM oidc_models WHERE model = ? AND uid = ?').get(this.model, uid) as Row);
    }

    async consume(id: string) {
      const found = await this.find(id);
      if (!found) return;
      found.consumed = Math.floor(now() / 1000);
      db.prepare('UPDATE oidc_models SET payload = ? WHERE model = ? AND id = ?').run(JSON.stringify(found), this.model, id);
    }

    async destroy(id: string) {
      db.prepare('DELETE FROM oidc_models WHERE model = ? AND id = ?').run(this.model, id);
    }

    async revokeByGrantId(grantId: string) {
      db.prepare('DELETE FROM oidc_models WHERE grant_id = ?').run(grantId);
    }
  };
}
