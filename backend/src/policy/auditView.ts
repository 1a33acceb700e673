import { createHash } from 'node:crypto';
import { addressesOf, type ProposedAction } from './action.js';
import type { PolicyDecision } from './engine.js';

/**
 * What a `policy_decision` audit entry records: enough to explain the decision later (who, what,
 * score, factors, rule) without copying message text into the log; subject and body are kept as
 * SHA-256 so a disputed message can still be matched against the entry.
 */
interface DecisionAuditData {
  [k: string]: string | number | boolean | null | string[] | { name: string; points: number }[];
  tool: string;
  action: string;
  score: number;
  level: string;
  score_level: string;
  decided_by: string;
  rule_ids: string[];
  factors: { name: string; points: number }[];
  recipients: string[];
  channel: string | null;
  subject_sha256: string | null;
  body_sha256: string | null;
  preauthorization_id: string | null;
}

const sha = (s: string | undefined) => (s === undefined ? null : createHash('sha256').update(s, 'utf8').digest('hex'));

export function decisionAuditData(action: ProposedAction, d: PolicyDecision): DecisionAuditData {
  return {
    tool: action.tool,
    action: action.action,
    score: d.score,
    level: d.level,
    score_level: d.score_level,
    decided_by: d.decided_by.kind === 'threshold' ? 'threshold' : `${d.decided_by.kind}:${d.decided_by.id}`,
    rule_ids: d.matched_rules.map((r) => r.id),
    factors: d.factors.map((f) => ({ name: f.name, points: f.points })),
    recipients: addressesOf(action).slice(0, 100),
    channel: action.channel ?? null,
    subject_sha256: sha(action.subject ?? action.title),
    body_sha256: sha(action.body),
    preauthorization_id: d.preauthorization_id ?? null,
  };
}
