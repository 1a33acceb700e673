import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadlessSession } from '../../standins/devtenant/signInHeadless.js';
import type { ServerFrame } from '../../src/protocol/index.js';
import type { VouchSystem } from '../../standins/system.js';
import { linkAccount, startTestSystem } from '../helpers/system.js';
import { TestClient } from '../helpers/wsClient.js';
import { channelTexts, observer } from './helpers.js';

let system: VouchSystem;
let alex: HeadlessSession;
const everyFrame: ServerFrame[] = [];

beforeAll(async () => {
  system = await startTestSystem({ cibaIntervalSeconds: 0.05 });
  system.backend.services.channels.tap = (_sub, f) => everyFrame.push(f);
  alex = await system.login('alex');
});
afterAll(async () => {
  await system.stop();
});

async function connect(): Promise<TestClient> {
  const c = await TestClient.connect(system.wsUrl);
  expect(await c.auth(alex.access_token)).toMatchObject({ type: 'session_ready' });
  return c;
}

describe('agent pipeline over a real WebSocket (dev tenant + sandbox)', () => {
  it('asks to connect, resumes by itself once linked, and answers from the real calendar', async () => {
    const c = await connect();
    c.send({ type: 'transcript', id: 'cal-1', text: "what's on my calendar tomorrow", frame_id: 'f-cal-1' });
    const ask = await c.next('connections_required');
    expect(ask).toMatchObject({ request_id: 'cal-1', providers: ['google'] });
    expect(ask.scopes.map((s) => s.scope)).toContain('https://www.googleapis.com/auth/calendar.readonly');
    expect(ask.scopes.every((s) => s.description.length > 10)).toBe(true);
    expect(c.frames.some((f) => f.type === 'agent_stream')).toBe(false);

    await linkAccount(system, alex, 'google');
    c.send({ type: 'account_connected', provider: 'google' });
    await c.next('agent_done', (f) => f.request_id === 'cal-1');
    const answer = c.spoken('cal-1');

    // The answer names the events the sandbox really has tomorrow in the user's zone.
    const tz = 'America/New_York';
    const day = (d: Date) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
    const tomorrow = day(new Date(Date.now() + 86_400_000));
    const r = await observer(system).calendar.listEvents(
      { userId: 'auth0|alex', subjectToken: alex.access_token },
      {
        timeMin: new Date(Date.now() - 86_400_000).toISOString(),
        timeMax: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        maxResults: 50,
      },
    );
    expect(r.ok).toBe(true);
    const titles = r.ok ? r.value.events.filter((e) => day(new Date(e.start)) === tomorrow).map((e) => e.title) : [];
    expect(titles.length).toBeGreaterThan(0);
    for (const t of titles) expect(answer).toContain(t);
    await c.close();
  });

  it('streams speech in parallel with the text', async () => {
    const c = await connect();
    c.send({ type: 'transcript', id: 'cal-2', text: 'what is on my calendar today' });
    await c.next('agent_done', (f) => f.request_id === 'cal-2');
    const last = await c.next('tts_audio', (f) => f.request_id === 'cal-2' && f.last === true, 0);
    const audio = c.frames.filter(
      (f): f is Extract<ServerFrame, { type: 'tts_audio' }> => f.type === 'tts_audio' && f.request_id === 'cal-2' && !f.last,
    );
    expect(audio.length).toBeGreaterThan(0);
    expect(audio.map((a) => a.seq)).toEqual(audio.map((_, i) => i));
    expect(Buffer.from(audio[0]!.pcm_b64, 'base64').length).toBeGreaterThan(100);
    expect(last.seq).toBe(audio.length);
    await c.close();
  });

  it('drafts a reply to Dana, applies the edit, sends it into the thread with threading headers, exactly once', async () => {
    const c = await connect();
    c.send({ type: 'transcript', id: 'dana-1', text: 'reply to Dana that Thursday works' });
    const draft = await c.next('draft_ready');
    expect(draft.kind).toBe('email');
    if (draft.kind !== 'email') throw new Error('expected email');
    expect(draft.fields.to).toEqual(['dana@northwind.io']);
    expect(draft.fields.body).toMatch(/Thursday works/);
    expect(draft.fields.thread_id).toBeTruthy();
    expect(draft.fields.in_reply_to).toMatch(/^<.+>$/);
    expect(draft.risk?.factors.length).toBe(4);

    const tools = observer(system);
    const ctx = { userId: 'auth0|alex', subjectToken: alex.access_token };
    const before = await tools.gmail.readThread(ctx, { threadId: draft.fields.thread_id! });
    expect(before.ok).toBe(true);
    const countBefore = before.ok ? before.value.messages.length : 0;

    // Replying outside example.com about an NDA scores as a step-up: play the phone and approve.
    expect(draft.risk?.level).toBe('step_up');
    const approvals: string[] = [];
    system.tenant.ciba.events.on('request', (p) => {
      approvals.push(p.bindingMessage);
      void system.tenant.ciba.approve(p.authReqId);
    });
    // Gmail threads a reply only while the subject still matches, so this edit changes the body.
    const edits = { body: 'Hi Dana,\n\nThursday works for me. See you then.\n\nAlex' };
    const mark = c.frames.length;
    c.send({ type: 'action_confirmed', draft_id: draft.draft_id, edits, frame_id: 'confirm-1' });
    c.send({ type: 'action_confirmed', draft_id: draft.draft_id, edits, frame_id: 'confirm-2' });
    const required = await c.next('approval_required', (f) => f.draft_id === draft.draft_id, mark);
    expect(required.binding_message.length).toBeLessThanOrEqual(64);
    expect(required.risk.level).toBe('step_up');
    const first = await c.next('action_result', (f) => f.draft_id === draft.draft_id && f.status !== 'awaiting_approval', mark);
    expect(first).toMatchObject({ status: 'sent' });
    expect(await c.next('approval_update', (f) => f.id === required.id, mark)).toMatchObject({ status: 'approved' });
    // The second click while the first was waiting for the phone was answered as already confirmed.
    expect(c.frames.slice(mark).filter((f) => f.type === 'action_result' && f.status === 'awaiting_approval').length).toBe(2);
    c.send({ type: 'action_confirmed', draft_id: draft.draft_id, edits, frame_id: 'confirm-3' });
    const second = await c.next('action_result', (f) => f.draft_id === draft.draft_id, c.frames.indexOf(first) + 1);
    expect(second).toMatchObject({ status: 'sent', ref: first.ref });
    expect(approvals).toEqual([required.binding_message]);
    system.tenant.ciba.events.removeAllListeners('request');

    const after = await tools.gmail.readThread(ctx, { threadId: draft.fields.thread_id! });
    if (!after.ok) throw new Error(after.error.message);
    expect(after.value.messages.length).toBe(countBefore + 1);
    const sent = after.value.messages.at(-1)!;
    expect(sent.to).toContain('dana@northwind.io');
    expect(sent.subject).toBe(draft.fields.subject);
    expect(sent.body).toContain('Thursday works for me');
    expect(after.value.replyTarget.references.length).toBeGreaterThan(0);

    // After a backend restart the same confirmation reports the earlier result and sends nothing.
    await c.close();
    await system.restartBackend();
    const again = await connect();
    again.send({ type: 'action_confirmed', draft_id: draft.draft_id, edits });
    expect(await again.next('action_result')).toMatchObject({ draft_id: draft.draft_id, status: 'sent', ref: first.ref });
    const final = await tools.gmail.readThread(ctx, { threadId: draft.fields.thread_id! });
    expect(final.ok && final.value.messages.length).toBe(countBefore + 1);
    await again.close();
  });

  it('schedules 30 minutes with Sam: an event draft with his address, created once confirmed', async () => {
    const c = await connect();
    c.send({ type: 'transcript', id: 'sam-1', text: 'schedule 30 minutes with Sam on Friday at 2pm' });
    const draft = await c.next('draft_ready');
    if (draft.kind !== 'event') throw new Error(`expected an event draft, got ${draft.kind}`);
    expect(draft.fields.attendees).toEqual(['sam@example.com']);
    expect(Date.parse(draft.fields.end) - Date.parse(draft.fields.start)).toBe(30 * 60_000);
    const local = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      weekday: 'long',
      hour: 'numeric',
      hour12: false,
    }).format(new Date(draft.fields.start));
    expect(local).toBe('Friday, 14');
    c.send({ type: 'action_confirmed', draft_id: draft.draft_id });
    const result = await c.next('action_result', (f) => f.status !== 'awaiting_approval');
    expect(result).toMatchObject({ status: 'created' });
    const listed = await observer(system).calendar.listEvents(
      { userId: 'auth0|alex', subjectToken: alex.access_token },
      { timeMin: draft.fields.start, timeMax: draft.fields.end },
    );
    expect(listed.ok && listed.value.events.some((e) => e.eventId === result.ref && e.title === draft.fields.title)).toBe(true);
    await c.close();
  });

  it('cancels a draft: nothing is sent and a later confirm is refused', async () => {
    const c = await connect();
    c.send({ type: 'transcript', id: 'dana-2', text: 'reply to Dana that Friday is better' });
    const draft = await c.next('draft_ready');
    if (draft.kind !== 'email') throw new Error('expected email');
    const tools = observer(system);
    const ctx = { userId: 'auth0|alex', subjectToken: alex.access_token };
    const before = await tools.gmail.readThread(ctx, { threadId: draft.fields.thread_id! });
    c.send({ type: 'action_cancelled', draft_id: draft.draft_id });
    expect(await c.next('action_result')).toMatchObject({ draft_id: draft.draft_id, status: 'cancelled' });
    c.send({ type: 'action_confirmed', draft_id: draft.draft_id });
    expect(await c.next('action_result')).toMatchObject({ draft_id: draft.draft_id, status: 'cancelled' });
    const after = await tools.gmail.readThread(ctx, { threadId: draft.fields.thread_id! });
    expect(after.ok && before.ok && after.value.messages.length).toBe(before.ok ? before.value.messages.length : -1);
    await c.close();
  });

  it('refuses invalid edits with DRAFT_INVALID and keeps the draft usable', async () => {
    const c = await connect();
    c.send({ type: 'transcript', id: 'slack-1', text: 'post to #deals that the NDA is signed' });
    const ask = await c.next('connections_required');
    expect(ask.providers).toEqual(['slack']);
    await linkAccount(system, alex, 'slack');
    c.send({ type: 'account_connected', provider: 'slack' });
    const draft = await c.next('draft_ready');
    expect(draft).toMatchObject({ kind: 'slack_message', fields: { channel: 'deals', text: 'The NDA is signed.' } });
    c.send({ type: 'action_confirmed', draft_id: draft.draft_id, edits: { text: '' } });
    expect(await c.next('error')).toMatchObject({ code: 'DRAFT_INVALID' });
    c.send({ type: 'action_confirmed', draft_id: draft.draft_id, edits: { text: 'The Northwind NDA is signed.' } });
    const result = await c.next('action_result', (f) => f.status !== 'awaiting_approval');
    expect(result).toMatchObject({ status: 'posted' });
    expect(await channelTexts(system, { userId: 'auth0|alex', subjectToken: alex.access_token }, 'deals')).toContain(
      'The Northwind NDA is signed.',
    );
    await c.close();
  });

  it('never sends a provider token, refresh token or client secret to the app', () => {
    expect(everyFrame.length).toBeGreaterThan(20);
    const serialized = everyFrame.map((f) => JSON.stringify(f)).join('\n');
    const secrets = [alex.refresh_token!, system.tenant.apiClient.clientSecret, 'dev-tenant-upstream-secret'];
    for (const s of secrets) expect(serialized).not.toContain(s);
    // Provider tokens are opaque; none of the sandbox's live tokens may appear.
    expect(serialized).not.toMatch(/ya29\.|xox[bp]-|Bearer /);
  });
});
