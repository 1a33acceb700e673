import { describe, expect, it } from 'vitest';
import { type FallbackModel, combineWithFallback, fallbackFeatures, intentLabel, predictLabels } from '../../src/agent/intent/fallback.js';
import type { Intent } from '../../src/agent/intent/schema.js';
import { SHIPPED_LEXICON } from '../../src/agent/intent/vocabulary.js';
import { buildFallbackModel, serializeFallbackModel } from './corpus/fallbackFolds.js';
import { CORPUS_CONTACTS, CORPUS_NOW, CORPUS_TZ } from './corpus/types.js';

/**
 * The learned intent fallback (agent/intent/fallback.ts; figures: `npx tsx bench/intent-fallback.ts`). It is
 * not wired into OfflineIntentEngine: leave-one-batch-out did not show it helping (see the bench). These
 * tests pin what a later adoption relies on: a deterministic training, a model file that names no
 * provider, and a combination that only steps in where its policy says.
 */

const lex = SHIPPED_LEXICON;
const ctx = { now: CORPUS_NOW, timezone: CORPUS_TZ, history: [], contacts: CORPUS_CONTACTS };
let trained: string | undefined;
const modelFile = () => (trained ??= serializeFallbackModel(buildFallbackModel()));

describe('learned intent fallback: training', () => {
  it('training twice on the corpus gives the same model file, byte for byte', () => {
    const a = modelFile();
    const b = serializeFallbackModel(buildFallbackModel());
    expect(a.length).toBeGreaterThan(10_000);
    expect(b).toBe(a);
  });

  it('the model file names no provider: services appear as kinds', () => {
    const text = modelFile().toLowerCase();
    const kinds = new Set(['mail', 'calendar', 'chat']);
    const providerWords = [...lex.nameWords].filter((w) => !kinds.has(w));
    expect(providerWords.length).toBeGreaterThan(0);
    for (const w of providerWords) expect(text.includes(w), w).toBe(false);
    expect(text).toContain('"chat:post"');
  });

  it('features turn a service name, a channel, a contact and a time into kind tokens', () => {
    const f = fallbackFeatures('um, post in #deals on Slack that Dana joins at 3pm friday', ctx, lex);
    expect(f).toEqual(expect.arrayContaining(['w:svcchat', 'w:hashchannel', 'w:person', 'w:clocktime', 'w:weekday', 'f:chatword']));
    expect(f.some((x) => /slack|dana|deals|friday|\bum\b/.test(x))).toBe(false);
  });
});

describe('learned intent fallback: combination', () => {
  // A two-label model that is sure "pushed back" is a calendar change.
  const model = (policy: FallbackModel['policy']): FallbackModel => ({
    version: 1,
    labels: ['-:unknown', 'calendar:schedule'],
    bias: [0, 0],
    weights: { 'w:pushed': [-3, 3], 'w:maybe': [0, 0.5] },
    policy,
  });
  const unknown: Intent = { tools: [], action: 'unknown', entities: { people: [], emails: [] }, needs_write: false };
  const text = 'the 2pm with maya got pushed back, can you move it';

  it('steps in on the rules’ unknown when confident, with the operation the words say', () => {
    expect(predictLabels(model({ unknownThreshold: 0.9, overrideThreshold: 2 }), fallbackFeatures(text, ctx, lex))[0]?.label).toBe(
      'calendar:schedule',
    );
    const got = combineWithFallback(unknown, text, ctx, model({ unknownThreshold: 0.9, overrideThreshold: 2 }), lex);
    expect(got.tools).toEqual([lex.calendar]);
    expect(got.action).toBe('schedule');
    expect(got.entities.operation).toBe('move');
    expect(got.needs_write).toBe(true);
  });

  it('keeps the rules below its threshold, for a remember note, and while a question is open', () => {
    const policy = { unknownThreshold: 0.9, overrideThreshold: 2 };
    expect(combineWithFallback(unknown, 'maybe later', ctx, model(policy), lex)).toBe(unknown);
    const note: Intent = {
      tools: [],
      action: 'unknown',
      entities: { people: [], emails: [], remember: 'pushed back is fine' },
      needs_write: false,
    };
    expect(combineWithFallback(note, 'remember that pushed back is fine', ctx, model(policy), lex)).toBe(note);
    const pending = {
      ...ctx,
      pending: { tools: [lex.mail], action: 'send' as const, entities: { people: [], emails: [] }, missing: 'message' as const },
    };
    expect(combineWithFallback(unknown, text, pending, model(policy), lex)).toBe(unknown);
  });

  it('overrides a rule answer only at the override confidence', () => {
    const read: Intent = { tools: [lex.calendar], action: 'read', entities: { people: [], emails: [] }, needs_write: false };
    expect(combineWithFallback(read, text, ctx, model({ unknownThreshold: 0.5, overrideThreshold: 2 }), lex)).toBe(read);
    const got = combineWithFallback(read, text, ctx, model({ unknownThreshold: 2, overrideThreshold: 0.99 }), lex);
    expect(intentLabel(got.tools, got.action, lex)).toBe('calendar:schedule');
  });
});
