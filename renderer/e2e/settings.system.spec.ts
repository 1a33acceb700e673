import { expectAccessible, screenshot } from './checks.js';
import { expect, test, type VouchPage } from './systemFixtures.js';

/**
 * Settings in the popover attached to the desktop host: turning spoken replies off is applied to the
 * very next reply (its text arrives, its audio does not), survives a reload of the popover (the host
 * keeps it), and the time zone is chosen from a list.
 */
test.describe.configure({ mode: 'serial' });
// A world of its own: this file's person connects, remembers or changes things other files must not see.
test.use({ worldName: 'settings' });

/** Asks and waits for the answer to finish (connecting Google first if Vouch asks); returns that answer's request id. */
async function ask(vouch: VouchPage, text: string): Promise<string> {
  const { page } = vouch;
  const doneFrames = async () => (await vouch.frames()).filter((f) => f.type === 'agent_done');
  const before = (await doneFrames()).length;
  await page.getByRole('button', { name: 'Conversation' }).click();
  await page.getByLabel('Type a request').fill(text);
  await page.getByLabel('Type a request').press('Enter');
  const sheet = page.getByRole('dialog', { name: 'Connect Google' });
  await expect.poll(async () => (await doneFrames()).length > before || (await sheet.isVisible())).toBe(true);
  if (await sheet.isVisible()) {
    const consent = page.context().waitForEvent('page');
    await sheet.getByRole('button', { name: 'Connect Google' }).click();
    await (await consent).getByRole('button', { name: 'Allow' }).click();
    await expect(sheet).toBeHidden({ timeout: 20_000 });
  }
  await expect.poll(async () => (await doneFrames()).length, { timeout: 30_000 }).toBeGreaterThan(before);
  return (await doneFrames()).at(-1)!.request_id;
}

test('settings: spoken replies off applies to the next reply and is kept; time zone from a list', async ({ vouch }, testInfo) => {
  const { page } = vouch;
  const audioFor = async (requestId: string) =>
    (await vouch.frames()).filter((f) => f.type === 'tts_audio' && f.request_id === requestId).length;
  // With spoken replies on, a reply comes with audio.
  const spoken = await ask(vouch, "what's on my calendar tomorrow");
  expect(await audioFor(spoken)).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Settings' }).click();
  const panel = page.getByTestId('settings-panel');
  const speak = panel.getByRole('checkbox', { name: 'Speak replies aloud' });
  await expect(speak).toBeChecked();
  await speak.click();
  await expect(panel.getByText('Vouch will only show its replies.')).toBeVisible();
  await expect(speak).not.toBeChecked();

  const silent = await ask(vouch, "what's on my calendar tomorrow");
  expect(await audioFor(silent)).toBe(0);
  await expect(page.getByTestId('turn-assistant').last()).not.toHaveText('Vouch: ');

  // Kept by the host: a reloaded popover shows it off.
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(panel.getByRole('checkbox', { name: 'Speak replies aloud' })).not.toBeChecked();

  await panel.getByLabel('Time zone').selectOption('Asia/Tokyo');
  await expect(panel.getByText('Times are now read in Asia/Tokyo.')).toBeVisible();
  await expect(page.getByText('Online')).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, testInfo, 'system-settings');
    await expectAccessible(page);
  }
  // Back to how it was, for the tests that share this host.
  await panel.getByLabel('Time zone').selectOption('');
  await expect(panel.getByText(/Times follow this computer/)).toBeVisible();
  await panel.getByRole('checkbox', { name: 'Speak replies aloud' }).click();
  await expect(panel.getByRole('checkbox', { name: 'Speak replies aloud' })).toBeChecked();
});
