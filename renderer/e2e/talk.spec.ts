import { chromium, expect, test as base, type Browser } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BridgeEvent } from '../../electron/src/bridge/contract.js';
import { FAKE_EXPECTED_TEXT, writeFakeWhisperModel } from '../../electron/test/stt/helpers/fake-whisper-model.js';
import config from '../../playwright.config.js';
import { signInIfAsked, skipIntroduction } from './systemFixtures.js';
import { startWorld, type SystemWorld } from './world.js';

/**
 * Talk in the browser demo, end to end: Chromium's fake microphone plays an espeak-ng recording, the
 * popover's AudioWorklet sends 16 kHz PCM to the desktop host over its transport, the host's
 * Whisper engine (the app's own, in its worker, on a generated model that emits a known token
 * sequence) transcribes it, and the transcript takes the normal path to the backend. The engine
 * trims silence first, so only real audio arriving produces the transcript.
 */
interface TalkWorld {
  world: SystemWorld;
  browser: Browser;
}

const test = base.extend<object, { talk: TalkWorld }>({
  talk: [
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'vouch-talk-'));
      const wav = join(dir, 'request.wav');
      execFileSync('espeak-ng', ['-v', 'en-us', '-s', '150', '-w', wav, FAKE_EXPECTED_TEXT]);
      const modelDir = join(dir, 'model');
      await writeFakeWhisperModel(modelDir, { merged: true });
      const { world, stop } = await startWorld({ whisperModelDir: modelDir });
      const base = config.use?.launchOptions ?? {};
      const browser = await chromium.launch({
        ...base,
        // The recording as the microphone (looped), instead of Chromium's beeping fake device.
        args: [...(base.args ?? []), `--use-file-for-fake-audio-capture=${wav}`],
      });
      await use({ world, browser });
      await browser.close();
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

test('Talk: the fake microphone is recorded, sent to the desktop host, transcribed by the app’s engine, and the request goes through the normal flow', async ({ talk }) => {
  const { world, browser } = talk;
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
  // The model was loaded at start; the state is replayed to a popover that attaches later.
  await expect.poll(async () => (await events()).some((e) => e.type === 'stt_model' && e.state === 'ready'), { timeout: 30_000 }).toBe(true);

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
