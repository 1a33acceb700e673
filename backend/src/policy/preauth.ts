import { z } from 'zod';
import { CONFIRM_BAND_MAX_SCORE, Tool, VouchError, type VouchErrorOptions } from '../protocol/index.js';
import { levelRank, type RiskLevel } from './levels.js';

/**
 * Time-boxed pre-authorization: "approve medium-risk mail actions for 30 minutes". A grant lets the
 * policy skip the in-app confirm (and, for max_level step_up, the CIBA step-up) for actions of one tool
 * at or under its level and score until it expires or is revoked. It never bypasses a deny rule and
 * never covers anything above its max. It can only be created right after a step-up, proved by the
 * caller with a StepUpProof (the completed CIBA request), and each proof creates at most one grant.
 */

const PreauthLevel = z.enum(['confirm', 'step_up']);

/** The most a confirm-level grant may cover is the top of the confirm band. */
export { CONFIRM_BAND_MAX_SCORE };
const MIN_DURATION_MS = 60_000;
const MAX_DURATION_MS = 4 * 60 * 60_000;
/** A step-up older than this no longer counts as "just happened". */
export const STEP_UP_PROOF_MAX_AGE_MS = 5 * 60_000;
/** Tolerated clock difference between the CIBA poller and the caller. */
const CLOCK_SKEW_MS = 5_000;

export const PreauthRequest = z
  .strictObject({
    tool: Tool,
    max_level: PreauthLevel.default('confirm'),
    max_score: z.number().int().min(0).max(100).optional(),
    duration_ms: z.number().int().min(MIN_DURATION_MS).max(MAX_DURATION_MS),
  })
  .refine((r) => r.max_level === 'step_up' || r.max_score === undefined || r.max_score <= CONFIRM_BAND_MAX_SCORE, {
    message: `a confirm-level grant covers scores up to ${CONFIRM_BAND_MAX_SCORE}`,
    path: ['max_score'],
  });
export type PreauthRequest = z.input<typeof PreauthRequest>;

/** What the caller must show: the step-up that just completed for this user. */
export interface StepUpProof {
  method: 'ciba';
  user: string;
  /** The CIBA request that was approved; a proof is single-use. */
  auth_req_id: string;
  /** When the approval was observed (ms since epoch). */
  approved_at: number;
}

export const Preauthorization = z.object({
  id: z.string().min(1).max(128),
  user: z.string().min(1).max(256),
  tool: Tool,
  max_level: PreauthLevel,
  max_score: z.number().int().min(0).max(100),
  created_at: z.number().int(),
  expires_at: z.number().int(),
  granted_after_step_up: z.literal(true),
  /** The auth_req_id of the step-up that created it. */
  step_up_ref: z.string().min(1),
  revoked_at: z.number().int().nullable(),
});
export type Preauthorization = z.infer<typeof Preauthorization>;

type PreauthorizationErrorCode = 'INVALID_REQUEST' | 'STEP_UP_REQUIRED' | 'STEP_UP_STALE' | 'STEP_UP_REUSED' | 'NOT_FOUND';

export class PreauthorizationError extends VouchError {
  declare readonly code: PreauthorizationErrorCode;
  constructor(code: PreauthorizationErrorCode, message: string, options?: VouchErrorOptions) {
    super(message, { ...options, code });
    this.name = 'PreauthorizationError';
  }
}

/** Builds a grant, or throws when the request is invalid or the proof is missing, foreign or stale. */
export function createPreauthorization(
  user: string,
  request: PreauthRequest,
  proof: StepUpProof | undefined | null,
  now: number,
  id: string,
): Preauthorization {
  const parsed = PreauthRequest.safeParse(request);
  if (!parsed.success) throw new PreauthorizationError('INVALID_REQUEST', parsed.error.issues.map((i) => i.message).join('; '));
  if (!proof || proof.method !== 'ciba' || !proof.auth_req_id) {
    throw new PreauthorizationError('STEP_UP_REQUIRED', 'a pre-authorization can only be granted right after a step-up');
  }
  if (proof.user !== user) throw new PreauthorizationError('STEP_UP_REQUIRED', 'the step-up was for another user');
  if (proof.approved_at > now + CLOCK_SKEW_MS || now - proof.approved_at > STEP_UP_PROOF_MAX_AGE_MS) {
    throw new PreauthorizationError('STEP_UP_STALE', 'the step-up is too old; approve again on your phone');
  }
  const r = parsed.data;
  return {
    id,
    user,
    tool: r.tool,
    max_level: r.max_level,
    max_score: r.max_score ?? (r.max_level === 'confirm' ? CONFIRM_BAND_MAX_SCORE : 100),
    created_at: now,
    expires_at: now + r.duration_ms,
    granted_after_step_up: true,
    step_up_ref: proof.auth_req_id,
    revoked_at: null,
  };
}

export function isActive(g: Preauthorization, now: number): boolean {
  return g.revoked_at === null && now < g.expires_at;
}

export function revokePreauthorization(g: Preauthorization, now: number): Preauthorization {
  return g.revoked_at === null ? { ...g, revoked_at: now } : g;
}

/** Does this grant let an action of `tool` at `level`/`score` skip its confirmation? Deny is never covered. */
export function grantCovers(g: Preauthorization, user: string, tool: string, level: RiskLevel, score: number, now: number): boolean {
  if (level === 'deny' || level === 'auto') return false;
  return g.user === user && g.tool === tool && isActive(g, now) && levelRank(level) <= levelRank(g.max_level) && score <= g.max_score;
}

/** The grant that covers the action: the one expiring soonest, so the explanation names the tightest. */
export function findCoveringGrant(
  grants: readonly Preauthorization[],
  user: string,
  tool: string,
  level: RiskLevel,
  score: number,
  now: number,
): Preauthorization | undefined {
  return grants
    .filter((g) => grantCovers(g, user, tool, level, score, now))
    .sort((a, b) => a.expires_at - b.expires_at || a.id.localeCompare(b.id))[0];
}

export function describePreauthorization(g: Preauthorization): string {
  return `pre-authorized ${g.tool} actions up to ${g.max_level === 'confirm' ? 'confirm' : 'step-up'} level (score ≤ ${g.max_score}) until ${new Date(g.expires_at).toISOString()}`;
}
