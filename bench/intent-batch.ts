/**
 * One held-out batch through the offline engine, with its misses: how a freshly written batch is
 * measured before anything is fixed for it (the figures then go into corpus/heldOut.ts as first measured).
 *
 *   npx tsx bench/intent-batch.ts [--rules-only] HELD_OUT_15 [HELD_OUT_16 …]
 *
 * `--rules-only`: the rules without the learned fallback.
 */
import { OfflineIntentEngine } from '../backend/src/agent/intent/offline.js';
import { HELD_OUT_BATCHES } from '../backend/test/agent/corpus/heldOut.js';
import { runCorpus } from '../backend/test/agent/corpus/score.js';
import { corpusContext } from '../backend/test/agent/corpus/types.js';

const args = process.argv.slice(2);
const rulesOnly = args.includes('--rules-only');
const engine = new OfflineIntentEngine(rulesOnly ? { fallback: null } : {});
for (const name of args.filter((a) => a !== '--rules-only')) {
  const cases = HELD_OUT_BATCHES.find((b) => b.name === name)?.cases;
  if (!cases) throw new Error(`no batch ${name} in corpus/heldOut.ts`);
  const r = await runCorpus(cases, (c) => engine.analyze(c.text, corpusContext(c)));
  const pct = (a: number) => ((100 * a) / r.overall.n).toFixed(1);
  console.log(
    `${name}${rulesOnly ? ' (rules alone)' : ''}: tools+action ${r.overall.toolsAction}/${r.overall.n} (${pct(r.overall.toolsAction)} %), ` +
      `all entities ${r.overall.exact}/${r.overall.n} (${pct(r.overall.exact)} %)`,
  );
  for (const m of r.misses) console.log(`  [${m.c.category}] ${JSON.stringify(m.c.text)}  ← ${m.r.mismatches.join('; ')}`);
}
