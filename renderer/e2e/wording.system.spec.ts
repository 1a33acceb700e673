import type { Page } from '@playwright/test';
import { expectAccessible, screenshot } from './checks.js';
import { expect, test, type VouchPage } from './systemFixtures.js';

/**
 * What the popover says in each state, against the real backend, tenant, sandbox and phone page: a
 * draft a rule blocks has no action button and names the rule; a phone decline offers no "send
 * again"; an event says Created (never "Sending…"); "remember that …" confirms and shows in Memory.
 */
test.describe.configure({ mode: 'serial' });
// A world of its own: this file's person adds rules other files must not see.
test.use({ worldName: 'wording' });

const RULES = [
  { id: 'no-payroll', effect: 'deny', when: { keyword_any: ['payroll'] }, description: 'Never send anything about payroll', enabled: true },
  {
    id: 'calendar-phone',
    effect: 'require_step_up',
    when: { tool: 'calendar' },
    description: 'Calendar changes need my phone',
    enabled: true,
  },
];

/** Asks in the composer; connects (consent page: Allow) whenever Vouch asks to; resolves once the answer or a draft is there. */
async function ask(vouch: VouchPage, text: string): Promise<void> {
  const { page } = vouch;
  const settled = async () => (await vouch.frames()).filter((f) => f.type === 'agent_done' || f.type === 'draft_ready').length;
  const before = await settled();
  await page.getByLabel('Type a request').fill(text);
  await page.getByLabel('Type a request').press('Enter');
  const connect = page.getByRole('dialog', { name: /^Connect / });
  await expect.poll(async () => (await settled()) > before || (await connect.isVisible()), { timeout: 30_000 }).toBe(true);
  if (await connect.isVisible()) {
    const consent = page.context().waitForEvent('page');
    await connect.getByRole('button', { name: /^Connect / }).click();
    await (await consent).getByRole('button', { name: 'Allow' }).click();
    await expect(connect).toBeHidden({ timeout: 20_000 });
  }
  await expect.poll(settled, { timeout: 30_000 }).toBeGreaterThan(before);
}

/** Every text the draft sheet's status line shows from now on, to prove one never appears. */
async function recordDraftStatus(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __statuses: string[] };
    w.__statuses = [];
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('[data-testid="draft-status"]')) {
        const t = el.textContent ?? '';
        if (t && w.__statuses.at(-1) !== t) w.__statuses.push(t);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
}

async function both(page: Page, testInfo: Parameters<typeof screenshot>[1], name: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, testInfo, name);
    await expectAccessible(page);
  }
}

test('the person’s rules are in place', async ({ world }) => {
  const res = await fetch(new URL('rules', `${world.system.backendUrl}/`), {
    method: 'PUT',
    headers: { authorization: `Bearer ${world.tokens.access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rules: RULES }),
  });
  expect(res.status).toBe(200);
});

test('a draft a rule blocks: says so in the reply and the sheet, names the rule, and has no Send button', async ({ vouch }, testInfo) => {
  const { page } = vouch;
  await ask(vouch, 'email Dana that payroll is late this month');
  const sheet = page.getByRole('dialog', { name: 'Review the email' });
  await expect(sheet).toBeVisible();
  await expect(page.getByTestId('turn-assistant').last()).toHaveText(
    'Vouch: I drafted it, but your rule “Never send anything about payroll” doesn’t allow it, so I won’t do it. To allow it, change that rule under Rules.',
  );
  await expect(sheet.getByTestId('draft-problem')).toHaveText(
    'Not allowed: your rule “Never send anything about payroll” blocks this, so Vouch won’t do it. To allow it, change that rule under Rules.',
  );
  await expect(sheet.getByText('Not allowed', { exact: true })).toBeVisible();
  await expect(sheet.getByRole('button', { name: 'Send' })).toHaveCount(0);
  await expect(page.getByText(/when you'?’?re ready/i)).toHaveCount(0);
  await both(page, testInfo, 'system-wording-blocked');
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toBeHidden();
});

test('an event the phone declines: Declined, nothing created, and no "Create again"', async ({ vouch, phone }, testInfo) => {
  const { page } = vouch;
  await ask(vouch, 'schedule a meeting with Dana tomorrow at 4pm');
  const sheet = page.getByRole('dialog', { name: 'Review the event' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByText('Your rule: “Calendar changes need my phone”')).toBeAttached();
  await sheet.getByRole('button', { name: 'Create' }).click();
  const binding = sheet.getByTestId('approval-card').locator('.binding');
  await expect(binding).toBeVisible({ timeout: 30_000 });
  await expect(sheet.getByTestId('draft-content-code')).toBeVisible();
  await expect(sheet.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  await both(page, testInfo, 'system-wording-phone-wait');
  await phone.answer(await binding.innerText(), 'Deny');
  await expect(sheet.getByTestId('draft-status')).toHaveText('Declined on your phone. No event was created.', { timeout: 30_000 });
  await expect(sheet.locator('.actions button')).toHaveText(['Close']);
  await expect(sheet.getByRole('button', { name: /again/i })).toHaveCount(0);
  await both(page, testInfo, 'system-wording-declined');
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toBeHidden();
  // Answered approvals do not pile up in the conversation.
  await expect(page.getByTestId('approval-card')).toHaveCount(0);
});

test('an event the phone approves: Approved, then Created, never "Sending…"', async ({ vouch, phone }, testInfo) => {
  const { page } = vouch;
  const statuses = await recordDraftStatus(page);
  await ask(vouch, 'schedule a meeting with Dana tomorrow at 5pm');
  const sheet = page.getByRole('dialog', { name: 'Review the event' });
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: 'Create' }).click();
  const binding = sheet.getByTestId('approval-card').locator('.binding');
  await expect(binding).toBeVisible({ timeout: 30_000 });
  await phone.answer(await binding.innerText(), 'Approve');
  await expect(sheet.getByTestId('draft-status')).toHaveText('Created ✓', { timeout: 30_000 });
  await both(page, testInfo, 'system-wording-created');
  const seen = await statuses();
  expect(seen).toContain('Waiting for you to approve on your phone. Nothing happens until you do.');
  expect(seen.join('\n')).not.toContain('Sending');
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('approval-card')).toHaveCount(0);
});

test('"remember that my manager is Dana": confirmed in plain words, and listed in Memory', async ({ vouch }, testInfo) => {
  const { page } = vouch;
  await ask(vouch, 'remember that my manager is Dana');
  await expect(page.getByTestId('turn-assistant').last()).toHaveText('Vouch: Got it. I’ll remember that your manager is Dana.');
  await page.getByRole('button', { name: 'Memory' }).click();
  const list = page.getByTestId('memory-panel').getByRole('list', { name: 'Remembered items' });
  await expect(list.getByRole('listitem').filter({ hasText: 'Remember: my manager is Dana' })).toBeVisible();
  await both(page, testInfo, 'system-wording-memory');
});

test('"forget that my manager is Dana": confirmed, and gone from Memory', async ({ vouch }) => {
  const { page } = vouch;
  await ask(vouch, 'forget that my manager is Dana');
  await expect(page.getByTestId('turn-assistant').last()).toHaveText('Vouch: Done. I’ve forgotten that your manager is Dana.');
  await page.getByRole('button', { name: 'Memory' }).click();
  const panel = page.getByTestId('memory-panel');
  await expect(
    panel.getByText('Vouch remembers nothing about you.').or(panel.getByRole('list', { name: 'Remembered items' })),
  ).toBeVisible();
  await expect(panel.getByText('Remember: my manager is Dana')).toHaveCount(0);
});
