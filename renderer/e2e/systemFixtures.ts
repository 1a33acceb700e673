import { test as base, expect, type Page } from '@playwright/test';
import type { ServerFrame } from '../../backend/src/protocol/index.js';
import { startWorld, type SystemWorld } from './world.js';

export interface VouchPage {
  page: Page;
  /** Every server frame the page's bridge received so far. */
  frames(): Promise<ServerFrame[]>;
}

export const test = base.extend<{ vouch: VouchPage }, { world: SystemWorld }>({
  world: [
    async ({}, use) => {
      const { world, stop } = await startWorld();
      await use(world);
      await stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  vouch: async ({ page, world }, use) => {
    const q = new URLSearchParams({ ws: world.system.wsUrl, token: world.tokens.access_token, me_token: world.tokens.me_token });
    await page.goto(`${world.harness.url}/index.html?${q}`);
    // Record what the bridge receives, to check ids and to find what the sandbox should hold.
    await page.evaluate(() => {
      const w = window as unknown as { __frames: unknown[] };
      w.__frames = [];
      window.vouch.onEvent((e) => e.type === 'frame' && w.__frames.push(e.frame));
    });
    await expect(page.getByText('Online')).toBeVisible();
    await use({ page, frames: () => page.evaluate(() => (window as unknown as { __frames: ServerFrame[] }).__frames) });
  },
});

export { expect, type SystemWorld };
