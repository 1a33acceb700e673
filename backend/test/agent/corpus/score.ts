import type { Intent } from '../../../src/agent/intent/schema.js';
import type { Category, CorpusCase } from './types.js';
import { norm } from '../intentCases.js';

/**
 * Exact-match scoring for the intent corpus. Tools compare as sets, the action exactly, and each listed
 * entity by value (strings case-insensitively). The flags in STRICT_FLAGS are also checked when a case
 * does not list them: a request that is not a forward must not come out as one.
 */

export const STRICT_FLAGS: readonly string[] = ['operation', 'reply_all', 'forward', 'save_as_draft', 'analysis', 'remember'];

export interface CaseResult {
  toolsAction: boolean;
  tools: boolean;
  action: boolean;
  /** Per compared entity key: matched or not. */
  keys: Record<string, boolean>;
  mismatches: string[];
}

export function scoreCorpusCase(c: CorpusCase, got: Intent): CaseResult {
  const mismatches: string[] = [];
  const tools = JSON.stringify([...got.tools].sort()) === JSON.stringify([...c.tools].sort());
  if (!tools) mismatches.push(`tools ${got.tools.join('+') || '-'} ≠ ${c.tools.join('+') || '-'}`);
  const action = got.action === c.action;
  if (!action) mismatches.push(`action ${got.action} ≠ ${c.action}`);
  const keys: Record<string, boolean> = {};
  const want: Record<string, unknown> = { ...(c.entities ?? {}) };
  for (const flag of STRICT_FLAGS) if (!(flag in want)) want[flag] = undefined;
  for (const [k, w] of Object.entries(want)) {
    const have = (got.entities as Record<string, unknown>)[k];
    const ok = w === undefined ? have === undefined || have === false : JSON.stringify(norm(have)) === JSON.stringify(norm(w));
    keys[k] = ok;
    if (!ok) mismatches.push(`${k} ${JSON.stringify(have)} ≠ ${JSON.stringify(w)}`);
  }
  return { toolsAction: tools && action, tools, action, keys, mismatches };
}

export interface Tally {
  n: number;
  toolsAction: number;
  exact: number;
  /** key → [matched, compared] */
  keys: Map<string, [number, number]>;
}

export function newTally(): Tally {
  return { n: 0, toolsAction: 0, exact: 0, keys: new Map() };
}

export function addToTally(t: Tally, r: CaseResult): void {
  t.n++;
  t.toolsAction += Number(r.toolsAction);
  t.exact += Number(r.toolsAction && Object.values(r.keys).every(Boolean));
  for (const [k, ok] of Object.entries(r.keys)) {
    const cur = t.keys.get(k) ?? [0, 0];
    t.keys.set(k, [cur[0] + Number(ok), cur[1] + 1]);
  }
}

export interface CorpusReport {
  overall: Tally;
  byCategory: Map<Category, Tally>;
  misses: Array<{ c: CorpusCase; r: CaseResult; got: Intent }>;
}

export async function runCorpus(cases: CorpusCase[], analyze: (c: CorpusCase) => Promise<Intent>): Promise<CorpusReport> {
  const overall = newTally();
  const byCategory = new Map<Category, Tally>();
  const misses: CorpusReport['misses'] = [];
  for (const c of cases) {
    const got = await analyze(c);
    const r = scoreCorpusCase(c, got);
    addToTally(overall, r);
    const t = byCategory.get(c.category) ?? newTally();
    addToTally(t, r);
    byCategory.set(c.category, t);
    if (r.mismatches.length) misses.push({ c, r, got });
  }
  return { overall, byCategory, misses };
}
