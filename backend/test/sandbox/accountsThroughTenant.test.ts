import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VouchSystem } from '../../standins/system.js';
import { linkAccount, startTestSystem } from '../helpers/system.js';
import { observer } from '../flows/helpers.js';

/** Blake connects Google with login_hint: Auth0 (the dev tenant) hands it to the provider, whose consent is Blake's. */
describe('connected accounts per demo user', () => {
  let system: VouchSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(async () => {
    await system.stop();
  });

  it('Blake’s connect reaches Blake’s own mailbox; Alex keeps his', async () => {
    const blake = await system.login('blake');
    await linkAccount(system, blake, 'google', { loginHint: 'blake@example.com' });
    const alex = await system.login('alex');
    await linkAccount(system, alex, 'google', { loginHint: 'alex@example.com' });
    const tools = observer(system);
    const blakes = await tools.gmail.searchThreads({ userId: 'auth0|blake', subjectToken: blake.access_token }, { query: 'welcome' });
    if (!blakes.ok) throw new Error(blakes.error.message);
    expect(blakes.value.threads.map((t) => t.subject)).toContain('Welcome to the deal desk');
    const alexs = await tools.gmail.searchThreads({ userId: 'auth0|alex', subjectToken: alex.access_token }, { query: 'welcome' });
    expect(alexs.ok && alexs.value.threads.map((t) => t.subject)).not.toContain('Welcome to the deal desk');
  });
});
