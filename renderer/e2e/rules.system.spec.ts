import { expectAccessible, screenshot } from './checks.js';
import { expect, test } from './systemFixtures.js';

/**
 * The person's rules, edited in the popover attached to the desktop host against the real backend:
 * a rule is added with the small form (a bad domain is caught before anything is sent), shown in
 * plain words, turned off and on, and deleted; the backend's own list agrees at each step.
 */
test.describe.configure({ mode: 'serial' });
// A world of its own: this file's person connects, remembers or changes things other files must not see.
test.use({ worldName: 'rules' });

test('rules: add with validation, read in plain words, turn off (approved on the phone), delete', async ({
  vouch,
  world,
  phone,
}, testInfo) => {
  const { page } = vouch;
  const backendRules = async () => {
    const r = await fetch(new URL('rules', `${world.system.backendUrl}/`), {
      headers: { authorization: `Bearer ${world.tokens.access_token}` },
    });
    return ((await r.json()) as { rules: Array<{ effect: string; when: Record<string, unknown>; enabled: boolean }> }).rules;
  };
  await page.getByRole('button', { name: 'Rules' }).click();
  const panel = page.getByTestId('rules-panel');
  await expect(panel.getByText('No rules yet.').or(panel.getByRole('list', { name: 'Rules' }))).toBeVisible();
  const before = (await backendRules()).length;

  const form = panel.getByRole('form', { name: 'Add a rule' });
  await form.getByLabel('What Vouch should do').selectOption({ label: 'Ask my phone first for…' });
  await form.getByLabel('Which account').selectOption({ label: 'Gmail' });
  await form.getByLabel('When it reaches').selectOption({ label: 'someone outside a domain' });
  await form.getByLabel('Someone outside a domain').fill('not a domain');
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(form.getByRole('alert')).toHaveText('Enter a domain such as example.com.');
  await expect(form.getByLabel('Someone outside a domain')).toHaveAttribute('aria-invalid', 'true');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, testInfo, 'system-rules-invalid');
    await expectAccessible(page);
  }
  expect((await backendRules()).length).toBe(before);

  await form.getByLabel('Someone outside a domain').fill('@Example.com');
  await form.getByRole('button', { name: 'Add rule' }).click();
  const sentence = 'Ask my phone first for Gmail actions reaching someone outside example.com';
  const item = panel.getByRole('list', { name: 'Rules' }).getByRole('listitem').filter({ hasText: sentence });
  await expect(item).toBeVisible();
  await expect(panel.getByText('Rule added.')).toBeVisible();
  expect(await backendRules()).toContainEqual(
    expect.objectContaining({ effect: 'require_step_up', when: { tool: 'gmail', recipient_outside_domain: 'example.com' }, enabled: true }),
  );
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, testInfo, 'system-rules');
    await expectAccessible(page);
  }

  // Turning a protective rule off loosens it: the backend waits for the phone, where the person approves.
  // The box follows the backend: it changes once the change is stored.
  const asked = new Promise((resolve) => world.system.tenant.ciba.events.once('request', resolve));
  await item.getByRole('checkbox', { name: 'On' }).click();
  await expect(panel.getByText('if your phone asks, approve it there')).toBeVisible();
  await asked;
  await phone.answer('Loosen a Vouch rule', 'Approve');
  await expect(panel.getByText('Rule turned off.')).toBeVisible();
  await expect(item.getByRole('checkbox', { name: 'On' })).not.toBeChecked();
  expect(await backendRules()).toContainEqual(
    expect.objectContaining({ when: { tool: 'gmail', recipient_outside_domain: 'example.com' }, enabled: false }),
  );

  await item.getByRole('button', { name: `Delete rule: ${sentence}` }).click();
  await expect(item).toBeHidden();
  expect((await backendRules()).length).toBe(before);
});
