import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PendingCiba } from '../../standins/devtenant/index.js';
import type { HeadlessSession } from '../../standins/devtenant/signInHeadless.js';
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

describe('logging out ends what the user had in flight', () => {
  it('a step-up approved on the phone after logout sends nothing', async () => {
    const c = await session();
    c.send({ type: 'transcript', id: 'bye-1', text: 'reply to Dana that Monday is fine' });
    const draft = await c.next('draft_ready');
    if (draft.kind !== 'email') throw new Error('expected an email draft');
    expect(draft.risk?.level).toBe('step_up');
    const ctx = { userId: 'auth0|alex', subjectToken: alex.access_token };
    const before = await observer(system).gmail.readThread(ctx, { threadId: draft.fields.thread_id! });
    if (!before.ok) throw new Error(before.error.message);

    const asked = new Promise<PendingCiba>((r) => system.tenant.ciba.events.once('request', r));
    c.send({ type: 'action_confirmed', draft_id: draft.draft_id });
    const required = await c.next('approval_required');
    const request = await asked;
    const closed = new Promise<void>((r) => c.ws.once('close', () => r()));
    c.send({ type: 'logout' });
    await closed;

    // The phone approves after the person logged out.
    await system.tenant.ciba.approve(request.authReqId);
    const again = await session();
    again.send({ type: 'action_confirmed', draft_id: draft.draft_id });
    expect(await again.next('action_result', (f) => f.draft_id === draft.draft_id)).toMatchObject({ status: 'cancelled' });
    await again.close();

    const after = await observer(system).gmail.readThread(ctx, { threadId: draft.fields.thread_id! });
    expect(after.ok && after.value.messages.length).toBe(before.value.messages.length);
    const res = await fetch(`${system.backendUrl}/audit?limit=100`, { headers: { authorization: `Bearer ${alex.access_token}` } });
    const { entries } = (await res.json()) as {
      entries: Array<{ kind: string; data: Record<string, unknown> & { refs?: Record<string, unknown> } }>;
    };
    expect(entries.some((e) => e.kind === 'approval' && e.data.refs?.approval_id === required.id && e.data.outcome === 'requested')).toBe(
      true,
    );
    expect(entries.some((e) => e.kind === 'write' && e.data.refs?.draft_id === draft.draft_id)).toBe(false);
    expect(
      entries.find((e) => e.kind === 'approval' && e.data.refs?.approval_id === required.id && e.data.outcome !== 'requested'),
    ).toMatchObject({ data: { outcome: 'cancelled' } });
  });
});
