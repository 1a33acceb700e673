import { MAX_INSIDE_DOMAINS } from '../../protocol/index.js';
import {
  InsideDomainLimitError,
  readableDomains,
  storedDomain,
  storedPreferences,
  type InsideDomainRecord,
  type StoredPreferences,
  type UserSettingsStore,
} from '../../settings/store.js';
import { withTransaction, type PgClient, type PgPool } from './pool.js';

/**
 * The person's backend-kept settings in PostgreSQL. Writes for one user take a transaction-scoped
 * advisory lock on that user, so the per-user cap and the preference merge hold when two instances
 * write at once. Rows are re-validated on read.
 */
export class PostgresUserSettingsStore implements UserSettingsStore {
  constructor(
    private readonly pool: PgPool,
    private readonly now: () => number = Date.now,
  ) {}

  async listInsideDomains(user: string): Promise<InsideDomainRecord[]> {
    const { rows } = await this.pool.query<{ domain: string; added_at: string }>(
      'SELECT domain, added_at FROM inside_domains WHERE user_id = $1 ORDER BY seq',
      [user],
    );
    return readableDomains(rows);
  }

  async addInsideDomain(user: string, input: string): Promise<{ added: boolean }> {
    const domain = storedDomain(input);
    return withTransaction(this.pool, async (c) => {
      await lockUser(c, user);
      const { rows } = await c.query<{ n: number; has: boolean }>(
        'SELECT COUNT(*)::int AS n, COALESCE(BOOL_OR(domain = $2), false) AS has FROM inside_domains WHERE user_id = $1',
        [user, domain],
      );
      const { n, has } = rows[0] as { n: number; has: boolean };
      if (has) return { added: false };
      if (n >= MAX_INSIDE_DOMAINS) throw new InsideDomainLimitError();
      await c.query('INSERT INTO inside_domains (user_id, domain, added_at) VALUES ($1, $2, $3)', [
        user,
        domain,
        new Date(this.now()).toISOString(),
      ]);
      return { added: true };
    });
  }

  async removeInsideDomain(user: string, domain: string): Promise<boolean> {
    const res = await this.pool.query('DELETE FROM inside_domains WHERE user_id = $1 AND domain = $2', [user, domain]);
    return (res.rowCount ?? 0) > 0;
  }

  async getPreferences(user: string): Promise<StoredPreferences> {
    const { rows } = await this.pool.query<{ prefs_json: string }>('SELECT prefs_json FROM user_preferences WHERE user_id = $1', [user]);
    return rows[0] ? storedPreferences(JSON.parse(rows[0].prefs_json)) : {};
  }

  async setPreferences(user: string, patch: StoredPreferences): Promise<StoredPreferences> {
    const valid = storedPreferences(patch);
    return withTransaction(this.pool, async (c) => {
      await lockUser(c, user);
      const { rows } = await c.query<{ prefs_json: string }>('SELECT prefs_json FROM user_preferences WHERE user_id = $1', [user]);
      const next = storedPreferences({ ...(rows[0] ? JSON.parse(rows[0].prefs_json) : {}), ...valid });
      await c.query(
        `INSERT INTO user_preferences (user_id, prefs_json, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (user_id) DO UPDATE SET prefs_json = EXCLUDED.prefs_json, updated_at = now()`,
        [user, JSON.stringify(next)],
      );
      return next;
    });
  }
}

async function lockUser(c: PgClient, user: string): Promise<void> {
  // A 64-bit hash of the user id; a collision only makes two users' settings writes take turns.
  await c.query("SELECT pg_advisory_xact_lock(hashtextextended('user_settings:' || $1, 0))", [user]);
}
