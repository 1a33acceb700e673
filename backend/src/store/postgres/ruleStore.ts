import { MAX_RULES_PER_USER, RuleListSchema, RuleSchema, type Rule, type RuleInput } from '../../policy/rules.js';
import { RuleLimitError, type RuleStore } from '../../policy/ruleStore.js';
import { withTransaction, type PgClient, type PgPool } from './pool.js';

/**
 * Rules in PostgreSQL: one row per rule, the validated rule as JSON text, `position` for the user's
 * order. Writes for one user take a transaction-scoped advisory lock on that user, so the per-user
 * cap and the positions hold when two instances write at once. Rows are re-validated on read.
 */
export class PostgresRuleStore implements RuleStore {
  constructor(private readonly pool: PgPool) {}

  async list(user: string): Promise<Rule[]> {
    const { rows } = await this.pool.query<{ rule_json: string }>(
      'SELECT rule_json FROM policy_rules WHERE user_id = $1 ORDER BY position, id',
      [user],
    );
    return rows.map((r) => RuleSchema.parse(JSON.parse(r.rule_json)));
  }

  async get(user: string, id: string): Promise<Rule | null> {
    const { rows } = await this.pool.query<{ rule_json: string }>('SELECT rule_json FROM policy_rules WHERE user_id = $1 AND id = $2', [
      user,
      id,
    ]);
    return rows[0] ? RuleSchema.parse(JSON.parse(rows[0].rule_json)) : null;
  }

  async put(user: string, input: RuleInput): Promise<Rule> {
    const rule = RuleSchema.parse(input);
    await withTransaction(this.pool, async (c) => {
      await lockUser(c, user);
      const updated = await c.query('UPDATE policy_rules SET rule_json = $3, updated_at = now() WHERE user_id = $1 AND id = $2', [
        user,
        rule.id,
        JSON.stringify(rule),
      ]);
      if (updated.rowCount) return;
      const { rows } = await c.query<{ n: number; maxpos: number }>(
        'SELECT COUNT(*)::int AS n, COALESCE(MAX(position), -1) AS maxpos FROM policy_rules WHERE user_id = $1',
        [user],
      );
      const { n, maxpos } = rows[0] as { n: number; maxpos: number };
      if (n >= MAX_RULES_PER_USER) throw new RuleLimitError();
      await c.query('INSERT INTO policy_rules (user_id, id, position, rule_json) VALUES ($1, $2, $3, $4)', [
        user,
        rule.id,
        maxpos + 1,
        JSON.stringify(rule),
      ]);
    });
    return rule;
  }

  async replaceAll(user: string, input: readonly RuleInput[]): Promise<Rule[]> {
    const rules = RuleListSchema.parse(input);
    await withTransaction(this.pool, async (c) => {
      await lockUser(c, user);
      await c.query('DELETE FROM policy_rules WHERE user_id = $1', [user]);
      if (rules.length === 0) return;
      await c.query(
        `INSERT INTO policy_rules (user_id, id, position, rule_json)
         SELECT $1, r.id, r.position, r.rule_json FROM unnest($2::text[], $3::int[], $4::text[]) AS r(id, position, rule_json)`,
        [user, rules.map((r) => r.id), rules.map((_, i) => i), rules.map((r) => JSON.stringify(r))],
      );
    });
    return rules;
  }

  async delete(user: string, id: string): Promise<boolean> {
    const res = await this.pool.query('DELETE FROM policy_rules WHERE user_id = $1 AND id = $2', [user, id]);
    return (res.rowCount ?? 0) > 0;
  }
}

async function lockUser(c: PgClient, user: string): Promise<void> {
  // A 64-bit hash of the user id; a collision only makes two users' rule writes take turns.
  await c.query("SELECT pg_advisory_xact_lock(hashtextextended('policy_rules:' || $1, 0))", [user]);
}
