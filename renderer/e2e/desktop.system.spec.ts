import type { Page } from '@playwright/test';
import { findDevUser } from '../../backend/standins/devtenant/users.js';
import { expectAccessible, screenshot } from './checks.js';
import { expect, signInIfAsked, skipIntroduction, test, type SystemWorld } from './systemFixtures.js';

/**
 * The desktop around the popover, in the popover attached to the desktop host with its dev tray
 * strip (`?tray`): OS notifications while the popover is closed, and the tray menu. The host runs
 * the app's own tray and notification logic (electron/src/app/desktopShell.ts); the page shows the
 * notifications with the browser's real Notification API, which this file observes (an init script
 * records each `new Notification(…)`), and clicks them as the OS would.
 */
test.describe.configure({ mode: 'serial' });
// A world of its own: this file's person connects Google and pauses listening.
test.use({ worldName: 'desktop' });

interface Shown {
  title: string;
  body: string;
  tag: string;
}

/** Records every notification the page creates, keeping the object so a test can click it. */
function recordNotifications() {
  const Real = window.Notification;
  const w = window as unknown as { __notifications: Notification[] };
  w.__notifications = [];
  window.Notification = class extends Real {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      w.__notifications.push(this);
    }
  } as typeof Notification;
}

const notifications = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __notifications: Notification[] }).__notifications.map((n) => ({ title: n.title, body: n.body, tag: n.tag })),
  ) as Promise<Shown[]>;

async function openPopoverWithTray(page: Page, world: SystemWorld) {
  await page.context().grantPermissions(['notifications'], { origin: world.host.origin });
  await page.addInitScript(recordNotifications);
  await page.goto(`${world.host.url}?tray`);
  await skipIntroduction(page);
  await signInIfAsked(page, world);
  await expect(page.getByText('Online')).toBeVisible();
}

async function ask(page: Page, text: string) {
  await page.getByLabel('Type a request').fill(text);
  await page.getByLabel('Type a request').press('Enter');
}

const trayIcon = (page: Page) => page.getByRole('button', { name: /^Vouch tray icon/ });
const trayMenu = (page: Page) => page.getByRole('menu', { name: 'Vouch tray menu' });
async function openTrayMenu(page: Page) {
  await page.getByRole('button', { name: 'Tray menu' }).click();
  await expect(trayMenu(page)).toBeVisible();
  return trayMenu(page);
}

test('a draft needing confirmation while the popover is closed: notification, click, the draft sheet is open', async ({
  page,
  world,
  context,
}, testInfo) => {
  await openPopoverWithTray(page, world);

  // Google first (a reply asks to connect what it needs: reading and sending mail), with the popover
  // open: nothing is notified; this first draft is cancelled.
  await ask(page, 'reply to Dana that I will call her later');
  const connect = page.getByRole('dialog', { name: 'Connect Google' });
  await expect(connect).toBeVisible({ timeout: 30_000 });
  const consentTab = context.waitForEvent('page');
  await connect.getByRole('button', { name: 'Connect Google' }).click();
  await (await consentTab).getByRole('button', { name: 'Allow' }).click();
  await expect(connect).toBeHidden({ timeout: 20_000 });
  const first = page.getByRole('dialog', { name: 'Review the email' });
  await expect(first).toBeVisible({ timeout: 30_000 });
  await first.getByRole('button', { name: 'Cancel' }).click();
  await expect(first).toBeHidden();
  expect(await notifications(page)).toEqual([]);

  // The person closes the popover (the tray icon toggles it, as in the menu bar)…
  await trayIcon(page).click();
  await expect(page.getByText('The popover is closed. Click the tray icon to open it.')).toBeVisible();
  await expect(page.getByLabel('Type a request')).toBeHidden();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, testInfo, 'system-desktop-popover-closed');
    await expectAccessible(page);
  }

  // …and asks with the push-to-talk key while it is closed (its transcript goes through the same bridge call).
  await page.evaluate(() => window.vouch.sendTranscript('reply to Dana that Thursday works'));
  await expect
    .poll(() => notifications(page), { timeout: 30_000 })
    .toContainEqual(expect.objectContaining({ title: 'Needs your confirmation', body: expect.stringMatching(/^Review the email/) }));
  const [shown] = await notifications(page);
  // Plain and short, and nothing of the draft itself (recipient, subject, text) on a lock screen.
  expect(shown!.body).not.toMatch(/dana|thursday/i);
  // The tray icon asks for attention.
  await expect(page.getByRole('button', { name: 'Vouch tray icon: needs you' })).toBeVisible();

  // A click on the notification opens the popover on that draft.
  await page.evaluate(() =>
    (window as unknown as { __notifications: Notification[] }).__notifications[0]!.dispatchEvent(new Event('click')),
  );
  const sheet = page.getByRole('dialog', { name: 'Review the email' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByLabel('To')).toHaveValue(/dana@/);
  await expect(page.getByText('The popover is closed.', { exact: false })).toBeHidden();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, testInfo, 'system-desktop-notification-opened');
    await expectAccessible(page);
  }

  // Seen in the open popover: cancelling it there notifies nothing, and the tray calms down.
  await sheet.getByRole('button', { name: 'Cancel' }).click();
  await expect(sheet).toBeHidden();
  await expect(page.getByRole('button', { name: /^Vouch tray icon: (idle|working)$/ })).toBeVisible();
  expect(await notifications(page)).toHaveLength(1);
});

test('approved on the phone while the popover is closed: "Sent" is notified, and its click shows the sent draft', async ({
  page,
  world,
  phone,
}) => {
  await openPopoverWithTray(page, world);
  await ask(page, 'reply to Dana that Thursday works for the NDA review');
  const sheet = page.getByRole('dialog', { name: 'Review the email' });
  await expect(sheet).toBeVisible({ timeout: 30_000 });
  await sheet.getByRole('button', { name: 'Send' }).click();
  const binding = sheet.getByTestId('approval-card').locator('.binding');
  await expect(binding).toBeVisible({ timeout: 30_000 });
  const bindingMessage = await binding.innerText();
  // The phone request was seen in the open popover: it is not notified again.
  await trayIcon(page).click();
  await expect(page.getByText('The popover is closed. Click the tray icon to open it.')).toBeVisible();
  await phone.answer(bindingMessage, 'Approve');

  await expect
    .poll(() => notifications(page), { timeout: 30_000 })
    .toEqual([expect.objectContaining({ title: 'Sent', body: expect.stringMatching(/^Email · \d{1,2}:\d{2} [AP]M$/) })]);
  await page.evaluate(() =>
    (window as unknown as { __notifications: Notification[] }).__notifications[0]!.dispatchEvent(new Event('click')),
  );
  await expect(sheet.getByText('Sent ✓')).toBeVisible();
  await sheet.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(sheet).toBeHidden();
});

test('notifications switched off in Settings: a closed popover shows none', async ({ page, world }) => {
  await openPopoverWithTray(page, world);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const toggle = page.getByRole('checkbox', { name: 'Notify me while the popover is closed' });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect(page.getByText('Vouch will not show notifications.')).toBeVisible();

  await trayIcon(page).click();
  await expect(page.getByText('The popover is closed. Click the tray icon to open it.')).toBeVisible();
  await page.evaluate(() => window.vouch.sendTranscript('reply to Dana that Friday works'));
  // The draft arrives (the tray shows it waiting), but no notification is shown.
  await expect(page.getByRole('button', { name: 'Vouch tray icon: needs you' })).toBeVisible({ timeout: 30_000 });
  expect(await notifications(page)).toEqual([]);

  // Back on, for whoever comes next; the draft is cancelled.
  await trayIcon(page).click();
  const sheet = page.getByRole('dialog', { name: 'Review the email' });
  await sheet.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('checkbox', { name: 'Notify me while the popover is closed' }).check();
  await expect(page.getByText('Vouch will notify you while the popover is closed.')).toBeVisible();
});

test('tray menu: status lines, Pause listening disables Talk, Settings… opens Settings', async ({ page, world }, testInfo) => {
  await openPopoverWithTray(page, world);
  const person = findDevUser(world.tokens.sub)!;

  let menu = await openTrayMenu(page);
  await expect(menu.getByRole('menuitem', { name: `Signed in as ${person.email}` })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Backend online' })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: /^Speech model/ })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: /^Talk/ })).toBeEnabled();
  await expect(menu.getByRole('menuitemcheckbox', { name: 'Launch at login' })).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, testInfo, 'system-desktop-tray-menu');
    await expectAccessible(page);
  }

  // Pausing lets go of the push-to-talk shortcut Settings registered (the host's registrar stands in for the OS).
  const inForce = world.host.shortcuts.registered();
  expect(inForce).toHaveLength(1);
  await menu.getByRole('menuitem', { name: 'Pause listening' }).click();
  await expect(menu).toBeHidden();
  await expect.poll(() => world.host.shortcuts.registered()).toEqual([]);
  menu = await openTrayMenu(page);
  await expect(menu.getByRole('menuitem', { name: 'Talk (listening paused)' })).toBeDisabled();
  await expect(menu.getByRole('menuitem', { name: 'Resume listening' })).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, testInfo, 'system-desktop-tray-paused');
    await expectAccessible(page);
  }

  // Resume: Talk is back.
  await menu.getByRole('menuitem', { name: 'Resume listening' }).click();
  await expect.poll(() => world.host.shortcuts.registered()).toEqual(inForce);
  menu = await openTrayMenu(page);
  await expect(menu.getByRole('menuitem', { name: /^Talk \(/ })).toBeEnabled();
  await expect(menu.getByRole('menuitem', { name: 'Pause listening' })).toBeVisible();

  // Settings… opens the popover (closed first, as from the menu bar) on Settings.
  await page.keyboard.press('Escape');
  await trayIcon(page).click();
  await expect(page.getByText('The popover is closed.', { exact: false })).toBeVisible();
  menu = await openTrayMenu(page);
  await menu.getByRole('menuitem', { name: 'Settings…' }).click();
  await expect(page.getByTestId('settings-panel')).toBeVisible();
  await expect(page.getByText('The popover is closed.', { exact: false })).toBeHidden();
});
