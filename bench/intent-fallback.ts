/**
 * The learned intent fallback, measured honestly: leave one batch out over the labelled corpus
 * (development set + every held-out batch). For each batch the model is trained, and its combination
 * policy chosen (4-fold by batch on the training batches), without that batch. Prints, per batch and in
 * total, tools+action exact match of the rules alone, the model alone and rules + fallback.
 *
 * Caveat printed with the figures: the rules were fixed after measuring batches 1-21 and the development
 * set, so "rules alone" there is a fitted figure; only batch 22 is unseen by the rules too.
 *
 *   npx tsx bench/intent-fallback.ts            # every batch (a few minutes on a busy machine)
 *   npx tsx bench/intent-fallback.ts HELD_OUT_22  # only the named batches as test folds
 *   npx tsx bench/intent-fallback.ts --conservative  # policy ties broken towards higher thresholds
 */
import { type FoldResult, type TieBreak, labelledCorpus, leaveOneBatchOut } from '../backend/test/agent/corpus/fallbackFolds.js';

const tieBreak: TieBreak = process.argv.includes('--conservative') ? 'conservative' : 'permissive';
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const t0 = performance.now();
const all = labelledCorpus();
const folds = leaveOneBatchOut(all, tieBreak, only.length ? (g) => only.includes(g) : undefined);
const pct = (a: number, n: number) => `${((100 * a) / n).toFixed(1).padStart(5)} %`;
const fmt = (label: string, r: Pick<FoldResult, 'n' | 'rules' | 'model' | 'combined'>) =>
  `${label.padEnd(14)} ${String(r.n).padStart(4)}   rules ${String(r.rules).padStart(4)} ${pct(r.rules, r.n)}   ` +
  `model ${String(r.model).padStart(4)} ${pct(r.model, r.n)}   rules+fallback ${String(r.combined).padStart(4)} ${pct(r.combined, r.n)}`;

console.log(
  `leave-one-batch-out, tools+action exact match (rules fitted on every batch but HELD_OUT_22), policy ties broken ${tieBreak}:\n`,
);
for (const f of folds) {
  const p = f.policy;
  const th = (v: number) => (v > 1 ? 'never' : v.toFixed(2));
  console.log(`${fmt(f.group, f)}   policy: on unknown ≥ ${th(p.unknownThreshold)}, override ≥ ${th(p.overrideThreshold)}`);
  for (const c of f.changed) console.log(`      ${c.right ? 'fixed ' : 'broke '} ${JSON.stringify(c.text)}  ${c.from} → ${c.to}`);
}
const sum = (pick: (f: FoldResult) => boolean) => {
  const fs = folds.filter(pick);
  return {
    n: fs.reduce((a, f) => a + f.n, 0),
    rules: fs.reduce((a, f) => a + f.rules, 0),
    model: fs.reduce((a, f) => a + f.model, 0),
    combined: fs.reduce((a, f) => a + f.combined, 0),
  };
};
console.log('');
console.log(
  fmt(
    'total',
    sum(() => true),
  ),
);
if (folds.some((f) => f.group === 'HELD_OUT_22'))
  console.log(
    fmt(
      'unseen (22)',
      sum((f) => f.group === 'HELD_OUT_22'),
    ),
  );
console.log(`\n${all.length} labelled requests, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
