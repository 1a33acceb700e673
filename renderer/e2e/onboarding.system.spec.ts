import { expectAccessible, screenshot } from './checks.js';
import { expect, signInIfAsked, test } from './systemFixtures.js';

/**
 * The first-run introduction in the popover attached to the desktop host: shown on a first run,
 * walked step by step (sign in, talk, speech model, accounts, risk and the phone), shown once (the
 * host keeps that it was done), and reachable again from Settings; Esc or Skip ends it at any step.
 */
test.describe.configure({ mode: 'serial' });
// A world of its own: this file's person connects, remembers or changes things other files must not see.
test.use({ worldName: 'onboarding' });

test('first run: the introduction, once, and again from Settings', async ({ page, world }, testInfo) => {
  await page.goto(world.host.url);
  // As on a first run (a fresh host has not shown it yet, or an earlier test skipped it: undo that).
  await page.evaluate(() => window.vouch.updateSettings({ onboardingDone: false }));
  await page.reload();
  const intro = page.getByRole('dialog', { name: 'Welcome to Vouch' });
  await expect(intro).toBeVisible();
  await expect(intro.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, testInfo, 'system-onboarding-sign-in');
    await expectAccessible(page);
  }

  const steps = ['Talk', 'Speech model', 'Your accounts', 'Risk and your phone'];
  for (const name of steps) {
    await intro.getByRole('button', { name: 'Next' }).click();
    await expect(intro.getByRole('heading', { name })).toBeFocused();
  }
  await expect(intro.getByText('Vouch never sees those passwords', { exact: false })).toBeHidden();
  await expect(intro.getByText('after you confirm, your phone shows what will happen and you approve it there')).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, testInfo, 'system-onboarding-risk');
    await expectAccessible(page);
  }
  await intro.getByRole('button', { name: 'Back' }).click();
  await expect(
    intro.getByText('Vouch never sees those passwords, only short-lived access that you can take back under Accounts at any time.', {
      exact: false,
    }),
  ).toBeVisible();
  await intro.getByRole('button', { name: 'Next' }).click();
  await intro.getByRole('button', { name: 'Start using Vouch' }).click();
  await expect(intro).toBeHidden();

  // Shown once: the host kept that it was done.
  await expect.poll(() => page.evaluate(async () => (await window.vouch.getSettings()).onboardingDone)).toBe(true);
  await page.reload();
  await signInIfAsked(page, world);
  await expect(page.getByText('Online')).toBeVisible();
  await expect(intro).toBeHidden();

  // Reachable again; Esc closes it.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Show the introduction again' }).click();
  await expect(intro).toBeVisible();
  await expect(intro.getByText(/You are signed in as/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(intro).toBeHidden();
});
