/**
 * Exact-match rates of the offline intent engine over the request corpus
 * (backend/test/agent/corpus/): tools+action, entities per key, overall and per category, for the
 * development set and, separately, the held-out set written after the engine work. With
 * GEMINI_API_KEY set, the same figures print for the Gemini engine too.
 *
 *   npx tsx bench/intent-corpus.ts            # figures and misses
 *   npx tsx bench/intent-corpus.ts --quiet    # figures only
 */
import { createGeminiClient } from '../backend/src/agent/intent/geminiClient.js';
import { GeminiIntentEngine } from '../backend/src/agent/intent/gemini.js';
import { OfflineIntentEngine } from '../backend/src/agent/intent/offline.js';
import type { IntentEngine } from '../backend/src/agent/intent/schema.js';
import { FIRST_BATCH_BY_OTHER_WRITERS, FIRST_MEASURED, HELD_OUT_CORPUS } from '../backend/test/agent/corpus/heldOut.js';
import { PERTURBATIONS, perturbable } from '../backend/test/agent/corpus/perturb.js';
import { DEV_CORPUS } from '../backend/test/agent/corpus/requests.js';
import { type CorpusReport, STRICT_FLAGS, type Tally, runCorpus } from '../backend/test/agent/corpus/score.js';
import { type CorpusCase, corpusContext } from '../backend/test/agent/corpus/types.js';

const quiet = process.argv.includes('--quiet');
const pct = (a: number, n: number) => (n ? `${((100 * a) / n).toFixed(1).padStart(5)} %` : '    - ');

function row(label: string, t: Tally): string {
  return `${label.padEnd(18)} ${String(t.n).padStart(4)}   tools+action ${pct(t.toolsAction, t.n)}   all entities too ${pct(t.exact, t.n)}`;
}

function print(title: string, rep: CorpusReport): void {
  console.log(`\n== ${title}`);
  console.log(row('overall', rep.overall));
  for (const [cat, t] of [...rep.byCategory].sort((a, b) => a[0].localeCompare(b[0]))) console.log(row(`  ${cat}`, t));
  console.log('  entity accuracy per key (* = checked on every request: set exactly when expected):');
  for (const [k, [ok, n]] of [...rep.overall.keys].sort((a, b) => b[1][1] - a[1][1])) {
    console.log(
      `    ${(k + (STRICT_FLAGS.includes(k) ? ' *' : '')).padEnd(16)} ${String(ok).padStart(4)}/${String(n).padEnd(4)} ${pct(ok, n)}`,
    );
  }
  if (!quiet && rep.misses.length) {
    console.log('  misses:');
    for (const m of rep.misses) console.log(`    [${m.c.category}] ${JSON.stringify(m.c.text)}  ← ${m.r.mismatches.join('; ')}`);
  }
}

async function measure(engine: IntentEngine, name: string): Promise<void> {
  const analyze = (c: CorpusCase) => engine.analyze(c.text, corpusContext(c));
  const t0 = performance.now();
  const dev = await runCorpus(DEV_CORPUS, analyze);
  const held = await runCorpus(HELD_OUT_CORPUS, analyze);
  const ms = performance.now() - t0;
  print(`${name}: development corpus`, dev);
  print(`${name}: held-out corpus (written after the engine work)`, held);
  let variants = 0;
  let stable = 0;
  for (const c of [...DEV_CORPUS, ...HELD_OUT_CORPUS].filter(perturbable)) {
    for (const [, vary] of PERTURBATIONS) {
      const got = await engine.analyze(vary(c.text), corpusContext(c));
      variants++;
      stable += Number(JSON.stringify([...got.tools].sort()) === JSON.stringify([...c.tools].sort()) && got.action === c.action);
    }
  }
  console.log(
    `\n${name}: spoken variants (fillers, politeness, case, punctuation) keeping tools+action ${stable}/${variants} ${pct(stable, variants)}`,
  );
  const n = DEV_CORPUS.length + HELD_OUT_CORPUS.length;
  console.log(
    `\n${name}: ${n} requests, tools+action ${pct(dev.overall.toolsAction + held.overall.toolsAction, n)}, ${(ms / n).toFixed(2)} ms each`,
  );
}

await measure(new OfflineIntentEngine(), 'offline');
console.log('\noffline, held-out batches as first measured (before fixing what they showed):');
const total = (batch: string, of: typeof FIRST_MEASURED) =>
  of.reduce((a, b) => ({ batch, n: a.n + b.n, toolsAction: a.toolsAction + b.toolsAction, exact: a.exact + b.exact }), {
    batch,
    n: 0,
    toolsAction: 0,
    exact: 0,
  });
const byOthers = FIRST_MEASURED.filter((b) => Number(/\d+$/.exec(b.batch)?.[0]) >= FIRST_BATCH_BY_OTHER_WRITERS);
for (const b of [...FIRST_MEASURED, total('all batches', FIRST_MEASURED), total('other writers', byOthers)]) {
  console.log(
    `  ${b.batch.padEnd(18)} ${String(b.n).padStart(4)}   tools+action ${pct(b.toolsAction, b.n)}   all entities too ${pct(b.exact, b.n)}`,
  );
}
if (process.env.GEMINI_API_KEY) {
  const client = createGeminiClient({ apiKey: process.env.GEMINI_API_KEY, timeoutMs: 20_000 });
  await measure(new GeminiIntentEngine({ client, model: process.env.GEMINI_MODEL ?? 'gemini-2.5-flash' }), 'gemini');
} else {
  console.log('\n(gemini: set GEMINI_API_KEY to measure the Gemini engine on the same corpus)');
}
