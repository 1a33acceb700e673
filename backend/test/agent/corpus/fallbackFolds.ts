import {
  type FallbackModel,
  type TrainingExample,
  combineWithFallback,
  fallbackChoice,
  fallbackFeatures,
  intentLabel,
  labelIntent,
  namesEachService,
  predictLabels,
  trainFallback,
} from '../../../src/agent/intent/fallback.js';
import { parseIntent, ruledOut } from '../../../src/agent/intent/offline.js';
import type { Intent } from '../../../src/agent/intent/schema.js';
import { SHIPPED_LEXICON } from '../../../src/agent/intent/vocabulary.js';
import FIRST_RULES from './firstMeasuredRules.json' with { type: 'json' };
import { HELD_OUT_BATCHES } from './heldOut.js';
import { DEV_CORPUS } from './requests.js';
import { scoreCorpusCase } from './score.js';
import { type CorpusCase, corpusContext } from './types.js';

/**
 * Batch-wise cross-validation of the learned intent fallback (backend/src/agent/intent/fallback.ts): the
 * labelled corpus in its batches (development set + every held-out batch), the rules' answer per request,
 * and the choice of combination policy from out-of-fold predictions on training batches only.
 */

export interface LabelledCase {
  group: string;
  c: CorpusCase;
  example: TrainingExample;
  /** The rules' intent (without any fallback). */
  rules: Intent;
}

export const LEX = SHIPPED_LEXICON;

/** Every labelled request, grouped by the batch it was written in. */
export function labelledCorpus(): LabelledCase[] {
  const groups = [{ name: 'development', cases: DEV_CORPUS }, ...HELD_OUT_BATCHES];
  return groups.flatMap(({ name, cases }) =>
    cases.map((c) => {
      const ctx = corpusContext(c);
      return {
        group: name,
        c,
        example: { features: fallbackFeatures(c.text, ctx, LEX), label: intentLabel(c.tools, c.action, LEX) },
        rules: parseIntent(c.text, ctx),
      };
    }),
  );
}

export const NEVER = 2;
const UNKNOWN_GRID = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, NEVER];
const OVERRIDE_GRID = [0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999, NEVER];

/** The policy a trained model is combined with, for models trained only to be evaluated. */
const PLACEHOLDER_POLICY: FallbackModel['policy'] = { unknownThreshold: NEVER, overrideThreshold: NEVER };

export function train(cases: readonly LabelledCase[], policy: FallbackModel['policy'] = PLACEHOLDER_POLICY): FallbackModel {
  return trainFallback(
    cases.map((x) => x.example),
    policy,
  );
}

export function combined(x: LabelledCase, model: FallbackModel): Intent {
  if (x.rules.action === 'unknown' && ruledOut(x.c.text)) return x.rules;
  return combineWithFallback(x.rules, x.c.text, corpusContext(x.c), model, LEX);
}

export const toolsActionOk = (x: LabelledCase, got: Intent) => scoreCorpusCase(x.c, got).toolsAction;

/**
 * The policy with the most right tools+action over `cases`, each predicted by a model trained without
 * its own batch (k folds by batch). On a tie, `conservative` keeps the higher thresholds, `permissive` the
 * lower: the rules were fixed on these very batches, so they look right on nearly all of them and the
 * training folds can show what stepping in costs but hardly what it gains; `permissive` steps in as far as
 * it costs nothing there.
 */
export type TieBreak = 'conservative' | 'permissive';

export function choosePolicy(cases: readonly LabelledCase[], tieBreak: TieBreak, k = 4): FallbackModel['policy'] {
  const groups = [...new Set(cases.map((x) => x.group))];
  const fold = (g: string) => groups.indexOf(g) % k;
  const models = Array.from({ length: k }, (_, f) => train(cases.filter((x) => fold(x.group) !== f)));
  let best = PLACEHOLDER_POLICY;
  let bestScore = -1;
  for (const unknownThreshold of UNKNOWN_GRID) {
    for (const overrideThreshold of OVERRIDE_GRID) {
      const policy = { unknownThreshold, overrideThreshold };
      let score = 0;
      for (const x of cases) score += Number(toolsActionOk(x, combined(x, { ...models[fold(x.group)]!, policy })));
      const higher = unknownThreshold + overrideThreshold > best.unknownThreshold + best.overrideThreshold;
      if (score > bestScore || (score === bestScore && higher === (tieBreak === 'conservative'))) {
        best = policy;
        bestScore = score;
      }
    }
  }
  return best;
}

export interface FoldResult {
  group: string;
  n: number;
  rules: number;
  model: number;
  combined: number;
  policy: FallbackModel['policy'];
  /** Requests the combination changed, with whether that helped. */
  changed: Array<{ text: string; from: string; to: string; right: boolean }>;
}

/** Leave one batch out: for each batch, the model (and the policy, unless one is given) come from the other batches only. */
export function leaveOneBatchOut(
  all: readonly LabelledCase[],
  tieBreak: TieBreak | FallbackModel['policy'],
  only?: (group: string) => boolean,
): FoldResult[] {
  const groups = [...new Set(all.map((x) => x.group))].filter((g) => !only || only(g));
  return groups.map((group) => {
    const training = all.filter((x) => x.group !== group);
    const policy = typeof tieBreak === 'string' ? choosePolicy(training, tieBreak) : tieBreak;
    const model = train(training, policy);
    const test = all.filter((x) => x.group === group);
    const r: FoldResult = { group, n: test.length, rules: 0, model: 0, combined: 0, policy, changed: [] };
    for (const x of test) {
      const top = predictLabels(model, x.example.features)[0]?.label;
      const got = combined(x, model);
      r.rules += Number(toolsActionOk(x, x.rules));
      r.model += Number(top === x.example.label);
      const ok = toolsActionOk(x, got);
      r.combined += Number(ok);
      const from = intentLabel(x.rules.tools, x.rules.action, LEX);
      const to = intentLabel(got.tools, got.action, LEX);
      if (from !== to) r.changed.push({ text: x.c.text, from, to, right: ok });
    }
    return r;
  });
}

/**
 * The shipped model: its policy chosen against the rules as first measured over every held-out batch
 * (4 folds by batch), then trained on the whole corpus.
 */
export function buildFallbackModel(all: readonly LabelledCase[] = labelledCorpus()): FallbackModel {
  return train(all, chooseFirstRulesPolicy(all, firstRuleLabels(all, firstMeasuredRules())));
}

/** The model file's text: stable key order, one line per feature so a retrain diffs readably. */
export function serializeFallbackModel(model: FallbackModel): string {
  const { weights, ...head } = model;
  const lines = Object.keys(weights)
    .sort()
    .map((f) => `    ${JSON.stringify(f)}: ${JSON.stringify(weights[f])}`);
  const top = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  return `${top},\n  "weights": {\n${lines.join(',\n')}\n  }\n}\n`;
}

/**
 * The model alone in time order: each held-out batch predicted by a model trained only on the development
 * set and the batches written before it, as the rules stood when that batch was first measured (their
 * figures: FIRST_MEASURED in heldOut.ts). Returns per batch the right tools+action count.
 */
export function forwardChaining(all: readonly LabelledCase[]): Array<{ group: string; n: number; model: number }> {
  const groups = [...new Set(all.map((x) => x.group))].filter((g) => g !== 'development');
  return groups.map((group, i) => {
    const earlier = new Set(['development', ...groups.slice(0, i)]);
    const model = train(all.filter((x) => earlier.has(x.group)));
    const test = all.filter((x) => x.group === group);
    const right = test.filter((x) => predictLabels(model, x.example.features)[0]?.label === x.example.label).length;
    return { group, n: test.length, model: right };
  });
}

/** Each held-out request's first-measured rule label. */
function firstRuleLabels(all: readonly LabelledCase[], first: Map<string, string[]>): Map<LabelledCase, string> {
  const ruleOf = new Map<LabelledCase, string>();
  for (const { name } of HELD_OUT_BATCHES) {
    const labels = first.get(name) ?? [];
    all.filter((x) => x.group === name).forEach((x, i) => ruleOf.set(x, labels[i] ?? '-:unknown'));
  }
  return ruleOf;
}

/**
 * The policy with the most right tools+action over the held-out requests in `training`, combining each
 * one's first-measured rule answer with a model trained without its batch (4 folds by batch, the
 * development set always in training); ties to the higher thresholds.
 */
function chooseFirstRulesPolicy(training: readonly LabelledCase[], ruleOf: Map<LabelledCase, string>): FallbackModel['policy'] {
  const scored = [...new Set(training.map((x) => x.group))].filter((g) => g !== 'development');
  if (!scored.length) return PLACEHOLDER_POLICY;
  const k = Math.min(4, scored.length);
  const fold = (g: string) => scored.indexOf(g) % k;
  const models = Array.from({ length: k }, (_, f) => train(training.filter((x) => x.group === 'development' || fold(x.group) !== f)));
  let best = PLACEHOLDER_POLICY;
  let bestScore = -1;
  for (const unknownThreshold of [...UNKNOWN_GRID].reverse()) {
    for (const overrideThreshold of [...OVERRIDE_GRID].reverse()) {
      const policy = { unknownThreshold, overrideThreshold };
      let score = 0;
      for (const x of training) {
        if (x.group === 'development') continue;
        const m = { ...models[fold(x.group)]!, policy };
        score += Number(combinedLabel(x, ruleOf.get(x)!, m) === x.example.label);
      }
      if (score > bestScore) {
        best = policy;
        bestScore = score;
      }
    }
  }
  return best;
}
/** The rules as first measured (scripts/intent-first-rules.ts): per held-out batch, each request's label. */
export function firstMeasuredRules(): Map<string, string[]> {
  return new Map(Object.entries(FIRST_RULES as Record<string, string[]>));
}

/** The label the combination settles on for a request whose rule answer is `ruleLabel` ("note|…" never changes). */
function combinedLabel(x: LabelledCase, ruleLabel: string, model: FallbackModel): string {
  if (ruleLabel.startsWith('note|') || x.c.pending) return ruleLabel.replace(/^note\|/, '');
  // As the engine does: a request the (current) rules rule out keeps their unknown.
  if (ruleLabel === '-:unknown' && ruledOut(x.c.text)) return ruleLabel;
  if (namesEachService(labelIntent(ruleLabel, LEX).tools, x.c.text, LEX)) return ruleLabel;
  return fallbackChoice(ruleLabel, predictLabels(model, x.example.features)[0], model.policy);
}

/**
 * Leave one batch out against the rules as they stood when each batch was fresh: for held-out batch n, its
 * first-measured rule answers combined with a model trained on every other batch (and the development
 * set), under the policy that did best on the other held-out batches' first-measured rule answers (models
 * trained without the scored batch, 4 folds by batch; ties to the higher thresholds). `timeOrder`: train
 * and choose only on the development set and batches written before n.
 */
export function firstRulesCrossValidation(
  all: readonly LabelledCase[],
  first: Map<string, string[]>,
  timeOrder: boolean,
): Array<Omit<FoldResult, 'changed'> & { changed: FoldResult['changed'] }> {
  const groups = HELD_OUT_BATCHES.map((b) => b.name);
  const ruleOf = firstRuleLabels(all, first);
  const choose = (training: readonly LabelledCase[]) => chooseFirstRulesPolicy(training, ruleOf);
  return groups.map((group, i) => {
    const earlier = new Set(['development', ...groups.slice(0, i)]);
    const training = all.filter((x) => x.group !== group && (!timeOrder || earlier.has(x.group)));
    const policy = choose(training);
    const model = train(training, policy);
    const test = all.filter((x) => x.group === group);
    const r = { group, n: test.length, rules: 0, model: 0, combined: 0, policy, changed: [] as FoldResult['changed'] };
    for (const x of test) {
      const rule = ruleOf.get(x)!;
      const got = combinedLabel(x, rule, model);
      const ok = got === x.example.label;
      r.rules += Number(rule.replace(/^note\|/, '') === x.example.label);
      r.model += Number(predictLabels(model, x.example.features)[0]?.label === x.example.label);
      r.combined += Number(ok);
      if (got !== rule.replace(/^note\|/, '')) r.changed.push({ text: x.c.text, from: rule, to: got, right: ok });
    }
    return r;
  });
}
