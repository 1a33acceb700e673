import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Intent } from '../../src/agent/intent/schema.js';
import type { DraftComposer } from '../../src/agent/reply/compose.js';
import { GOOGLE_SCOPES } from '../../src/protocol/index.js';
import { createProviderTools, SHIPPED_REGISTRY, type ProviderTools } from '../../src/providers/index.js';
import type { DraftBuild } from '../../src/providers/providerModule.js';
import { startSandbox, type Sandbox } from '../../standins/sandbox/index.js';
import { SandboxTokenSource, TEST_CLIENT, fakeClock, recordingSleep } from './sandboxTokenSource.js';

const call = { userId: 'auth0|alex', subjectToken: 'subject-token-for-tests' };
const TZ = 'America/New_York';
// 10:00 in New York on 2026-03-10; "tomorrow" is 2026-03-11 there.
const clock = fakeClock(Date.parse('2026-03-10T14:00:00Z'));

const composer: DraftComposer = {
  async compose(kind, input) {
    if (kind === 'email') return { kind, subject: 'Note', body: input.intent.entities.message ?? '' };
    if (kind === 'event') return { kind, title: 'Meeting with Sam' };
    return { kind, text: input.intent.entities.message ?? '' };
  },
};

function intent(
  tools: Intent['tools'],
  action: Intent['action'],
  entities: Partial<Intent['entities']> & Record<string, unknown> = {},
): Intent {
  return { tools, action, entities: { people: [], emails: [], ...entities } as Intent['entities'], needs_write: true };
}

describe('Mail and calendar changes against the sandbox (issue 13 tools)', () => {
  let dir: string;
  let sandbox: Sandbox;
  let tools: ProviderTools;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vouch-changes-'));
    sandbox = await startSandbox({ dataDir: dir, now: clock.now, clients: [TEST_CLIENT], testHooks: true, timeZone: TZ });
    const tokens = new SandboxTokenSource(sandbox, clock.now);
    await tokens.connect('google-oauth2', Object.values(GOOGLE_SCOPES));
    tools = createProviderTools({
      tokenSource: tokens,
      urls: { googleRootUrl: sandbox.googleRootUrl, slackApiUrl: sandbox.slackApiUrl },
      now: clock.now,
      sleep: recordingSleep().sleep,
    });
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const build = (i: Intent, transcript: string, contacts: Record<string, string> = {}, context: Record<string, unknown> = {}) =>
    SHIPPED_REGISTRY.buildDraft(
      i,
      { failures: [], ...context },
      { timezone: TZ, now: new Date(clock.now()), transcript, contacts: new Map(Object.entries(contacts)), composer, call },
      tools,
    ) as Promise<DraftBuild>;
  const draftOf = (b: DraftBuild) => {
    if (!b.ok) throw new Error(b.reason);
    return b;
  };

  it('declines an invitation: only the person’s own responseStatus changes, the organizer’s entry is sent back as it was', async () => {
    const built = draftOf(await build(intent(['calendar'], 'schedule', { query: 'Contoso pricing' }), 'decline the Contoso pricing sync'));
    expect(built.draft).toMatchObject({
      kind: 'event_response',
      fields: { title: 'Contoso pricing sync', response: 'declined', organizer: 'jordan@contoso.com' },
    });
    expect(SHIPPED_REGISTRY.toAction(built.draft)).toMatchObject({ tool: 'calendar', action: 'update', attendees: ['jordan@contoso.com'] });
    const done = await SHIPPED_REGISTRY.execute(tools, call, built.draft);
    expect(done).toMatchObject({ ok: true, status: 'answered' });
    const day = { timeMin: '2026-03-12T00:00:00-04:00', timeMax: '2026-03-13T00:00:00-04:00' };
    const after = await tools.calendar.listEvents(call, day);
    const ev = after.ok ? after.value.events.find((e) => e.title === 'Contoso pricing sync') : undefined;
    expect(ev).toMatchObject({ myResponse: 'declined', organizer: 'jordan@contoso.com', attendees: ['jordan@contoso.com'] });
  });

  it('a guest cannot move someone else’s event: Google’s forbiddenForNonOrganizer, and the draft builder only moves events the person organises', async () => {
    const listed = await tools.calendar.listEvents(call, { timeMin: '2026-03-12T00:00:00-04:00', timeMax: '2026-03-13T00:00:00-04:00' });
    const invite = listed.ok ? listed.value.events.find((e) => e.title === 'Contoso pricing sync') : undefined;
    const moved = await tools.calendar.updateEvent(call, {
      eventId: invite?.eventId ?? '',
      start: '2026-03-12T17:00:00-04:00',
      end: '2026-03-12T17:30:00-04:00',
      timezone: TZ,
    });
    expect(moved.ok ? undefined : moved.error).toMatchObject({ provider: 'google', httpStatus: 403 });
    const refused = await build(
      intent(['calendar'], 'schedule', { query: 'Contoso pricing', start: '2026-03-12T17:00:00-04:00' }),
      'move the Contoso pricing sync to 5',
    );
    expect(refused.ok).toBe(false);
  });

  it('moves the 1:1 with Sam to 4pm, keeping its length and warning about the clash there', async () => {
    const built = draftOf(
      await build(
        intent(['calendar'], 'schedule', { people: ['Sam'], query: '1:1', start: '2026-03-11T16:00:00-04:00' }),
        'move my 1:1 with Sam to 4pm tomorrow',
      ),
    );
    expect(built.draft).toMatchObject({
      kind: 'event_move',
      fields: { title: '1:1 with Sam', start: '2026-03-11T16:00:00-04:00', end: '2026-03-11T16:30:00-04:00' },
    });
    expect(built.spoken).toMatch(/overlaps "Board deck prep"/);
    const done = await SHIPPED_REGISTRY.execute(tools, call, built.draft);
    expect(done).toMatchObject({ ok: true, status: 'moved' });
    const clash = await tools.calendar.findConflicts(call, { start: '2026-03-11T16:00:00-04:00', end: '2026-03-11T16:30:00-04:00' });
    expect(clash.ok && clash.value.conflicts.map((e) => e.title).sort()).toEqual(['1:1 with Sam', 'Board deck prep']);
  });

  it('cancels an event the person organises; it is gone from the calendar', async () => {
    const built = draftOf(await build(intent(['calendar'], 'schedule', { query: 'board deck' }), 'cancel the board deck prep'));
    expect(built.draft).toMatchObject({ kind: 'event_cancel', fields: { title: 'Board deck prep', attendees: ['priya@example.com'] } });
    expect(SHIPPED_REGISTRY.toAction(built.draft)).toMatchObject({ action: 'cancel', attendees: ['priya@example.com'] });
    expect(await SHIPPED_REGISTRY.execute(tools, call, built.draft)).toMatchObject({ ok: true, status: 'cancelled' });
    const after = await tools.calendar.listEvents(call, { timeMin: '2026-03-11T00:00:00-04:00', timeMax: '2026-03-12T00:00:00-04:00' });
    expect(after.ok && after.value.events.map((e) => e.title)).not.toContain('Board deck prep');
  });

  it('creating over an existing meeting says so (no silent double-booking); free time does not count', async () => {
    const built = draftOf(
      await build(
        intent(['calendar'], 'schedule', { people: ['Sam'], start: '2026-03-11T10:00:00-04:00', duration_minutes: 30 }),
        'set up a meeting with Sam tomorrow at 10',
      ),
    );
    expect(built.spoken).toMatch(/overlaps "Northwind NDA review"/);
    const focus = await tools.calendar.findConflicts(call, { start: '2026-03-10T15:00:00-04:00', end: '2026-03-10T16:00:00-04:00' });
    expect(focus.ok && focus.value.conflicts).toEqual([]);
  });

  it('reply-all copies everyone else on the thread, never the person themself; each message names its real sender', async () => {
    const found = await tools.gmail.searchThreads(call, { query: 'Contoso renewal pricing' });
    const threadId = found.ok ? found.value.threads[0]?.threadId : undefined;
    const thread = await tools.gmail.readThread(call, { threadId: threadId ?? '' });
    if (!thread.ok) throw new Error(thread.error.message);
    const own = thread.value.messages.filter((m) => m.fromSelf);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((m) => m.from.includes('alex@example.com'))).toBe(true);
    const built = draftOf(
      await build(
        intent(['gmail'], 'reply', { message: 'Thanks, all good.' }),
        'reply all: thanks, all good',
        {},
        { thread: thread.value },
      ),
    );
    const f = built.draft.fields as { to: string[]; cc: string[] };
    expect(f.cc).not.toContain('alex@example.com');
    expect([...f.to, ...f.cc]).not.toContain('alex@example.com');
    expect(f.cc.length + f.to.length).toBeGreaterThan(1);
  });

  it('forwards a thread found by topic to someone else, as a new "Fwd:" email', async () => {
    const built = draftOf(
      await build(
        intent(['gmail'], 'send', { people: ['Dana'], query: 'Acme security questionnaire', message: 'FYI' }),
        'forward the Acme security questionnaire to Dana',
        { dana: 'dana@northwind.io' },
      ),
    );
    expect(built.draft).toMatchObject({
      kind: 'email',
      fields: { to: ['dana@northwind.io'], subject: 'Fwd: Acme security questionnaire' },
    });
    expect((built.draft.fields as { body: string }).body).toMatch(/^FYI\n\n---------- Forwarded message ---------\nFrom: Lena Fischer/);
  });

  it('"save it as a draft" stores a Gmail draft and sends nothing', async () => {
    const built = draftOf(
      await build(intent(['gmail'], 'draft', { people: ['Dana'], message: 'Draft for later' }), 'write Dana a note, save it as a draft', {
        dana: 'dana@northwind.io',
      }),
    );
    expect(built.draft.kind).toBe('email_draft');
    expect(SHIPPED_REGISTRY.toAction(built.draft)).toMatchObject({ tool: 'gmail', action: 'draft' });
    const sendsBefore = sandbox.requests().filter((r) => r.path.endsWith('/messages/send')).length;
    const done = await SHIPPED_REGISTRY.execute(tools, call, built.draft);
    expect(done).toMatchObject({ ok: true, status: 'drafted' });
    expect(sandbox.requests().filter((r) => r.path.endsWith('/messages/send')).length).toBe(sendsBefore);
    expect(sandbox.requests().some((r) => r.method === 'POST' && r.path.endsWith('/drafts'))).toBe(true);
  });
});
