import { expectAccessible, screenshot } from './checks.js';
import { askAndWait, expect, test } from './systemFixtures.js';

/**
 * What Vouch remembers, managed from the popover attached to the desktop host against the real
 * backend: requests the person made show up in Memory; search narrows the list; Forget removes one;
 * Forget everything (after a confirmation) empties it, and the backend's own list agrees.
 */
test.describe.configure({ mode: 'serial' });
// A world of its own: this file's person connects, remembers or changes things other files must not see.
test.use({ worldName: 'memory' });

test('memory: list, search, forget one, forget everything', async ({ vouch, world }, testInfo) => {
  const { page } = vouch;
  await askAndWait(vouch, "what's on my calendar tomorrow");
  await askAndWait(vouch, 'summarize my unread email');

  await page.getByRole('button', { name: 'Memory' }).click();
  const panel = page.getByTestId('memory-panel');
  const list = panel.getByRole('list', { name: 'Remembered items' });
  await expect(list.getByRole('listitem').filter({ hasText: 'calendar tomorrow' })).toBeVisible();
  await expect(list.getByRole('listitem').filter({ hasText: 'unread email' })).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, testInfo, 'system-memory');
    await expectAccessible(page);
  }

  await panel.getByRole('searchbox', { name: 'Search' }).fill('UNREAD');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem')).toContainText('unread email');
  await panel.getByRole('searchbox', { name: 'Search' }).fill('');

  const blue = list.getByRole('listitem').filter({ hasText: 'calendar tomorrow' });
  await blue.getByRole('button', { name: /^Forget/ }).click();
  await expect(blue).toBeHidden();
  await expect(panel.getByText('Forgotten.')).toBeVisible();
  // The backend forgot it too: a fresh look at the panel does not bring it back.
  await page.getByRole('button', { name: 'Activity' }).click();
  await page.getByRole('button', { name: 'Memory' }).click();
  await expect(list.getByRole('listitem').filter({ hasText: 'unread email' })).toBeVisible();
  await expect(list.getByRole('listitem').filter({ hasText: 'calendar tomorrow' })).toHaveCount(0);

  await panel.getByRole('button', { name: 'Forget everything…' }).click();
  const confirm = panel.getByRole('group', { name: 'Forget everything?' });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, testInfo, 'system-memory-forget-all');
    await expectAccessible(page);
  }
  await confirm.getByRole('button', { name: 'Forget everything' }).click();
  await expect(panel.getByText('Vouch remembers nothing about you.')).toBeVisible();

  const res = await fetch(new URL('memory', `${world.system.backendUrl}/`), {
    headers: { authorization: `Bearer ${world.tokens.access_token}` },
  });
  expect(((await res.json()) as { items: unknown[] }).items).toEqual([]);
});
