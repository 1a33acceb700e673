import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECT_BASE_SCOPES, scopesForProvider } from '../../src/auth/scopeCatalog.js';
import { SLACK_SCOPES } from '../../src/providers/slack/contract.js';
import type { HeadlessSession } from '../../standins/devtenant/signInHeadless.js';
import type { VouchSystem } from '../../standins/system.js';
import { linkAccount, startTestSystem } from '../helpers/system.js';
import { TestClient } from '../helpers/wsClient.js';
import { observer } from './helpers.js';

/**
 * "Slack Priya that …": a direct message to a person, found among the workspace's members by the
 * address Slack verified, drafted for confirmation, then sent through users.lookupByEmail,
 * conversations.open and chat.postMessage against the sandbox.
 */
let system: VouchSystem;
let alex: HeadlessSession;
beforeAll(async () => {
  system = await startTestSystem({ cibaIntervalSeconds: 0.05 });
  alex = await system.login('alex');
  await linkAccount(system, alex, 'slack');
  await linkAccount(system, alex, 'google');
});
afterAll(async () => {
  await system.stop();
});

async function connect(session: HeadlessSession): Promise<TestClient> {
  const c = await TestClient.connect(system.wsUrl);
  expect(await c.auth(session.access_token)).toMatchObject({ type: 'session_ready' });
  return c;
}
/** What the DMs with one person hold, newest first, read as an observer through Slack search. */
async function dmTexts(session: HeadlessSession, handle: string): Promise<string[]> {
  const r = await observer(system).slack.searchMessages(
    { userId: `auth0|${session === alex ? 'alex' : 'blake'}`, subjectToken: session.access_token },
    { query: `in:@${handle}`, count: 20 },
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.value.matches.map((m) => m.text);
}

describe('a Slack direct message to a person', () => {
  it('drafts it to the member Slack knows, sends only on confirm, and starts the DM when there was none', async () => {
    const c = await connect(alex);
    c.send({ type: 'transcript', id: 'dm-1', text: 'slack priya that the deck is ready for her review' });
    const draft = await c.next('draft_ready');
    expect(draft).toMatchObject({ kind: 'slack_direct_message', fields: { to: ['priya@example.com'] } });
    await c.next('agent_done', (f) => f.request_id === 'dm-1');
    expect(c.spoken('dm-1')).toContain('Priya Shah (priya@example.com)');
    expect(await dmTexts(alex, 'priya')).toEqual([]);

    c.send({ type: 'action_confirmed', draft_id: draft.draft_id, edits: { text: 'The deck is ready for your review.' } });
    const result = await c.next('action_result', (f) => f.status !== 'awaiting_approval');
    expect(result).toMatchObject({ draft_id: draft.draft_id, status: 'sent' });
    expect(await dmTexts(alex, 'priya')).toEqual(['The deck is ready for your review.']);
    const dms = await observer(system).slack.listDirectMessages({ userId: 'auth0|alex', subjectToken: alex.access_token });
    expect(dms.ok && dms.value.conversations.map((d) => d.user).sort()).toEqual(['Priya Shah', 'Sam Patel']);

    // The activity log says to whom, by address.
    const audit = (await (
      await fetch(`${system.backendUrl}/audit?limit=20`, { headers: { authorization: `Bearer ${alex.access_token}` } })
    ).json()) as { entries: Array<{ kind: string; summary: string }> };
    expect(audit.entries.find((e) => e.kind === 'write')?.summary).toMatch(/to priya@example\.com/);
    await c.close();
  });

  it('posts into the DM that already exists', async () => {
    const c = await connect(alex);
    const before = await dmTexts(alex, 'sam');
    c.send({ type: 'transcript', id: 'dm-2', text: 'send sam a slack message saying the redlines are in his inbox' });
    const draft = await c.next('draft_ready');
    expect(draft).toMatchObject({ kind: 'slack_direct_message', fields: { to: ['sam@example.com'] } });
    c.send({ type: 'action_confirmed', draft_id: draft.draft_id });
    expect(await c.next('action_result', (f) => f.status !== 'awaiting_approval')).toMatchObject({ status: 'sent' });
    const after = await dmTexts(alex, 'sam');
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toMatch(/redlines are in his inbox/i);
    const dms = await observer(system).slack.listDirectMessages({ userId: 'auth0|alex', subjectToken: alex.access_token });
    expect(dms.ok && dms.value.conversations.filter((d) => d.user === 'Sam Patel').map((d) => d.id)).toEqual(['D0SAM']);
    await c.close();
  });

  it('"dm him" after reading the DMs with Sam means Sam: the person’s own messages are "you", never a third person', async () => {
    const c = await connect(alex);
    c.send({ type: 'transcript', id: 'dm-5', text: 'what did sam say on slack' });
    await c.next('agent_done', (f) => f.request_id === 'dm-5');
    const answer = c.spoken('dm-5');
    expect(answer).toContain('you said “Sure, after lunch.”');
    expect(answer).not.toMatch(/Alex said/);
    c.send({ type: 'transcript', id: 'dm-6', text: 'dm him that the redlines are attached' });
    const draft = await c.next('draft_ready');
    expect(draft).toMatchObject({ kind: 'slack_direct_message', fields: { to: ['sam@example.com'] } });
    c.send({ type: 'action_cancelled', draft_id: draft.draft_id });
    await c.close();
  });

  it('never messages someone known only from mail: a name outside the workspace is asked about, nothing is drafted', async () => {
    const c = await connect(alex);
    // Dana writes to Alex by email (northwind.io) but is not in the Slack workspace.
    c.send({ type: 'transcript', id: 'dm-3', text: 'slack dana that thursday works' });
    await c.next('agent_done', (f) => f.request_id === 'dm-3');
    expect(c.spoken('dm-3')).toMatch(/couldn't find Dana in your Slack workspace\. Who should I message\?$/);
    expect(c.frames.some((f) => f.type === 'draft_ready')).toBe(false);
    // The answer to "Who should I message?" is the person; what to say is kept.
    c.send({ type: 'transcript', id: 'dm-3b', text: 'sam' });
    const draft = await c.next('draft_ready');
    expect(draft).toMatchObject({ kind: 'slack_direct_message', fields: { to: ['sam@example.com'] } });
    expect((draft.fields as { text: string }).text).toMatch(/thursday works/i);
    c.send({ type: 'action_cancelled', draft_id: draft.draft_id });
    await c.close();
  });

  it('a grant without im:write asks for that one permission before drafting', async () => {
    const blake = await system.login('blake');
    // Linked before direct messages existed: everything Vouch asked for then, which had no im:write.
    const granted = scopesForProvider('slack')
      .map((s) => s.scope)
      .filter((s) => s !== SLACK_SCOPES.imWrite);
    await linkAccount(system, blake, 'slack', { scopes: [...CONNECT_BASE_SCOPES.slack, ...granted] });
    const c = await connect(blake);
    c.send({ type: 'transcript', id: 'dm-4', text: 'message sam on slack to say I pushed the fix' });
    const ask = await c.next('connections_required', (f) => f.request_id === 'dm-4');
    expect(ask.scopes.map((s) => s.scope)).toEqual([SLACK_SCOPES.imWrite]);
    expect(c.frames.some((f) => f.type === 'draft_ready')).toBe(false);
    await c.close();
  });
});
