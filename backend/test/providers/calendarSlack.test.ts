import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOGLE_SCOPES, SLACK_SCOPES } from '../../src/protocol/index.js';
import { createProviderTools, SHIPPED_REGISTRY, type ProviderTools } from '../../src/providers/index.js';
import { startSandbox, type Sandbox } from '../../standins/sandbox/index.js';
import { SandboxTokenSource, TEST_CLIENT, fakeClock, recordingSleep } from './sandboxTokenSource.js';

const ctx = { userId: 'auth0|alex', subjectToken: 'subject-token-for-tests' };
const TZ = 'America/New_York';
// 10:00 in New York on 2026-03-10; "tomorrow" is 2026-03-11 there.
const clock = fakeClock(Date.parse('2026-03-10T14:00:00Z'));

describe('Calendar and Slack tools against the sandbox', () => {
  let dir: string;
  let sandbox: Sandbox;
  let tokens: SandboxTokenSource;
  let tools: ProviderTools;
  const sleeps = recordingSleep();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vouch-cal-'));
    sandbox = await startSandbox({ dataDir: dir, now: clock.now, clients: [TEST_CLIENT], testHooks: true, timeZone: TZ });
    tokens = new SandboxTokenSource(sandbox, clock.now);
    await tokens.connect('google-oauth2', [GOOGLE_SCOPES.calendarRead, GOOGLE_SCOPES.calendarEvents]);
    await tokens.connect('sign-in-with-slack', [
      SLACK_SCOPES.channelsRead,
      SLACK_SCOPES.channelsHistory,
      SLACK_SCOPES.searchRead,
      SLACK_SCOPES.chatWrite,
      SLACK_SCOPES.usersRead,
    ]);
    tools = createProviderTools({
      tokenSource: tokens,
      urls: { googleRootUrl: sandbox.googleRootUrl, slackApiUrl: sandbox.slackApiUrl },
      now: clock.now,
      sleep: sleeps.sleep,
    });
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const tomorrow = { timeMin: '2026-03-11T00:00:00-04:00', timeMax: '2026-03-12T00:00:00-04:00' };

  it('seeds at least two events tomorrow, ordered by start, in the seed time zone', async () => {
    const res = await tools.calendar.listEvents(ctx, tomorrow);
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.events.length).toBeGreaterThanOrEqual(2);
    const nda = res.value.events.find((e) => e.title === 'Northwind NDA review');
    expect(nda?.start).toBe('2026-03-11T10:00:00-04:00');
    expect(nda?.attendees).toContain('dana@northwind.io');
    const starts = res.value.events.map((e) => Date.parse(e.start));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('a created event appears in the list and in free/busy; update and cancel take effect', async () => {
    const created = await tools.calendar.createEvent(ctx, {
      title: 'Northwind NDA sign-off',
      start: '2026-03-11T17:00:00-04:00',
      end: '2026-03-11T17:30:00-04:00',
      timezone: TZ,
      attendees: ['dana@northwind.io'],
      description: 'Final walkthrough',
    });
    if (!created.ok) throw new Error(created.error.message);
    const list = await tools.calendar.listEvents(ctx, tomorrow);
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.events.map((e) => e.eventId)).toContain(created.value.eventId);

    const fb = await tools.calendar.freeBusy(ctx, { timeMin: '2026-03-11T17:00:00-04:00', timeMax: '2026-03-11T18:00:00-04:00' });
    if (!fb.ok) throw new Error(fb.error.message);
    expect(fb.value.busy).toContainEqual({ start: '2026-03-11T21:00:00Z', end: '2026-03-11T21:30:00Z' });
    expect(fb.value.free).toContainEqual({ start: '2026-03-11T21:30:00.000Z', end: '2026-03-11T22:00:00.000Z' });

    const moved = await tools.calendar.updateEvent(ctx, {
      eventId: created.value.eventId,
      start: '2026-03-11T18:00:00-04:00',
      end: '2026-03-11T18:30:00-04:00',
      timezone: TZ,
    });
    if (!moved.ok) throw new Error(moved.error.message);
    expect(moved.value.start).toBe('2026-03-11T18:00:00-04:00');
    expect(moved.value.title).toBe('Northwind NDA sign-off');

    const cancelled = await tools.calendar.cancelEvent(ctx, { eventId: created.value.eventId });
    expect(cancelled.ok).toBe(true);
    const again = await tools.calendar.cancelEvent(ctx, { eventId: created.value.eventId });
    expect(again.ok).toBe(true);
    const after = await tools.calendar.listEvents(ctx, tomorrow);
    if (!after.ok) throw new Error(after.error.message);
    expect(after.value.events.map((e) => e.eventId)).not.toContain(created.value.eventId);
  });

  it('updating an unknown event is NOT_FOUND; an event ending before it starts is BAD_REQUEST', async () => {
    const res = await tools.calendar.updateEvent(ctx, { eventId: 'nonexistent0', title: 'x' });
    expect(res.ok ? undefined : res.error.code).toBe('NOT_FOUND');
    const backwards = await tools.calendar.createEvent(ctx, {
      title: 'x',
      start: '2026-03-11T18:00:00-04:00',
      end: '2026-03-11T17:00:00-04:00',
      timezone: TZ,
      attendees: [],
    });
    expect(backwards.ok ? undefined : backwards.error).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('time range is empty'),
    });
  });

  it('reads fields Google marks optional as optional (a cancelled instance without times, an attendee without email)', async () => {
    const body = JSON.stringify({
      kind: 'calendar#events',
      items: [
        { id: 'gone1', status: 'cancelled' },
        {
          id: 'room1',
          status: 'confirmed',
          summary: 'Room',
          start: { dateTime: '2026-03-11T09:00:00-04:00' },
          end: { dateTime: '2026-03-11T09:30:00-04:00' },
          attendees: [{ displayName: 'Room 4', responseStatus: 'accepted' }, { email: 'dana@northwind.io' }],
        },
      ],
    });
    sandbox.failNext('/calendar/v3/calendars/primary/events', { status: 200, body });
    const res = await tools.calendar.listEvents(ctx, tomorrow);
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.events).toEqual([expect.objectContaining({ eventId: 'room1', attendees: ['dana@northwind.io'] })]);
  });

  it('lists the two Slack channels and reads #deals in order', async () => {
    const channels = await tools.slack.listChannels(ctx);
    if (!channels.ok) throw new Error(channels.error.message);
    expect(channels.value.channels.map((c) => c.name).sort()).toEqual(['deals', 'general']);
    const deals = await tools.slack.readChannel(ctx, { channel: '#deals', limit: 10 });
    if (!deals.ok) throw new Error(deals.error.message);
    expect(deals.value.channel.id).toBe('C0DEALS');
    const ts = deals.value.messages.map((m) => Number(m.ts));
    expect([...ts].sort((a, b) => a - b)).toEqual(ts);
    expect(deals.value.messages.find((m) => m.text.startsWith('Northwind sent redlines'))?.replyCount).toBe(2);
    expect(deals.value.messages.at(-1)?.user).toBe('Sam Patel');
  });

  it("the registry scores a post with the channel size the module reads (the pipeline's policy facts)", async () => {
    const draft = { kind: 'slack_message', fields: { channel: '#General', text: 'Standup at 10' } };
    const channels = await tools.slack.listChannels(ctx);
    if (!channels.ok) throw new Error(channels.error.message);
    const members = channels.value.channels.find((c) => c.name === 'general')?.members;
    expect(members).toBeGreaterThan(0);
    const facts = await SHIPPED_REGISTRY.actionFacts(tools, ctx, draft);
    expect(facts).toEqual({ channel_member_count: members });
    expect(SHIPPED_REGISTRY.toAction(draft, facts)).toMatchObject({
      tool: 'slack',
      action: 'post',
      channel: '#General',
      channel_member_count: members,
    });
    expect(await SHIPPED_REGISTRY.actionFacts(tools, ctx, { ...draft, fields: { ...draft.fields, channel: '#nowhere' } })).toEqual({});
    expect(SHIPPED_REGISTRY.providerOfDraft('slack_message')).toBe('slack');
  });

  it('a Slack post appears in history, and a thread reply counts on its parent', async () => {
    clock.advance(60_000);
    const posted = await tools.slack.postMessage(ctx, { channel: '#deals', text: 'Northwind NDA call is booked for tomorrow 10am.' });
    if (!posted.ok) throw new Error(posted.error.message);
    expect(posted.value.channel).toBe('C0DEALS');
    const reply = await tools.slack.postMessage(ctx, { channel: 'C0DEALS', text: 'Agenda in the doc.', thread_ts: posted.value.ts });
    expect(reply.ok).toBe(true);
    const history = await tools.slack.readChannel(ctx, { channel: 'C0DEALS', limit: 5 });
    if (!history.ok) throw new Error(history.error.message);
    const last = history.value.messages.at(-1);
    expect(last).toMatchObject({
      ts: posted.value.ts,
      text: 'Northwind NDA call is booked for tomorrow 10am.',
      user: 'Alex Rivera',
      replyCount: 1,
    });
  });

  it('searches Slack messages', async () => {
    const res = await tools.slack.searchMessages(ctx, { query: 'residuals in:#deals' });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.total).toBe(1);
    expect(res.value.matches[0]).toMatchObject({ channel: '#deals', user: 'Maria Gomez' });
  });

  it('Slack 429 with Retry-After is honoured, and a truncated body is PROVIDER_ERROR', async () => {
    sleeps.calls.length = 0;
    sandbox.failNext('/slack/api/conversations.list', { status: 429, retryAfter: 3 });
    const res = await tools.slack.listChannels(ctx);
    expect(res.ok).toBe(true);
    expect(sleeps.calls).toEqual([3000]);

    sandbox.failNext('/slack/api/conversations.history', { status: 200, body: '{"ok":true,"messages":[{"ts":"1.0"' });
    const truncated = await tools.slack.readChannel(ctx, { channel: 'C0DEALS' });
    expect(truncated.ok ? undefined : truncated.error).toMatchObject({ code: 'PROVIDER_ERROR', provider: 'slack' });

    sandbox.failNext('/slack/api/conversations.history', {
      status: 200,
      body: JSON.stringify({ ok: true, messages: [{ text: 'no ts' }] }),
    });
    const missing = await tools.slack.readChannel(ctx, { channel: 'C0DEALS' });
    expect(missing.ok ? undefined : missing.error.code).toBe('PROVIDER_ERROR');

    sandbox.failNext('/slack/api/conversations.history', { status: 503, times: 5 });
    const down = await tools.slack.readChannel(ctx, { channel: 'C0DEALS' });
    expect(down.ok ? undefined : down.error.code).toBe('PROVIDER_UNAVAILABLE');
  });

  it('an expired Slack token (invalid_auth) is refreshed once and the call succeeds', async () => {
    await tools.slack.listChannels(ctx);
    const before = tokens.invalidations;
    clock.advance(3601 * 1000);
    const res = await tools.slack.listChannels(ctx);
    expect(res.ok).toBe(true);
    expect(tokens.invalidations - before).toBe(1);
  });

  it('a Slack token without chat:write gets INSUFFICIENT_SCOPE naming it', async () => {
    const narrow = new SandboxTokenSource(sandbox, clock.now);
    await narrow.connect('sign-in-with-slack', [SLACK_SCOPES.channelsRead, SLACK_SCOPES.channelsHistory]);
    const t = createProviderTools({
      tokenSource: narrow,
      urls: { googleRootUrl: sandbox.googleRootUrl, slackApiUrl: sandbox.slackApiUrl },
      now: clock.now,
      sleep: sleeps.sleep,
    });
    const res = await t.slack.postMessage(ctx, { channel: '#general', text: 'hello' });
    expect(res.ok ? undefined : res.error).toMatchObject({ code: 'INSUFFICIENT_SCOPE', provider: 'slack', missingScopes: ['chat:write'] });
  });

  it('a direct message without im:write: Slack lists four scopes that would do, Vouch asks for the one it uses', async () => {
    const narrow = new SandboxTokenSource(sandbox, clock.now);
    await narrow.connect('sign-in-with-slack', [SLACK_SCOPES.usersReadEmail, SLACK_SCOPES.chatWrite]);
    const t = createProviderTools({
      tokenSource: narrow,
      urls: { googleRootUrl: sandbox.googleRootUrl, slackApiUrl: sandbox.slackApiUrl },
      now: clock.now,
      sleep: sleeps.sleep,
    });
    const res = await t.slack.sendDirectMessage(ctx, { to: 'priya@example.com', text: 'hello' });
    expect(res.ok ? undefined : res.error).toMatchObject({ code: 'INSUFFICIENT_SCOPE', provider: 'slack', missingScopes: ['im:write'] });
    // An address no member has is a plain answer, not a provider failure (looked up before anything is opened).
    const nobody = await t.slack.sendDirectMessage(ctx, { to: 'dana@northwind.io', text: 'hello' });
    expect(nobody.ok ? undefined : nobody.error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'No one in your Slack workspace has the address dana@northwind.io.',
    });
  });

  it('a Google token with only calendar.events cannot read free/busy: INSUFFICIENT_SCOPE names calendar.readonly', async () => {
    const narrow = new SandboxTokenSource(sandbox, clock.now);
    await narrow.connect('google-oauth2', [GOOGLE_SCOPES.calendarEvents]);
    const t = createProviderTools({
      tokenSource: narrow,
      urls: { googleRootUrl: sandbox.googleRootUrl, slackApiUrl: sandbox.slackApiUrl },
      now: clock.now,
      sleep: sleeps.sleep,
    });
    const res = await t.calendar.freeBusy(ctx, tomorrow);
    expect(res.ok ? undefined : res.error).toMatchObject({ code: 'INSUFFICIENT_SCOPE', missingScopes: [GOOGLE_SCOPES.calendarRead] });
  });
});
