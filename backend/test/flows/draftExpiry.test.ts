import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VouchSystem } from '../../standins/system.js';
import { linkAccount, startTestSystem } from '../helpers/system.js';
import { TestClient } from '../helpers/wsClient.js';
import { channelTexts } from './helpers.js';

// The backend's clock is the test's: a draft's lifetime passes without waiting for it.
let clock = Date.now();
let system: VouchSystem;

beforeAll(async () => {
  system = await startTestSystem({ now: () => clock, env: { DRAFT_TTL_S: '600' } });
});
afterAll(async () => {
  await system.stop();
});

describe('draft lifetime', () => {
  it('refuses to run a draft confirmed after it expired, and sends nothing', async () => {
    const alex = await system.login('alex');
    await linkAccount(system, alex, 'slack');
    const c = await TestClient.connect(system.wsUrl);
    await c.auth(alex.access_token);
    c.send({ type: 'transcript', id: 'exp-draft', text: 'post to #deals that the deck is ready' });
    const draft = await c.next('draft_ready');
    expect(Date.parse(draft.expires_at!) - clock).toBe(600_000);
    clock += 601_000;
    c.send({ type: 'action_confirmed', draft_id: draft.draft_id });
    expect(await c.next('action_result')).toMatchObject({ status: 'expired', code: 'DRAFT_EXPIRED' });
    expect(await channelTexts(system, { userId: 'auth0|alex', subjectToken: alex.access_token }, 'deals')).not.toContain(
      'The deck is ready.',
    );
    await c.close();
  });
});
