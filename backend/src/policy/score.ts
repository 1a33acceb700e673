import { addressesOf, isOutsideDomain, reachesChannel, textOf, type ProposedAction } from './action.js';
import {
  ACTION_TABLE,
  AUDIENCE_TIERS,
  BLAST_RADIUS_CAP,
  FINANCIAL_AUTH_POINTS,
  FIRST_TIME_CAP,
  FIRST_TIME_EACH,
  FIRST_TIME_FIRST,
  RECIPIENT_TRUST_CAP,
  REPLY_TO_OTHER_DOMAIN_POINTS,
  REPLY_TO_SAME_DOMAIN_POINTS,
  FINANCIAL_AUTH_TERMS,
  OUTSIDE_CAP,
  OUTSIDE_EACH,
  OUTSIDE_FIRST,
  SENSITIVE_LABELS,
  SENSITIVE_TERMS,
  SENSITIVITY_CAP,
} from './factors.js';

export interface RiskFactor {
  name: string;
  points: number;
  detail: string;
}

const FACTOR_NAMES = {
  actionType: 'Action type',
  reversibility: 'Reversibility',
  blastRadius: 'Blast radius',
  sensitivity: 'Sensitivity',
  recipientTrust: 'Recipient trust',
} as const;

interface ScoreResult {
  score: number;
  /**
   * Always the four factors in a fixed order, zeros included, so the explanation is complete; then
   * "Recipient trust" when a recipient was found suspicious or new (a warning, so only when it applies).
   */
  factors: RiskFactor[];
}

/**
 * Scores an action from the tables in factors.ts. Pure and deterministic. `insideDomains` are the
 * person's own domains beyond `userDomain` (each with its subdomains): recipients there are not outside.
 */
export function scoreAction(action: ProposedAction, userDomain: string, insideDomains: readonly string[] = []): ScoreResult {
  const home = [userDomain, ...insideDomains].filter((d) => d.trim() !== '');
  const factors = [actionType(action), reversibility(action), blastRadius(action, home), sensitivity(action)];
  const trust = recipientTrust(action);
  if (trust) factors.push(trust);
  const score = Math.min(
    100,
    factors.reduce((sum, f) => sum + f.points, 0),
  );
  return { score, factors };
}

function actionType(a: ProposedAction): RiskFactor {
  const row = ACTION_TABLE[a.action];
  if (row.carriesMessage) {
    if (a.category) {
      return {
        name: FACTOR_NAMES.actionType,
        points: FINANCIAL_AUTH_POINTS,
        detail: `${a.category === 'financial' ? 'financial' : 'credential'} action: ${row.detail}`,
      };
    }
    const text = textOf(a);
    const hit = FINANCIAL_AUTH_TERMS.find((t) => t.pattern.test(text));
    if (hit) {
      return {
        name: FACTOR_NAMES.actionType,
        points: FINANCIAL_AUTH_POINTS,
        detail: `${hit.category === 'financial' ? 'financial' : 'credential'} content (${hit.term}): ${row.detail}`,
      };
    }
  }
  return { name: FACTOR_NAMES.actionType, points: row.points, detail: `${a.action}: ${row.detail}` };
}

function reversibility(a: ProposedAction): RiskFactor {
  const row = ACTION_TABLE[a.action];
  return { name: FACTOR_NAMES.reversibility, points: row.reversibility, detail: row.reversibilityDetail };
}

function audiencePoints(n: number): number {
  return AUDIENCE_TIERS.find((t) => n >= t.min)?.points ?? 0;
}

function blastRadius(a: ProposedAction, home: readonly string[]): RiskFactor {
  const name = FACTOR_NAMES.blastRadius;
  if (!ACTION_TABLE[a.action].delivers) return { name, points: 0, detail: 'reaches no one else' };
  if (reachesChannel(a)) {
    // An unknown channel size counts as one reader: the pipeline should pass the real count.
    const members = a.channel_member_count ?? 1;
    const where = a.channel ? `#${a.channel.replace(/^#/, '')}` : 'the channel';
    return {
      name,
      points: Math.min(BLAST_RADIUS_CAP, audiencePoints(members)),
      detail: `${where} has ${members} member${members === 1 ? '' : 's'}`,
    };
  }
  const unique = [...new Set(addressesOf(a).map((s) => s.trim().toLowerCase()))];
  // Each recipient on its own: one colleague on the list never makes a stranger beside them inside.
  const outside = unique.filter((addr) => home.every((d) => isOutsideDomain(addr, d)));
  const audience = audiencePoints(unique.length);
  const outsidePts = outside.length === 0 ? 0 : Math.min(OUTSIDE_CAP, OUTSIDE_FIRST + OUTSIDE_EACH * (outside.length - 1));
  const who = ACTION_TABLE[a.action].audience ?? 'recipient';
  const detail =
    `${unique.length} ${who}${unique.length === 1 ? '' : 's'}` +
    (outside.length
      ? `, ${outside.length} outside ${home.length === 1 ? home[0] : home.length ? 'your domains' : 'your domain'} (${outside.slice(0, 3).join(', ')}${outside.length > 3 ? ', …' : ''})`
      : '');
  return { name, points: Math.min(BLAST_RADIUS_CAP, audience + outsidePts), detail };
}

function sensitivity(a: ProposedAction): RiskFactor {
  const text = textOf(a);
  const hits: { term: string; points: number }[] = [];
  for (const row of SENSITIVE_TERMS) if (row.pattern.test(text)) hits.push({ term: row.term, points: row.points });
  const seenLabels = new Set<string>();
  for (const label of a.labels) {
    const key = label.trim().toLowerCase();
    const pts = SENSITIVE_LABELS[key];
    if (pts !== undefined && !seenLabels.has(key)) {
      seenLabels.add(key);
      hits.push({ term: `label ${label.trim().toUpperCase()}`, points: pts });
    }
  }
  const raw = hits.reduce((s, h) => s + h.points, 0);
  return {
    name: FACTOR_NAMES.sensitivity,
    points: Math.min(SENSITIVITY_CAP, raw),
    detail: hits.length ? hits.map((h) => h.term).join(', ') : 'nothing sensitive found',
  };
}

/** A reply diverted by Reply-To, and recipients never written to; undefined when neither applies. */
function recipientTrust(a: ProposedAction): RiskFactor | undefined {
  if (!ACTION_TABLE[a.action].delivers || reachesChannel(a)) return undefined;
  const parts: string[] = [];
  let points = 0;
  const r = a.reply_to_redirect;
  if (r) {
    points += r.other_domain ? REPLY_TO_OTHER_DOMAIN_POINTS : REPLY_TO_SAME_DOMAIN_POINTS;
    parts.push(
      `replies go to ${r.reply_to.join(', ')} (the email's Reply-To${r.other_domain ? ', another domain' : ''}), not to the sender ${r.sender}`,
    );
  }
  const fresh = [...new Set((a.first_time_recipients ?? []).map((x) => x.trim().toLowerCase()))];
  if (fresh.length) {
    points += Math.min(FIRST_TIME_CAP, FIRST_TIME_FIRST + FIRST_TIME_EACH * (fresh.length - 1));
    parts.push(`you have never emailed ${fresh.slice(0, 3).join(', ')}${fresh.length > 3 ? ', …' : ''} before`);
  }
  if (parts.length === 0) return undefined;
  const detail = parts.join('; ');
  return {
    name: FACTOR_NAMES.recipientTrust,
    points: Math.min(RECIPIENT_TRUST_CAP, points),
    detail: detail[0]!.toUpperCase() + detail.slice(1),
  };
}
