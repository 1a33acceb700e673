/**
 * Type-checks every project listed in tsconfig.json's `references`, one `tsc -p` each, and fails if
 * any fails (all are run, so one report shows every target's errors). Each project is incremental
 * (its .tsbuildinfo under .cache/tsc/, outside out/ which electron-builder packs), which `tsc -p` re-validates against every file the program
 * reads; `tsc -b` only compares a project's own `include` timestamps and would miss an imported file.
 * It also fails when a TypeScript file belongs to no project, so a new folder cannot go unchecked.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
/** @type {typeof import('typescript')} */
const ts = require('typescript');
const tsc = require.resolve('typescript/bin/tsc');
/** @type {{ references: { path: string }[] }} */
const { references } = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'));
const projects = references.map((r) => resolve(root, r.path));

const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', 'test-results', 'playwright-report', '.git', '.data', '.cache']);
/**
 * @param {string} dir
 * @returns {string[]}
 */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return SKIP_DIRS.has(e.name) ? [] : sourceFiles(join(dir, e.name));
    return /\.(ts|tsx|mts|cts)$/.test(e.name) ? [join(dir, e.name)] : [];
  });
}
const covered = new Set(
  projects.flatMap(
    (p) => ts.getParsedCommandLineOfConfigFile(p, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })?.fileNames ?? [],
  ),
);
const orphans = sourceFiles(root).filter((f) => !covered.has(f.split('\\').join('/')));

/** @type {string[]} */
const failed = [];
for (const project of projects) {
  const started = Date.now();
  const run = spawnSync(process.execPath, [tsc, '-p', project], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed.push(relative(root, project));
  console.log(`${run.status === 0 ? 'ok  ' : 'FAIL'} ${relative(root, project)} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
}
if (orphans.length > 0) {
  console.error(
    `In no tsconfig project (add them to one listed in tsconfig.json):\n  ${orphans.map((f) => relative(root, f)).join('\n  ')}`,
  );
}
if (failed.length > 0) console.error(`Type errors in ${failed.join(', ')}.`);
if (orphans.length > 0 || failed.length > 0) process.exit(1);
