import type { DatabaseSync } from 'node:sqlite';
import { migrate, type Migration } from '../store/sqlite.js';
import { MAX_RULES_PER_USER, RuleListSchema, RuleSchema, type Rule, type RuleInput } from './rules.js';
import { RuleLimitError, type RuleStore } from './ruleStore.js';

/**
 * Migration 1 is the schema the store created before it had migrations, still `IF NOT EXISTS`, so a
 * database from that time adopts it unchanged; later schema changes are new entries here.
 */
const RULE_MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    sql: `CREATE TABLE IF NOT EXISTS policy_rules (
      user TEXT NOT NULL,
      id TEXT NOT NULL,
      position INTEGER NOT NULL,
      rule_json TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (user, id)
    )`,
  },
];

/**
 * Rules in SQLite (node:sqlite). One row per rule, the rule as validated JSON; `position` keeps the
 * user's order. Rows are re-validated on read so a hand-edited database can't feed the policy garbage.
 */
export class SqliteRuleStore implements RuleStore {
  constructor(private readonly db: DatabaseSync) {
    migrate(db, 'policy-rules', RULE_MIGRATIONS);
  }

  async list(user: string): Promise<Rule[]> {
    const rows = this.db.prepare('SELECT rule_json FROM policy_rules WHERE user = ? ORDER BY position, id').all(user) as {
      rule_json: string;
    }[];
    return rows.map((r) => RuleSchema.parse(JSON.parse(r.rule_json)));
  }

  async get(user: string, id: string): Promise<Rule | null> {
    const row = this.db.prepare('SELECT rule_json FROM policy_rules WHERE user = ? AND id = ?').get(user, id) as
      { rule_json: string } | undefined;
    return row ? RuleSchema.parse(JSON.parse(row.rule_json)) : null;
  }

  async put(user: string, input: RuleInput): Promise<Rule> {
    const rule = RuleSchema.parse(input);
    this.tx(() => {
      const existing = this.db.prepare('SELECT position FROM policy_rules WHERE user = ? AND id = ?').get(user, rule.id) as
        { position: number } | undefined;
      if (existing) {
        this.db
          .prepare('UPDATE policy_rules SET rule_json = ?, updated_at = ? WHERE user = ? AND id = ?')
          .run(JSON.stringify(rule), new Date().toISOString(), user, rule.id);
        return;
      }
      const { n, maxpos } = this.db
        .prepare('SELECT COUNT(*) AS n, COALESCE(MAX(position), -1) AS maxpos FROM policy_rules WHERE user = ?')
        .get(user) as { n: number; maxpos: number };
      if (n >= MAX_RULES_PER_USER) throw new RuleLimitError();
      this.db
        .prepare('INSERT INTO policy_rules (user, id, position, rule_json, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(user, rule.id, maxpos + 1, JSON.stringify(rule), new Date().toISOString());
    });
    return rule;
  }

  async replaceAll(user: string, input: readonly RuleInput[]): Promise<Rule[]> {
    const rules = RuleListSchema.parse(input);
    this.tx(() => {
      this.db.prepare('DELETE FROM policy_rules WHERE user = ?').run(user);
      const ins = this.db.prepare('INSERT INTO policy_rules (user, id, position, rule_json, updated_at) VALUES (?, ?, ?, ?, ?)');
      const at = new Date().toISOString();
      rules.forEach((r, i) => ins.run(user, r.id, i, JSON.stringify(r), at));
    });
    return rules;
  }

  async delete(user: string, id: string): Promise<boolean> {
    const res = this.db.prepare('DELETE FROM policy_rules WHERE user = ? AND id = ?').run(user, id);
    return Number(res.changes) > 0;
  }

  private tx<T>(fn: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const out = fn();
      this.db.exec('COMMIT');
      return out;
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    }
  }
}
