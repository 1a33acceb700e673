import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The import boundaries in eslint.config.js, checked on one-line sources at virtual paths: each
 * case says whether that import from that file is a lint error. The same specifier is also tried as
 * an `import()` call and an `import('…')` type, which the rule must catch too.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

const boundaryRules = new Set(['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax']);

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId && boundaryRules.has(m.ruleId)).map((m) => m.message);
}

type Case = [from: string, specifier: string, allowed: boolean];

const cases: Case[] = [
  // renderer → backend only through the protocol, → electron only through the IPC contract, no Node, no stand-ins, no tests.
  ['renderer/src/components/X.tsx', '../../../backend/src/protocol/index.js', true],
  ['renderer/src/components/X.tsx', '../../../backend/src/auth/scopeCatalog.js', false],
  ['renderer/src/components/X.tsx', '../../../backend/src/providers/slack/contract.js', false],
  ['renderer/src/components/X.tsx', '../../../backend/standins/system.js', false],
  ['renderer/src/components/X.tsx', '../../../electron/src/bridge/contract.js', true],
  ['renderer/src/components/X.tsx', '../../../electron/src/ipc/channels.js', false],
  ['renderer/src/App.tsx', '../../electron/src/main.js', false],
  ['renderer/src/components/X.tsx', '../../test/fakeBridge.js', false],
  ['renderer/src/components/X.tsx', '../../e2e/harness.js', false],
  ['renderer/src/components/X.tsx', 'vitest', false],
  ['renderer/src/components/X.tsx', 'node:fs', false],
  ['renderer/src/components/X.tsx', 'fs/promises', false],
  ['renderer/src/components/X.tsx', 'path', false],
  ['renderer/src/components/X.tsx', 'electron', false],
  ['renderer/src/components/X.tsx', 'react', true],
  ['renderer/src/components/X.tsx', './Sheet.js', true],
  // Electron main: not the renderer's source, backend only through the protocol.
  ['electron/src/app/x.ts', '../../../renderer/src/bridge/api.js', false],
  ['electron/src/main.ts', '../../renderer/src/bridge/api.js', false],
  ['electron/src/app/x.ts', '../../../backend/src/protocol/index.js', true],
  ['electron/src/app/x.ts', '../../../backend/src/auth/myAccountClient.js', false],
  ['electron/src/app/x.ts', '../../../backend/standins/system.js', false],
  ['electron/src/app/x.ts', '../../test/main/helpers/x.js', false],
  ['electron/src/app/x.ts', '../bridge/contract.js', true],
  ['electron/src/app/x.ts', 'node:fs', true],
  ['electron/src/app/x.ts', 'electron', true],
  // Preload: no Node built-ins.
  ['electron/src/preload.ts', 'electron', true],
  ['electron/src/preload.ts', './ipc/createBridge.js', true],
  ['electron/src/preload.ts', 'node:fs', false],
  ['electron/src/ipc/createBridge.ts', 'events', false],
  ['electron/src/ipc/createBridge.ts', '../../../renderer/src/bridge/api.js', false],
  ['electron/src/bridge/expose.ts', 'electron', true],
  ['electron/src/bridge/expose.ts', './contract.js', true],
  ['electron/src/bridge/expose.ts', 'node:fs', false],
  // The IPC contract is shared with the renderer: neutral.
  ['electron/src/bridge/contract.ts', '../../../backend/src/protocol/index.js', true],
  ['electron/src/bridge/contract.ts', 'zod', true],
  ['electron/src/bridge/contract.ts', '../ipc/channels.js', false],
  ['electron/src/bridge/contract.ts', './preload.js', false],
  ['electron/src/bridge/contract.ts', 'electron', false],
  ['electron/src/bridge/contract.ts', 'node:events', false],
  // Backend product code: not the desktop app, the renderer, the stand-ins or tests.
  ['backend/src/agent/x.ts', '../../../electron/src/stt/vad.js', false],
  ['backend/src/agent/x.ts', '../../../renderer/src/App.js', false],
  ['backend/src/agent/x.ts', '../../standins/system.js', false],
  ['backend/src/agent/x.ts', '../../test/helpers/system.js', false],
  ['backend/src/x.ts', '../standins/demo.js', false],
  ['backend/src/agent/x.ts', 'vitest', false],
  ['backend/src/agent/x.ts', '../protocol/index.js', true],
  ['backend/src/agent/x.ts', 'node:fs', true],
  ['backend/src/agent/x.ts', '@slack/web-api', true],
  // The protocol: zod, its own files and provider contracts only.
  ['backend/src/protocol/x.ts', 'zod', true],
  ['backend/src/protocol/x.ts', './common.js', true],
  ['backend/src/protocol/x.ts', '../providers/gmail/contract.js', true],
  ['backend/src/protocol/x.ts', '../providers/gmail/client.js', false],
  ['backend/src/protocol/x.ts', '../server/app.js', false],
  ['backend/src/protocol/x.ts', 'node:buffer', false],
  ['backend/src/protocol/x.ts', 'buffer', false],
  ['backend/src/protocol/x.ts', '@googleapis/gmail', false],
  ['backend/src/protocol/http/x.ts', '../common.js', true],
  ['backend/src/protocol/http/x.ts', '../../providers/slack/contract.js', true],
  ['backend/src/protocol/http/x.ts', '../../auth/tokenVault.js', false],
  // A provider's contract.ts: data only.
  ['backend/src/providers/gmail/contract.ts', 'zod', true],
  ['backend/src/providers/gmail/contract.ts', '../../protocol/common.js', true],
  ['backend/src/providers/gmail/contract.ts', '../slack/contract.js', true],
  ['backend/src/providers/gmail/contract.ts', './client.js', false],
  ['backend/src/providers/gmail/contract.ts', '../slack/execute.js', false],
  ['backend/src/providers/gmail/contract.ts', '../../agent/drafts.js', false],
  ['backend/src/providers/gmail/contract.ts', '@googleapis/gmail', false],
  // Tests, e2e, bench and the stand-ins may import across.
  ['backend/test/x.test.ts', '../../electron/src/stt/vad.js', true],
  ['backend/test/x.test.ts', '../standins/system.js', true],
  ['renderer/e2e/x.ts', '../../backend/standins/system.js', true],
  ['renderer/test/x.test.ts', '../../backend/src/auth/tokenVault.js', true],
  ['electron/test/main/x.test.ts', '../../../renderer/src/bridge/api.js', true],
  ['bench/x.ts', '../electron/src/stt/vad.js', true],
  ['backend/standins/x.ts', '../src/store/sqlite.js', true],
];

describe('import boundaries (eslint.config.js)', () => {
  for (const [from, specifier, allowed] of cases) {
    it(`${allowed ? 'allows' : 'forbids'} ${from} → ${specifier}`, async () => {
      const forms = [
        `import { x } from '${specifier}';\nexport { x };\n`,
        `export * from '${specifier}';\n`,
        `export const load = () => import('${specifier}');\n`,
      ];
      if (from.endsWith('.ts') || from.endsWith('.tsx')) forms.push(`export type T = import('${specifier}').T;\n`);
      for (const code of forms) {
        const errors = await boundaryErrors(from, code);
        if (allowed) expect(errors, code).toEqual([]);
        else expect(errors, code).toHaveLength(1);
      }
    });
  }

  it('explains the rule in the message', async () => {
    const [message] = await boundaryErrors(
      'electron/src/app/x.ts',
      "import type { A } from '../../../renderer/src/bridge/api.js';\nexport type { A };\n",
    );
    expect(message).toMatch(/electron\/src\/bridge\/contract\.ts/);
  });
});
