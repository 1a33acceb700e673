import { readFileSync } from 'node:fs';
import { expectAccessible, screenshot } from './checks.js';
import { expect, test } from './systemFixtures.js';

/**
 * The Activity panel on the desktop host against the real backend: filters by account, kind and
 * outcome, pages back through the whole log with "Load older", shows the chain verified, and exports
 * the signed chain as a file whose lines are the log's entries.
 */
test.describe.configure({ mode: 'serial' });
// A world of its own: this file's person connects, remembers or changes things other files must not see.
test.use({ worldName: 'activity' });

test('activity: filter, page through the whole log, verify and export', async ({ vouch, world }, testInfo) => {
  const { page } = vouch;
  const api = (path: string, init: RequestInit = {}) =>
    fetch(new URL(path, `${world.system.backendUrl}/`), {
      ...init,
      headers: { authorization: `Bearer ${world.tokens.access_token}`, 'content-type': 'application/json' },
    });
  // More than one page of history: 60 audited rule changes by the same person (another session).
  for (let i = 0; i < 60; i++) {
    const r = await api('rules', {
      method: 'POST',
      body: JSON.stringify({ id: `e2e-${i}`, effect: 'require_confirm', when: { tool: 'slack' }, description: `E2E rule ${i}` }),
    });
    expect(r.status).toBe(201);
  }
  // Removing them loosens the person's rules, so the backend asks the phone; this setup (not the path
  // under test) answers it in process — rules.system.spec.ts approves on the phone page.
  world.system.tenant.ciba.events.once('request', (p: { authReqId: string }) => void world.system.tenant.ciba.approve(p.authReqId));
  expect((await api('rules', { method: 'PUT', body: JSON.stringify({ rules: [] }) })).status).toBe(200);
  // And something from Google: a calendar question (connecting Google first if Vouch asks).
  await page.getByLabel('Type a request').fill("what's on my calendar tomorrow");
  await page.getByLabel('Type a request').press('Enter');
  const sheet = page.getByRole('dialog', { name: 'Connect Google' });
  const reply = page.getByTestId('turn-assistant').last();
  await expect(sheet.or(reply)).toBeVisible({ timeout: 30_000 });
  if (await sheet.isVisible()) {
    const consent = page.context().waitForEvent('page');
    await sheet.getByRole('button', { name: 'Connect Google' }).click();
    await (await consent).getByRole('button', { name: 'Allow' }).click();
    await expect(sheet).toBeHidden({ timeout: 20_000 });
  }
  await expect(reply).not.toHaveClass(/streaming/, { timeout: 30_000 });

  await page.getByRole('button', { name: 'Activity' }).click();
  const panel = page.getByTestId('activity-panel');
  const verified = panel.getByText(/Record intact: (\d+) entries verified/);
  await expect(verified).toBeVisible();
  const total = Number((await verified.textContent())!.match(/(\d+) entries/)![1]);
  expect(total).toBeGreaterThan(60);
  await expect(panel.getByTestId('activity-count')).toHaveText('50 entries (older ones not loaded yet)');

  // Page back to the start of the log.
  while (await panel.getByRole('button', { name: 'Load older' }).isVisible())
    await panel.getByRole('button', { name: 'Load older' }).click();
  await expect(panel.getByTestId('activity-count')).toHaveText(`${total} entries (the whole log)`);
  const entries = panel.getByRole('list', { name: 'Activity entries' }).getByRole('listitem');
  await expect(entries).toHaveCount(total);

  // Filters: Google only, then rule changes only, then failures only.
  await panel.getByLabel('Account').selectOption('google');
  await expect(entries.first()).toBeVisible();
  await expect(entries.filter({ hasText: 'Rules changed' })).toHaveCount(0);
  await expect(entries.filter({ hasText: 'Understood a request' }).first()).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, testInfo, 'system-activity-filtered');
    await expectAccessible(page);
  }
  await panel.getByLabel('Account').selectOption('all');
  await panel.getByLabel('What').selectOption({ label: 'Rule changes' });
  await expect(entries).toHaveCount(61);
  await panel.getByLabel('Outcome').selectOption({ label: 'Failed or refused' });
  await expect(panel.getByText('Nothing loaded matches.')).toBeVisible();
  await expect(panel.getByTestId('activity-count')).toHaveText(`0 of ${total} loaded entries (the whole log)`);

  // Export: the whole signed chain, one entry per line.
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^vouch-activity-\d{4}-\d{2}-\d{2}\.jsonl$/);
  const lines = readFileSync((await file.path())!, 'utf8')
    .trim()
    .split('\n');
  expect(lines.length).toBeGreaterThanOrEqual(total);
  expect(JSON.parse(lines[0]!)).toMatchObject({ seq: expect.any(Number), hash: expect.any(String), hmac: expect.any(String) });
  await expect(panel.getByText(/Saved the signed record as vouch-activity-/)).toBeVisible();
});
