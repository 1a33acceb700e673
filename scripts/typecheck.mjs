/**
 * Type-checks every project listed in tsconfig.json's `references` with `tsc -p`, two at a time, and
 * fails if any fails (all run, so one report shows every target's errors). Each project is
 * incremental, its .tsbuildinfo under .cache/tsc/ (not out/, which electron-builder packs); `tsc -p`
 * re-validates that cache against every file the program reads, whereas `tsc -b` compares only a
 * project's own `include` timestamps and would miss a change in a file imported from elsewhere.
 * It also fails when a TypeScript file belongs to no project, so a new folder cannot go unchecked.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
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

/**
 * Runs `tsc -p project`, holding its output until it ends so parallel reports do not interleave.
 * @param {string} project
 * @returns {Promise<boolean>}
 */
function check(project) {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [tsc, '-p', project, '--pretty', String(process.stdout.isTTY === true)], { cwd: root });
    /** @type {Buffer[]} */
    const output = [];
    child.stdout.on('data', (b) => output.push(b));
    child.stderr.on('data', (b) => output.push(b));
    child.on('close', (code) => {
      process.stdout.write(Buffer.concat(output));
      console.log(`${code === 0 ? 'ok  ' : 'FAIL'} ${relative(root, project)} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
      done(code === 0);
    });
  });
}

/** @type {string[]} */
const failed = [];
const queue = [...projects];
const lanes = Array.from({ length: Math.min(2, availableParallelism()) }, async () => {
  for (let project = queue.shift(); project; project = queue.shift()) {
    if (!(await check(project))) failed.push(relative(root, project));
  }
});
await Promise.all(lanes);

if (orphans.length > 0) {
  console.error(
    `In no tsconfig project (add them to one listed in tsconfig.json):\n  ${orphans.map((f) => relative(root, f)).join('\n  ')}`,
  );
}
if (failed.length > 0) console.error(`Type errors in ${failed.join(', ')}.`);
if (orphans.length > 0 || failed.length > 0) process.exit(1);
