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

describe('a restart strands no draft', () => {
  it('a phone request outlives a backend restart: approved afterwards, the approved content is sent once', async () => {
    const c = await session();
    c.send({ type: 'transcript', id: 'boot-1', text: 'reply to Dana that Wednesday works' });
    const draft = await c.next('draft_ready');
    if (draft.kind !== 'email') throw new Error('expected an email draft');
    const ctx = { userId: 'auth0|alex', subjectToken: alex.access_token };
    const before = await observer(system).gmail.readThread(ctx, { threadId: draft.fields.thread_id! });
    if (!before.ok) throw new Error(before.error.message);

    const asked = new Promise<PendingCiba>((r) => system.tenant.ciba.events.once('request', r));
    c.send({ type: 'action_confirmed', draft_id: draft.draft_id, edits: { body: 'Hi Dana,\n\nWednesday works.\n\nAlex' } });
    const required = await c.next('approval_required');
    const request = await asked;
    await c.close();
    await system.restartBackend();

    // Back online, the stored auth_req_id is polled again; the phone's approval then sends the draft.
    const again = await session();
    expect(await again.next('approval_required', (f) => f.id === required.id, 0)).toMatchObject({
      binding_message: required.binding_message,
      risk: required.risk,
    });
    await system.tenant.ciba.approve(request.authReqId);
    expect(await again.next('action_result', (f) => f.draft_id === draft.draft_id && f.status !== 'awaiting_approval', 0)).toMatchObject({
      status: 'sent',
    });
    const after = await observer(system).gmail.readThread(ctx, { threadId: draft.fields.thread_id! });
    if (!after.ok) throw new Error(after.error.message);
    const sent = after.value.messages.slice(before.value.messages.length);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toContain('Wednesday works.');
    await again.close();
  });
});
