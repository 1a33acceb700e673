import { chromium, expect, test as base, type Browser } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BridgeEvent } from '../../electron/src/bridge/contract.js';
import { startFakeModelHost, type FakeModelHost } from '../../electron/test/stt/helpers/fake-model-host.js';
import { FAKE_EXPECTED_TEXT } from '../../electron/test/stt/helpers/fake-whisper-model.js';
import config from '../../playwright.config.js';
import { signInIfAsked, skipIntroduction } from './systemFixtures.js';
import { startWorld, type SystemWorld } from './world.js';

/**
 * Talk in the browser demo, end to end, from a fresh install: the popover's "Speech model" row says
 * the model is missing and Talk is refused with the download offered; Download fetches the model
 * from a local model host (generated files, a test manifest with their digests; never the internet),
 * shows progress, survives a cut connection through Retry (resumed with a Range request), and loads
 * it. Then Chromium's fake microphone plays an espeak-ng recording, the
 * popover's AudioWorklet sends 16 kHz PCM to the desktop host over its transport, the host's
 * Whisper engine (the app's own, in its worker, on a generated model that emits a known token
 * sequence) transcribes it, and the transcript takes the normal path to the backend. The engine
 * trims silence first, so only real audio arriving produces the transcript.
 */
interface TalkWorld {
  world: SystemWorld;
  browser: Browser;
  models: FakeModelHost;
}

const test = base.extend<object, { talk: TalkWorld }>({
  talk: [
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'vouch-talk-'));
      const wav = join(dir, 'request.wav');
      execFileSync('espeak-ng', ['-v', 'en-us', '-s', '150', '-w', wav, FAKE_EXPECTED_TEXT]);
      const models = await startFakeModelHost();
      const { world, stop } = await startWorld({ modelBaseUrl: models.baseUrl, modelResourcesDir: models.resourcesDir });
      const base = config.use?.launchOptions ?? {};
      const browser = await chromium.launch({
        ...base,
        // The recording as the microphone (looped), instead of Chromium's beeping fake device.
        args: [...(base.args ?? []), `--use-file-for-fake-audio-capture=${wav}`],
      });
      await use({ world, browser, models });
      await browser.close();
      await stop();
      await models.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

test('Talk from a fresh install: the model is missing, Download shows progress, resumes after a cut and loads it; then the fake microphone is recorded, transcribed by the app’s engine, and the request goes through the normal flow', async ({
  talk,
}) => {
  const { world, browser, models } = talk;
  const context = await browser.newContext({ viewport: { width: 400, height: 640 } });
  const page = await context.newPage();
  // Record every event from the first one: the host replays its state as soon as the page attaches.
  await page.addInitScript(() => {
    const w = window as unknown as { __events: unknown[]; __bridge?: Window['vouch'] };
    w.__events = [];
    Object.defineProperty(window, 'vouch', {
      configurable: true,
      get: () => w.__bridge,
      set: (bridge: Window['vouch']) => {
        w.__bridge = bridge;
        bridge.onEvent((e) => w.__events.push(e));
      },
    });
  });
  await page.goto(world.host.url);
  await skipIntroduction(page);
  await signInIfAsked(page, world);
  await expect(page.getByText('Online')).toBeVisible();
  const events = () => page.evaluate(() => (window as unknown as { __events: BridgeEvent[] }).__events);

  // A fresh install: the row in Accounts says the model is missing, and nothing was fetched.
  await page.getByRole('button', { name: 'Accounts' }).click();
  const accountsRow = page.getByTestId('speech-model');
  await expect(accountsRow).toHaveAttribute('data-status', 'missing');
  await expect(accountsRow.getByTestId('speech-model-text')).toHaveText('Speech model not downloaded');
  expect(models.server.seen).toEqual([]);

  // Talk is refused with the reason, and the download is offered right there: first through the
  // push-to-talk shortcut (nothing is recorded and dropped), then through the Talk button.
  await page.getByRole('button', { name: 'Conversation' }).click();
  const [shortcut] = world.host.shortcuts.registered();
  expect(shortcut).toBeTruthy();
  world.host.shortcuts.press(shortcut!);
  world.host.shortcuts.release(shortcut!);
  await expect(page.getByRole('alert')).toContainText('not downloaded yet');
  await expect(page.getByTestId('speech-model')).toBeVisible();
  expect(world.host.app.controller.recording.recording).toBe(false);
  expect((await events()).some((e) => e.type === 'recording' && e.state === 'listening')).toBe(false);
  await page.getByRole('button', { name: 'Talk' }).click();
  await expect(page.getByRole('alert')).toContainText('not downloaded yet');
  const row = page.getByTestId('speech-model');
  // The largest file is cut halfway, once the page has shown the download's progress.
  const largest = models.manifest.files.reduce((a, b) => ((a.size ?? 0) >= (b.size ?? 0) ? a : b)).path;
  let progressSeen!: () => void;
  const seen = new Promise<void>((r) => (progressSeen = r));
  models.server.faults.set(largest, ['cut']);
  models.server.cutWhen = () => seen;
  await row.getByRole('button', { name: 'Download speech model' }).click();
  await expect(row).toHaveAttribute('data-status', 'downloading');
  await expect(row.getByTestId('speech-model-text')).toHaveText(/^Downloading speech model — \d+( of \d+)? MB$/);
  const progress = row.getByRole('progressbar', { name: 'Speech model download' });
  await expect(progress).toBeVisible();
  // Part of the cut file is on disk (the files before it are done), so the retry resumes rather than starts over.
  const index = models.manifest.files.findIndex((f) => f.path === largest);
  const before = models.manifest.files.slice(0, index).reduce((sum, f) => sum + (f.size ?? 0), 0);
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 15_000 }).toBeGreaterThan(before);
  progressSeen();
  await expect(row).toHaveAttribute('data-status', 'failed');
  await expect(row.getByTestId('speech-model-text')).toHaveText(/^failed: .*127\.0\.0\.1:\d+.*speech model/);
  await row.getByRole('button', { name: 'Retry' }).click();
  // Ready: the row next to Talk goes away, and Accounts says so.
  await expect(row).toHaveCount(0, { timeout: 30_000 });
  expect(models.server.gets(largest).at(-1)?.range).toMatch(/^bytes=[1-9]\d*-$/);
  await page.getByRole('button', { name: 'Accounts' }).click();
  await expect(accountsRow.getByTestId('speech-model-text')).toHaveText('Speech model ready');
  const statuses = (await events()).flatMap((e) => (e.type === 'speech_model' ? [e.state.status] : []));
  expect(statuses).toEqual(expect.arrayContaining(['missing', 'downloading', 'failed', 'loading', 'ready']));
  expect(statuses.at(-1)).toBe('ready');
  await page.getByRole('button', { name: 'Conversation' }).click();

  await page.getByRole('button', { name: 'Talk' }).click();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  // About two seconds of the recording reach the host's buffer (16 kHz Int16).
  await expect.poll(() => world.host.app.controller.recording.byteLength, { timeout: 15_000 }).toBeGreaterThan(2 * 16_000 * 2);
  await page.getByRole('button', { name: 'Stop' }).click();

  const transcript = page.getByTestId('turn-user').filter({ hasText: FAKE_EXPECTED_TEXT });
  await expect(transcript).toBeVisible({ timeout: 30_000 });
  expect((await events()).find((e) => e.type === 'transcript')).toMatchObject({ type: 'transcript', text: FAKE_EXPECTED_TEXT });
  // The backend got it as a request: Google is not linked in this world, so it asks to connect.
  await expect(page.getByRole('dialog', { name: 'Connect Google' })).toBeVisible({ timeout: 30_000 });
  await context.close();
});
