/**
 * Packaged-flow tests for the Electron app, driven by Playwright's `_electron`. They need the
 * Electron binary, which cannot be downloaded on the CI machines used so far
 * (ELECTRON_SKIP_BINARY_DOWNLOAD=1): there the whole file reports a skip with the reason. Where the
 * binary exists they run against the built app (`npm run build`: electron-vite) and a real Vouch
 * system on ephemeral ports.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BRIDGE_METHODS } from '../src/bridge/contract.js';

const root = resolve(import.meta.dirname, '../..');
const mainJs = join(root, 'out/main/index.js');

/**
 * Finds the Electron binary the way the `electron` package does, but without requiring that
 * package: since Electron 4x its index.js *downloads* the binary when it is missing, which must
 * never happen here. path.txt only exists after a completed install.
 */
function electronBinary(): { path?: string; why?: string } {
  const pkgDir = join(root, 'node_modules/electron');
  const pathTxt = join(pkgDir, 'path.txt');
  if (!existsSync(pathTxt)) return { why: `${pathTxt} is missing (the install script did not fetch the binary)` };
  const rel = readFileSync(pathTxt, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkgDir, 'dist');
  const full = join(distDir, rel);
  return existsSync(full) ? { path: full } : { why: `${full} does not exist` };
}

const bin = electronBinary();
const skipReason = !bin.path
  ? `Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): ${bin.why ?? ''}`
  : !existsSync(mainJs)
    ? `App not built (missing ${mainJs})`
    : undefined;
// Printed so a CI log says plainly that the packaged-app tests did not run, and why.
if (skipReason) console.log(`[electron e2e] SKIPPED: ${skipReason}`);
test.skip(!bin.path, `Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): ${bin.why ?? ''}`.trim());
test.skip(!existsSync(mainJs), `App not built: run \`npm run build\` first (missing ${mainJs})`);

let app: ElectronApplication;
let page: Page;
let stopSystem: (() => Promise<void>) | undefined;

test.beforeAll(async () => {
  const { startVouchSystem } = await import('../../backend/standins/system.js');
  const system = await startVouchSystem({ dataDir: mkdtempSync(join(tmpdir(), 'vouch-e2e-electron-')) });
  stopSystem = () => system.stop();
  app = await electron.launch({
    executablePath: bin.path!,
    args: [mainJs],
    env: {
      ...process.env,
      VOUCH_ISSUER: system.tenant.issuer,
      VOUCH_CLIENT_ID: system.tenant.desktopClientId,
      VOUCH_AUDIENCE: system.tenant.apiAudience,
      VOUCH_BACKEND_URL: system.backendUrl,
      // A throwaway profile: never the developer's real keychain entry or settings.
      VOUCH_USER_DATA_DIR: mkdtempSync(join(tmpdir(), 'vouch-e2e-profile-')),
    },
  });
  // Tray app: no window is visible at start; open the popover the way a tray click would.
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.show());
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  await stopSystem?.();
});

test('the popover runs hardened from its own origin, with no Node in the page', async () => {
  const url = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.getURL());
  expect(new URL(url).protocol).toBe('vouch:');
  expect(
    await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process]),
  ).toEqual(['undefined', 'undefined']);
});

test('window.vouch exposes exactly the named bridge functions', async () => {
  const keys = await page.evaluate(() => Object.keys((window as unknown as { vouch: object }).vouch).sort());
  expect(keys).toEqual([...BRIDGE_METHODS].sort());
});

test('navigation and window.open are blocked', async () => {
  const before = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  expect(page.url()).toBe(before);
  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
});

test('the camera is refused; only the microphone may be requested', async () => {
  const video = await page.evaluate(() =>
    navigator.mediaDevices.getUserMedia({ video: true }).then(
      () => 'granted',
      (e: Error) => e.name,
    ),
  );
  expect(video).not.toBe('granted');
});

test('sign-in opens the system browser at the tenant with PKCE and a loopback redirect', async () => {
  await app.evaluate(({ shell }) => {
    (globalThis as { __opened?: string[] }).__opened = [];
    shell.openExternal = async (url: string) => void (globalThis as unknown as { __opened: string[] }).__opened.push(url);
  });
  void page.evaluate(() => (window as unknown as { vouch: { signIn(): Promise<void> } }).vouch.signIn().catch(() => {}));
  await expect.poll(() => app.evaluate(() => (globalThis as { __opened?: string[] }).__opened?.length ?? 0)).toBe(1);
  const opened = new URL((await app.evaluate(() => (globalThis as unknown as { __opened: string[] }).__opened[0]))!);
  expect(opened.searchParams.get('code_challenge_method')).toBe('S256');
  expect(new URL(opened.searchParams.get('redirect_uri')!).hostname).toBe('127.0.0.1');
});
