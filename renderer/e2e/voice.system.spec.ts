import { cartesiaVoiceIds } from '../../backend/src/config.js';
import { expectAccessible, screenshot } from './checks.js';
import { expect, test, type VouchPage } from './systemFixtures.js';

/**
 * The reply voice, chosen in Settings the way a person does: the next reply is spoken in it, as the
 * Cartesia stand-in sees (it records the voice id each reply asks for), and the choice is disabled
 * while replies are not spoken.
 */
test.describe.configure({ mode: 'serial' });
// A world of its own, speaking through the Cartesia stand-in rather than the offline voice.
test.use({ worldName: 'voice', withCartesia: true });

/** Asks for something said back and waits for its audio to end; returns the Cartesia voice ids that reply asked for. */
async function voiceIdsOfNextReply(vouch: VouchPage, requests: { transcript?: string; voice?: unknown }[], text: string) {
  const { page } = vouch;
  const before = requests.length;
  const lastAudio = async () => (await vouch.frames()).filter((f) => f.type === 'tts_audio' && f.last === true).length;
  const spoken = await lastAudio();
  await page.getByRole('button', { name: 'Conversation' }).click();
  await page.getByLabel('Type a request').fill(text);
  await page.getByLabel('Type a request').press('Enter');
  await expect.poll(lastAudio, { timeout: 30_000 }).toBeGreaterThan(spoken);
  return [...new Set(requests.slice(before).flatMap((r) => (r.transcript ? [(r.voice as { id?: string } | undefined)?.id] : [])))];
}

test('settings: a chosen voice speaks the next reply; the choice waits while replies are not spoken', async ({
  vouch,
  world,
}, testInfo) => {
  const { page } = vouch;
  const requests = world.cartesia!.requests;
  const ids = cartesiaVoiceIds(world.system.env);
  expect(await voiceIdsOfNextReply(vouch, requests, 'remember that my parking spot is B4')).toEqual([ids.clear]);

  await page.getByRole('button', { name: 'Settings' }).click();
  const panel = page.getByTestId('settings-panel');
  const voice = panel.getByRole('combobox', { name: 'Voice' });
  await expect(voice).toHaveValue('clear');
  await voice.selectOption({ label: 'Warm (female)' });
  await expect(panel.getByText('The next reply is spoken in the Warm (female) voice.')).toBeVisible();
  await expect(page.getByText('Online')).toBeVisible();
  expect(await voiceIdsOfNextReply(vouch, requests, 'remember that my locker is 12')).toEqual([ids.warm]);

  // Not spoken: nothing to choose.
  await page.getByRole('button', { name: 'Settings' }).click();
  const speak = panel.getByRole('checkbox', { name: 'Speak replies aloud' });
  await speak.click();
  await expect(speak).not.toBeChecked();
  await expect(voice).toBeDisabled();
  await expect(panel.getByText('Turn on “Speak replies aloud” to choose a voice.')).toBeVisible();
  await speak.click();
  await expect(voice).toBeEnabled();
  await expect(voice).toHaveValue('warm');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, testInfo, 'system-settings-voice');
    await expectAccessible(page);
  }
});
