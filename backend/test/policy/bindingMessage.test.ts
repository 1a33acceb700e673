import { describe, expect, it } from 'vitest';
import {
  BINDING_MESSAGE_FALLBACK,
  buildBindingMessage,
  finalizeBindingMessage,
  ProposedAction,
  sanitizeBindingText,
} from '../../src/policy/index.js';

const VALID = /^[A-Za-z0-9 +\-_.,:#]{1,64}$/;
const act = (a: Parameters<typeof ProposedAction.parse>[0]) => ProposedAction.parse(a);

describe('CIBA binding message', () => {
  it.each([
    [
      'the NDA email',
      act({ tool: 'gmail', action: 'send', recipients: ['dana@northwind.io'], subject: 'NDA' }),
      'Send email to dana at northwind.io: NDA',
    ],
    [
      'several recipients, no known domain: all named',
      act({ tool: 'gmail', action: 'send', recipients: ['a@x.io', 'b@x.io'], cc: ['c@x.io'], subject: 'Q3' }),
      'Send email to a at x.io, b at x.io, c at x.io: Q3',
    ],
    ['a Slack post', act({ tool: 'slack', action: 'post', channel: 'team', body: 'Standup at 10!' }), 'Post to #team: Standup at 10'],
    [
      'a Slack direct message names the person, not a channel',
      act({ tool: 'slack', action: 'post', recipients: ['dana@northwind.io'], body: 'Running late' }),
      'Message dana at northwind.io: Running late',
    ],
    [
      'an event',
      act({ tool: 'calendar', action: 'schedule', title: 'Coffee & chat', attendees: ['dana@northwind.io'] }),
      'Schedule event with dana at northwind.io: Coffee and chat',
    ],
    ['a cancel', act({ tool: 'calendar', action: 'cancel', title: 'Sync' }), 'Cancel event: Sync'],
  ])('%s', (_n, a, expected) => {
    expect(buildBindingMessage(a)).toBe(expected);
  });

  it('folds accents and drops emoji and symbols, collapsing spaces', () => {
    expect(sanitizeBindingText('Réunion à Zürich 🎉🎉  — café “déjà” vu\t\n ok')).toBe('Reunion a Zurich - cafe deja vu ok');
    expect(sanitizeBindingText('Straße Ærø Łódź')).toBe('Strasse AEro Lodz');
    expect(finalizeBindingMessage('Pay $1,250.00 (50%) <now>')).toBe('Pay 1,250.00 50 pct now');
  });

  it('is never empty: text with no allowed characters falls back', () => {
    expect(finalizeBindingMessage('日本語のメール 🙂')).toBe(BINDING_MESSAGE_FALLBACK);
    expect(finalizeBindingMessage('')).toBe(BINDING_MESSAGE_FALLBACK);
    expect(buildBindingMessage(act({ tool: 'slack', action: 'post', channel: 'team', body: '🙂🙂' }))).toBe('Post to #team');
  });

  it('cuts long input to 64 at a word boundary, without trailing punctuation', () => {
    const m = buildBindingMessage(
      act({
        tool: 'gmail',
        action: 'send',
        recipients: ['dana@northwind.io'],
        subject: 'Mutual NDA for the Northwind partnership, final version, please sign',
      }),
    );
    expect(m.length).toBeLessThanOrEqual(64);
    expect(m).toMatch(VALID);
    expect(m).toBe('Send email to dana at northwind.io: Mutual NDA for the Northwind');
    expect(finalizeBindingMessage('x'.repeat(500))).toBe('x'.repeat(64));
  });

  it('keeps a reference code whole at the end', () => {
    const m = finalizeBindingMessage('Send email to dana at northwind.io: Mutual NDA for the Northwind partnership', 'K7Q2');
    expect(m.endsWith(' #K7Q2')).toBe(true);
    expect(m.length).toBeLessThanOrEqual(64);
    expect(finalizeBindingMessage('🙂', 'K7Q2')).toBe(`${BINDING_MESSAGE_FALLBACK} #K7Q2`);
  });

  it('always yields an Auth0-valid message for arbitrary unicode (seeded fuzz)', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pools = ['abcXYZ019 ', '@&%$!?()[]{}<>"\'\\/|~`^*=;', 'éüßøłæ', '日本語한국어', '🎉🙂👍🏽', '\u0000\u200b\u00a0\t\n', '+-_.,:#'];
    for (let i = 0; i < 2000; i++) {
      const len = Math.floor(rnd() * 120);
      let s = '';
      for (let j = 0; j < len; j++) {
        const pool = [...(pools[Math.floor(rnd() * pools.length)] ?? 'a')];
        s += pool[Math.floor(rnd() * pool.length)] ?? '';
      }
      const m = finalizeBindingMessage(s, rnd() < 0.3 ? 'R9' : undefined);
      expect(m).toMatch(VALID);
      expect(m).not.toMatch(/^\s|\s$|\s\s/);
    }
  });

  describe('names recipients outside the domain and ends with the content code', () => {
    const code = 'A1B2C3';
    it('the outsider hidden among colleagues is named; colleagues are counted', () => {
      const a = act({
        tool: 'gmail',
        action: 'send',
        recipients: ['sam@example.com', 'kim@example.com'],
        cc: ['eve@evil.test'],
        subject: 'Q3 numbers',
      });
      const m = buildBindingMessage(a, { code, userDomain: 'example.com' });
      expect(m).toBe('Send email to eve at evil.test +2 at example.com: Q3 #A1B2C3');
      expect(m).toMatch(VALID);
    });

    it('only colleagues: the first one and a count, as before', () => {
      const a = act({ tool: 'gmail', action: 'send', recipients: ['sam@example.com', 'kim@mail.example.com'], subject: 'Lunch' });
      expect(buildBindingMessage(a, { code, userDomain: 'example.com' })).toBe('Send email to sam at example.com +1: Lunch #A1B2C3');
    });

    it('outsiders first, the subject gives way, and the code is never cut', () => {
      const a = act({
        tool: 'gmail',
        action: 'send',
        recipients: ['dan@nw.io', 'eve@evil.test', 'sam@example.com'],
        subject: 'A subject much too long to fit here',
      });
      const m = buildBindingMessage(a, { code, userDomain: 'example.com' });
      expect(m).toMatch(VALID);
      expect(m).toBe('Send email to dan at nw.io, eve at evil.test +1 internal #A1B2C3');
      expect(m.endsWith(' #A1B2C3')).toBe(true);
    });

    it('more outsiders than fit: as many as fit, then how many more', () => {
      const many = Array.from({ length: 6 }, (_, i) => `person${i}@outside${i}.test`);
      const m = buildBindingMessage(act({ tool: 'gmail', action: 'send', recipients: many, subject: 'Hi' }), {
        code,
        userDomain: 'example.com',
      });
      expect(m).toMatch(VALID);
      expect(m).toBe('Send email to person0 at outside0.test +5 more outside #A1B2C3');
      const few = buildBindingMessage(
        act({ tool: 'gmail', action: 'send', recipients: ['a@b.io', 'c@d.io', 'e@f.io', 'g@h.io', 'i@j.io', 'k@l.io'] }),
        { code, userDomain: 'example.com' },
      );
      expect(few).toBe('Send email to a at b.io, c at d.io +4 more outside #A1B2C3');
    });

    it('stays Auth0-valid for any mix of long and odd addresses', () => {
      let seed = 7;
      const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      for (let i = 0; i < 500; i++) {
        const n = 1 + Math.floor(rnd() * 8);
        const to = Array.from(
          { length: n },
          (_, j) => `${'x'.repeat(1 + Math.floor(rnd() * 60))}.${j}@${rnd() < 0.5 ? 'example.com' : `d${j}.test`}`,
        );
        const m = buildBindingMessage(act({ tool: 'gmail', action: 'send', recipients: to, subject: 'S' }), {
          code,
          userDomain: 'example.com',
        });
        expect(m).toMatch(VALID);
        expect(m.endsWith(' #A1B2C3')).toBe(true);
      }
    });
  });
});
