import { describe, expect, it } from 'vitest';
import { SHIPPED_FALLBACK, combineWithFallback } from '../../src/agent/intent/fallback.js';
import { OfflineIntentEngine, parseIntent } from '../../src/agent/intent/offline.js';
import { calendarOperation } from '../../src/agent/intent/operation.js';
import type { Intent } from '../../src/agent/intent/schema.js';
import { SHIPPED_LEXICON } from '../../src/agent/intent/vocabulary.js';
import { CORPUS_CONTACTS, CORPUS_NOW, CORPUS_TZ } from './corpus/types.js';

/**
 * The calendar operation detector (agent/intent/operation.ts): the operation comes from the request's verbs
 * and particles, whichever component chose the calendar change.
 */

const ctx = { now: CORPUS_NOW, timezone: CORPUS_TZ, history: [], contacts: CORPUS_CONTACTS };

describe('calendar operation detector', () => {
  it.each([
    ['the 2pm with maya needs to be pushed back half an hour', 'move'],
    ['the standup needs pushing back', 'move'],
    ['bring the design review forward to 10', 'move'],
    ['the sync should be moved to friday', 'move'],
    ['shift my 3pm to 4', 'move'],
    ['reschedule the retro', 'move'],
    ['can we do the review on thursday instead', 'move'],
    ['the 2pm with maya needs to happen later', 'move'],
    ['my 1:1 half an hour earlier please', 'move'],
    ["take tomorrow's standup off my calendar", 'cancel'],
    ['knock the 1:1 with sam off', 'cancel'],
    ['call off lunch with jordan', 'cancel'],
    ['scrap the planning meeting', 'cancel'],
    ['drop the friday demo', 'cancel'],
    ["I can't make the 4pm, say no", 'decline'],
    ['decline the all hands', 'decline'],
    ['say yes to the offsite invite', 'accept'],
    ["confirm I'll come to the workshop", 'accept'],
    ['accept the invite from maya', 'accept'],
  ] as const)('%s → %s', (text, op) => {
    expect(calendarOperation(text)).toBe(op);
  });

  it.each([
    'book a meeting with sam on friday at 2',
    'take friday afternoon off',
    'email sam and say no worries',
    'put lunch with priya in for thursday',
  ])('%s → no change to an existing event', (text) => {
    expect(calendarOperation(text)).toBeUndefined();
  });
});

describe('the operation does not depend on which component chose the calendar change', () => {
  it('a calendar change the fallback names takes its operation from the words, not "create"', () => {
    // Rules that saw nothing, so the model's calendar change stands: the operation comes from the words.
    const nothing: Intent = { tools: [], action: 'unknown', entities: { people: [], emails: [] }, needs_write: false };
    for (const [text, op] of [
      ['the 2pm with maya needs to be pushed back half an hour', 'move'],
      ["take tomorrow's standup off my calendar", 'cancel'],
    ] as const) {
      const got = combineWithFallback(nothing, text, ctx, SHIPPED_FALLBACK, SHIPPED_LEXICON);
      expect(got.action).toBe('schedule');
      expect(got.entities.operation).toBe(op);
    }
  });

  it.each([
    ['the 2pm with maya needs to be pushed back half an hour', 'move'],
    ["take tomorrow's standup off my calendar", 'cancel'],
    ['can we do the review on thursday instead', 'move'],
    ['the 2pm with maya needs to happen later', 'move'],
    ['my 1:1 half an hour earlier please', 'move'],
  ] as const)('%s: rules alone and rules + fallback agree on %s', async (text, op) => {
    const rules = parseIntent(text, ctx);
    const both = await new OfflineIntentEngine().analyze(text, ctx);
    expect(both.action).toBe('schedule');
    expect(both.entities.operation).toBe(op);
    if (rules.action === 'schedule') expect(rules.entities.operation).toBe(op);
  });
});

describe("a trailing change answers the invite; someone's own words in a message do not", () => {
  it.each([
    ["tell maya I'll be at her workshop, accept it", 'calendar', 'accept'],
    ["tell maya I'll be at her workshop accept it", 'calendar', 'accept'],
    ["tell sam I'll cancel it", 'gmail', undefined],
    ['email priya that we can cancel it', 'gmail', undefined],
  ] as const)('%s', async (text, tool, op) => {
    const got = await new OfflineIntentEngine().analyze(text, ctx);
    expect(got.tools).toEqual([tool]);
    expect(got.entities.operation).toBe(op);
  });
});
