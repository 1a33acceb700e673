import type { DatabaseSync } from 'node:sqlite';
import { MAX_INSIDE_DOMAINS } from '../protocol/index.js';
import { migrate, transaction, type Migration } from '../store/sqlite.js';
import {
  InsideDomainLimitError,
  readableDomains,
  storedDomain,
  storedPreferences,
  type InsideDomainRecord,
  type StoredPreferences,
  type UserSettingsStore,
} from './store.js';

const SETTINGS_MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    sql: `CREATE TABLE inside_domains (
      user TEXT NOT NULL,
      domain TEXT NOT NULL,
      added_at TEXT NOT NULL,
      PRIMARY KEY (user, domain)
    );
    CREATE TABLE user_preferences (
      user TEXT PRIMARY KEY,
      prefs_json TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`,
  },
];

/** The person's backend-kept settings in SQLite (node:sqlite); rows are re-validated on read. */
export class SqliteUserSettingsStore implements UserSettingsStore {
  constructor(
    private readonly db: DatabaseSync,
    private readonly now: () => number = Date.now,
  ) {
    migrate(db, 'user-settings', SETTINGS_MIGRATIONS);
  }

  async listInsideDomains(user: string): Promise<InsideDomainRecord[]> {
    const rows = this.db.prepare('SELECT domain, added_at FROM inside_domains WHERE user = ? ORDER BY rowid').all(user) as {
      domain: string;
      added_at: string;
    }[];
    return readableDomains(rows);
  }

  async addInsideDomain(user: string, input: string): Promise<{ added: boolean }> {
    const domain = storedDomain(input);
    return transaction(this.db, () => {
      if (this.db.prepare('SELECT 1 FROM inside_domains WHERE user = ? AND domain = ?').get(user, domain)) return { added: false };
      const { n } = this.db.prepare('SELECT COUNT(*) AS n FROM inside_domains WHERE user = ?').get(user) as { n: number };
      if (n >= MAX_INSIDE_DOMAINS) throw new InsideDomainLimitError();
      this.db
        .prepare('INSERT INTO inside_domains (user, domain, added_at) VALUES (?, ?, ?)')
        .run(user, domain, new Date(this.now()).toISOString());
      return { added: true };
    });
  }

  async removeInsideDomain(user: string, domain: string): Promise<boolean> {
    return Number(this.db.prepare('DELETE FROM inside_domains WHERE user = ? AND domain = ?').run(user, domain).changes) > 0;
  }

  async getPreferences(user: string): Promise<StoredPreferences> {
    const row = this.db.prepare('SELECT prefs_json FROM user_preferences WHERE user = ?').get(user) as { prefs_json: string } | undefined;
    return row ? storedPreferences(JSON.parse(row.prefs_json)) : {};
  }

  async setPreferences(user: string, patch: StoredPreferences): Promise<StoredPreferences> {
    const valid = storedPreferences(patch);
    return transaction(this.db, () => {
      const row = this.db.prepare('SELECT prefs_json FROM user_preferences WHERE user = ?').get(user) as { prefs_json: string } | undefined;
      const next = storedPreferences({ ...(row ? JSON.parse(row.prefs_json) : {}), ...valid });
      this.db
        .prepare(
          `INSERT INTO user_preferences (user, prefs_json, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (user) DO UPDATE SET prefs_json = excluded.prefs_json, updated_at = excluded.updated_at`,
        )
        .run(user, JSON.stringify(next), new Date(this.now()).toISOString());
      return next;
    });
  }
}
