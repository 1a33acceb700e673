import { VouchError } from '../protocol/vouchError.js';
import { MAX_RULES_PER_USER, RuleListSchema, RuleSchema, type Rule, type RuleInput } from './rules.js';

/**
 * Where each user's rules live. Async so a networked store can implement it; every write validates
 * with the same zod schema the HTTP endpoints use, so a store never holds a rule the policy can't read.
 * List order is the user's order (it decides which rule is reported when several of one effect match).
 */
export interface RuleStore {
  list(user: string): Promise<Rule[]>;
  get(user: string, id: string): Promise<Rule | null>;
  /** Inserts, or replaces in place a rule with the same id. */
  put(user: string, rule: RuleInput): Promise<Rule>;
  replaceAll(user: string, rules: readonly RuleInput[]): Promise<Rule[]>;
  delete(user: string, id: string): Promise<boolean>;
}

export class RuleLimitError extends VouchError {
  static override readonly code = 'RULE_LIMIT_REACHED';
  constructor() {
    super(`at most ${MAX_RULES_PER_USER} rules per user`);
    this.name = 'RuleLimitError';
  }
}

export class InMemoryRuleStore implements RuleStore {
  private readonly byUser = new Map<string, Rule[]>();

  async list(user: string): Promise<Rule[]> {
    return structuredClone(this.byUser.get(user) ?? []);
  }

  async get(user: string, id: string): Promise<Rule | null> {
    const r = this.byUser.get(user)?.find((x) => x.id === id);
    return r ? structuredClone(r) : null;
  }

  async put(user: string, input: RuleInput): Promise<Rule> {
    const rule = RuleSchema.parse(input);
    const rules = this.byUser.get(user) ?? [];
    const i = rules.findIndex((r) => r.id === rule.id);
    if (i >= 0) rules[i] = rule;
    else {
      if (rules.length >= MAX_RULES_PER_USER) throw new RuleLimitError();
      rules.push(rule);
    }
    this.byUser.set(user, rules);
    return structuredClone(rule);
  }

  async replaceAll(user: string, input: readonly RuleInput[]): Promise<Rule[]> {
    const rules = RuleListSchema.parse(input);
    this.byUser.set(user, rules);
    return structuredClone(rules);
  }

  async delete(user: string, id: string): Promise<boolean> {
    const rules = this.byUser.get(user) ?? [];
    const i = rules.findIndex((r) => r.id === id);
    if (i < 0) return false;
    rules.splice(i, 1);
    return true;
  }
}
