import { expectAccessible, screenshot } from './checks.js';
import { askAndWait, expect, test } from './systemFixtures.js';

/**
 * The settings the backend keeps, walked in the popover attached to the desktop host against the
 * real backend: a domain of the person's own is added only once they approve it on the phone page
 * (the popover shows the same words as the phone), listed, and removed; a default meeting length is
 * chosen and the next meeting asked for without a length is drafted with it.
 */
test.describe.configure({ mode: 'serial' });
// A world of its own: this file's person changes settings other files must not see.
test.use({ worldName: 'account-settings' });

test('my email domains: add (approved on the phone), listed, remove', async ({ vouch, world, phone }, testInfo) => {
  const { page } = vouch;
  const backendDomains = async () => {
    const r = await fetch(new URL('settings/domains', `${world.system.backendUrl}/`), {
      headers: { authorization: `Bearer ${world.tokens.access_token}` },
    });
    return ((await r.json()) as { domains: Array<{ domain: string }> }).domains.map((d) => d.domain);
  };
  await page.getByRole('button', { name: 'Settings' }).click();
  const section = page.getByTestId('email-domains');
  const list = section.getByRole('list', { name: 'My email domains' });
  await expect(list.getByText('(your sign-in address, always inside)')).toBeVisible();

  // A public mail provider is explained before anything is sent.
  const input = section.getByLabel('Add a domain');
  await input.fill('gmail.com');
  await section.getByRole('button', { name: 'Add domain' }).click();
  await expect(section.getByRole('alert')).toContainText('gmail.com is a public mail provider');
  await expect(input).toHaveAttribute('aria-invalid', 'true');

  await input.fill('Partner.io');
  const asked = new Promise((resolve) => world.system.tenant.ciba.events.once('request', resolve));
  await section.getByRole('button', { name: 'Add domain' }).click();
  const waiting = section.getByTestId('email-domains-status');
  await expect(waiting).toHaveText('Approve on your phone: “Count partner.io as inside”');
  await asked;
  await section.getByRole('heading', { name: 'My email domains' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, testInfo, 'system-email-domains-phone');
    await expectAccessible(page);
  }
  expect(await backendDomains()).toEqual([]);
  await phone.answer('Count partner.io as inside', 'Approve');
  await expect(waiting).toHaveText('partner.io now counts as inside.');
  const item = list.getByRole('listitem').filter({ hasText: 'partner.io' });
  await expect(item).toBeVisible();
  expect(await backendDomains()).toEqual(['partner.io']);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, testInfo, 'system-email-domains');
    await expectAccessible(page);
  }

  // Removing tightens: no phone.
  await item.getByRole('button', { name: 'Remove partner.io' }).click();
  await expect(waiting).toHaveText('partner.io no longer counts as inside.');
  await expect(item).toBeHidden();
  expect(await backendDomains()).toEqual([]);
});

test('default meeting length: chosen in Settings, used by the next meeting asked for without a length', async ({ vouch }, testInfo) => {
  const { page } = vouch;
  await page.getByRole('button', { name: 'Settings' }).click();
  const length = page.getByTestId('settings-panel').getByLabel('Default meeting length');
  await expect(length).toHaveValue('30');
  await length.selectOption({ label: '45 minutes' });
  await expect(page.getByText('Meetings you ask for without a length now last 45 minutes.')).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, testInfo, 'system-meeting-length');
    await expectAccessible(page);
  }

  await askAndWait(vouch, 'set up a meeting with Dana tomorrow at 3');
  const sheet = page.getByTestId('draft-sheet');
  await expect(sheet).toBeVisible();
  const starts = await sheet.getByLabel('Starts').inputValue();
  const ends = await sheet.getByLabel('Ends').inputValue();
  expect((Date.parse(ends) - Date.parse(starts)) / 60_000).toBe(45);
  await expect(page.getByTestId('turn-assistant').last()).toContainText('45 minutes');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, testInfo, 'system-meeting-draft');
    await expectAccessible(page);
  }
  await sheet.getByRole('button', { name: 'Cancel' }).first().click();
});
