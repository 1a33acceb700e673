/**
 * Trains the offline intent engine's learned fallback (backend/src/agent/intent/fallback.ts) on the whole
 * labelled corpus (development set + every held-out batch) and writes the model file. The combination
 * policy is chosen by 4-fold cross-validation by batch; the figures that decide whether the engine uses it
 * at all come from bench/intent-fallback.ts (leave one batch out). Deterministic: the same corpus gives
 * the same file.
 *
 *   npx tsx scripts/train-intent-fallback.ts [out.json]   # default backend/src/agent/intent/fallbackModel.json
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { buildFallbackModel, serializeFallbackModel } from '../backend/test/agent/corpus/fallbackFolds.js';

const out = process.argv[2] ?? fileURLToPath(new URL('../backend/src/agent/intent/fallbackModel.json', import.meta.url));
const model = buildFallbackModel();
// Formatted as the tree's Prettier check expects.
const text = await prettier.format(serializeFallbackModel(model), { ...(await prettier.resolveConfig(out)), filepath: out });
writeFileSync(out, text);
console.log(
  `${out}: ${model.labels.length} labels, ${Object.keys(model.weights).length} features, ${(text.length / 1024).toFixed(0)} KiB; ` +
    `policy: on unknown ≥ ${model.policy.unknownThreshold}, override ≥ ${model.policy.overrideThreshold} (above 1: never)`,
);
