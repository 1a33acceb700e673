import type { DatabaseSync } from 'node:sqlite';
import { migrate, type Migration } from '../store/sqlite.js';
import {
  createPreauthorization,
  isActive,
  Preauthorization,
  PreauthorizationError,
  type PreauthRequest,
  type StepUpProof,
} from './preauth.js';
import { defaultPreauthId, type IdGenerator, type PreauthStore } from './preauthStore.js';

/**
 * Migration 1 is the schema the store created before it had migrations, still `IF NOT EXISTS`, so a
 * database from that time adopts it unchanged; later schema changes are new entries here.
 */
const PREAUTH_MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    sql: `CREATE TABLE IF NOT EXISTS policy_preauthorizations (
      id TEXT PRIMARY KEY,
      user TEXT NOT NULL,
      tool TEXT NOT NULL,
      max_level TEXT NOT NULL,
      max_score INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      step_up_ref TEXT NOT NULL,
      revoked_at INTEGER,
      UNIQUE (user, step_up_ref)
    );
    CREATE INDEX IF NOT EXISTS policy_preauth_user ON policy_preauthorizations (user, expires_at)`,
  },
];

/** Grants in SQLite; the UNIQUE (user, step_up_ref) makes a step-up proof single-use even across processes. */
export class SqlitePreauthStore implements PreauthStore {
  constructor(
    private readonly db: DatabaseSync,
    private readonly newId: IdGenerator = defaultPreauthId,
  ) {
    migrate(db, 'policy-preauth', PREAUTH_MIGRATIONS);
  }

  async create(user: string, request: PreauthRequest, proof: StepUpProof | null | undefined, now: number): Promise<Preauthorization> {
    const g = createPreauthorization(user, request, proof, now, this.newId());
    try {
      this.db
        .prepare(
          'INSERT INTO policy_preauthorizations (id, user, tool, max_level, max_score, created_at, expires_at, step_up_ref, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)',
        )
        .run(g.id, g.user, g.tool, g.max_level, g.max_score, g.created_at, g.expires_at, g.step_up_ref);
    } catch (err) {
      if (String((err as Error).message).includes('UNIQUE') && String((err as Error).message).includes('step_up_ref')) {
        throw new PreauthorizationError('STEP_UP_REUSED', 'this step-up already created a pre-authorization', { cause: err });
      }
      throw err;
    }
    return g;
  }

  async listActive(user: string, now: number): Promise<Preauthorization[]> {
    const rows = this.db
      .prepare('SELECT * FROM policy_preauthorizations WHERE user = ? AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at, id')
      .all(user, now);
    return rows.map(toGrant).filter((g) => isActive(g, now));
  }

  async list(user: string): Promise<Preauthorization[]> {
    return this.db
      .prepare('SELECT * FROM policy_preauthorizations WHERE user = ? ORDER BY created_at DESC, id DESC')
      .all(user)
      .map(toGrant);
  }

  async revoke(user: string, id: string, now: number): Promise<boolean> {
    const res = this.db
      .prepare('UPDATE policy_preauthorizations SET revoked_at = ? WHERE user = ? AND id = ? AND revoked_at IS NULL AND expires_at > ?')
      .run(now, user, id, now);
    return Number(res.changes) > 0;
  }
}

function toGrant(row: unknown): Preauthorization {
  const r = row as Record<string, unknown>;
  return Preauthorization.parse({
    id: r.id,
    user: r.user,
    tool: r.tool,
    max_level: r.max_level,
    max_score: Number(r.max_score),
    created_at: Number(r.created_at),
    expires_at: Number(r.expires_at),
    granted_after_step_up: true,
    step_up_ref: r.step_up_ref,
    revoked_at: r.revoked_at === null ? null : Number(r.revoked_at),
  });
}
