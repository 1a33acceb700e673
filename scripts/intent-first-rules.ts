/**
 * The offline rules as they stood when each held-out batch was first measured: for batch n, the engine of
 * the commit just before the fixes that batch led to is extracted from git history (into a temporary
 * folder) and run over that batch. Writes backend/test/agent/corpus/firstMeasuredRules.json: per batch, the
 * tools+action label (service kinds, as the learned fallback names them) of each request, in order, marked
 * `note|` when the rules took it as a "remember"/"forget" note. These
 * are the only honest rule answers for batches the current rules were fixed on; bench/intent-fallback.ts
 * combines them with the learned fallback. The figures must reproduce FIRST_MEASURED (printed).
 *
 *   npx tsx scripts/intent-first-rules.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import { intentLabel } from '../backend/src/agent/intent/fallback.js';
import type { Intent, IntentContext } from '../backend/src/agent/intent/schema.js';
import { SHIPPED_LEXICON } from '../backend/src/agent/intent/vocabulary.js';
import { FIRST_MEASURED, HELD_OUT_BATCHES } from '../backend/test/agent/corpus/heldOut.js';
import { corpusContext } from '../backend/test/agent/corpus/types.js';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Per batch, the commit whose engine measured it first (the batch's own commit where fixes came later). */
const ENGINE_AT: Record<string, string> = {
  HELD_OUT_1: 'f3a139e^',
  HELD_OUT_2: '4980eb1^',
  HELD_OUT_3: 'a045696^',
  HELD_OUT_4: '14c147a^',
  HELD_OUT_5: '8e20612^',
  HELD_OUT_6: '28a250d^',
  HELD_OUT_7: '3e3f59b^',
  HELD_OUT_8: '4f08f74^',
  HELD_OUT_9: '957c8f9^',
  HELD_OUT_10: '2023c18^',
  HELD_OUT_11: '6540aa0^',
  HELD_OUT_12: '37a85e7^',
  HELD_OUT_13: '3f2fa63^',
  HELD_OUT_14: '51ef179^',
  HELD_OUT_15: '8063fbd',
  HELD_OUT_16: '8063fbd',
  HELD_OUT_17: '8063fbd',
  HELD_OUT_18: 'c073ab8',
  HELD_OUT_19: '3bc06fb',
  HELD_OUT_20: '8180e25',
  HELD_OUT_21: 'fb0a629',
  HELD_OUT_22: '198769a',
  HELD_OUT_23: '220ae83',
  HELD_OUT_24: '9523208',
  HELD_OUT_25: '9523208',
  HELD_OUT_26: '9523208',
  HELD_OUT_27: '9523208',
  HELD_OUT_28: 'f1b5043',
  HELD_OUT_29: 'f1b5043',
  HELD_OUT_30: 'f1b5043',
  HELD_OUT_31: 'f1b5043',
  HELD_OUT_32: '57582ce',
  HELD_OUT_33: '57582ce',
  HELD_OUT_34: '57582ce',
  HELD_OUT_35: '57582ce',
  HELD_OUT_36: '9afe544',
  HELD_OUT_37: '9afe544',
  HELD_OUT_38: '9afe544',
  HELD_OUT_39: '9afe544',
  HELD_OUT_40: 'df0f501',
  HELD_OUT_41: 'df0f501',
  HELD_OUT_42: 'df0f501',
  HELD_OUT_43: 'df0f501',
  HELD_OUT_44: 'c47ff2f',
  HELD_OUT_45: 'c47ff2f',
  HELD_OUT_46: 'c47ff2f',
  HELD_OUT_47: 'c47ff2f',
  HELD_OUT_48: 'db1fe88',
  HELD_OUT_49: 'db1fe88',
  HELD_OUT_50: 'db1fe88',
  HELD_OUT_51: 'db1fe88',
  HELD_OUT_52: '3022040',
  HELD_OUT_53: '3022040',
  HELD_OUT_54: '3022040',
  HELD_OUT_55: '3022040',
};

const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const base = join(tmpdir(), 'vouch-first-rules');
const out: Record<string, string[]> = {};
for (const [i, { name, cases }] of HELD_OUT_BATCHES.entries()) {
  const rev = ENGINE_AT[name];
  if (!rev) throw new Error(`no engine commit for ${name}`);
  const sha = git('rev-parse', rev);
  const dir = join(base, sha);
  if (!existsSync(join(dir, 'backend/src/agent/intent/offline.ts'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${sha} backend/src package.json | tar -x -C ${JSON.stringify(dir)}`], { cwd: root });
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  }
  const old = (await import(pathToFileURL(join(dir, 'backend/src/agent/intent/offline.ts')).href)) as {
    parseIntent(text: string, ctx: IntentContext): Intent;
  };
  const labels = cases.map((c) => {
    const got = old.parseIntent(c.text, corpusContext(c));
    // A "remember …"/"forget …" note is marked: the fallback never replaces one.
    const note = Boolean((got.entities as { remember?: string; forget?: string }).remember ?? (got.entities as { forget?: string }).forget);
    return `${note ? 'note|' : ''}${intentLabel(got.tools, got.action, SHIPPED_LEXICON)}`;
  });
  out[name] = labels;
  const right = cases.filter((c, k) => labels[k]?.replace(/^note\|/, '') === intentLabel(c.tools, c.action, SHIPPED_LEXICON)).length;
  const first = FIRST_MEASURED[i];
  console.log(
    `${name.padEnd(12)} engine ${sha.slice(0, 7)}: ${right}/${cases.length} (recorded as first measured: ${first?.toolsAction}/${first?.n})`,
  );
}
const file = join(root, 'backend/test/agent/corpus/firstMeasuredRules.json');
// Formatted as the tree's Prettier check expects.
writeFileSync(file, await prettier.format(JSON.stringify(out, null, 2), { ...(await prettier.resolveConfig(file)), filepath: file }));
console.log(file);
