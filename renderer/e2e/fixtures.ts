import { test as base, expect, type Page } from '@playwright/test';
import type { AuditPage, BridgeEvent } from '../../electron/src/bridge/contract.js';
import { installFakeBridge, type FakeControl, type FakeScript } from './fakeBridge.js';
import { startHarness, type Harness } from './harness.js';

export const AUDIT: AuditPage = {
  entries: [
    {
      seq: 3,
      at: '2030-05-01T09:14:00Z',
      kind: 'write',
      summary: 'Sent “Thursday works” to dana@example.com',
      provider: 'google',
      outcome: 'ok',
    },
    { seq: 2, at: '2030-05-01T09:13:30Z', kind: 'policy_decision', summary: 'Confirm in the app (risk 30)', outcome: 'ok' },
    { seq: 1, at: '2030-05-01T09:13:00Z', kind: 'intent', summary: 'Reply to Dana', provider: 'google', outcome: 'ok' },
  ],
  verified: { ok: true, count: 3 },
};

/** One active grant at load: medium-risk Gmail actions, a little under 23 minutes left. */
export const PREAUTHS: FakeScript['preauths'] = [
  { id: 'pa-gmail', tool: 'gmail', max_level: 'confirm', max_score: 54, expires_in_ms: 23 * 60_000 - 30_000 },
];

export interface FakePopover {
  page: Page;
  emit(event: BridgeEvent): Promise<void>;
  calls(method?: string): Promise<FakeControl['calls']>;
  /** Plays the phone for a pending pre-authorization grant. */
  finishGrant(outcome: 'approved' | 'denied'): Promise<boolean>;
}

/** The popover over a scripted bridge, served by a per-worker Vite harness. */
export const test = base.extend<{ popover: FakePopover }, { harness: Harness }>({
  harness: [
    async ({}, use) => {
      const h = await startHarness();
      await use(h);
      await h.close();
    },
    { scope: 'worker' },
  ],
  popover: async ({ page, harness }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // CSP violations surface as console errors; the renderer must not cause any.
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.addInitScript(installFakeBridge, { audit: AUDIT, preauths: PREAUTHS });
    await page.goto(`${harness.url}/index.html`);
    await expect(page.getByTestId('status')).toBeVisible();
    const emit = (event: BridgeEvent) => page.evaluate((e) => window.__vouchFake.emit(e), event);
    const calls = async (method?: string) => {
      const all = await page.evaluate(() => window.__vouchFake.calls);
      return method ? all.filter((c) => c.method === method) : all;
    };
    const finishGrant = (outcome: 'approved' | 'denied') => page.evaluate((o) => window.__vouchFake.finishGrant(o), outcome);
    await use({ page, emit, calls, finishGrant });
    expect(errors).toEqual([]);
  },
});

export { expect };
