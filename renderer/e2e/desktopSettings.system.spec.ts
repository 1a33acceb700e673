import { existsSync, readFileSync } from 'node:fs';
import { expectAccessible, screenshot } from './checks.js';
import type { Page } from '@playwright/test';
import type { AppController } from '../../electron/src/app/controller.js';
import { expect, test } from './systemFixtures.js';

/**
 * The desktop settings walked as a person would, in the popover attached to the desktop host (the
 * app's own controller; its shortcut registrar refuses a known set as other apps would, and launch
 * at login writes an XDG autostart entry inside the host's data folder): record a new push-to-talk
 * shortcut by pressing it, meet a conflict, choose hold, choose a microphone (Chromium's fake
 * devices), turn launch at login on, reload, and find everything kept.
 */
// Its person talks with the shortcut, which records only once the speech model is ready.
test.use({ worldName: 'desktop-settings', withSpeechModel: true });

/** What the person said so far, as the host keeps it (a recording too short to hold speech says nothing). */
async function spokenCount(host: { app: { controller: AppController } }): Promise<number> {
  return (await host.app.controller.handlers.listHistory()).items.filter((i) => i.role === 'user').length;
}

/**
 * When the recording held speech, the (generated) model heard "what is on my calendar tomorrow";
 * Google is not connected here, so Vouch asks to connect it: not now. The host records what was
 * said before the recording ends, so after it ends the count says whether a request went out.
 */
async function dismissTheAnswerToWhatWasSaid(page: Page, host: { app: { controller: AppController } }, before: number): Promise<void> {
  if ((await spokenCount(host)) === before) return;
  const connect = page.getByRole('dialog', { name: 'Connect Google' });
  await expect(connect).toBeVisible({ timeout: 30_000 });
  await connect.getByRole('button', { name: 'Not now' }).click();
  await expect(connect).toBeHidden();
}

/** Records the `audio` constraints of every getUserMedia call the popover makes from now on. */
async function watchMicrophoneRequests(page: Page): Promise<() => Promise<Array<{ deviceId?: unknown }>>> {
  await page.evaluate(() => {
    const w = window as unknown as { __audioAsks: unknown[] };
    w.__audioAsks = [];
    const media = navigator.mediaDevices;
    const original = media.getUserMedia.bind(media);
    media.getUserMedia = (c) => (w.__audioAsks.push(c?.audio), original(c));
  });
  return () => page.evaluate(() => (window as unknown as { __audioAsks: Array<{ deviceId?: unknown }> }).__audioAsks);
}

test('desktop settings: shortcut recorded by pressing it, conflict reported, hold, microphone, launch at login; all kept', async ({
  vouch,
  world,
}, testInfo) => {
  const { page } = vouch;
  const host = world.host;
  await page.getByRole('button', { name: 'Settings' }).click();
  const panel = page.getByTestId('settings-panel');
  const hotkey = panel.getByTestId('hotkey-setting');
  await expect(hotkey.getByTestId('hotkey-current')).toHaveText('Ctrl+Shift+Space');
  expect(host.shortcuts.registered()).toEqual(['CommandOrControl+Shift+Space']);

  // Escape changes nothing.
  await hotkey.getByRole('button', { name: 'Change…' }).click();
  await expect(hotkey.getByLabel('New shortcut')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(hotkey.getByText('Not changed: the shortcut is still Ctrl+Shift+Space.')).toBeVisible();
  await expect(page.getByTestId('settings-panel')).toBeVisible();

  // A shortcut another app owns: refused in words, the old one stays registered.
  await hotkey.getByRole('button', { name: 'Change…' }).click();
  await page.keyboard.press('Control+Alt+KeyT');
  await expect(hotkey.getByRole('alert')).toHaveText(
    'Ctrl+Alt+T is already used by another app, so Vouch cannot listen for it. Your shortcut stays Ctrl+Shift+Space.',
  );
  await expect(hotkey.getByTestId('hotkey-current')).toHaveText('Ctrl+Shift+Space');
  expect(host.shortcuts.registered()).toEqual(['CommandOrControl+Shift+Space']);

  // A bare letter would stop the person typing it: refused while still recording; then a free combination.
  await hotkey.getByRole('button', { name: 'Change…' }).click();
  await page.keyboard.press('KeyK');
  await expect(hotkey.getByRole('alert')).toContainText('K alone would type instead of talking.');
  await expect(hotkey.getByLabel('New shortcut')).toBeFocused();
  await page.keyboard.press('Alt+Shift+KeyK');
  await expect(hotkey.getByText('Push to talk is now Alt+Shift+K.')).toBeVisible();
  await expect(hotkey.getByTestId('hotkey-current')).toHaveText('Alt+Shift+K');
  expect(host.shortcuts.registered()).toEqual(['Alt+Shift+K']);

  // Hold while talking.
  // Controlled inputs: they change once main has applied and stored the choice.
  await hotkey.getByRole('radio', { name: 'Hold while talking' }).click();
  await expect(hotkey.getByText('Hold Alt+Shift+K while you talk.')).toBeVisible();
  await expect(hotkey.getByRole('radio', { name: 'Hold while talking' })).toBeChecked();

  // A microphone from the list (Chromium's fake devices); names appear once the page may use the microphone.
  const mic = panel.getByTestId('microphone-setting');
  const showNames = mic.getByRole('button', { name: 'Show microphone names' });
  if (await showNames.isVisible()) await showNames.click();
  const select = mic.getByLabel('Microphone');
  const options = await select.locator('option').allTextContents();
  expect(options[0]).toBe('System default');
  expect(options.length).toBeGreaterThan(1);
  const chosen = options.at(-1)!;
  await select.selectOption({ label: chosen });
  await expect(mic.getByText(`Vouch will listen with ${chosen}.`)).toBeVisible();

  // The next recording asks for that microphone exactly: hold the new shortcut (the host's registrar
  // stands in for the keyboard), see what the popover asks the browser for, let go.
  const chosenId = await select.inputValue();
  let audioAsks = await watchMicrophoneRequests(page);
  let said = await spokenCount(host);
  host.shortcuts.press('Alt+Shift+K');
  await expect.poll(audioAsks).toEqual([expect.objectContaining({ deviceId: { exact: chosenId } })]);
  host.shortcuts.release('Alt+Shift+K');
  await expect.poll(() => host.app.controller.ptt.state).toBe('idle');
  await dismissTheAnswerToWhatWasSaid(page, host, said);

  // Launch at login: an autostart entry appears.
  const login = panel.getByRole('checkbox', { name: 'Open Vouch when you log in' });
  await expect(login).not.toBeChecked();
  await login.click();
  await expect(panel.getByText('Vouch will open when you log in.')).toBeVisible();
  await expect(login).toBeChecked();
  expect(readFileSync(host.autostartFile, 'utf8')).toMatch(/^Exec=.+$/m);

  // The backend is the one the demo started, shown read-only.
  const backend = panel.getByTestId('backend-setting').getByLabel('Backend');
  await expect(backend).toHaveValue(world.system.backendUrl);
  await expect(backend).not.toBeEditable();

  await hotkey.scrollIntoViewIfNeeded();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, testInfo, 'system-settings-desktop');
    await expectAccessible(page);
  }

  // Kept by the host: a reloaded popover shows every choice.
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(hotkey.getByTestId('hotkey-current')).toHaveText('Alt+Shift+K');
  await expect(hotkey.getByRole('radio', { name: 'Hold while talking' })).toBeChecked();
  await expect(mic.getByLabel('Microphone').locator('option:checked')).toHaveText(chosen);
  await expect(panel.getByRole('checkbox', { name: 'Open Vouch when you log in' })).toBeChecked();

  // The chosen microphone unplugged: the popover says the default will be used.
  await page.evaluate(() => window.vouch.updateSettings({ microphoneId: 'a-microphone-that-was-unplugged' }));
  await expect(
    mic.getByText('The microphone you chose is not connected. Vouch listens with the system default until it is back.'),
  ).toBeVisible();
  // …and the next recording, refused that device, falls back to the default one.
  audioAsks = await watchMicrophoneRequests(page);
  said = await spokenCount(host);
  host.shortcuts.press('Alt+Shift+K');
  await expect
    .poll(audioAsks)
    .toEqual([
      expect.objectContaining({ deviceId: { exact: 'a-microphone-that-was-unplugged' } }),
      expect.not.objectContaining({ deviceId: expect.anything() }),
    ]);
  host.shortcuts.release('Alt+Shift+K');
  await expect.poll(() => host.app.controller.ptt.state).toBe('idle');
  await dismissTheAnswerToWhatWasSaid(page, host, said);

  // Launch at login off again removes the entry.
  await panel.getByRole('checkbox', { name: 'Open Vouch when you log in' }).click();
  await expect(panel.getByText('Vouch will not open when you log in.')).toBeVisible();
  expect(existsSync(host.autostartFile)).toBe(false);
});
