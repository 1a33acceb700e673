import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { ServerFrame } from '../../backend/src/protocol/index.js';
import { findDevUser } from '../../backend/standins/devtenant/users.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFakeWhisperModel } from '../../electron/test/stt/helpers/fake-whisper-model.js';
import { startWorld, type SystemWorld } from './world.js';

export interface VouchPage {
  page: Page;
  /** Every server frame the page's bridge received so far. */
  frames(): Promise<ServerFrame[]>;
}

/** The person's phone: another device (its own browser context) showing the dev tenant's phone page. */
export interface Phone {
  page: Page;
  /** Opens the phone page, signs in at the tenant if the phone asks, and presses Approve or Deny on the request showing `bindingMessage`. */
  answer(bindingMessage: string, decision: 'Approve' | 'Deny'): Promise<void>;
}

/**
 * The host starts signed out (a fresh data folder): the person presses Sign in, the tenant's page
 * opens in a new tab of their browser, they pick their account, and the loopback callback lands on
 * the host. Later tests find the host signed in.
 */
export async function signInIfAsked(page: Page, world: SystemWorld): Promise<void> {
  const signIn = page.getByRole('button', { name: 'Sign in', exact: true });
  const online = page.getByText('Online');
  await expect(signIn.or(online)).toBeVisible();
  if (!(await signIn.isVisible())) return;
  const person = findDevUser(world.tokens.sub);
  if (!person) throw new Error(`no dev user ${world.tokens.sub}`);
  const tab = page.context().waitForEvent('page');
  await signIn.click();
  const login = await tab;
  await login.getByRole('button', { name: `Continue as ${person.name}` }).click();
  await expect(login.getByText('You are signed in to Vouch. You can close this tab.')).toBeVisible();
  await login.close();
}

/**
 * Waits for `expected` (a draft sheet, an answer); when Vouch first asks to connect more of an account
 * (a write after a read-only connect: incremental consent), the person connects it on the consent page
 * and the request resumes.
 */
export async function connectIfAsked(page: Page, expected: Locator, provider = 'Google'): Promise<void> {
  const connect = page.getByRole('dialog', { name: `Connect ${provider}` });
  await expect(connect.or(expected).first()).toBeVisible({ timeout: 30_000 });
  if (!(await connect.isVisible())) return;
  const tab = page.context().waitForEvent('page');
  await connect.getByRole('button', { name: `Connect ${provider}` }).click();
  const consent = await tab;
  await consent.getByRole('button', { name: 'Allow' }).click();
  await expect(connect).toBeHidden({ timeout: 20_000 });
  await consent.close();
}

/**
 * Types a request in the composer (on the Conversation view) and waits for its answer to finish;
 * when Vouch asks to connect Google first (or to connect more of it), the person allows it on the
 * consent page and the request resumes.
 */
export async function askAndWait(vouch: VouchPage, text: string): Promise<void> {
  const { page } = vouch;
  const done = async () => (await vouch.frames()).filter((f) => f.type === 'agent_done').length;
  const before = await done();
  await page.getByRole('button', { name: 'Conversation' }).click();
  const box = page.getByLabel('Type a request');
  await box.fill(text);
  await box.press('Enter');
  const sheet = page.getByRole('dialog', { name: 'Connect Google' });
  await expect.poll(async () => (await done()) > before || (await sheet.isVisible())).toBe(true);
  if (await sheet.isVisible()) {
    const consent = page.context().waitForEvent('page');
    await sheet.getByRole('button', { name: 'Connect Google' }).click();
    await (await consent).getByRole('button', { name: 'Allow' }).click();
    await expect(sheet).toBeHidden({ timeout: 20_000 });
  }
  await expect.poll(done, { timeout: 30_000 }).toBeGreaterThan(before);
}

/** A fresh host shows the first-run introduction once; the flows under test start past it (onboarding.system.spec.ts walks it). */
export async function skipIntroduction(page: Page): Promise<void> {
  const settings = await page.evaluate(() => window.vouch.getSettings());
  if (settings.onboardingDone) return;
  const intro = page.getByRole('dialog', { name: 'Welcome to Vouch' });
  await intro.getByRole('button', { name: 'Skip introduction' }).click();
  await expect(intro).toBeHidden();
}

export const test = base.extend<
  { vouch: VouchPage; phone: Phone },
  { world: SystemWorld; worldName: string; withSpeechModel: boolean; withCartesia: boolean }
>({
  /**
   * Files that set their own `worldName` (test.use) get a world of their own: Playwright runs them in
   * a separate worker, so what one file's person connects, remembers or changes never leaks into
   * another file that expects a first-time person.
   */
  worldName: ['shared', { scope: 'worker', option: true }],
  /** The host starts with a (generated) speech model ready, for files whose person talks with the shortcut. */
  withSpeechModel: [false, { scope: 'worker', option: true }],
  /** The backend speaks through the Cartesia stand-in (which records the voice each reply asked for) rather than offline. */
  withCartesia: [false, { scope: 'worker', option: true }],
  world: [
    async ({ worldName: _name, withSpeechModel, withCartesia }, use) => {
      const modelDir = withSpeechModel ? mkdtempSync(join(tmpdir(), 'vouch-e2e-model-')) : undefined;
      if (modelDir) await writeFakeWhisperModel(modelDir, { merged: true });
      const { world, stop } = await startWorld({ ...(modelDir ? { whisperModelDir: modelDir } : {}), cartesia: withCartesia });
      await use(world);
      await stop();
      if (modelDir) rmSync(modelDir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  vouch: async ({ page, world }, use) => {
    // The popover's URL carries nothing: the host sets its secret as a cookie on this document.
    await page.goto(world.host.url);
    // Record what the bridge receives, to check ids and to find what the sandbox should hold.
    await page.evaluate(() => {
      const w = window as unknown as { __frames: unknown[] };
      w.__frames = [];
      window.vouch.onEvent((e) => e.type === 'frame' && w.__frames.push(e.frame));
    });
    await skipIntroduction(page);
    await signInIfAsked(page, world);
    await expect(page.getByText('Online')).toBeVisible();
    await use({ page, frames: () => page.evaluate(() => (window as unknown as { __frames: ServerFrame[] }).__frames) });
  },
  phone: async ({ browser, world }, use) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const person = findDevUser(world.tokens.sub);
    if (!person) throw new Error(`no dev user ${world.tokens.sub}`);
    const answer = async (bindingMessage: string, decision: 'Approve' | 'Deny') => {
      await page.goto(`${world.system.tenantUrl}/dev/phone`);
      const signIn = page.getByRole('button', { name: `Continue as ${person.name}` });
      const inbox = page.getByRole('heading', { name: 'Approval requests' });
      await expect(signIn.or(inbox)).toBeVisible();
      if (await signIn.isVisible()) await signIn.click();
      await expect(page.getByText(`Signed in as ${person.name}.`)).toBeVisible();
      const request = page.getByRole('listitem').filter({ hasText: bindingMessage });
      await expect(request).toBeVisible();
      await request.getByRole('button', { name: decision }).click();
      await expect(request).toBeHidden();
    };
    await use({ page, answer });
    await context.close();
  },
});

export { expect, type SystemWorld };
