import type { RiskSummary } from '../protocol/index.js';
import { LEVEL_THRESHOLDS } from './factors.js';

/** The four outcomes, in the order of how much they ask of the person (the protocol's RiskLevel). */
export type RiskLevel = RiskSummary['level'];

const RANK: Readonly<Record<RiskLevel, number>> = { auto: 0, confirm: 1, step_up: 2, deny: 3 };

export function levelRank(level: RiskLevel): number {
  return RANK[level];
}

/** < 20 auto, 20-54 confirm, ≥ 55 step-up (see LEVEL_THRESHOLDS). */
export function levelForScore(score: number): Exclude<RiskLevel, 'deny'> {
  const s = Math.max(0, Math.min(100, Math.round(score)));
  for (const row of LEVEL_THRESHOLDS) if (s <= row.max) return row.level;
  return 'step_up';
}
