import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { InMemoryRuleStore, MAX_RULES_PER_USER, parseRule, parseRules, RuleLimitError, SqliteRuleStore, type RuleInput, type RuleStore } from '../../src/policy/index.js';

const good: RuleInput = { id: 'outside-step-up', effect: 'require_step_up', when: { tool: 'gmail', recipient_outside_domain: '@Example.COM' }, description: 'email outside example.com needs step-up' };

describe('rule validation', () => {
  it('accepts the documented examples and normalises them', () => {
    const r = parseRules([good, { id: 'no-general', effect: 'deny', when: { channel: '#General' }, description: 'never post to #general' }]);
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

const stores: [string, () => RuleStore][] = [
  ['in-memory', () => new InMemoryRuleStore()],
  ['sqlite', () => new SqliteRuleStore(new DatabaseSync(':memory:'))],
];

describe.each(stores)('RuleStore (%s)', (_name, make) => {
  it('puts, lists in order, replaces in place, deletes, per user', async () => {
    const s = make();
    await s.put('u1', good);
    await s.put('u1', { id: 'b', effect: 'deny', when: { channel: 'general' }, description: 'no' });
    await s.put('u1', { ...good, description: 'changed' });
    await s.put('u2', { id: 'c', effect: 'allow', when: { tool: 'calendar' }, description: 'ok' });
    expect((await s.list('u1')).map((r) => [r.id, r.description])).toEqual([
      ['outside-step-up', 'changed'],
      ['b', 'no'],
    ]);
    expect((await s.get('u2', 'c'))?.effect).toBe('allow');
    expect(await s.get('u2', 'outside-step-up')).toBeNull();
    expect(await s.delete('u1', 'outside-step-up')).toBe(true);
    expect(await s.delete('u1', 'outside-step-up')).toBe(false);
    expect((await s.list('u1')).map((r) => r.id)).toEqual(['b']);
  });

  it('validates on write and keeps the old list when a replace is invalid', async () => {
    const s = make();
    await s.replaceAll('u', [good]);
    await expect(s.put('u', { ...good, when: {} })).rejects.toThrow();
    await expect(s.replaceAll('u', [good, good])).rejects.toThrow(/duplicate/);
    expect((await s.list('u')).map((r) => r.id)).toEqual(['outside-step-up']);
    const replaced = await s.replaceAll('u', [{ id: 'z', effect: 'deny', when: { tool: 'slack' }, description: 'z' }, good]);
    expect(replaced.map((r) => r.id)).toEqual(['z', 'outside-step-up']);
    expect((await s.list('u')).map((r) => r.id)).toEqual(['z', 'outside-step-up']);
  });

  it('caps rules per user', async () => {
    const s = make();
    await s.replaceAll('u', Array.from({ length: MAX_RULES_PER_USER }, (_, i) => ({ ...good, id: `r${i}` })));
    await expect(s.put('u', { ...good, id: 'one-more' })).rejects.toBeInstanceOf(RuleLimitError);
  });
});

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
    db.prepare("UPDATE policy_rules SET rule_json = '{\"id\":\"x\"}'").run();
    await expect(s.list('u')).rejects.toThrow();
  });
});
