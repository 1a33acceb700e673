import { describe, expect, it } from 'vitest';
import { describeRule, ruleWhenOf } from '../src/components/ruleWording.js';

describe('rules in plain words', () => {
  it('describes a rule as a sentence', () => {
    expect(describeRule({ effect: 'deny', when: { tool: 'slack', channel: 'general' } })).toBe('Never do Slack actions in #general');
    expect(describeRule({ effect: 'require_confirm', when: { keyword_any: ['invoice', 'wire'], min_recipients: 5 } })).toBe(
      'Always ask me in the app for any actions mentioning “invoice” or “wire”, reaching 5 or more people',
    );
  });

  it('validates the form before anything is sent, in words that say what to fix', () => {
    expect(ruleWhenOf({ effect: 'deny', tool: '', condition: '', value: '' })).toMatchObject({ ok: false, field: 'condition' });
    expect(ruleWhenOf({ effect: 'deny', tool: 'gmail', condition: 'recipient_outside_domain', value: 'nope' })).toEqual({
      ok: false,
      field: 'value',
      message: 'Enter a domain such as example.com.',
    });
    expect(ruleWhenOf({ effect: 'deny', tool: 'gmail', condition: 'recipient_outside_domain', value: '@Example.COM' })).toEqual({
      ok: true,
      when: { tool: 'gmail', recipient_outside_domain: 'example.com' },
    });
    expect(ruleWhenOf({ effect: 'deny', tool: '', condition: 'min_score', value: '101' })).toMatchObject({
      ok: false,
      message: 'Enter a whole number from 0 to 100.',
    });
    expect(ruleWhenOf({ effect: 'deny', tool: '', condition: 'keyword_any', value: ' nda , , salary ' })).toEqual({
      ok: true,
      when: { keyword_any: ['nda', 'salary'] },
    });
    expect(ruleWhenOf({ effect: 'deny', tool: 'slack', condition: 'channel', value: '#General' })).toEqual({
      ok: true,
      when: { tool: 'slack', channel: 'general' },
    });
  });
});
