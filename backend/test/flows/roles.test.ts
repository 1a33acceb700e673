import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolObject, userRef } from '../../src/policy/index.js';
import type { VouchSystem } from '../../standins/system.js';
import { linkAccount, startTestSystem } from '../helpers/system.js';
import { TestClient } from '../helpers/wsClient.js';

let system: VouchSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => {
  await system.stop();
});

describe('roles and relationships (OpenFGA model, embedded checker)', () => {
  it('a suspended tool can neither be read nor written, whatever the risk score', async () => {
    const alex = await system.login('alex');
    await linkAccount(system, alex, 'slack');
    const c = await TestClient.connect(system.wsUrl);
    await c.auth(alex.access_token);

    // Owner by default: posting is allowed (and scored as usual).
    c.send({ type: 'transcript', id: 'r-1', text: 'post to #deals that the deck is ready' });
    const draft = await c.next('draft_ready');
    expect(draft.risk?.level).not.toBe('deny');

    // Suspended before the person confirms: the write is refused at confirmation, not just scored.
    const authz = system.backend.services.authz;
    if (authz.kind !== 'embedded') throw new Error('expected the embedded checker');
    authz.checker.write([{ user: userRef('auth0|alex'), relation: 'suspended', object: toolObject('auth0|alex', 'slack') }]);
    c.send({ type: 'action_confirmed', draft_id: draft.draft_id });
    expect(await c.next('action_result')).toMatchObject({
      status: 'denied',
      code: 'POLICY_DENIED',
      detail: 'Your role does not allow Vouch to post in Slack',
    });

    c.send({ type: 'transcript', id: 'r-3', text: "what's new in #general" });
    expect(await c.next('error')).toMatchObject({ code: 'POLICY_DENIED', request_id: 'r-3' });
    await c.close();
  });
});
