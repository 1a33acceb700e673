import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VouchSystem } from '../../standins/system.js';
import { linkAccount, startTestSystem } from '../helpers/system.js';
import { TestClient } from '../helpers/wsClient.js';

// Provider-side time (sandbox and the tenant's record of the stored provider token) runs on a
// clock the test moves; the backend's own Token Vault cache keeps real time and so still holds
// the old token, exactly the situation of a provider token that died early.
let providerClock = Date.now();
let system: VouchSystem;

beforeAll(async () => {
  system = await startTestSystem({ sandboxNow: () => providerClock, tenantNow: () => providerClock });
});
afterAll(async () => {
  await system.stop();
});

describe('an expired provider token', () => {
  it('is refreshed once through Token Vault and the request still succeeds', async () => {
    const alex = await system.login('alex');
    await linkAccount(system, alex, 'google');
    const c = await TestClient.connect(system.wsUrl);
    await c.auth(alex.access_token);
    c.send({ type: 'transcript', id: 'exp-1', text: 'what is on my calendar today' });
    await c.next('agent_done');
    const issuedBefore = system.tenant.stats.byOutcome.issued ?? 0;

    providerClock += 2 * 3600_000;
    c.send({ type: 'transcript', id: 'exp-2', text: 'what is on my calendar tomorrow' });
    await c.next('agent_done', (f) => f.request_id === 'exp-2');
    const errors = c.frames.filter((f) => f.type === 'error');
    expect(errors).toEqual([]);
    const answer = c.frames
      .filter((f) => f.type === 'agent_stream' && f.request_id === 'exp-2')
      .map((f) => (f as { delta: string }).delta)
      .join('');
    expect(answer).toMatch(/Tomorrow you have/);
    // Exactly one new exchange: the provider's 401 invalidated the cache, the tenant refreshed upstream.
    expect(system.tenant.stats.byOutcome.issued).toBe(issuedBefore + 1);
    await c.close();
  });
});
