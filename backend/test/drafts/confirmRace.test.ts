import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadlessSession } from '../../standins/devtenant/signInHeadless.js';
import type { PendingCiba } from '../../standins/devtenant/index.js';
import type { VouchSystem } from '../../standins/system.js';
import { observer } from '../flows/helpers.js';
import { linkAccount, startTestSystem } from '../helpers/system.js';
import { TestClient } from '../helpers/wsClient.js';

let system: VouchSystem;
let alex: HeadlessSession;

beforeAll(async () => {
  system = await startTestSystem({ cibaIntervalSeconds: 0.05 });
  alex = await system.login('alex');
  await linkAccount(system, alex, 'google');
});
afterAll(async () => {
  await system.stop();
});

const session = () => TestClient.signedIn(system.wsUrl, alex.access_token);

const api = async (path: string) =>
  (await (await fetch(`${system.backendUrl}${path}`, { headers: { authorization: `Bearer ${alex.access_token}` } })).json()) as {
    entries: Array<{ kind: string; data: { refs?: { draft_id?: string } } }>;
  };

describe('the phone approves exactly what is sent (two sockets of one user)', () => {
  it('a second confirmation with other fields, while the first waits for the phone, changes nothing', async () => {
    const a = await session();
    const b = await session();
    a.send({ type: 'transcript', id: 'race-1', text: 'reply to Dana that Thursday works' });
    const draft = await a.next('draft_ready');
    if (draft.kind !== 'email') throw new Error('expected an email draft');
    expect(draft.risk?.level).toBe('step_up');
    const ctx = { userId: 'auth0|alex', subjectToken: alex.access_token };
    const before = await observer(system).gmail.readThread(ctx, { threadId: draft.fields.thread_id! });
    if (!before.ok) throw new Error(before.error.message);

    // The first phone request is held between Auth0 and the backend: the window the attack needs.
    const requests: PendingCiba[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let asked!: (p: PendingCiba) => void;
    const phoneAsked = new Promise<PendingCiba>((r) => (asked = r));
    system.tenant.ciba.events.holdAnswer = async (p) => {
      requests.push(p);
      if (requests.length > 1) return;
      asked(p);
      await held;
    };

    a.send({ type: 'action_confirmed', draft_id: draft.draft_id, edits: { body: 'Hi Dana,\n\nThursday works for me.\n\nAlex' } });
    const request = await phoneAsked;
    b.send({
      type: 'action_confirmed',
      draft_id: draft.draft_id,
      edits: { to: ['mallory@evil.test'], body: 'Wire the money to the new account.' },
    });
    const answeredB = await b.next('action_result', (f) => f.draft_id === draft.draft_id);
    expect(answeredB.status).toBe('awaiting_approval');

    release();
    await system.tenant.ciba.approve(request.authReqId);
    const result = await a.next('action_result', (f) => f.draft_id === draft.draft_id && f.status !== 'awaiting_approval', 0);
    system.tenant.ciba.events.holdAnswer = undefined;

    // What was sent is what the first confirmation showed and the phone approved.
    const after = await observer(system).gmail.readThread(ctx, { threadId: draft.fields.thread_id! });
    if (!after.ok) throw new Error(after.error.message);
    const sent = after.value.messages.slice(before.value.messages.length);
    expect(sent.map((m) => ({ to: m.to, body: m.body }))).toEqual([
      { to: expect.stringContaining('dana@northwind.io'), body: expect.stringContaining('Thursday works for me.') },
    ]);
    expect(JSON.stringify(sent)).not.toMatch(/mallory|Wire the money/);
    expect(result).toMatchObject({ status: 'sent' });
    // The second socket was refused with a typed error, and the phone was asked once.
    expect(b.frames.find((f) => f.type === 'error')).toMatchObject({ code: 'DRAFT_NOT_READY' });
    expect(requests).toHaveLength(1);
    const decisions = (await api('/audit?limit=100')).entries.filter(
      (e) => e.kind === 'policy_decision' && e.data.refs?.draft_id === draft.draft_id,
    );
    expect(decisions).toHaveLength(1);
    await a.close();
    await b.close();
  });
});
