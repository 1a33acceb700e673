import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../e2e/harness.js';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
// The demo keeps its databases (tokens, audit chain, drafts) under .data/ in the checkout.
const dataDir = join(repo, '.data', `vite-fs-probe-${process.pid}`);
const secretFile = join(dataDir, 'vouch.sqlite');
const SECRET = 'refresh-token-that-must-not-leak';

let harness: Harness;

beforeAll(async () => {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(secretFile, SECRET);
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the renderer's Vite server", () => {
  it.each(['', '?raw', '?import&raw', '?url', '?inline', '?raw??', '?import&raw??'])(
    "refuses the data folder through /@fs/ (query '%s')",
    async (query) => {
      const res = await fetch(`${harness.url}/@fs${secretFile}${query}`);
      const body = await res.text();
      expect(body).not.toContain(SECRET);
      expect([403, 404]).toContain(res.status);
    },
  );

  it('refuses files of the checkout outside what the renderer imports', async () => {
    for (const path of [join(repo, 'package.json'), join(repo, 'backend/src/config.ts'), join(repo, '.env.example')]) {
      const res = await fetch(`${harness.url}/@fs${path}`);
      await res.arrayBuffer();
      expect([403, 404], path).toContain(res.status);
    }
  });

  it('still serves the renderer and the shared protocol module it imports', async () => {
    const index = await fetch(`${harness.url}/index.html`);
    expect(index.status).toBe(200);
    await index.arrayBuffer();
    const protocol = await fetch(`${harness.url}/@fs${join(repo, 'backend/src/protocol/index.ts')}`);
    expect(protocol.status).toBe(200);
    await protocol.arrayBuffer();
  });
});
