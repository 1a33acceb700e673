import { z } from 'zod';

/**
 * Risk levels and the score bands that separate them, once for the policy, the pre-authorization
 * rules and the app: < 20 auto, 20-54 confirm, ≥ 55 step-up (a deny comes from rules, not scores).
 */
export const RiskLevel = z.enum(['auto', 'confirm', 'step_up', 'deny']);
export type RiskLevel = z.infer<typeof RiskLevel>;

export const RISK_BANDS = { autoMax: 19, confirmMax: 54, stepUpMax: 100 } as const;

/** Score → level, first row whose `max` is ≥ the score. */
export const LEVEL_THRESHOLDS: readonly { max: number; level: Exclude<RiskLevel, 'deny'> }[] = [
  { max: RISK_BANDS.autoMax, level: 'auto' },
  { max: RISK_BANDS.confirmMax, level: 'confirm' },
  { max: RISK_BANDS.stepUpMax, level: 'step_up' },
];

/** The most a confirm-level ("medium risk") pre-authorization may cover: the top of the confirm band. */
export const CONFIRM_BAND_MAX_SCORE = RISK_BANDS.confirmMax;

export const RiskFactor = z.object({ name: z.string(), points: z.number(), detail: z.string() });
export const RiskSummary = z.object({
  score: z.number().min(0).max(100),
  level: RiskLevel,
  factors: z.array(RiskFactor),
  rule: z.string().optional(),
  /**
   * Why this level, in plain words for the app: a rule the person wrote (its description), Vouch's
   * default for the score, or a pre-approval the person granted (with when it ends, RFC 3339, for the
   * app to show in the person's own time zone). No ids, no scores.
   */
  reason: z
    .object({ by: z.enum(['default', 'rule', 'preauthorization', 'role']), text: z.string().max(300), until: z.string().optional() })
    .optional(),
});
export type RiskSummary = z.infer<typeof RiskSummary>;
