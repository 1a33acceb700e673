import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadlessSession } from '../../standins/devtenant/signInHeadless.js';
import type { VouchSystem } from '../../standins/system.js';
import { linkAccount, startTestSystem } from '../helpers/system.js';
import { TestClient } from '../helpers/wsClient.js';

// Parked requests belong to the user who asked: another user choosing the same transcript id can
// neither replace nor delete them.
let system: VouchSystem;
let alex: HeadlessSession;
let blake: HeadlessSession;

beforeAll(async () => {
  system = await startTestSystem();
  alex = await system.login('alex');
  blake = await system.login('blake');
});
afterAll(async () => {
  await system.stop();
});

async function session(who: HeadlessSession): Promise<TestClient> {
  const c = await TestClient.connect(system.wsUrl);
  expect(await c.auth(who.access_token)).toMatchObject({ type: 'session_ready' });
  return c;
}

/** Sends account_connected and waits until its resume has run (frames are handled in order per socket). */
async function connected(c: TestClient, provider: 'google' | 'slack'): Promise<void> {
  c.send({ type: 'account_connected', provider });
  c.send({ type: 'list_scopes' });
  await c.next('scopes');
}

describe('pending requests are keyed by (user, id)', () => {
  it('another user parking a request under the same id does not take over the parked one', async () => {
    const a = await session(alex);
    const b = await session(blake);
    a.send({ type: 'transcript', id: 'shared-1', text: "what's on my calendar tomorrow" });
    expect(await a.next('connections_required')).toMatchObject({ request_id: 'shared-1', providers: ['google'] });
    b.send({ type: 'transcript', id: 'shared-1', text: 'summarize my last emails from Dana' });
    expect(await b.next('connections_required')).toMatchObject({ request_id: 'shared-1', providers: ['google'] });

    await linkAccount(system, alex, 'google');
    await connected(a, 'google');
    const answer = a.frames
      .filter((f) => f.type === 'agent_stream' && f.request_id === 'shared-1')
      .map((f) => (f as { delta: string }).delta)
      .join('');
    expect(a.frames.some((f) => f.type === 'agent_done' && f.request_id === 'shared-1')).toBe(true);
    expect(answer).toMatch(/tomorrow/i);
    expect(answer).not.toMatch(/Dana/);
    // Blake's own request is still his, resumed for him once he links.
    await linkAccount(system, blake, 'google');
    await connected(b, 'google');
    expect(b.frames.some((f) => f.type === 'agent_done' && f.request_id === 'shared-1')).toBe(true);
    await a.close();
    await b.close();
  });

  it('another user sending the same id cannot delete the parked one', async () => {
    const a = await session(alex);
    const b = await session(blake);
    a.send({ type: 'transcript', id: 'shared-2', text: "what's new in #general" });
    expect(await a.next('connections_required')).toMatchObject({ request_id: 'shared-2', providers: ['slack'] });
    // Blake has Google linked, so his request passes the gate (and used to delete "shared-2" for everyone).
    await linkAccount(system, blake, 'google');
    b.send({ type: 'transcript', id: 'shared-2', text: "what's on my calendar today" });
    await b.next('agent_done', (f) => f.request_id === 'shared-2');

    await linkAccount(system, alex, 'slack');
    await connected(a, 'slack');
    expect(a.frames.some((f) => f.type === 'agent_done' && f.request_id === 'shared-2')).toBe(true);
    await a.close();
    await b.close();
  });
});
