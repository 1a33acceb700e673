import { describe, expect, it } from 'vitest';
import { MAX_RULES_PER_USER, RuleLimitError, type RuleInput, type RuleStore } from '../../src/policy/index.js';

/** What every RuleStore must do; `make` returns an empty store. Run against in-memory, SQLite and PostgreSQL. */
export const GOOD_RULE: RuleInput = {
  id: 'outside-step-up',
  effect: 'require_step_up',
  when: { tool: 'gmail', recipient_outside_domain: '@Example.COM' },
  description: 'email outside example.com needs step-up',
};
const good = GOOD_RULE;

export function describeRuleStoreContract(name: string, make: () => Promise<RuleStore>): void {
  describe(`RuleStore contract (${name})`, () => {
    it('puts, lists in order, replaces in place, deletes, per user', async () => {
      const s = await make();
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
      const s = await make();
      await s.replaceAll('u', [good]);
      await expect(s.put('u', { ...good, when: {} })).rejects.toThrow();
      await expect(s.replaceAll('u', [good, good])).rejects.toThrow(/duplicate/);
      expect((await s.list('u')).map((r) => r.id)).toEqual(['outside-step-up']);
      const replaced = await s.replaceAll('u', [{ id: 'z', effect: 'deny', when: { tool: 'slack' }, description: 'z' }, good]);
      expect(replaced.map((r) => r.id)).toEqual(['z', 'outside-step-up']);
      expect((await s.list('u')).map((r) => r.id)).toEqual(['z', 'outside-step-up']);
    });

    it('caps rules per user', async () => {
      const s = await make();
      await s.replaceAll(
        'u',
        Array.from({ length: MAX_RULES_PER_USER }, (_, i) => ({ ...good, id: `r${i}` })),
      );
      await expect(s.put('u', { ...good, id: 'one-more' })).rejects.toBeInstanceOf(RuleLimitError);
    });
  });
}
