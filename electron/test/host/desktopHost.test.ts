import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDesktopHost, type DesktopHost } from '../../../backend/standins/desktopHost/host.js';
import type { VouchSystem } from '../../../backend/standins/system.js';
import { reserveLoopbackPorts } from '../main/helpers/ports.js';
import { startFakeModelHost } from '../stt/helpers/fake-model-host.js';
import { systemBrowser } from '../main/helpers/systemBrowser.js';

/**
 * The desktop host runs the app's controller against the running system with its development
 * stand-ins for the OS: it signs in through "the browser", keeps the dev session in its data folder
 * (conf, mode 0600) and is signed in again on the next start, as the app is with its keystore.
 */
let system: VouchSystem;
let ports: number[];
const dataDir = mkdtempSync(join(tmpdir(), 'vouch-host-'));

beforeAll(async () => {
  ports = await reserveLoopbackPorts(4);
  const { startVouchSystem } = await import('../../../backend/standins/system.js');
  system = await startVouchSystem({
    dataDir: join(dataDir, 'system'),
    desktopRedirectUris: ports.map((p) => `http://127.0.0.1:${p}/callback`),
  });
});
afterAll(async () => {
  await system?.stop();
});

async function host(
  openExternal?: (url: string) => Promise<void>,
  speech: { modelBaseUrl?: string; modelResourcesDir?: string; dataDir?: string } = {},
): Promise<DesktopHost> {
  return startDesktopHost({
    settings: {
      issuer: system.tenant.issuer,
      clientId: system.tenant.desktopClientId,
      audience: system.tenant.apiAudience,
      backendUrl: system.backendUrl,
      wsUrl: system.wsUrl,
      allowHttp: true,
      loopbackPorts: ports,
    },
    dataDir: speech.dataDir ?? join(dataDir, 'desktop-host'),
    ...(speech.modelBaseUrl ? { modelBaseUrl: speech.modelBaseUrl } : {}),
    ...(speech.modelResourcesDir ? { modelResourcesDir: speech.modelResourcesDir } : {}),
    cacheDir: fileURLToPath(new URL('../../../node_modules/.vite-host-test-restore', import.meta.url)),
    ...(openExternal ? { onOpenExternal: (url) => void openExternal(url) } : {}),
  });
}

describe('desktop host', { timeout: 30_000 }, () => {
  it('signs in, goes online, and a restarted host is signed in again from its development token file', async () => {
    const browser = systemBrowser({ tenantHost: new URL(system.tenant.issuer).host });
    const first = await host(browser.openExternal);
    expect(first.app.session.state).toEqual({ signedIn: false });
    expect(first.url).toBe(`${first.origin}/`);
    await first.app.controller.handlers.signIn();
    await expect.poll(() => first.app.link.state).toBe('online');
    expect(browser.opened[0]).toContain(system.tenant.issuer.replace(/\/$/, ''));
    await first.close();

    const files = readdirSync(join(dataDir, 'desktop-host'));
    expect(files).toContain('vouch-auth.json');
    const file = join(dataDir, 'desktop-host', 'vouch-auth.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { devOnly?: { plaintextRefreshToken?: unknown; profile?: unknown } };
    expect(typeof stored.devOnly?.plaintextRefreshToken).toBe('string');
    expect(stored.devOnly?.profile).toMatchObject({ sub: 'auth0|alex' });

    const second = await host();
    expect(second.app.session.state).toMatchObject({ signedIn: true, user: { sub: 'auth0|alex' } });
    await expect.poll(() => second.app.link.state).toBe('online');
    await second.app.controller.handlers.signOut();
    await second.close();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ devOnly: {} });
  });

  it('a fresh host has no speech model and fetches nothing; Download gets it from the model host, verifies and loads it, and a restart finds it', async () => {
    const models = await startFakeModelHost();
    const hostDir = join(dataDir, 'speech-host');
    try {
      const first = await host(undefined, { modelBaseUrl: models.baseUrl, modelResourcesDir: models.resourcesDir, dataDir: hostDir });
      await first.speech.start();
      expect(first.speech.state).toEqual({ status: 'missing' });
      expect(models.server.seen).toEqual([]);

      const states: string[] = [];
      first.speech.on('state', (s) => states.push(s.status));
      await first.app.controller.handlers.downloadSpeechModel();
      await expect.poll(() => first.speech.state.status, { timeout: 20_000 }).toBe('ready');
      expect(states[0]).toBe('downloading');
      expect(states.slice(-2)).toEqual(['loading', 'ready']);
      expect(models.server.seen.filter((s) => s.method === 'GET').length).toBe(models.manifest.files.length);
      await first.close();

      const second = await host(undefined, { modelBaseUrl: models.baseUrl, modelResourcesDir: models.resourcesDir, dataDir: hostDir });
      await expect.poll(() => second.speech.state.status, { timeout: 20_000 }).toBe('ready');
      expect(models.server.seen.filter((s) => s.method === 'GET').length).toBe(models.manifest.files.length);
      await second.close();
    } finally {
      await models.stop();
    }
  });

  it('keeps the conversation sealed in its own file across a restart, and sign-out deletes it (issue 13, History)', async () => {
    const hostDir = join(dataDir, 'history-host');
    const browser = systemBrowser({ tenantHost: new URL(system.tenant.issuer).host });
    const first = await host(browser.openExternal, { dataDir: hostDir });
    await first.app.controller.handlers.signIn();
    await expect.poll(() => first.app.link.state).toBe('online');
    const words = 'remind me what the Northwind review is about';
    first.app.controller.handlers.sendTranscript(words);
    expect((await first.app.controller.handlers.listHistory()).items.map((i) => i.text)).toContain(words);
    await first.close();

    const file = join(hostDir, 'vouch-history.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain('Northwind');

    const second = await host(undefined, { dataDir: hostDir });
    expect(second.app.session.state).toMatchObject({ signedIn: true });
    expect((await second.app.controller.handlers.listHistory()).items.map((i) => i.text)).toContain(words);
    await second.app.controller.handlers.signOut();
    await second.close();
    expect(readFileSync(file, 'utf8')).not.toContain('conversationHistory-v1-');
  });
});
