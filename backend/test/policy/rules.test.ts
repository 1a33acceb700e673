import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { InMemoryRuleStore, MAX_RULES_PER_USER, parseRule, parseRules, SqliteRuleStore } from '../../src/policy/index.js';
import { describeRuleStoreContract, GOOD_RULE } from '../contracts/ruleStoreContract.js';

const good = GOOD_RULE;

describe('rule validation', () => {
  it('accepts the documented examples and normalises them', () => {
    const r = parseRules([
      good,
      { id: 'no-general', effect: 'deny', when: { channel: '#General' }, description: 'never post to #general' },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rules[0]?.when.recipient_outside_domain).toBe('example.com');
    expect(r.rules[1]?.when.channel).toBe('general');
    expect(r.rules[1]?.enabled).toBe(true);
  });

  it.each([
    ['unknown effect', { ...good, effect: 'maybe' }, 'effect'],
    ['empty when', { ...good, when: {} }, 'when'],
    ['unknown condition', { ...good, when: { tool: 'gmail', subject_contains: 'x' } }, 'when'],
    ['unknown top-level key', { ...good, priority: 1 }, '(root)'],
    ['bad domain', { ...good, when: { recipient_outside_domain: 'not a domain' } }, 'when.recipient_outside_domain'],
    ['bad channel', { ...good, when: { channel: '#two words' } }, 'when.channel'],
    ['bad tool', { ...good, when: { tool: 'fax' } }, 'when.tool'],
    ['empty keyword list', { ...good, when: { keyword_any: [] } }, 'when.keyword_any'],
    ['negative min_recipients', { ...good, when: { min_recipients: 0 } }, 'when.min_recipients'],
    ['min_score over 100', { ...good, when: { min_score: 101 } }, 'when.min_score'],
    ['bad id', { ...good, id: 'has space' }, 'id'],
    ['missing description', { ...good, description: '  ' }, 'description'],
  ])('refuses %s with a path', (_name, input, path) => {
    const r = parseRule(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toContain(path);
    expect(r.errors.every((e) => e.message.length > 0)).toBe(true);
  });

  it('refuses duplicate ids and too many rules in a list', () => {
    const dup = parseRules([good, good]);
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.errors[0]).toMatchObject({ path: '1.id', message: 'duplicate rule id "outside-step-up"' });
    const many = parseRules(Array.from({ length: MAX_RULES_PER_USER + 1 }, (_, i) => ({ ...good, id: `r${i}` })));
    expect(many.ok).toBe(false);
    expect(parseRules('nope').ok).toBe(false);
  });
});

describeRuleStoreContract('in-memory', async () => new InMemoryRuleStore());
describeRuleStoreContract('sqlite', async () => new SqliteRuleStore(new DatabaseSync(':memory:')));

describe('SqliteRuleStore', () => {
  it('creates its table once and reads what another instance wrote', async () => {
    const db = new DatabaseSync(':memory:');
    await new SqliteRuleStore(db).put('u', good);
    expect((await new SqliteRuleStore(db).list('u')).map((r) => r.id)).toEqual(['outside-step-up']);
  });

  it('refuses a hand-edited row that is not a valid rule', async () => {
    const db = new DatabaseSync(':memory:');
    const s = new SqliteRuleStore(db);
    await s.put('u', good);
    db.prepare('UPDATE policy_rules SET rule_json = \'{"id":"x"}\'').run();
    await expect(s.list('u')).rejects.toThrow();
  });
});
