/**
 * Offline intent engine accuracy over the phrasings in backend/test/agent/intentCases.ts.
 * Prints one row per phrasing (tools / action / entities) and the totals; exits 1 below 95 % exact
 * tool match so CI can run it as a check.
 *
 *   npx tsx bench/intent-accuracy.ts
 */
import { OfflineIntentEngine } from '../backend/src/agent/intent/offline.js';
import { INTENT_CASES, caseContext, scoreCase } from '../backend/test/agent/intentCases.js';

const engine = new OfflineIntentEngine();
let tools = 0;
let actions = 0;
let entities = 0;
let all = 0;
const rows: string[] = [];
const t0 = performance.now();

for (const [i, c] of INTENT_CASES.entries()) {
  const got = await engine.analyze(c.text, caseContext(c));
  const s = scoreCase(c, got);
  tools += Number(s.toolsOk);
  actions += Number(s.actionOk);
  entities += Number(s.entitiesOk);
  all += Number(s.toolsOk && s.actionOk && s.entitiesOk);
  const mark = (ok: boolean) => (ok ? 'ok ' : 'XX ');
  rows.push(
    `${String(i + 1).padStart(3)} ${mark(s.toolsOk)}${mark(s.actionOk)}${mark(s.entitiesOk)} ${c.text.padEnd(72).slice(0, 72)} ` +
      `${(got.tools.join('+') || '-').padEnd(20)} ${got.action.padEnd(9)}${s.mismatches.length ? `  ← ${s.mismatches.join('; ')}` : ''}`,
  );
}
const ms = performance.now() - t0;
const n = INTENT_CASES.length;
const pct = (x: number) => `${((100 * x) / n).toFixed(1)} %`;

console.log('  # tls act ent phrasing' + ' '.repeat(66) + 'tools                action');
console.log(rows.join('\n'));
console.log('');
console.log(`phrasings            ${n}`);
console.log(`exact tool match     ${tools}/${n}  ${pct(tools)}`);
console.log(`action match         ${actions}/${n}  ${pct(actions)}`);
console.log(`key entities match   ${entities}/${n}  ${pct(entities)}`);
console.log(`all three            ${all}/${n}  ${pct(all)}`);
console.log(`mean time per phrase ${(ms / n).toFixed(3)} ms`);
if (tools / n < 0.95) {
  console.error('exact tool match is below 95 %');
  process.exitCode = 1;
}
