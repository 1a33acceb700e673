import type { ServerFrame } from '../../backend/src/protocol/index.js';
import { expectAccessible, screenshot } from './checks.js';
import { expect, test, type FakePopover } from './fixtures.js';

/**
 * Every popover state in real Chromium over a scripted bridge: what a person sees, in light and
 * dark, with axe-core on each sheet and the keyboard paths that matter.
 */
const google = {
  provider: 'google' as const,
  connection: 'google-oauth2',
  scopes: [
    { scope: 'https://www.googleapis.com/auth/gmail.readonly', description: 'Read your email messages and threads' },
    { scope: 'https://www.googleapis.com/auth/calendar.readonly', description: 'See your calendar events and when you are free' },
  ],
};
const ready: ServerFrame = {
  type: 'session_ready',
  user: { sub: 'auth0|alex', name: 'Alex Rivera', email: 'alex@example.com' },
  providers: [],
};
const frame = (p: FakePopover, f: ServerFrame) => p.emit({ type: 'frame', frame: f });

/** 0.3 s of a 440 Hz tone as base64 Int16 PCM at 24 kHz, in 0.1 s chunks. */
function toneChunks(): string[] {
  const rate = 24_000;
  return [0, 1, 2].map((c) => {
    const s = new Int16Array(rate / 10);
    for (let i = 0; i < s.length; i++) s[i] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * (c * s.length + i)) / rate));
    return Buffer.from(s.buffer).toString('base64');
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('idle, then a typed request streams its answer', async ({ popover }, testInfo) => {
      const { page } = popover;
      await frame(popover, ready);
      await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'idle');
      await expect(page.getByText('Online')).toBeVisible();
      await screenshot(page, testInfo, 'idle');
      await expectAccessible(page);

      await page.getByLabel('Type a request').fill("what's on my calendar tomorrow");
      await page.keyboard.press('Enter');
      expect(await popover.calls('sendTranscript')).toEqual([{ method: 'sendTranscript', args: ["what's on my calendar tomorrow"] }]);
      await expect(page.getByTestId('turn-user')).toHaveText("You said: what's on my calendar tomorrow");
      await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'thinking');
      await frame(popover, { type: 'agent_stream', request_id: 't-1', delta: 'Tomorrow you have ' });
      await frame(popover, { type: 'agent_stream', request_id: 't-1', delta: 'a design review at 10:00 and lunch with Dana at 12:30.' });
      await expect(page.getByTestId('turn-assistant')).toContainText('a design review at 10:00 and lunch with Dana at 12:30.');
      await screenshot(page, testInfo, 'streaming');
      await frame(popover, { type: 'agent_done', request_id: 't-1' });
      await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'idle');
      await expect(page.getByTestId('turn-assistant')).not.toHaveClass(/streaming/);
    });

    test('connect sheet: reason and scopes, Connect shows progress, closes when linked and the request resumes', async ({
      popover,
    }, testInfo) => {
      const { page } = popover;
      await frame(popover, ready);
      await frame(popover, {
        type: 'connections_required',
        request_id: 't-1',
        providers: ['google'],
        reason: 'To see your calendar, Vouch needs access to your Google account.',
        scopes: google.scopes.map((s) => ({ provider: 'google' as const, ...s })),
      });
      const sheet = page.getByRole('dialog', { name: 'Connect Google' });
      await expect(sheet).toBeVisible();
      await expect(sheet.getByText('See your calendar events and when you are free')).toBeVisible();
      await expect(sheet.getByRole('button', { name: 'Connect Google' })).toBeFocused();
      await screenshot(page, testInfo, 'connect-sheet');
      await expectAccessible(page);
      await page.keyboard.press('Enter');
      expect(await popover.calls('connectProvider')).toEqual([{ method: 'connectProvider', args: ['google'] }]);
      await expect(sheet.getByText('Finish in your browser, then come back here.')).toBeVisible();
      await screenshot(page, testInfo, 'connect-progress');
      await frame(popover, { type: 'providers_updated', providers: [google] });
      await expect(sheet).toBeHidden();
      await frame(popover, { type: 'agent_stream', request_id: 't-1', delta: 'Tomorrow is free.' });
      await expect(page.getByTestId('turn-assistant')).toHaveText('Vouch: Tomorrow is free.');
    });

    test('draft sheet: edit the subject, Send sends only that edit, then Sent', async ({ popover }, testInfo) => {
      const { page } = popover;
      await frame(popover, ready);
      await frame(popover, {
        type: 'draft_ready',
        draft_id: 'd-1',
        request_id: 't-1',
        kind: 'email',
        fields: { to: ['dana@example.com'], cc: [], subject: 'Re: Thursday', body: 'Hi Dana,\n\nThursday works for me.\n\nAlex' },
        risk: {
          score: 30,
          level: 'confirm',
          factors: [
            { name: 'write', points: 20, detail: 'Sends an email as you' },
            { name: 'reversible', points: 10, detail: 'Cannot be unsent' },
          ],
        },
      });
      const sheet = page.getByRole('dialog', { name: 'Review the email' });
      await expect(sheet).toBeVisible();
      await expect(sheet.getByLabel('To')).toBeFocused();
      await screenshot(page, testInfo, 'draft-sheet');
      await expectAccessible(page);
      await sheet.getByLabel('To').fill('dana@example.com, bob@');
      await sheet.getByRole('button', { name: 'Send' }).click();
      await expect(sheet.getByText('“bob@” is not a valid email address.')).toBeVisible();
      await screenshot(page, testInfo, 'draft-invalid');
      await expectAccessible(page);
      expect(await popover.calls('confirmDraft')).toEqual([]);
      await sheet.getByLabel('To').fill('dana@example.com');
      await sheet.getByLabel('Subject').fill('Thursday works');
      await sheet.getByLabel('Subject').press('Enter');
      expect(await popover.calls('confirmDraft')).toEqual([{ method: 'confirmDraft', args: ['d-1', { subject: 'Thursday works' }] }]);
      await frame(popover, { type: 'action_result', draft_id: 'd-1', kind: 'email', status: 'sent', ref: 'msg-1' });
      await expect(sheet.getByText('Sent ✓')).toBeVisible();
      await screenshot(page, testInfo, 'draft-sent');
      await page.keyboard.press('Escape');
      await expect(sheet).toBeHidden();
    });

    test('event draft: times edited in the event’s zone; an end before the start is refused', async ({ popover }, testInfo) => {
      const { page } = popover;
      await frame(popover, {
        type: 'draft_ready',
        draft_id: 'd-2',
        kind: 'event',
        fields: {
          title: 'Planning',
          start: '2030-05-02T15:00:00-07:00',
          end: '2030-05-02T15:30:00-07:00',
          timezone: 'America/Los_Angeles',
          attendees: ['dana@example.com'],
        },
      });
      const sheet = page.getByRole('dialog', { name: 'Review the event' });
      await expect(sheet.getByLabel('Starts')).toHaveValue('2030-05-02T15:00');
      await screenshot(page, testInfo, 'event-sheet');
      await expectAccessible(page);
      await sheet.getByLabel('Ends').fill('2030-05-02T14:00');
      await sheet.getByRole('button', { name: 'Create' }).click();
      await expect(sheet.getByText('The end must be after the start.')).toBeVisible();
      await sheet.getByLabel('Ends').fill('2030-05-02T16:00');
      await sheet.getByRole('button', { name: 'Create' }).click();
      expect(await popover.calls('confirmDraft')).toEqual([
        { method: 'confirmDraft', args: ['d-2', { end: '2030-05-02T16:00:00-07:00' }] },
      ]);
    });

    test('cancel a draft with Esc: nothing is confirmed', async ({ popover }) => {
      const { page } = popover;
      await frame(popover, {
        type: 'draft_ready',
        draft_id: 'd-3',
        kind: 'slack_message',
        fields: { channel: '#team', text: 'Shipping today' },
      });
      await expect(page.getByRole('dialog', { name: 'Review the Slack message' })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();
      expect(await popover.calls('cancelDraft')).toEqual([{ method: 'cancelDraft', args: ['d-3'] }]);
      expect(await popover.calls('confirmDraft')).toEqual([]);
      // Focus is not lost: the keyboard user lands on the request box.
      await expect(page.getByLabel('Type a request')).toBeFocused();
    });

    test('approval card: risk, binding message, countdown, phone state; Cancel denies', async ({ popover }, testInfo) => {
      const { page } = popover;
      await frame(popover, ready);
      const expires = new Date(Date.now() + 125_000).toISOString();
      await frame(popover, {
        type: 'approval_required',
        id: 'a-1',
        risk: {
          score: 72,
          level: 'step_up',
          factors: [
            { name: 'external', points: 20, detail: 'Goes outside your domain' },
            { name: 'irreversible', points: 25, detail: 'Cannot be unsent' },
          ],
          rule: 'Email outside example.com needs approval',
        },
        binding_message: 'Send email to partner.org 4821',
        expires_at: expires,
      });
      const card = page.getByTestId('approval-card');
      await expect(card.getByText('Send email to partner.org 4821')).toBeVisible();
      await expect(card.getByText('High risk')).toBeVisible();
      await expect(card.getByText(/· 2:0\d left/)).toBeVisible();
      await screenshot(page, testInfo, 'approval-card');
      await expectAccessible(page);
      await frame(popover, { type: 'approval_update', id: 'a-1', status: 'approved' });
      await expect(card.getByText('Approved on your phone')).toBeVisible();
      await frame(popover, {
        ...{
          type: 'approval_required' as const,
          id: 'a-2',
          risk: { score: 60, level: 'step_up' as const, factors: [] },
          binding_message: 'Post to general 1234',
          expires_at: expires,
        },
      });
      await page.getByRole('button', { name: 'Cancel request' }).click();
      expect(await popover.calls('decideApproval')).toEqual([{ method: 'decideApproval', args: ['a-2', false] }]);
      await frame(popover, { type: 'approval_update', id: 'a-2', status: 'denied' });
      await expect(page.getByText('Declined on your phone. Nothing was done.')).toBeVisible();
    });

    test('a draft a rule blocks: the rule, what to do, and no Post button; Close calls it off', async ({ popover }, testInfo) => {
      const { page } = popover;
      await frame(popover, ready);
      await frame(popover, {
        type: 'draft_ready',
        draft_id: 'd-9',
        kind: 'slack_message',
        fields: { channel: '#general', text: 'payroll is late' },
        risk: { score: 30, level: 'deny', factors: [], reason: { by: 'rule', text: 'Never send anything about payroll' } },
      });
      const sheet = page.getByRole('dialog', { name: 'Review the Slack message' });
      await expect(sheet.getByTestId('draft-problem')).toHaveText(
        'Not allowed: your rule “Never send anything about payroll” blocks this, so Vouch won’t do it. To allow it, change that rule under Rules.',
      );
      await expect(sheet.locator('.actions button')).toHaveText(['Close']);
      await screenshot(page, testInfo, 'draft-blocked');
      await expectAccessible(page);
      await sheet.getByRole('button', { name: 'Close' }).click();
      expect(await popover.calls('cancelDraft')).toEqual([{ method: 'cancelDraft', args: ['d-9'] }]);
      expect(await popover.calls('confirmDraft')).toEqual([]);
    });

    test('an event through the phone: binding message, code and Cancel while waiting; Approved; Created — never Sending…', async ({
      popover,
    }, testInfo) => {
      const { page } = popover;
      await frame(popover, ready);
      await frame(popover, {
        type: 'draft_ready',
        draft_id: 'd-5',
        kind: 'event',
        fields: {
          title: 'Planning',
          start: '2030-05-02T15:00:00-07:00',
          end: '2030-05-02T15:30:00-07:00',
          timezone: 'America/Los_Angeles',
          attendees: ['dana@example.com'],
        },
        risk: { score: 40, level: 'step_up', factors: [], reason: { by: 'rule', text: 'Calendar changes need my phone' } },
      });
      const sheet = page.getByRole('dialog', { name: 'Review the event' });
      await expect(sheet.getByTestId('draft-status')).toHaveText('Your phone will be asked to approve this after you press Create.');
      await sheet.getByText('High risk — needs your phone').click();
      await expect(sheet.getByText('Your rule: “Calendar changes need my phone”')).toBeVisible();
      await sheet.getByRole('button', { name: 'Create' }).click();
      await expect(sheet.getByTestId('draft-status')).toHaveText('Asking your phone to approve…');
      await frame(popover, { type: 'action_result', draft_id: 'd-5', kind: 'event', status: 'awaiting_approval' });
      await frame(popover, {
        type: 'approval_required',
        id: 'a-5',
        draft_id: 'd-5',
        risk: { score: 40, level: 'step_up', factors: [], reason: { by: 'rule', text: 'Calendar changes need my phone' } },
        binding_message: 'Create Planning with dana 4B21C0',
        content_code: '4B21C0',
        expires_at: new Date(Date.now() + 120_000).toISOString(),
      });
      await expect(sheet.getByTestId('draft-status')).toHaveText('Waiting for you to approve on your phone. Nothing happens until you do.');
      await expect(sheet.locator('.binding')).toHaveText('Create Planning with dana 4B21C0');
      await expect(sheet.getByTestId('draft-content-code')).toContainText('#4B21C0');
      await expect(sheet.getByRole('button', { name: 'Cancel' })).toBeEnabled();
      await screenshot(page, testInfo, 'draft-phone-wait');
      await expectAccessible(page);
      await frame(popover, { type: 'approval_update', id: 'a-5', status: 'approved' });
      await expect(sheet.getByTestId('draft-status')).toHaveText('Approved on your phone. Creating the event…');
      await expect(sheet.getByTestId('approval-card')).toHaveCount(0);
      await frame(popover, { type: 'action_result', draft_id: 'd-5', kind: 'event', status: 'created', ref: 'ev-1' });
      await expect(sheet.getByTestId('draft-status')).toHaveText('Created ✓');
      await expect(sheet).not.toContainText('Sending');
      await screenshot(page, testInfo, 'draft-created');
      await sheet.getByRole('button', { name: 'Close' }).click();
      // The answered approval leaves the conversation.
      await expect(page.getByTestId('approval-card')).toHaveCount(0);
    });

    test('declined on the phone: says what did not happen, only Close (no Send again)', async ({ popover }, testInfo) => {
      const { page } = popover;
      await frame(popover, ready);
      await frame(popover, {
        type: 'draft_ready',
        draft_id: 'd-6',
        kind: 'email',
        fields: { to: ['dana@partner.org'], cc: [], subject: 'NDA', body: 'Signed copy attached.' },
        risk: {
          score: 72,
          level: 'step_up',
          factors: [],
          reason: { by: 'default', text: 'risky actions need your approval on your phone' },
        },
      });
      const sheet = page.getByRole('dialog', { name: 'Review the email' });
      await sheet.getByRole('button', { name: 'Send' }).click();
      await frame(popover, { type: 'action_result', draft_id: 'd-6', kind: 'email', status: 'awaiting_approval' });
      await frame(popover, {
        type: 'approval_required',
        id: 'a-6',
        draft_id: 'd-6',
        risk: { score: 72, level: 'step_up', factors: [] },
        binding_message: 'Send email to partner.org 77AA01',
        expires_at: new Date(Date.now() + 120_000).toISOString(),
      });
      await frame(popover, { type: 'approval_update', id: 'a-6', status: 'denied' });
      await frame(popover, {
        type: 'action_result',
        draft_id: 'd-6',
        kind: 'email',
        status: 'denied',
        code: 'APPROVAL_DENIED',
        detail: 'The approval was declined on your phone, so nothing was done.',
      });
      await expect(sheet.getByTestId('draft-status')).toHaveText('Declined on your phone. Nothing was sent.');
      await expect(sheet.locator('.actions button')).toHaveText(['Close']);
      await expect(page.getByRole('alert')).toHaveCount(0);
      await screenshot(page, testInfo, 'draft-declined');
      await expectAccessible(page);
    });

    test('a pre-approved draft: no score, no ISO time, no id — "Pre-approved until" in the person’s zone', async ({
      popover,
    }, testInfo) => {
      const { page } = popover;
      await frame(popover, ready);
      const until = new Date(Date.now() + 30 * 60_000);
      await frame(popover, {
        type: 'draft_ready',
        draft_id: 'd-8',
        kind: 'slack_message',
        fields: { channel: '#deals', text: 'Coffee is ready' },
        risk: {
          score: 35,
          level: 'auto',
          factors: [{ name: 'Blast radius', points: 15, detail: '#deals has 4 members' }],
          reason: { by: 'preauthorization', text: 'you pre-approved these actions', until: until.toISOString() },
        },
      });
      const sheet = page.getByRole('dialog', { name: 'Review the Slack message' });
      const clock = await page.evaluate(
        (ms) =>
          new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' })
            .format(ms)
            .replace(/\s?([AP])M$/, (_m, ap: string) => ` ${ap.toLowerCase()}m`),
        until.getTime(),
      );
      const risk = sheet.getByTestId('risk');
      await expect(risk.locator('summary')).toHaveText(new RegExp(`^Low risk — pre-approved until (tomorrow )?${clock}$`));
      await risk.locator('summary').click();
      await expect(risk).not.toContainText(/\b35\b|score|\d{4}-\d{2}-\d{2}T|pa-/);
      await screenshot(page, testInfo, 'draft-preapproved');
      await expectAccessible(page);
    });

    test('the phone could not be asked: the sheet says so with Try again; no banner says it differently', async ({ popover }) => {
      const { page } = popover;
      await frame(popover, ready);
      await frame(popover, { type: 'draft_ready', draft_id: 'd-4', kind: 'slack_message', fields: { channel: '#team', text: 'Ship it' } });
      const sheet = page.getByRole('dialog', { name: 'Review the Slack message' });
      await sheet.getByRole('button', { name: 'Post' }).click();
      await frame(popover, { type: 'action_result', draft_id: 'd-4', kind: 'slack_message', status: 'awaiting_approval' });
      await frame(popover, {
        type: 'error',
        code: 'APPROVAL_FAILED',
        message: 'Vouch could not ask for approval on your phone (timeout).',
        action: 'retry',
      });
      await expect(sheet.getByTestId('draft-problem')).toHaveText('Vouch could not ask for approval on your phone (timeout).');
      await expect(page.getByTestId('errors')).toHaveCount(0);
      await sheet.getByRole('button', { name: 'Try again' }).click();
      expect(await popover.calls('confirmDraft')).toHaveLength(2);
    });

    test('scopes panel: linked accounts in plain language; revoke asks first', async ({ popover }, testInfo) => {
      const { page } = popover;
      await frame(popover, { ...ready, providers: [google] });
      await page.getByRole('button', { name: 'Accounts' }).click();
      await expect(page.getByTestId('scopes-panel').getByText('Read your email messages and threads')).toBeVisible();
      // React's StrictMode runs the mount effect twice in dev; once or twice is fine, never zero.
      expect((await popover.calls('listScopes')).length).toBeGreaterThanOrEqual(1);
      await screenshot(page, testInfo, 'scopes');
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Revoke Google' }).click();
      await page.getByRole('button', { name: 'Revoke', exact: true }).click();
      expect(await popover.calls('revokeProvider')).toEqual([{ method: 'revokeProvider', args: ['google'] }]);
    });

    test('allowed for a while: active grants in plain language; granting waits for the phone; revoke by keyboard', async ({
      popover,
    }, testInfo) => {
      const { page } = popover;
      await frame(popover, { ...ready, providers: [google] });
      await page.getByRole('button', { name: 'Accounts' }).click();
      const panel = page.getByTestId('preauth-panel');
      await expect(panel.locator('.preauth-text')).toHaveText([
        'Gmail actions up to medium risk without asking your phone — 23 minutes left',
      ]);
      // When it ends, as a clock time in the person's zone (never an ISO timestamp).
      await expect(panel.locator('.preauth-until')).toHaveText([/^Until (tomorrow )?\d{1,2}:\d{2} [ap]m$/]);
      await panel.scrollIntoViewIfNeeded();
      await screenshot(page, testInfo, 'preauth');
      await expectAccessible(page);

      await panel.getByLabel('Actions in').selectOption('slack');
      await panel.getByLabel('For how long').selectOption('15');
      const ask = panel.getByRole('button', { name: 'Ask my phone to allow' });
      await ask.click();
      await expect(
        panel.getByRole('status').filter({ hasText: 'Waiting for your phone. Check that it shows: Allow Slack actions for 15 min' }),
      ).toBeVisible();
      await expect(panel.getByRole('button', { name: 'Cancel' })).toBeVisible();
      await expect(ask).toBeDisabled();
      expect(await popover.calls('grantPreauthorization')).toEqual([
        { method: 'grantPreauthorization', args: [{ tool: 'slack', max_level: 'confirm', duration_minutes: 15 }] },
      ]);
      await screenshot(page, testInfo, 'preauth-waiting');
      await expectAccessible(page);

      expect(await popover.finishGrant('approved')).toBe(true);
      await expect(panel.getByText(/Waiting for your phone/)).toBeHidden();
      await expect(panel.getByTestId('preauth-item')).toHaveCount(2);
      await expect(panel.getByTestId('preauth-item').nth(1)).toContainText(
        'Slack actions up to medium risk without asking your phone — 15 minutes left',
      );
      await expect(ask).toBeEnabled();

      await panel.getByRole('button', { name: 'Revoke: Gmail actions up to medium risk without asking your phone' }).focus();
      await page.keyboard.press('Enter');
      await expect(panel.getByTestId('preauth-item')).toHaveCount(1);
      expect(await popover.calls('revokePreauthorization')).toEqual([{ method: 'revokePreauthorization', args: ['pa-gmail'] }]);
      await expect(panel.getByRole('heading', { name: 'Allowed for a while' })).toBeFocused();
    });

    test('activity panel: recent entries and the verified chain', async ({ popover }, testInfo) => {
      const { page } = popover;
      await frame(popover, ready);
      await page.getByRole('button', { name: 'Activity' }).click();
      await expect(page.getByText('Record intact: 3 entries verified')).toBeVisible();
      await expect(page.getByText('Sent “Thursday works” to dana@example.com')).toBeVisible();
      await screenshot(page, testInfo, 'activity');
      await expectAccessible(page);
    });

    test('speech model row: download progress with Cancel, and a failure with Retry', async ({ popover }, testInfo) => {
      const { page } = popover;
      await frame(popover, ready);
      await popover.emit({
        type: 'speech_model',
        state: { status: 'downloading', doneBytes: 12e6, totalBytes: 41e6 },
        text: 'Downloading speech model — 12 of 41 MB',
      });
      await page.getByRole('button', { name: 'Accounts' }).click();
      const row = page.getByTestId('speech-model');
      await expect(row.getByTestId('speech-model-text')).toHaveText('Downloading speech model — 12 of 41 MB');
      await row.scrollIntoViewIfNeeded();
      await screenshot(page, testInfo, 'speech-model-downloading');
      await expectAccessible(page);
      await row.getByRole('button', { name: 'Cancel' }).click();
      expect(await popover.calls('cancelSpeechModelDownload')).toHaveLength(1);
      await popover.emit({
        type: 'speech_model',
        state: { status: 'failed', reason: 'The speech model download was cancelled.' },
        text: 'The speech model download was cancelled.',
      });
      await expect(row.getByTestId('speech-model-text')).toHaveText('failed: The speech model download was cancelled.');
      await screenshot(page, testInfo, 'speech-model-failed');
      await expectAccessible(page);
      await row.getByRole('button', { name: 'Retry' }).click();
      expect(await popover.calls('downloadSpeechModel')).toHaveLength(1);
    });

    test('error: a sentence and the action to take (Reconnect Google)', async ({ popover }, testInfo) => {
      const { page } = popover;
      await frame(popover, ready);
      await frame(popover, { type: 'error', code: 'FEDERATED_TOKEN_NOT_IN_VAULT', message: '', provider: 'google', request_id: 't-1' });
      await expect(page.getByText('Vouch is not connected to this account. Connect it to continue.')).toBeVisible();
      await screenshot(page, testInfo, 'error');
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Reconnect Google' }).click();
      expect(await popover.calls('connectProvider')).toEqual([{ method: 'connectProvider', args: ['google'] }]);
    });
  });
}

test('reply audio plays through Web Audio, shows Speaking, and Esc stops it', async ({ popover }) => {
  const { page } = popover;
  await frame(popover, ready);
  for (const [seq, pcm_b64] of toneChunks().entries()) {
    await frame(popover, { type: 'tts_audio', request_id: 't-1', seq, pcm_b64, sample_rate: 24_000 });
  }
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'speaking');
  await expect(page.getByRole('button', { name: 'Stop speaking' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'idle');
  // Chunks of the stopped reply that arrive late stay silent.
  await frame(popover, { type: 'tts_audio', request_id: 't-1', seq: 3, pcm_b64: toneChunks()[0]!, sample_rate: 24_000 });
  await expect(page.getByRole('button', { name: 'Stop speaking' })).toBeHidden();
});

test('the microphone streams 16 kHz Int16 chunks through the AudioWorklet under the CSP while listening', async ({ popover }) => {
  const { page } = popover;
  await frame(popover, ready);
  await page.getByRole('button', { name: 'Talk' }).click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'listening');
  // 100 ms of 16 kHz mono Int16 = 3200 bytes per chunk; wait until a few have arrived.
  await expect.poll(async () => (await popover.calls('pushAudio')).length).toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'idle');
  const sizes = (await popover.calls('pushAudio')).map((c) => c.args[0] as number);
  expect(sizes.slice(0, -1).every((s) => s === 3200)).toBe(true);
  expect(sizes.every((s) => s % 2 === 0 && s <= 3200)).toBe(true);
});

test('keyboard only: Tab order is Sign out, the tabs, then the request box, with visible focus; Enter sends', async ({ popover }) => {
  const { page } = popover;
  await frame(popover, ready);
  const order: string[] = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    order.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return el.id || el.textContent?.trim() || el.tagName;
      }),
    );
  }
  expect(order).toEqual(['Sign out', 'Conversation', 'Accounts', 'Activity', 'Memory', 'Rules', 'Settings', 'request']);
  const outline = await page.getByLabel('Type a request').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.type('hello');
  await page.keyboard.press('Enter');
  expect(await popover.calls('sendTranscript')).toEqual([{ method: 'sendTranscript', args: ['hello'] }]);
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('no animation on the status light', async ({ popover }) => {
    const { page } = popover;
    await page.getByLabel('Type a request').fill('hello');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'thinking');
    expect(await page.locator('.status-dot').evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
  });
});

test('without reduced motion the status light pulses while thinking', async ({ popover }) => {
  const { page } = popover;
  await page.getByLabel('Type a request').fill('hello');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'thinking');
  expect(await page.locator('.status-dot').evaluate((el) => getComputedStyle(el).animationName)).toBe('pulse');
});
