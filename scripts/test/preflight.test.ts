import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../preflight.cjs', import.meta.url));
const preflight = createRequire(import.meta.url)(script) as {
  ENGINES: string;
  isSupported(version: string): boolean;
  preflightMessage(version: string): string | null;
};
const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};

describe('Node preflight', () => {
  it('accepts the Node versions with node:sqlite unflagged and refuses the rest', () => {
    for (const v of ['22.13.0', '22.22.1', '23.4.0', '23.11.1', '24.0.0', 'v24.21.0', '26.1.0'])
      expect(preflight.isSupported(v), v).toBe(true);
    for (const v of ['20.11.1', 'v20.20.2', '22.5.0', '22.12.0', '23.0.0', '23.3.0', '18.20.4', '0.10.48', 'garbage'])
      expect(preflight.isSupported(v), v).toBe(false);
  });

  it('says in one sentence which version it found and how to get Node 24', () => {
    const message = preflight.preflightMessage('v20.11.1');
    expect(message).toMatch(/found Node 20\.11\.1/);
    expect(message).toMatch(/install Node 24/);
    expect(message).toMatch(/https:\/\/nodejs\.org\/en\/download/);
    expect(message?.split(/[.:] [A-Z]/)).toHaveLength(1);
    expect(preflight.preflightMessage('24.1.0')).toBeNull();
  });

  it('matches package.json engines and runs before start, demo and test', () => {
    expect(packageJson.engines.node).toBe(preflight.ENGINES);
    for (const name of ['prestart', 'predemo', 'pretest']) expect(packageJson.scripts[name]).toBe('node scripts/preflight.cjs');
  });

  it('exits 1 with the sentence on stderr when Node is too old, and quietly 0 otherwise', () => {
    // This Node, made to report 20.11.1 before the script loads (as `node scripts/preflight.cjs` from npm).
    const reportOld = `data:text/javascript,Object.defineProperty(process.versions, 'node', { value: '20.11.1' });`;
    const old = spawnSync(process.execPath, ['--import', reportOld, script], { encoding: 'utf8' });
    expect(old.status).toBe(1);
    expect(old.stderr.trim()).toBe(preflight.preflightMessage('20.11.1'));
    expect(old.stdout).toBe('');

    const current = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(current.status).toBe(0);
    expect(current.stderr + current.stdout).toBe('');
  });

  // A real old Node, where the machine has one (Debian's nodejs package is 20 on bookworm/trixie).
  const oldNode = ['/usr/bin/node', '/usr/local/bin/node'].find(
    (p) => existsSync(p) && !preflight.isSupported(spawnSync(p, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim()),
  );
  const realOldTitle = oldNode
    ? `stops on a real old Node (${oldNode})`
    : 'stops on a real old Node: skipped, none older than 22.13 at /usr/bin/node or /usr/local/bin/node';
  it.skipIf(!oldNode)(realOldTitle, () => {
    const run = spawnSync(oldNode as string, [script], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Vouch needs Node\.js 22\.13 or newer .* but found Node \d+\.\d+\.\d+: install Node 24/);
  });
});
