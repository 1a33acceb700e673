import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VouchSystem } from '../../standins/system.js';
import { TokenVaultClient } from '../../src/auth/tokenVault.js';
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

  it('one user may connect two accounts of one connection; login_hint picks which one Token Vault answers for', async () => {
    const session = await system.login('alex');
    const work = await linkAccount(system, session, 'google', { loginHint: 'alex@example.com' });
    const other = await linkAccount(system, session, 'google', { loginHint: 'blake@example.com' });
    expect(other.id).not.toBe(work.id);
    const vault = new TokenVaultClient({
      issuer: system.tenant.issuer,
      clientId: system.tenant.apiClient.clientId,
      clientSecret: system.tenant.apiClient.clientSecret,
    });
    const base = { userId: 'auth0|alex', connection: 'google-oauth2', subjectToken: session.access_token, scopes: [] };
    const a = await vault.getAccessToken({ ...base, account: 'alex@example.com' });
    const b = await vault.getAccessToken({ ...base, account: 'blake@example.com' });
    expect(a.accessToken).not.toBe(b.accessToken);
    const who = async (token: string) =>
      (
        (await (await fetch(`${system.sandboxUrl}/oauth/google/userinfo`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
          email: string;
        }
      ).email;
    expect(await who(a.accessToken)).toBe('alex@example.com');
    expect(await who(b.accessToken)).toBe('blake@example.com');
    await expect(vault.getAccessToken({ ...base, account: 'nobody@example.com' })).rejects.toMatchObject({
      code: 'FEDERATED_TOKEN_NOT_IN_VAULT',
    });
  });
});
