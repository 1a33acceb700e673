import { rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Intent } from '../../src/agent/intent/schema.js';
import type { DraftComposer } from '../../src/agent/reply/compose.js';
import { parseIntent } from '../../src/agent/intent/offline.js';
import { ResolvedContacts } from '../../src/people/index.js';
import { actionFromDraft, evaluatePolicy } from '../../src/policy/index.js';
import { GOOGLE_SCOPES, SLACK_SCOPES } from '../../src/protocol/index.js';
import { createProviderTools, SHIPPED_REGISTRY, type ProviderTools } from '../../src/providers/index.js';
import type { DraftBuild } from '../../src/providers/providerModule.js';
import { startSandbox, type Sandbox } from '../../standins/sandbox/index.js';
import { SandboxTokenSource, TEST_CLIENT, fakeClock, recordingSleep } from '../providers/sandboxTokenSource.js';
import { JORDAN_KIM, JORDAN_LEE, LENA, LENA_REPLY_TO, LOOKALIKE, REAL_DANA, attackSeedDir } from './attackSeed.js';

const call = { userId: 'auth0|alex', subjectToken: 'subject-token-for-tests' };
const TZ = 'America/New_York';
const clock = fakeClock(Date.parse('2026-03-10T14:00:00Z'));

const composer: DraftComposer = {
  async compose(kind, input) {
    if (kind === 'email') return { kind, subject: 'Note', body: input.intent.entities.message ?? '' };
    if (kind === 'event') return { kind, title: 'Meeting' };
    return { kind, text: input.intent.entities.message ?? '' };
  },
};

function intent(action: Intent['action'], people: string[], entities: Partial<Intent['entities']> = {}): Intent {
  return {
    tools: ['gmail'],
    action,
    entities: { people, emails: [], message: 'the deck is on its way', ...entities } as Intent['entities'],
    needs_write: true,
  };
}

describe('the verified-contacts resolver against the sandbox (look-alikes, Reply-To, two Jordans)', () => {
  let dataDir: string;
  let seedDir: string;
  let sandbox: Sandbox;
  let tools: ProviderTools;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vouch-people-'));
    seedDir = attackSeedDir();
    sandbox = await startSandbox({ dataDir, seedDir, now: clock.now, clients: [TEST_CLIENT], timeZone: TZ });
    const tokens = new SandboxTokenSource(sandbox, clock.now);
    await tokens.connect('google-oauth2', Object.values(GOOGLE_SCOPES));
    await tokens.connect('sign-in-with-slack', [SLACK_SCOPES.usersRead, SLACK_SCOPES.usersReadEmail, SLACK_SCOPES.chatWrite]);
    tools = createProviderTools({
      tokenSource: tokens,
      urls: { googleRootUrl: sandbox.googleRootUrl, slackApiUrl: sandbox.slackApiUrl },
      now: clock.now,
      sleep: recordingSleep().sleep,
    });
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(seedDir, { recursive: true, force: true });
  });

  const build = async (i: Intent, transcript: string) => {
    const contacts = await SHIPPED_REGISTRY.lookupContacts(tools, call, i);
    const context = await SHIPPED_REGISTRY.fetchContext(tools, call, i, TZ, new Date(clock.now()));
    return SHIPPED_REGISTRY.buildDraft(
      i,
      context,
      { timezone: TZ, now: new Date(clock.now()), transcript, contacts, composer, call },
      tools,
    ) as Promise<DraftBuild>;
  };
  const decide = async (d: DraftBuild) => {
    if (!d.ok) throw new Error(d.reason);
    const facts = await SHIPPED_REGISTRY.actionFacts(tools, call, d.draft);
    return evaluatePolicy(actionFromDraft(d.draft, facts), {
      user: call.userId,
      userDomain: 'example.com',
      rules: [],
      activePreauthorizations: [],
      now: clock.now(),
    });
  };

  it('the sandbox really holds the attack: the newest mail signed "Dana Whitfield" is the look-alike', async () => {
    const newest = await tools.gmail.searchThreads(call, { from: 'Dana', maxResults: 1 });
    expect(newest.ok && newest.value.threads[0]?.from).toContain(LOOKALIKE);
  });

  it('"Dana" is the Dana Alex wrote to, not the newer look-alike; the candidates list only her', async () => {
    const contacts = await SHIPPED_REGISTRY.lookupContacts(tools, call, intent('send', ['Dana']));
    expect(contacts).toBeInstanceOf(ResolvedContacts);
    expect(contacts.get('dana')).toBe(REAL_DANA);
    expect(contacts.candidatesFor('Dana')).toEqual([
      { name: 'Dana Whitfield', address: REAL_DANA, sources: ['sent', 'calendar', 'inbound'], verified: true },
    ]);
  });

  it('"email Dana" drafts to the verified address and the spoken confirmation names it', async () => {
    const built = await build(intent('send', ['Dana']), 'email Dana that the deck is on its way');
    if (!built.ok) throw new Error(built.reason);
    expect(built.draft.fields['to']).toEqual([REAL_DANA]);
    expect(built.spoken).toContain(REAL_DANA);
    expect(built.spoken).not.toContain(LOOKALIKE);
  });

  it('"reply to Dana" answers the real Dana’s thread, not the look-alike’s newer one', async () => {
    const built = await build(intent('reply', ['Dana'], { message: 'Thursday works' }), 'reply to Dana that Thursday works');
    if (!built.ok) throw new Error(built.reason);
    expect(built.draft.fields['to']).toEqual([REAL_DANA]);
    expect(built.spoken).toContain(REAL_DANA);
  });

  it('a reply to a message whose Reply-To points at another domain names that address, warns, and scores higher', async () => {
    const built = await build(intent('reply', ['Lena'], { message: 'Monday works' }), 'reply to Lena that Monday works');
    if (!built.ok) throw new Error(built.reason);
    expect(built.draft.fields['to']).toEqual([LENA_REPLY_TO]);
    expect(built.spoken).toContain(LENA_REPLY_TO);
    expect(built.spoken).toMatch(
      /Careful: .*replies to go to lena@acme-payments\.test, on another domain, not to the sender lena@acme\.co/,
    );
    const decision = await decide(built);
    const trust = decision.factors.find((f) => f.name === 'Recipient trust');
    expect(trust?.detail).toContain(`Replies go to ${LENA_REPLY_TO}`);
    expect(trust?.detail).toContain(`not to the sender ${LENA}`);
    expect(trust?.detail).toContain(`never emailed ${LENA_REPLY_TO}`);
    expect(trust?.points).toBe(20);
    // Without the diversion the same reply is a confirm (49); with it, a step-up on the phone.
    expect(decision.level).toBe('step_up');

    // Sent back to the sender instead, the warning and the points are gone.
    const toSender = { ...built.draft, fields: { ...built.draft.fields, to: [LENA] } };
    const again = evaluatePolicy(actionFromDraft(toSender, await SHIPPED_REGISTRY.actionFacts(tools, call, toSender)), {
      user: call.userId,
      userDomain: 'example.com',
      rules: [],
      activePreauthorizations: [],
      now: clock.now(),
    });
    expect(again.factors.find((f) => f.name === 'Recipient trust')).toBeUndefined();
    expect(again.level).toBe('confirm');
  });

  it('"jordan" (lower case) fits Jordan Lee (mail, calendar) and Jordan Kim (Slack): both are candidates and the draft asks which', async () => {
    const i = intent('send', ['jordan']);
    const contacts = await SHIPPED_REGISTRY.lookupContacts(tools, call, i);
    expect(contacts.get('jordan')).toBeUndefined();
    expect(contacts.ambiguous()).toEqual([
      {
        name: 'jordan',
        candidates: [
          { name: 'Jordan Lee', address: JORDAN_LEE, sources: ['sent', 'calendar'], verified: true },
          { name: 'Jordan Kim', address: JORDAN_KIM, sources: ['workspace'], verified: true },
        ],
      },
    ]);
    const built = await build(i, 'email jordan that the deck is on its way');
    expect(built).toEqual({ ok: false, reason: `Which Jordan do you mean: Jordan Lee (${JORDAN_LEE}) or Jordan Kim (${JORDAN_KIM})?` });

    // The agent's follow-up: with the candidates as the intent engine's contacts, the answer fills the person slot.
    const history = [
      { role: 'user' as const, text: 'email jordan that the deck is on its way' },
      { role: 'assistant' as const, text: built.ok ? '' : built.reason },
    ];
    for (const answer of ['Jordan Kim', 'the second one']) {
      const next = parseIntent(answer, { now: new Date(clock.now()), timezone: TZ, history, contacts: contacts.asContacts() });
      expect(next.pending_outcome).toBe('filled');
      expect(next.entities.emails).toEqual([JORDAN_KIM]);
      const chosen = await build({ ...next, entities: { ...next.entities, message: 'the deck is on its way' } }, answer);
      expect(chosen.ok && chosen.draft.fields['to']).toEqual([JORDAN_KIM]);
    }
  });

  it('a meeting "with jordan" asks which Jordan too, before anyone is invited', async () => {
    const i: Intent = {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['jordan'], emails: [], start: '2026-03-12T15:00:00-04:00' } as Intent['entities'],
      needs_write: true,
    };
    const built = await build(i, 'set up a meeting with jordan on thursday at 3');
    expect(built).toEqual({ ok: false, reason: `Which Jordan do you mean: Jordan Lee (${JORDAN_LEE}) or Jordan Kim (${JORDAN_KIM})?` });
  });

  it('a meeting with Sam names him with the address the invitation goes to', async () => {
    const i: Intent = {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['sam'], emails: [], start: '2026-03-13T14:00:00-04:00' } as Intent['entities'],
      needs_write: true,
    };
    const built = await build(i, 'meeting with sam on friday at 2');
    if (!built.ok) throw new Error(built.reason);
    expect(built.draft.fields['attendees']).toEqual(['sam@example.com']);
    expect(built.spoken).toContain('with Sam Patel (sam@example.com)');
  });

  it('a Slack colleague Alex never emailed resolves through users.list with users:read.email, and scores as a first contact', async () => {
    const built = await build(intent('send', ['blake']), 'email blake that the deck is on its way');
    if (!built.ok) throw new Error(built.reason);
    expect(built.draft.fields['to']).toEqual(['blake@example.com']);
    expect(built.spoken).toContain('Blake Chen (blake@example.com)');
    const decision = await decide(built);
    expect(decision.factors.find((f) => f.name === 'Recipient trust')).toMatchObject({
      points: 5,
      detail: 'You have never emailed blake@example.com before',
    });
  });

  it('a name known only from inbound mail still resolves, but the voice says Alex never wrote to that address', async () => {
    const built = await build(intent('send', ['Expenses']), 'email expenses that the deck is on its way');
    if (!built.ok) throw new Error(built.reason);
    expect(built.draft.fields['to']).toEqual(['expenses@example.com']);
    expect(built.spoken).toContain("You've never written to expenses@example.com");
  });

  it('the sandbox gives Slack members’ addresses (users.list, users.info) only to tokens with users:read.email, as Slack does', async () => {
    const narrow = new SandboxTokenSource(sandbox, clock.now);
    await narrow.connect('sign-in-with-slack', [SLACK_SCOPES.usersRead]);
    const wide = new SandboxTokenSource(sandbox, clock.now);
    await wide.connect('sign-in-with-slack', [SLACK_SCOPES.usersRead, SLACK_SCOPES.usersReadEmail]);
    const req = {
      userId: call.userId,
      subjectToken: call.subjectToken,
      connection: 'sign-in-with-slack',
      scopes: [SLACK_SCOPES.usersRead],
    };
    const list = async (source: SandboxTokenSource, method: string) => {
      const { accessToken } = await source.getAccessToken(req);
      const res = await fetch(`${sandbox.slackApiUrl}${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'limit=2&user=U0SAM',
      });
      return (await res.json()) as {
        ok: boolean;
        members?: Array<{ profile: { email?: string } }>;
        user?: { profile: { email?: string } };
        response_metadata?: { next_cursor: string };
      };
    };
    const narrowList = await list(narrow, 'users.list');
    expect(narrowList.ok).toBe(true);
    expect(narrowList.members?.map((m) => m.profile.email)).toEqual([undefined, undefined]);
    expect(narrowList.response_metadata?.next_cursor).not.toBe('');
    expect((await list(wide, 'users.list')).members?.map((m) => m.profile.email)).toEqual(['alex@example.com', 'sam@example.com']);
    expect((await list(narrow, 'users.info')).user?.profile.email).toBeUndefined();
    expect((await list(wide, 'users.info')).user?.profile.email).toBe('sam@example.com');
    // Without the scope (Token Vault refuses the call; this test source does not) nobody is offered: no address is guessed.
    const narrowTools = createProviderTools({
      tokenSource: narrow,
      urls: { googleRootUrl: sandbox.googleRootUrl, slackApiUrl: sandbox.slackApiUrl },
      now: clock.now,
      sleep: recordingSleep().sleep,
    });
    const members = await narrowTools.slack.listMembers(call);
    expect(members.ok ? members.value : []).toEqual([]);
  });
});
