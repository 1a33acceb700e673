// @ts-check
/**
 * Lint: recommended rules plus the import boundaries of the layout (README "Layout"). Each boundary
 * is a list of forbidden import specifiers per file set; `@typescript-eslint/no-restricted-imports`
 * checks static imports and re-exports, `no-restricted-syntax` the same patterns in `import()` calls
 * and `import('…')` types. Flat config does not merge a rule's options across blocks, so every file
 * falls in exactly one boundary block (see `ignores`) and each block lists all of its restrictions.
 */
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/** Relative climbs to the repo root: `../../renderer/…` from anywhere below the root. */
const UP = String.raw`^(\.\./)+`;

const builtinNames = [...new Set(builtinModules.map((m) => m.split('/')[0]))].join('|');

/** @typedef {{ regex: string, message: string }} Restriction */

/** @satisfies {Record<string, Restriction>} */
const R = {
  node: {
    regex: String.raw`^(node:|(${builtinNames})($|/))`,
    message: 'Node built-ins are not available here (renderer, preload and shared contracts run without Node).',
  },
  electronPackage: {
    regex: String.raw`^electron($|/)`,
    message: 'The renderer talks to Electron only through the preload bridge (window.vouch), typed by electron/src/bridge/contract.ts.',
  },
  backendExceptProtocol: {
    regex: String.raw`${UP}backend/(?!src/protocol/|standins/|test/)`,
    message: 'Outside the backend, import only its environment-neutral contracts from backend/src/protocol.',
  },
  /**
   * The demo's host transport (renderer/src/bridge/hostBridge.ts, never in the production bundle) runs the
   * preload's own bridge over a socket: it may also import the preload's channel table and bridge factory.
   */
  electronExceptPreloadBridge: {
    regex: String.raw`${UP}electron/(?!src/bridge/contract\.js$|src/ipc/(channels|createBridge)\.js$|test/|e2e/)`,
    message: 'The host transport may import from electron/ only the IPC contract and the preload bridge (ipc/channels, ipc/createBridge).',
  },
  electronExceptBridgeContract: {
    regex: String.raw`${UP}electron/(?!src/bridge/contract\.js$|test/|e2e/)`,
    message: 'The renderer may import from electron/ only the IPC contract, electron/src/bridge/contract.ts.',
  },
  renderer: {
    regex: String.raw`${UP}renderer/(?!test/|e2e/)`,
    message:
      "The main process and the backend must not depend on the renderer's source; shared IPC types live in electron/src/bridge/contract.ts.",
  },
  electron: {
    regex: String.raw`${UP}electron/(?!test/|e2e/)`,
    message: 'The backend must not depend on the desktop app.',
  },
  standins: {
    regex: String.raw`${UP}(backend/)?standins/`,
    message: 'Product code never imports the stand-ins (backend/standins/): they are development and test doubles.',
  },
  tests: {
    regex: String.raw`${UP}((backend|electron|renderer)/)?(test|e2e)/|${UP}bench/|^(vitest|@vitest/|@playwright/test|playwright|@testing-library/|happy-dom)($|/)`,
    message: 'Product code never imports test code or test tools.',
  },
  /** Environment-neutral contracts: zod, and relative files (checked by `neutralRelative`). */
  neutralPackages: {
    regex: String.raw`^(?!zod($|/))[^.]`,
    message: 'Contracts are environment-neutral: zod and other contract files only (no Node, DOM or SDK packages).',
  },
};

/**
 * A relative import that leaves the neutral contract set, for a file `depth` folders below
 * backend/src/protocol: it may stay inside protocol/ or reach backend/src/providers/<p>/contract.ts.
 * @param {number} depth
 * @returns {Restriction}
 */
const neutralRelative = (depth) => ({
  regex: String.raw`^(\.\./){${depth + 1}}(?!protocol/|providers/[^/]+/contract\.js$|providers/(catalog|contracts|providerContract)\.js$)`,
  message:
    'backend/src/protocol imports only its own files, providers/<p>/contract.ts and the contract catalog (providers/{catalog,contracts,providerContract}.ts): environment-neutral contracts.',
});

const providerContractRelative = {
  regex: String.raw`^\./|^\.\./(?!\.\./|[^/]+/contract\.js$|providerContract\.js$)|^\.\./\.\./(?!protocol/)`,
  message:
    "A provider's contract.ts holds data only: it imports zod, backend/src/protocol and other contract.ts files, not its provider's SDK code.",
};

/** The contract catalog (providers/{catalog,contracts,providerContract}.ts): the contracts and the protocol only. */
const contractCatalogRelative = {
  regex: String.raw`^\./(?!(catalog|contracts|providerContract)\.js$|[^/]+/contract\.js$)|^\.\./(?!protocol/)`,
  message: 'The contract catalog is environment-neutral: it imports zod, provider contract.ts files and backend/src/protocol only.',
};

const bridgeContractRelative = {
  regex: String.raw`^\.(?!\./\.\./\.\./backend/src/protocol/)`,
  message: 'The IPC contract is shared with the renderer: it imports zod and backend/src/protocol only.',
};

/** esquery regex literal: `/` must not appear inside it. */
const esqueryRegex = (/** @type {string} */ regex) => `/${regex.replaceAll('/', String.raw`\x2F`)}/`;

/**
 * The two rule entries enforcing `restrictions` on the files of one boundary block.
 * @param {Restriction[]} restrictions
 * @returns {import('eslint').Linter.RulesRecord}
 */
function boundary(restrictions) {
  return {
    '@typescript-eslint/no-restricted-imports': ['error', { patterns: restrictions.map(({ regex, message }) => ({ regex, message })) }],
    'no-restricted-syntax': [
      'error',
      ...restrictions.flatMap(({ regex, message }) => [
        { selector: `ImportExpression > Literal.source[value=${esqueryRegex(regex)}]`, message },
        { selector: `TSImportType > Literal.source[value=${esqueryRegex(regex)}]`, message },
      ]),
    ],
  };
}

const PROTOCOL = ['backend/src/protocol/*.ts', 'backend/src/protocol/*/*.ts', 'backend/src/protocol/*/*/*.ts'];
const PROVIDER_CONTRACTS = ['backend/src/providers/*/contract.ts'];
const CONTRACT_CATALOG = [
  'backend/src/providers/catalog.ts',
  'backend/src/providers/contracts.ts',
  'backend/src/providers/providerContract.ts',
];
const BRIDGE_CONTRACT = ['electron/src/bridge/contract.ts'];
/** The preload bundle: preload.ts and what it imports (the bridge folder's contract has its own, stricter block). */
const PRELOAD = [
  'electron/src/preload.ts',
  'electron/src/preload/**/*.ts',
  'electron/src/bridge/**/*.ts',
  'electron/src/ipc/createBridge.ts',
  'electron/src/ipc/channels.ts',
];
const NEUTRAL = [...PROTOCOL, ...PROVIDER_CONTRACTS, ...CONTRACT_CATALOG, ...BRIDGE_CONTRACT];

export default defineConfig(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/', '.data/', '.cache/', 'bench/.out/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Forward declarations read by closures before their one assignment (electron/src/main.ts) stay `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // `_`-prefixed parameters and destructured leftovers are deliberate (interface shape, omitting a field).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },

  { ignores: ['renderer/src/**'], languageOptions: { globals: { ...globals.node } } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },

  // Boundaries. Tests (backend/test, electron/test, renderer/test, */e2e), bench and scripts may import anything.
  ...PROTOCOL.map((glob, depth) => ({
    files: [glob],
    rules: boundary([R.neutralPackages, neutralRelative(depth)]),
  })),
  { files: PROVIDER_CONTRACTS, rules: boundary([R.neutralPackages, providerContractRelative]) },
  { files: CONTRACT_CATALOG, rules: boundary([R.neutralPackages, contractCatalogRelative]) },
  { files: BRIDGE_CONTRACT, rules: boundary([R.neutralPackages, bridgeContractRelative]) },
  {
    files: ['backend/src/**/*.ts'],
    ignores: NEUTRAL,
    rules: boundary([R.electron, R.renderer, R.standins, R.tests]),
  },
  {
    files: PRELOAD,
    ignores: NEUTRAL,
    rules: boundary([R.node, R.renderer, R.backendExceptProtocol, R.standins, R.tests]),
  },
  {
    files: ['electron/src/**/*.ts'],
    ignores: [...NEUTRAL, ...PRELOAD],
    rules: boundary([R.renderer, R.backendExceptProtocol, R.standins, R.tests]),
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: boundary([R.node, R.electronPackage, R.backendExceptProtocol, R.electronExceptBridgeContract, R.standins, R.tests]),
  },
  {
    files: ['renderer/src/bridge/hostBridge.ts'],
    rules: boundary([R.node, R.electronPackage, R.backendExceptProtocol, R.electronExceptPreloadBridge, R.standins, R.tests]),
  },

  // React: hooks rules for the renderer and its DOM tests (not Playwright, whose fixtures' `use` is no hook).
  {
    ...reactHooks.configs.flat['recommended-latest'],
    files: ['renderer/src/**/*.{ts,tsx}', 'renderer/test/**/*.{ts,tsx}'],
  },
  {
    files: ['renderer/test/**', 'renderer/e2e/**', 'electron/e2e/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Playwright reads a fixture's dependencies from its first parameter: `async ({}, use) =>` is its documented form.
    files: ['**/e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
