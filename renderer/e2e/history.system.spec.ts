import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectAccessible, screenshot } from './checks.js';
import { askAndWait, expect, test } from './systemFixtures.js';

/**
 * The conversation history (issue 13, item 8), in the popover attached to the desktop host against
 * the real backend: what was asked and answered is still there after a reload of the popover and a
 * restart of the host (which keeps it sealed in its own file), "Clear history" in Settings deletes it
 * after a confirmation, and signing out deletes it too.
 */
test.describe.configure({ mode: 'serial' });
// A world of its own: this file restarts the host and clears the person's conversation.
test.use({ worldName: 'history' });

const QUESTION = "what's on my calendar tomorrow";
const historyFile = (dir: string) => join(dir, 'vouch-history.json');

test('history: survives a reload and a restart, Clear history deletes it, and so does signing out', async ({
  vouch,
  world,
  phone,
}, testInfo) => {
  const { page } = vouch;
  await askAndWait(vouch, QUESTION);
  const log = page.getByRole('log', { name: 'Conversation' });
  const asked = log.getByTestId('turn-user').filter({ hasText: QUESTION });
  await expect(asked).toBeVisible();
  const reply = log.getByTestId('turn-assistant').last();
  await expect(reply).not.toHaveClass(/streaming/);
  const replyText = (await reply.innerText()).trim();
  expect(replyText.length).toBeGreaterThan(0);
  const sameReply = log.getByTestId('turn-assistant').filter({ hasText: replyText });

  // A write leaves its outcome line ("Sent to dana@…") in the conversation.
  await askAndWait(vouch, 'reply to Dana that Thursday works');
  const sheet = page.getByRole('dialog', { name: 'Review the email' });
  await expect(sheet).toBeVisible({ timeout: 30_000 });
  await sheet.getByRole('button', { name: 'Send' }).click();
  const sentMark = sheet.getByText('Sent ✓');
  const card = sheet.getByTestId('approval-card');
  await expect(sentMark.or(card.locator('.binding'))).toBeVisible({ timeout: 30_000 });
  if (await card.isVisible()) await phone.answer(await card.locator('.binding').innerText(), 'Approve');
  await expect(sentMark).toBeVisible({ timeout: 30_000 });
  const outcome = log.getByTestId('turn-outcome').filter({ hasText: /Sent to dana@/ });
  await expect(outcome).toBeVisible();

  // A reload of the popover: the conversation comes back from the host (the page keeps nothing).
  await page.reload();
  await expect(page.getByText('Online')).toBeVisible();
  await expect(asked).toBeVisible();
  await expect(sameReply).toBeVisible();
  await expect(outcome).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).length)).toBe(0);

  // At rest it is sealed: the host's history file names neither the question nor the person.
  const onDisk = readFileSync(historyFile(world.hostDataDir), 'utf8');
  expect(onDisk).toContain('conversationHistory-v1-');
  expect(onDisk).not.toContain('calendar');
  expect(onDisk).not.toContain('dana@');
  expect(onDisk).not.toContain(world.tokens.sub);

  // A restart of the host (the app quitting and starting again): still there, still signed in.
  const host = await world.restartHost();
  await page.goto(host.url);
  await expect(page.getByText('Online')).toBeVisible();
  await expect(asked).toBeVisible();
  await expect(sameReply).toBeVisible();
  await expect(outcome).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, testInfo, 'system-history-restored');
    await expectAccessible(page);
  }

  // Clear history, in Settings, after a confirmation.
  await page.getByRole('button', { name: 'Settings' }).click();
  const control = page.getByRole('group', { name: 'Conversation history' });
  await control.getByRole('button', { name: 'Clear history…' }).click();
  const confirm = control.getByRole('group', { name: 'Clear the conversation history?' });
  await expect(confirm).toBeVisible();
  await confirm.scrollIntoViewIfNeeded();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, testInfo, 'system-history-clear');
    await expectAccessible(page);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await confirm.getByRole('button', { name: 'Clear history' }).click();
  await expect(control.getByRole('status')).toHaveText('The conversation is deleted from this computer.');
  await page.getByRole('button', { name: 'Conversation' }).click();
  await expect(asked).toBeHidden();

  // Gone for good: a reload shows nothing, main lists nothing, the file holds nothing for the person.
  await page.reload();
  await expect(page.getByText('Online')).toBeVisible();
  expect((await page.evaluate(() => window.vouch.listHistory())).items).toEqual([]);
  await expect(page.getByText('Press the hotkey, speak, press it again; or type below.')).toBeVisible();
  expect(readFileSync(historyFile(world.hostDataDir), 'utf8')).not.toContain('conversationHistory-v1-');

  // Signing out deletes the person's conversation: the next person at this computer does not see it.
  await page.evaluate(() => {
    const w = window as unknown as { __frames: unknown[] };
    w.__frames = [];
    window.vouch.onEvent((e) => e.type === 'frame' && w.__frames.push(e.frame));
  });
  await askAndWait(vouch, 'summarize my unread email');
  await expect(log.getByTestId('turn-user').filter({ hasText: 'unread email' })).toBeVisible();
  expect(readFileSync(historyFile(world.hostDataDir), 'utf8')).toContain('conversationHistory-v1-');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  expect(existsSync(historyFile(world.hostDataDir)) && readFileSync(historyFile(world.hostDataDir), 'utf8')).not.toContain(
    'conversationHistory-v1-',
  );
  // Signing in again (the tenant may still know this browser and skip its account picker).
  const tab = page.context().waitForEvent('page');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const login = await tab;
  const pick = login.getByRole('button', { name: /^Continue as / });
  const signedIn = login.getByText('You are signed in to Vouch. You can close this tab.');
  await expect(pick.or(signedIn)).toBeVisible();
  if (await pick.isVisible()) await pick.click();
  await expect(signedIn).toBeVisible();
  await login.close();
  await expect(page.getByText('Online')).toBeVisible();
  expect((await page.evaluate(() => window.vouch.listHistory())).items).toEqual([]);
  await expect(log.getByTestId('turn-user')).toHaveCount(0);
});
