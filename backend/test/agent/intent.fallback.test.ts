import { readFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import {
  type FallbackModel,
  SHIPPED_FALLBACK,
  combineWithFallback,
  fallbackFeatures,
  intentLabel,
  predictLabels,
} from '../../src/agent/intent/fallback.js';
import { OfflineIntentEngine, parseIntent } from '../../src/agent/intent/offline.js';
import type { Intent } from '../../src/agent/intent/schema.js';
import { SHIPPED_LEXICON } from '../../src/agent/intent/vocabulary.js';
import { buildFallbackModel, serializeFallbackModel } from './corpus/fallbackFolds.js';
import { HELD_OUT_CORPUS } from './corpus/heldOut.js';
import { PERTURBATIONS, perturbable } from './corpus/perturb.js';
import { DEV_CORPUS } from './corpus/requests.js';
import { CORPUS_CONTACTS, CORPUS_NOW, CORPUS_TZ, type CorpusCase, corpusContext } from './corpus/types.js';

/**
 * The learned intent fallback (agent/intent/fallback.ts; figures: `npx tsx bench/intent-fallback.ts`): a
 * deterministic training whose output is the committed model file, a file that names no provider, a
 * combination that only steps in where its policy says, and the offline engine using it.
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
    // Two full trainings with the policy's cross-validation: seconds each, more on a busy machine.
  }, 120_000);

  it('the committed model file is what training on the corpus gives (after a corpus change: npx tsx scripts/train-intent-fallback.ts)', async () => {
    const path = new URL('../../src/agent/intent/fallbackModel.json', import.meta.url);
    const expected = await prettier.format(modelFile(), { ...(await prettier.resolveConfig(path)), filepath: path.pathname });
    expect(readFileSync(path, 'utf8') === expected).toBe(true);
  }, 120_000);

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

  it('never narrows services the request names outright, each of them', () => {
    const both: Intent = { tools: [lex.mail, lex.chat], action: 'read', entities: { people: [], emails: [] }, needs_write: false };
    const eager = model({ unknownThreshold: 0.5, overrideThreshold: 0.5 });
    expect(combineWithFallback(both, 'check my email and slack for what got pushed', ctx, eager, lex)).toBe(both);
    // Only one of them named: the model may still step in.
    const got = combineWithFallback(both, 'check my email for what got pushed', ctx, eager, lex);
    expect(intentLabel(got.tools, got.action, lex)).toBe('calendar:schedule');
  });
});

describe('offline engine with the shipped fallback', () => {
  // Wording the rules leave unknown (no verb at all) and the model reads as a new calendar event.
  const text = 'tea with maya at 4 on friday';

  it('uses the model where the rules leave a request unknown', async () => {
    expect(parseIntent(text, ctx).action).toBe('unknown');
    expect((await new OfflineIntentEngine({ fallback: null }).analyze(text, ctx)).action).toBe('unknown');
    const got = await new OfflineIntentEngine().analyze(text, ctx);
    expect(got.tools).toEqual([lex.calendar]);
    expect(got.action).toBe('schedule');
    expect(got.needs_write).toBe(true);
    expect(got.engine).toBe('offline');
  });

  it('keeps out of a question the rules ruled out, which the model alone would take for a calendar request', async () => {
    const engine = new OfflineIntentEngine();
    const ruledOutTexts = [
      'set an alarm for 7am tomorrow',
      'will it rain on saturday',
      'set an alarm for 6am on monday',
      'will it snow tomorrow morning',
    ];
    let modelWouldBook = 0;
    for (const text of ruledOutTexts) {
      const rules = parseIntent(text, ctx);
      expect(rules.action).toBe('unknown');
      if (combineWithFallback(rules, text, ctx, SHIPPED_FALLBACK, lex).tools.includes(lex.calendar)) modelWouldBook++;
      expect(await engine.analyze(text, ctx)).toMatchObject({ tools: [], action: 'unknown' });
    }
    // Which of them the model alone misreads changes with each retraining; that some do is what makes the guard matter.
    expect(modelWouldBook).toBeGreaterThan(0);
  });

  it('keeps a remark and a remember note as the rules read them', async () => {
    const engine = new OfflineIntentEngine();
    expect((await engine.analyze("that's perfect, thanks vouch", ctx)).action).toBe('unknown');
    const note = await engine.analyze('remember that priya prefers mornings for meetings', ctx);
    expect(note.action).toBe('unknown');
    expect(note.entities.remember).toBe('priya prefers mornings for meetings');
  });
});

describe('spoken variants through the engine with its fallback', () => {
  it('wake words, hesitations, politeness, lower case and lost punctuation never change tools or action', async () => {
    const engine = new OfflineIntentEngine();
    const same = (c: CorpusCase, got: Intent) =>
      JSON.stringify([...got.tools].sort()) === JSON.stringify([...c.tools].sort()) && got.action === c.action;
    const broken: string[] = [];
    let n = 0;
    for (const c of [...DEV_CORPUS, ...HELD_OUT_CORPUS].filter(perturbable)) {
      if (!same(c, await engine.analyze(c.text, corpusContext(c)))) continue;
      for (const [name, vary] of PERTURBATIONS) {
        const got = await engine.analyze(vary(c.text), corpusContext(c));
        n++;
        if (!same(c, got)) broken.push(`[${name}] ${vary(c.text)} → ${got.tools.join('+')} ${got.action}`);
      }
    }
    expect(n).toBeGreaterThan(2000);
    expect(broken, broken.join('\n')).toEqual([]);
  });
});
