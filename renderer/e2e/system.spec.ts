import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { screenshot } from './checks.js';
import { connectIfAsked, expect, test, type SystemWorld, type VouchPage } from './systemFixtures.js';

/**
 * The flows a person drives, in Chromium, in the popover attached to the desktop host (the desktop
 * app's controller, session, link and connect/unlink flows in Node) against the real backend, dev
 * tenant and sandbox. They share one system and run in order: the first signs in from the popover
 * and links Google.
 */
test.describe.configure({ mode: 'serial' });

/** How many messages the sandbox holds in a thread, read through the Gmail API with a Token Vault token. */
async function threadSize(world: SystemWorld, threadId: string): Promise<number> {
  const r = await world.observer.gmail.readThread({ userId: world.tokens.sub, subjectToken: world.tokens.access_token }, { threadId });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.messages.length;
}

/** The thread of the newest email draft the page received. */
async function draftThread(vouch: VouchPage): Promise<{ draft_id: string; thread_id: string }> {
  const d = (await vouch.frames()).findLast((f) => f.type === 'draft_ready');
  if (!d || d.kind !== 'email' || !d.fields.thread_id) throw new Error('no email reply draft');
  return { draft_id: d.draft_id, thread_id: d.fields.thread_id };
}

async function ask(vouch: VouchPage, text: string) {
  await vouch.page.getByLabel('Type a request').fill(text);
  await vouch.page.getByLabel('Type a request').press('Enter');
}

/** Asks for a reply to Dana and waits for its draft sheet; returns the sheet, the draft and the thread's size now. */
async function openReplyDraft(vouch: VouchPage, world: SystemWorld, request: string) {
  await ask(vouch, request);
  const sheet = vouch.page.getByRole('dialog', { name: 'Review the email' });
  await expect(sheet).toBeVisible({ timeout: 30_000 });
  const { draft_id, thread_id } = await draftThread(vouch);
  return { sheet, draft_id, thread_id, before: await threadSize(world, thread_id) };
}

test('calendar question → connect sheet → consent page Allow → the request resumes and streams its answer', async ({
  vouch,
  context,
}, testInfo) => {
  const { page } = vouch;
  await ask(vouch, "what's on my calendar tomorrow");
  const sheet = page.getByRole('dialog', { name: 'Connect Google' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByText('See your calendar events and when you are free')).toBeVisible();
  await screenshot(page, testInfo, 'system-connect-sheet');

  const popupPromise = context.waitForEvent('page');
  await sheet.getByRole('button', { name: 'Connect Google' }).click();
  const consent = await popupPromise;
  await expect(sheet.getByText('Finish in your browser, then come back here.')).toBeVisible();
  // The dev tenant's connect_uri?ticket=… leads to the sandbox's consent page.
  await consent.getByRole('button', { name: 'Allow' }).click();

  await expect(sheet).toBeHidden({ timeout: 20_000 });
  const reply = page.getByTestId('turn-assistant').last();
  await expect(reply).not.toHaveClass(/streaming/, { timeout: 30_000 });
  await expect(reply).not.toHaveText('Vouch: ');
  const frames = await vouch.frames();
  const user = frames.find((f) => f.type === 'connections_required');
  const streamed = frames.filter((f) => f.type === 'agent_stream' && f.request_id === (user as { request_id: string }).request_id);
  expect(streamed.length).toBeGreaterThan(0);
  await screenshot(page, testInfo, 'system-answer');
  await page.getByRole('button', { name: 'Accounts' }).click();
  await expect(page.getByTestId('scopes-panel').getByText('Connected', { exact: true })).toBeVisible();
});

test('a second question streams straight away, text growing while it arrives', async ({ vouch }) => {
  const { page } = vouch;
  await ask(vouch, "what's on my calendar tomorrow");
  await expect(page.getByRole('dialog')).toBeHidden();
  const reply = page.getByTestId('turn-assistant').last();
  await expect(reply).not.toHaveClass(/streaming/, { timeout: 30_000 });
  const frames = await vouch.frames();
  expect(frames.filter((f) => f.type === 'agent_stream').length).toBeGreaterThan(1);
  expect(frames.some((f) => f.type === 'connections_required')).toBe(false);
});

test('Slack: connect, then Revoke in Accounts deletes the connected account in Token Vault, and the next Slack question asks to connect again', async ({
  vouch,
  context,
  world,
}) => {
  const { page } = vouch;
  const question = "what's new in #deals";
  await ask(vouch, question);
  const sheet = page.getByRole('dialog', { name: 'Connect Slack' });
  await expect(sheet).toBeVisible({ timeout: 30_000 });
  const consentTab = context.waitForEvent('page');
  await sheet.getByRole('button', { name: 'Connect Slack' }).click();
  await (await consentTab).getByRole('button', { name: 'Allow' }).click();
  await expect(sheet).toBeHidden({ timeout: 20_000 });
  expect(await world.connectedAccounts('sign-in-with-slack')).toBe(1);

  await page.getByRole('button', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: 'Revoke Slack' }).click();
  await page.getByRole('group', { name: 'Revoke Slack?' }).getByRole('button', { name: 'Revoke' }).click();
  await expect.poll(() => world.connectedAccounts('sign-in-with-slack')).toBe(0);
  // Google stays connected.
  expect(await world.connectedAccounts('google-oauth2')).toBe(1);

  await page.getByRole('button', { name: 'Conversation' }).click();
  await ask(vouch, question);
  await expect(page.getByRole('dialog', { name: 'Connect Slack' })).toBeVisible({ timeout: 30_000 });
  await page
    .getByRole('dialog', { name: 'Connect Slack' })
    .getByRole('button', { name: /Not now|Cancel|Close/ })
    .first()
    .click();
});

test('reply to Dana → draft → edit the subject → Send → the email is in the sandbox with the new subject', async ({
  vouch,
  world,
  phone,
}, testInfo) => {
  const { page } = vouch;
  await ask(vouch, 'reply to Dana that Thursday works');
  const sheet = page.getByRole('dialog', { name: 'Review the email' });
  // Google was connected for the calendar only: a reply asks for mail too (incremental consent), then resumes.
  await connectIfAsked(page, sheet);
  await expect(sheet).toBeVisible({ timeout: 30_000 });
  await expect(sheet.getByLabel('To')).toHaveValue(/dana@/);
  const subject = `Thursday works (e2e ${Date.now().toString(36)})`;
  await sheet.getByLabel('Subject').fill(subject);
  await screenshot(page, testInfo, 'system-draft');
  await sheet.getByRole('button', { name: 'Send' }).click();
  // The edited subject drops the NDA thread's wording, so the policy re-scores it below step-up;
  // should it still ask, the person approves on the phone, so this test is about the edit, not the policy.
  const sent = sheet.getByText('Sent ✓');
  const card = sheet.getByTestId('approval-card');
  await expect(sent.or(card.locator('.binding'))).toBeVisible({ timeout: 30_000 });
  if (await card.isVisible()) await phone.answer(await card.locator('.binding').innerText(), 'Approve');
  await expect(sent).toBeVisible({ timeout: 30_000 });

  const ctx = { userId: world.tokens.sub, subjectToken: world.tokens.access_token };
  const found = await world.observer.gmail.searchThreads(ctx, { query: `in:sent subject:"${subject}"` });
  if (!found.ok) throw new Error(found.error.message);
  expect(found.value.threads.map((t) => t.subject)).toContain(subject);
});

test('approve a step-up on the phone page: the card shows the binding message, then Approved, and the email is sent', async ({
  vouch,
  world,
  phone,
}, testInfo) => {
  const { page } = vouch;
  const { sheet, thread_id, before } = await openReplyDraft(vouch, world, 'reply to Dana that Thursday works for the NDA review');
  await expect(sheet.getByText('High risk')).toBeVisible();
  await sheet.getByRole('button', { name: 'Send' }).click();
  const card = sheet.getByTestId('approval-card');
  const binding = card.locator('.binding');
  await expect(binding).toBeVisible({ timeout: 30_000 });
  await expect(card.getByText(/left$/)).toBeVisible();
  await screenshot(page, testInfo, 'system-approval');
  expect(await threadSize(world, thread_id)).toBe(before);
  await phone.answer(await binding.innerText(), 'Approve');
  await screenshot(phone.page, testInfo, 'system-phone-answered');
  // The card leaves once the phone has answered; the sheet's own status line says what happens.
  await expect(sheet.getByTestId('draft-status')).toHaveText(/^(Approved on your phone\. Sending…|Sent ✓)$/, { timeout: 30_000 });
  await expect(sheet.getByText('Sent ✓')).toBeVisible({ timeout: 30_000 });
  await expect(card).toHaveCount(0);
  expect(await threadSize(world, thread_id)).toBe(before + 1);
});

test('cancel a draft: nothing is sent', async ({ vouch, world }) => {
  const { page } = vouch;
  const { sheet, draft_id, thread_id, before } = await openReplyDraft(vouch, world, 'reply to Dana that Friday is better');
  await sheet.getByRole('button', { name: 'Cancel' }).click();
  await expect(sheet).toBeHidden();
  await page.evaluate((id) => window.vouch.confirmDraft(id), draft_id);
  // The backend answers the late confirm (refused, or reported as cancelled) without sending anything.
  const answered = async () =>
    (await vouch.frames()).some(
      (f) =>
        (f.type === 'error' && f.code.startsWith('DRAFT_')) ||
        (f.type === 'action_result' && f.draft_id === draft_id && f.status === 'cancelled'),
    );
  await expect.poll(answered).toBe(true);
  expect(await threadSize(world, thread_id)).toBe(before);
});

test('deny a step-up on the phone page: the card says declined and nothing is sent', async ({ vouch, world, phone }) => {
  const { sheet, thread_id, before } = await openReplyDraft(vouch, world, 'reply to Dana that Thursday works for the NDA review');
  await sheet.getByRole('button', { name: 'Send' }).click();
  const card = sheet.getByTestId('approval-card');
  const binding = card.locator('.binding');
  await expect(binding).toBeVisible({ timeout: 30_000 });
  await expect(card.getByText(/left$/)).toBeVisible();
  await phone.answer(await binding.innerText(), 'Deny');
  await expect(sheet.getByTestId('draft-status')).toHaveText('Declined on your phone. Nothing was sent.', { timeout: 30_000 });
  await expect(sheet.getByRole('button', { name: /again/i })).toHaveCount(0);
  expect(await threadSize(world, thread_id)).toBe(before);
});

test('pre-authorize Slack for a while on the phone page: deny allows nothing, approve lists the grant, Revoke removes it', async ({
  vouch,
  phone,
}) => {
  const { page } = vouch;
  await page.getByRole('button', { name: 'Accounts' }).click();
  const panel = page.getByTestId('preauth-panel');
  await panel.getByLabel('Actions in').selectOption('slack');
  const ask = panel.getByRole('button', { name: 'Ask my phone to allow' });

  await ask.click();
  await expect(panel.getByText('Waiting for your phone. Check that it shows: Allow Slack actions for 30 min')).toBeVisible();
  await phone.answer('Allow Slack actions for 30 min', 'Deny');
  await expect(panel.getByRole('alert')).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByTestId('preauth-item')).toHaveCount(0);

  await ask.click();
  await expect(panel.getByText('Waiting for your phone. Check that it shows: Allow Slack actions for 30 min')).toBeVisible();
  await phone.answer('Allow Slack actions for 30 min', 'Approve');
  await expect(panel.getByText(/^Allowed: Slack actions/)).toBeVisible({ timeout: 30_000 });
  const item = panel.getByTestId('preauth-item');
  await expect(item).toHaveCount(1);
  await item.getByRole('button', { name: /^Revoke: Slack actions/ }).click();
  await expect(item).toHaveCount(0);
});

test('Slack a person: connect, the sheet names them by address, edit, Send → the message is in your DM with them', async ({
  vouch,
  world,
}, testInfo) => {
  const { page } = vouch;
  await ask(vouch, 'slack priya that the launch deck is ready');
  const sheet = page.getByRole('dialog', { name: 'Review the Slack message' });
  await connectIfAsked(page, sheet, 'Slack');
  await expect(sheet).toBeVisible({ timeout: 30_000 });
  await expect(sheet.getByLabel('To')).toHaveValue('priya@example.com');
  const text = `The launch deck is ready for your review (e2e ${Date.now().toString(36)})`;
  await sheet.getByLabel('Message').fill(text);
  await screenshot(page, testInfo, 'system-slack-dm');
  await sheet.getByRole('button', { name: 'Send' }).click();
  await expect(sheet.getByText('Sent ✓')).toBeVisible({ timeout: 30_000 });

  const ctx = { userId: world.tokens.sub, subjectToken: world.tokens.access_token };
  const found = await world.observer.slack.searchMessages(ctx, { query: `in:@priya "${text}"` });
  if (!found.ok) throw new Error(found.error.message);
  expect(found.value.matches.map((m) => m.text)).toEqual([text]);
});

test('activity shows the audit chain verified', async ({ vouch }) => {
  const { page } = vouch;
  await page.getByRole('button', { name: 'Activity' }).click();
  await expect(page.getByText(/Record intact: \d+ entries verified/)).toBeVisible();
  await expect(page.locator('.audit li').first()).toBeVisible();
});

test('Talk without a speech model says so instead of listening, and offers the download', async ({ vouch }) => {
  const { page } = vouch;
  await page.getByRole('button', { name: 'Talk' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'The speech model is not downloaded yet. Download it, or type your request.' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Talk' })).toHaveAttribute('aria-pressed', 'false');
  // The offer only (this world has no model host: nothing is downloaded unless asked).
  await expect(page.getByTestId('speech-model').getByRole('button', { name: 'Download speech model' })).toBeVisible();
});

test('only the popover the host served can attach: not another local site with the cookie, not the same origin without it', async ({
  vouch,
  world,
  browser,
}) => {
  const { page } = vouch;
  // The popover's URL carries nothing, and its script cannot read the secret (HttpOnly).
  expect(page.url()).toBe(world.host.url);
  expect(await page.evaluate(() => document.cookie)).not.toContain('vouch_host_secret');
  const bridgeUrl = `${world.host.origin.replace('http', 'ws')}/__vouch/bridge`;
  const tryAttach = (p: import('@playwright/test').Page) =>
    p.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(url);
          // Polled: a refused handshake does not always fire close on a page that is not the app.
          const check = setInterval(() => {
            if (ws.readyState === WebSocket.CONNECTING || ws.readyState === WebSocket.CLOSING) return;
            clearInterval(check);
            resolve(ws.readyState === WebSocket.OPEN ? 'attached' : 'refused');
          }, 50);
        }),
      bridgeUrl,
    );
  const before = world.host.transport.attached;

  // Another site on this machine, in the same browser: only the port differs, so the browser sends
  // the SameSite=Strict cookie along; the Origin check refuses it.
  const site = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>elsewhere</title>'),
  );
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', () => r()));
  const other = await page.context().newPage();
  await other.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
  expect(await tryAttach(other)).toBe('refused');
  await other.close();
  site.close();

  // A page of the host's own origin in a browser that never loaded the popover: no secret.
  const stranger = await browser.newContext();
  const same = await stranger.newPage();
  await same.goto(`${world.host.origin}/src/styles/popover.css`);
  expect(await tryAttach(same)).toBe('refused');
  await stranger.close();

  expect(world.host.transport.attached).toBe(before);
});
