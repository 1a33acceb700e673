import { z } from 'zod';
import { Tool } from '../protocol/index.js';
import { ActionKind, addressesOf, isOutsideDomain, normalizeChannel, reachesChannel, textOf, type ProposedAction } from './action.js';

/**
 * Per-user rules: a small declarative form a person can read and edit.
 *
 * A rule matches when every condition in `when` holds (AND); a rule needs at least one condition so an
 * empty `when` can never silently deny or allow everything.
 *
 * Precedence (see `combineRules`): deny > require_step_up > require_confirm > allow.
 * - deny: the action is refused, whatever the score, rules or pre-authorizations say.
 * - require_step_up / require_confirm: raise the level to at least that; they never lower it.
 * - allow: lowers a `confirm` to `auto` only when no require_* rule matched; it never lowers a step-up
 *   (score ≥ 55 or required by a rule) and never overrides a deny ("allow within threshold").
 * When several rules of the deciding effect match, the first in the user's list is reported.
 */
const RuleEffect = z.enum(['deny', 'require_step_up', 'require_confirm', 'allow']);
type RuleEffect = z.infer<typeof RuleEffect>;

const oneOrMany = <T extends z.ZodType>(t: T) => z.union([t, z.array(t).min(1).max(10)]);

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^@/, ''))
  .pipe(z.string().regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a domain such as example.com'));

const RuleCondition = z
  .strictObject({
    tool: oneOrMany(Tool).optional(),
    action: oneOrMany(ActionKind).optional(),
    /** Matches when any recipient/attendee is outside this domain (subdomains count as inside). */
    recipient_outside_domain: domain.optional(),
    /** Channel name, '#' optional, case-insensitive. */
    channel: z
      .string()
      .trim()
      .min(1)
      .max(81)
      .transform((c) => normalizeChannel(c))
      .pipe(z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,79}$/, 'a channel name such as #general'))
      .optional(),
    /** Matches when any word or phrase appears (case-insensitive, whole words) in the text or labels. */
    keyword_any: z.array(z.string().trim().min(1).max(64)).min(1).max(50).optional(),
    /** Matches when the action reaches at least this many people (addresses, or channel members). */
    min_recipients: z.number().int().min(1).max(100_000).optional(),
    /** Matches when the computed risk score is at least this. */
    min_score: z.number().int().min(0).max(100).optional(),
  })
  .refine((w) => Object.values(w).some((v) => v !== undefined), { message: 'a rule needs at least one condition in "when"' });

export const RuleSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'ids are 1-64 letters, digits and _.-'),
  effect: RuleEffect,
  when: RuleCondition,
  description: z.string().trim().min(1).max(200),
  enabled: z.boolean().default(true),
});
export type Rule = z.infer<typeof RuleSchema>;
export type RuleInput = z.input<typeof RuleSchema>;

export const MAX_RULES_PER_USER = 100;

/** A user's whole rule list, as `PUT /policy/rules` would take it. */
export const RuleListSchema = z
  .array(RuleSchema)
  .max(MAX_RULES_PER_USER)
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', message: `duplicate rule id "${r.id}"`, path: [i, 'id'] });
      seen.add(r.id);
    });
  });

type ParseRulesResult = { ok: true; rules: Rule[] } | { ok: false; errors: { path: string; message: string }[] };

/** Validates untrusted JSON (an HTTP body) into rules, with errors a person can act on. */
export function parseRules(input: unknown): ParseRulesResult {
  const r = RuleListSchema.safeParse(input);
  if (r.success) return { ok: true, rules: r.data };
  return { ok: false, errors: r.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })) };
}

export function parseRule(input: unknown): { ok: true; rule: Rule } | { ok: false; errors: { path: string; message: string }[] } {
  const r = RuleSchema.safeParse(input);
  if (r.success) return { ok: true, rule: r.data };
  return { ok: false, errors: r.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })) };
}

const has = <T>(want: T | T[] | undefined, value: T): boolean =>
  want === undefined || (Array.isArray(want) ? want.includes(value) : want === value);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function containsWord(haystack: string, needle: string): boolean {
  // Whole-word match so "nda" does not fire on "agenda"; inner spaces match any whitespace.
  const body = escapeRegExp(needle.toLowerCase()).replace(/\s+/g, '\\s+');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${body}($|[^\\p{L}\\p{N}])`, 'iu').test(haystack);
}

/** Does this rule's `when` hold for the action? `score` is needed only for min_score. */
function ruleMatches(rule: Rule, action: ProposedAction, score: number): boolean {
  if (!rule.enabled) return false;
  const w = rule.when;
  if (!has(w.tool, action.tool)) return false;
  if (!has(w.action, action.action)) return false;
  if (w.recipient_outside_domain !== undefined) {
    const d = w.recipient_outside_domain;
    if (!addressesOf(action).some((a) => isOutsideDomain(a, d))) return false;
  }
  if (w.channel !== undefined) {
    if (action.channel === undefined || normalizeChannel(action.channel) !== w.channel) return false;
  }
  if (w.keyword_any !== undefined) {
    const hay = `${textOf(action)}\n${action.labels.join('\n')}`;
    if (!w.keyword_any.some((k) => containsWord(hay, k))) return false;
  }
  if (w.min_recipients !== undefined) {
    const reach = reachesChannel(action)
      ? (action.channel_member_count ?? 1)
      : new Set(addressesOf(action).map((a) => a.toLowerCase())).size;
    if (reach < w.min_recipients) return false;
  }
  if (w.min_score !== undefined && score < w.min_score) return false;
  return true;
}

export interface MatchedRule {
  id: string;
  effect: RuleEffect;
  description: string;
}

export function matchingRules(rules: readonly Rule[], action: ProposedAction, score: number): MatchedRule[] {
  return rules.filter((r) => ruleMatches(r, action, score)).map((r) => ({ id: r.id, effect: r.effect, description: r.description }));
}

/** The first matched rule of each effect, in the user's list order. */
export function strongestByEffect(matched: readonly MatchedRule[]): Partial<Record<RuleEffect, MatchedRule>> {
  const out: Partial<Record<RuleEffect, MatchedRule>> = {};
  for (const m of matched) if (!out[m.effect]) out[m.effect] = m;
  return out;
}
