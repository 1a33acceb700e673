import { z } from 'zod';
import type { Tool } from '../../protocol/common.js';
import type { ToolKind } from '../../providers/providerContract.js';
import { EVENT_WORDS, FORWARD } from './features.js';
import { calendarOperation } from './operation.js';
import { type Intent, type IntentAction, type IntentContext, WRITE_ACTIONS } from './schema.js';
import shippedModel from './fallbackModel.json' with { type: 'json' };
import { cleanUtterance } from './text.js';
import type { IntentLexicon } from './vocabulary.js';

/**
 * A learned fallback for the offline rules: multinomial logistic regression over lower-cased word unigrams
 * and bigrams plus a few lexicon-derived features, predicting an intent's tools (as kinds of service) and
 * action together. The rules decide what they recognise; the model may only step in where the
 * combination policy (chosen by cross-validation over held-out batches, scripts/train-intent-fallback.ts)
 * says so. Provider names never reach a feature or a label: the lexicon turns them into kind tokens, so
 * the model file names no provider and a newly registered provider of a known kind is understood.
 *
 * Training is deterministic (zero start, fixed order, fixed schedule), so the same corpus gives the same
 * file byte for byte.
 */

/** Service kinds a label can name, in label order. */
const KINDS = ['calendar', 'chat', 'mail'] as const satisfies readonly ToolKind[];
type LabelKind = (typeof KINDS)[number];

/** "calendar:schedule", "chat+mail:read", "-:unknown". */
export function intentLabel(tools: readonly Tool[], action: IntentAction, lex: IntentLexicon): string {
  const kinds = KINDS.filter((k) => tools.includes(lex[k]));
  return `${kinds.length ? kinds.join('+') : '-'}:${action}`;
}

export function labelIntent(label: string, lex: IntentLexicon): { tools: Tool[]; action: IntentAction } {
  const [kinds = '-', action = 'unknown'] = label.split(':');
  const named = kinds === '-' ? [] : (kinds.split('+') as LabelKind[]).map((k) => lex[k]);
  // The intent lists its tools in registration order, as the rules do.
  return { tools: lex.order.filter((t) => named.includes(t)), action: action as IntentAction };
}

const WEEKDAY = /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?\b/gi;
const CLOCK = /\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\b\d{1,2}:\d{2}\b|\bnoon\b|\bmidday\b/gi;
const QUESTION = /^(?:what|whats|what's|when|who|whom|which|where|how|any|anything|is|are|am|do|does|did|was|were|has|have|had)\b/i;

/** The features of one request in its conversation: word unigrams and bigrams after normalising, and cues. */
export function fallbackFeatures(text: string, ctx: Pick<IntentContext, 'history' | 'contacts' | 'pending'>, lex: IntentLexicon): string[] {
  const clean = cleanUtterance(text).text;
  const kindName = (k: LabelKind) => new RegExp(String.raw`\b${lex.names(k)}\b`, 'gi');
  let t = clean.toLowerCase();
  for (const k of KINDS) t = t.replace(kindName(k), ` svc${k} `);
  t = t
    .replace(/#[\w-]+/g, ' hashchannel ')
    .replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, ' emailaddress ')
    .replace(CLOCK, ' clocktime ')
    .replace(WEEKDAY, ' weekday ')
    .replace(/\b\d+(?:st|nd|rd|th)\b/g, ' ordinalnum ')
    .replace(/\b\d+\b/g, ' num ');
  const firstNames = new Set((ctx.contacts ?? []).map((c) => c.name.split(/\s+/)[0]?.toLowerCase()).filter(Boolean));
  const words = t
    .split(/[^a-z0-9']+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean)
    .map((w) => (firstNames.has(w.replace(/'s$/, '')) ? (w.endsWith("'s") ? "person's" : 'person') : w));
  const out = new Set<string>();
  const seq = ['^', ...words, '$'];
  for (const w of words) out.add(`w:${w}`);
  for (let i = 0; i + 1 < seq.length; i++) out.add(`b:${seq[i]} ${seq[i + 1]}`);
  const cue = (name: string, on: boolean) => on && out.add(`f:${name}`);
  cue('chatword', lex.re.chat.test(clean));
  cue('mailword', lex.re.mail.test(clean));
  cue('mailweak', lex.re.mailWeak.test(clean));
  cue('calendarword', lex.re.calendar.test(clean));
  cue('noservice', !KINDS.some((k) => lex.re[k].test(clean)) && !lex.re.mailWeak.test(clean));
  cue('eventword', EVENT_WORDS.test(clean));
  cue('clock', /clocktime/.test(t));
  cue('weekday', /weekday|\b(?:today|tomorrow|tonight)\b/.test(t));
  cue('question', QUESTION.test(clean) || /\?\s*$/.test(clean));
  cue('forward', FORWARD.test(clean));
  cue('quote', /["“”]/.test(clean));
  const op = calendarOperation(clean);
  if (op) out.add(`f:op:${op}`);
  if (ctx.pending) out.add(`f:pending:${intentLabel(ctx.pending.tools, ctx.pending.action, lex)}`);
  const last = ctx.history.at(-1)?.text ?? '';
  const prevUser = [...ctx.history].reverse().find((h) => h.role === 'user')?.text ?? '';
  for (const k of KINDS) if (lex.re[k].test(`${prevUser} ${last}`) || kindName(k).test(`${prevUser} ${last}`)) out.add(`f:history:${k}`);
  if (EVENT_WORDS.test(`${prevUser} ${last}`)) out.add('f:history:event');
  return [...out].sort();
}

/** The trained file: labels, features and per feature its weight for each label; plus the combination policy. */
export const FallbackModel = z.object({
  version: z.literal(1),
  labels: z.array(z.string()),
  bias: z.array(z.number()),
  weights: z.record(z.string(), z.array(z.number())),
  policy: z.object({
    /** The model's answer replaces the rules' `unknown` when its top probability reaches this. */
    unknownThreshold: z.number(),
    /** It replaces a rule answer it disagrees with when its top probability reaches this (above 1: never). */
    overrideThreshold: z.number(),
  }),
});
export type FallbackModel = z.infer<typeof FallbackModel>;

/** The trained model the offline engine ships with (scripts/train-intent-fallback.ts writes it). */
export const SHIPPED_FALLBACK: FallbackModel = FallbackModel.parse(shippedModel);

/** Labels with their probabilities, most likely first. */
export function predictLabels(model: FallbackModel, features: readonly string[]): Array<{ label: string; p: number }> {
  const scores = [...model.bias];
  for (const f of features) {
    const w = model.weights[f];
    if (w) for (let l = 0; l < scores.length; l++) scores[l]! += w[l] ?? 0;
  }
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return model.labels.map((label, l) => ({ label, p: exp[l]! / sum })).sort((a, b) => b.p - a.p || a.label.localeCompare(b.label));
}

export interface TrainingExample {
  features: readonly string[];
  label: string;
}

interface TrainingOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  /** A feature seen in fewer training requests is dropped. */
  minCount: number;
}

const DEFAULT_TRAINING: TrainingOptions = { epochs: 30, learningRate: 0.5, l2: 1e-4, minCount: 2 };

/** Deterministic SGD over the examples in order; weights rounded so the file is stable and compact. */
export function trainFallback(
  examples: readonly TrainingExample[],
  policy: FallbackModel['policy'],
  opts: TrainingOptions = DEFAULT_TRAINING,
): FallbackModel {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocab = [...counts]
    .filter(([, n]) => n >= opts.minCount)
    .map(([f]) => f)
    .sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const L = labels.length;
  const W = new Float64Array(vocab.length * L);
  const b = new Float64Array(L);
  const rows = examples.map((e) => ({
    x: e.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined),
    y: labels.indexOf(e.label),
  }));
  const scores = new Float64Array(L);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const lr = opts.learningRate / (1 + epoch);
    // A fixed permutation per epoch (a stride coprime with the length) so no batch sits at the end every time.
    const n = rows.length;
    const stride = coprimeStride(n, epoch);
    for (let k = 0; k < n; k++) {
      const row = rows[(k * stride + epoch) % n]!;
      for (let l = 0; l < L; l++) {
        let s = b[l]!;
        for (const i of row.x) s += W[i * L + l]!;
        scores[l] = s;
      }
      let max = -Infinity;
      for (let l = 0; l < L; l++) max = Math.max(max, scores[l]!);
      let sum = 0;
      for (let l = 0; l < L; l++) sum += scores[l] = Math.exp(scores[l]! - max);
      for (let l = 0; l < L; l++) {
        const g = scores[l]! / sum - (l === row.y ? 1 : 0);
        b[l] = b[l]! - lr * g;
        for (const i of row.x) W[i * L + l] = W[i * L + l]! - lr * (g + opts.l2 * W[i * L + l]!);
      }
    }
  }
  const round = (v: number) => Math.round(v * 1000) / 1000 || 0;
  const weights: Record<string, number[]> = {};
  for (const [f, i] of index) {
    const w = Array.from(W.subarray(i * L, (i + 1) * L), round);
    if (w.some((v) => v !== 0)) weights[f] = w;
  }
  return { version: 1, labels, bias: Array.from(b, round), weights, policy };
}

function coprimeStride(n: number, epoch: number): number {
  const gcd = (a: number, c: number): number => (c ? gcd(c, a % c) : a);
  let s = 7 + 2 * epoch;
  while (gcd(s, n) !== 1) s++;
  return s;
}

/** The label the combination settles on, from the rules' label and the model's most likely one. */
export function fallbackChoice(ruleLabel: string, top: { label: string; p: number } | undefined, policy: FallbackModel['policy']): string {
  if (!top || top.label === ruleLabel) return ruleLabel;
  const threshold = ruleLabel.endsWith(':unknown') ? policy.unknownThreshold : policy.overrideThreshold;
  return top.p >= threshold ? top.label : ruleLabel;
}

/**
 * Whether the request names each of several services outright ("check my email and chat for …"): the
 * person said where to look, so the model does not narrow it.
 */
export function namesEachService(tools: readonly Tool[], text: string, lex: IntentLexicon): boolean {
  return tools.length > 1 && tools.every((t) => KINDS.some((k) => lex[k] === t && lex.re[k].test(text)));
}

/**
 * The rules' intent, or the model's tools and action where the policy lets it step in: on `unknown`
 * (never for a "remember …" or "forget …" note, a tool of another kind, a continuation of the last request,
 * a write whose message the rules split off, or while an open question is being answered), or against a rule answer
 * it contradicts with at least the override confidence. A calendar change the model names keeps the
 * operation the words say ("create" when none).
 */
export function combineWithFallback<T extends Intent>(
  rules: T,
  text: string,
  ctx: IntentContext,
  model: FallbackModel,
  lex: IntentLexicon,
): T {
  if (rules.entities.remember || rules.entities.forget || ctx.pending) return rules;
  // "and tomorrow?" continues the last request, which the rules read whole; the model sees only cues of it.
  if (ctx.history.length > 0 && cleanUtterance(text).continuation) return rules;
  // "tell sam I'll cancel it": the rules split off what to say, whose words are content, not the request.
  if (rules.entities.message !== undefined && WRITE_ACTIONS.has(rules.action)) return rules;
  // A tool of another kind (a registered notes service…) is outside what the model was trained to name.
  if (rules.tools.some((t) => !KINDS.some((k) => lex[k] === t))) return rules;
  if (namesEachService(rules.tools, text, lex)) return rules;
  const ruleLabel = intentLabel(rules.tools, rules.action, lex);
  const chosen = fallbackChoice(ruleLabel, predictLabels(model, fallbackFeatures(text, ctx, lex))[0], model.policy);
  if (chosen === ruleLabel) return rules;
  const { tools, action } = labelIntent(chosen, lex);
  const entities = { ...rules.entities };
  if (action === 'schedule') entities.operation = calendarOperation(cleanUtterance(text).text) ?? 'create';
  else delete entities.operation;
  return { ...rules, tools, action, entities, needs_write: WRITE_ACTIONS.has(action) };
}
