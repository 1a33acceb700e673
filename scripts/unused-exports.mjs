/**
 * Lists exports of product code (backend/src, electron/src, renderer/src) that no other file imports:
 * `node scripts/unused-exports.mjs`. One TypeScript program over every tracked .ts/.tsx file (tests,
 * bench and stand-ins count as importers), each identifier resolved through its import aliases to the
 * declaration it names, and `const { x } = await import(…)` resolved through the module's type.
 * A finding is `file:line  name  local|unused`: `local` means only its own file uses it (drop the
 * `export`), `unused` that nothing does (delete it). Exits 1 when there are findings.
 *
 * Public surfaces keep their exports even when nothing imports them yet: the wire/HTTP protocol, the
 * provider contracts and registry (what a new provider implements and registers with), the IPC
 * contract, and the composition root.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
/** @type {typeof import('typescript')} */
const ts = require('typescript');

const PRODUCT = /^(backend\/src|electron\/src|renderer\/src)\//;
const PUBLIC_SURFACES = [
  /^backend\/src\/protocol\//,
  /^backend\/src\/providers\/[^/]+\/contract\.ts$/,
  /^backend\/src\/providers\/(catalog|providerModule|registry)\.ts$/,
  /^electron\/src\/bridge\/contract\.ts$/,
  /^backend\/src\/compose\.ts$/,
];

const files = execFileSync('git', ['ls-files', '*.ts', '*.tsx', '*.mts'], { cwd: root, encoding: 'utf8' })
  .trim()
  .split('\n')
  .map((f) => resolve(root, f));
const program = ts.createProgram(files, {
  target: ts.ScriptTarget.ES2023,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  jsx: ts.JsxEmit.ReactJSX,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  resolveJsonModule: true,
  esModuleInterop: true,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: ['node', 'vite/client'],
});
const checker = program.getTypeChecker();
const rel = (/** @type {string} */ f) => relative(root, f).split('\\').join('/');

/** @param {import('typescript').Symbol} s */
const original = (s) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);

/** Symbols named from a file other than the one declaring them. */
const usedElsewhere = new Set();
/** Symbols named in their own file, other than at their declaration. */
const usedLocally = new Set();

/**
 * @param {import('typescript').Symbol | undefined} symbol
 * @param {import('typescript').Node} at
 */
function note(symbol, at) {
  if (!symbol) return;
  for (const s of new Set([symbol, original(symbol)])) {
    const decl = s.declarations?.[0];
    if (!decl) continue;
    if (decl.getSourceFile() !== at.getSourceFile()) usedElsewhere.add(s);
    else if (/** @type {{ name?: unknown }} */ (decl).name !== at && !ts.isExportSpecifier(at.parent)) usedLocally.add(s);
  }
}

for (const sf of program.getSourceFiles()) {
  if (sf.isDeclarationFile || sf.fileName.includes('/node_modules/')) continue;
  /** @param {import('typescript').Node} node */
  const visit = (node) => {
    if (ts.isIdentifier(node)) note(checker.getSymbolAtLocation(node), node);
    if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
      const key = node.propertyName ?? node.name;
      if (ts.isIdentifier(key)) note(checker.getTypeAtLocation(node.parent).getProperty(key.text), node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

const findings = [];
for (const sf of program.getSourceFiles()) {
  const file = rel(sf.fileName);
  if (!PRODUCT.test(file) || PUBLIC_SURFACES.some((re) => re.test(file))) continue;
  const moduleSymbol = checker.getSymbolAtLocation(sf);
  if (!moduleSymbol) continue;
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = original(exported);
    const decl = symbol.declarations?.[0];
    // A re-export is reported at the declaration it forwards.
    if (!decl || decl.getSourceFile() !== sf || usedElsewhere.has(symbol)) continue;
    const line = sf.getLineAndCharacterOfPosition(decl.getStart()).line + 1;
    findings.push(`${file}:${line}\t${exported.name}\t${usedLocally.has(symbol) ? 'local' : 'unused'}`);
  }
}
findings.sort();
for (const f of findings) console.log(f);
if (findings.length > 0) {
  console.error(`${findings.length} export(s) nothing else imports`);
  process.exitCode = 1;
}
