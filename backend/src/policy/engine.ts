import type { RiskSummary } from '../protocol/index.js';
import { ProposedAction, proposedActionSchema, type ProposedActionInput } from './action.js';
import { levelForScore, levelRank, type RiskLevel } from './levels.js';
import { describePreauthorization, findCoveringGrant, type Preauthorization } from './preauth.js';
import { matchingRules, strongestByEffect, type MatchedRule, type Rule } from './rules.js';
import { scoreAction, type RiskFactor } from './score.js';

/**
 * The policy decision: score the action, then apply the user's rules and pre-authorizations.
 *
 * Order of evaluation (each step can only do what its line says):
 *  1. score → level by threshold (< 20 auto, 20-54 confirm, ≥ 55 step-up);
 *  2. a matching deny rule → deny; nothing below can change that;
 *  3. require_step_up / require_confirm rules raise the level to at least theirs;
 *  4. an allow rule lowers confirm → auto, only if no require_* rule matched;
 *  5. an active pre-authorization for the tool covering the level and score → auto, unless a
 *     require_step_up / require_confirm rule matched: a blanket grant never outranks a rule the
 *     person wrote for exactly this kind of action.
 * Pure: no clock, no I/O; `now` comes in the context.
 */
export interface PolicyContext {
  user: string;
  /** The user's own email domain, e.g. example.com; addresses elsewhere widen the blast radius. */
  userDomain: string;
  /** The person's other own domains (kept by the backend, added only with the phone); inside too. */
  insideDomains?: readonly string[];
  rules: readonly Rule[];
  activePreauthorizations: readonly Preauthorization[];
  /** ms since epoch. */
  now: number;
  /** The registered tool names when they are more than the shipped ones (a registry with an extra provider). */
  tools?: readonly string[];
}

type DecidedBy =
  | { kind: 'threshold'; detail: string }
  | { kind: 'rule'; id: string; effect: MatchedRule['effect']; detail: string }
  | { kind: 'preauthorization'; id: string; detail: string; until: number }
  /** The person's role (authorization model) does not allow the action: not a rule they wrote. */
  | { kind: 'role'; id: string; detail: string };

export interface PolicyDecision {
  score: number;
  /** What the pipeline must do: auto (go), confirm (in-app), step_up (CIBA then confirm), deny. */
  level: RiskLevel;
  /** The level from the score alone, before rules and grants. */
  score_level: Exclude<RiskLevel, 'deny'>;
  factors: RiskFactor[];
  matched_rules: MatchedRule[];
  decided_by: DecidedBy;
  /** Set when a pre-authorization let the action skip its confirmation. */
  preauthorization_id?: string;
}

export function evaluatePolicy(input: ProposedActionInput | ProposedAction, ctx: PolicyContext): PolicyDecision {
  const action = (ctx.tools ? proposedActionSchema(ctx.tools) : ProposedAction).parse(input);
  const { score, factors } = scoreAction(action, ctx.userDomain, ctx.insideDomains);
  const scoreLevel = levelForScore(score);
  const matched = matchingRules(ctx.rules, action, score);
  const first = strongestByEffect(matched);
  const base = { score, score_level: scoreLevel, factors, matched_rules: matched };

  if (first.deny) {
    return { ...base, level: 'deny', decided_by: ruleDecision(first.deny) };
  }

  let level: RiskLevel = scoreLevel;
  let decided_by: DecidedBy = { kind: 'threshold', detail: thresholdDetail(score, scoreLevel) };
  for (const effect of ['require_step_up', 'require_confirm'] as const) {
    const r = first[effect];
    if (!r) continue;
    const floor: RiskLevel = effect === 'require_step_up' ? 'step_up' : 'confirm';
    // A rule that demands at least the current level is named as the reason, so the person sees
    // their own rule rather than "threshold" (and knows an allow rule cannot lower it).
    if (levelRank(floor) >= levelRank(level)) {
      level = floor;
      decided_by = ruleDecision(r);
    }
  }

  if (level === 'confirm' && first.allow && !first.require_confirm && !first.require_step_up) {
    level = 'auto';
    decided_by = ruleDecision(first.allow);
  }

  const ruleRequiresApproval = Boolean(first.require_step_up || first.require_confirm);
  if ((level === 'confirm' || level === 'step_up') && !ruleRequiresApproval) {
    const grant = findCoveringGrant(ctx.activePreauthorizations, ctx.user, action.tool, level, score, ctx.now);
    if (grant) {
      return {
        ...base,
        level: 'auto',
        decided_by: { kind: 'preauthorization', id: grant.id, detail: describePreauthorization(grant), until: grant.expires_at },
        preauthorization_id: grant.id,
      };
    }
  }
  return { ...base, level, decided_by };
}

function ruleDecision(r: MatchedRule): DecidedBy {
  return { kind: 'rule', id: r.id, effect: r.effect, detail: r.description };
}

function thresholdDetail(score: number, level: Exclude<RiskLevel, 'deny'>): string {
  if (level === 'auto') return `score ${score} is below 20`;
  if (level === 'confirm') return `score ${score} is between 20 and 54`;
  return `score ${score} is 55 or more`;
}

/** Vouch's own default for a level, in the words the app shows after "Vouch's default:". */
const DEFAULT_REASON: Record<RiskLevel, string> = {
  auto: 'low-risk actions only need your OK here',
  confirm: 'you check and confirm this here before it happens',
  step_up: 'risky actions need your approval on your phone',
  deny: 'this is not allowed',
};

/** Why the decision came out as it did, in plain words: no rule ids, no scores, no raw times. */
export function decisionReason(d: PolicyDecision): NonNullable<RiskSummary['reason']> {
  const by = d.decided_by;
  if (by.kind === 'rule') return { by: 'rule', text: by.detail };
  if (by.kind === 'role') return { by: 'role', text: by.detail };
  if (by.kind === 'preauthorization')
    return { by: 'preauthorization', text: 'you pre-approved these actions', until: new Date(by.until).toISOString() };
  return { by: 'default', text: DEFAULT_REASON[d.level] };
}

/** The shape the app displays (`approval_required.risk`, draft sheet). */
export function toRiskSummary(d: PolicyDecision): RiskSummary {
  const reason = decisionReason(d);
  return { score: d.score, level: d.level, factors: d.factors.map((f) => ({ ...f })), rule: reason.text, reason };
}
