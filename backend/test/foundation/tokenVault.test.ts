import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOGLE_SCOPES } from '../../src/protocol/index.js';
import { TokenVaultClient, TokenVaultError } from '../../src/auth/tokenVault.js';
import type { VouchSystem } from '../../standins/system.js';
import { linkAccount, startTestSystem } from '../helpers/system.js';

let system: VouchSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => {
  await system.stop();
});

function client(now?: () => number, overrides: Partial<ConstructorParameters<typeof TokenVaultClient>[0]> = {}) {
  return new TokenVaultClient({
    issuer: system.tenant.issuer,
    clientId: system.tenant.apiClient.clientId,
    clientSecret: system.tenant.apiClient.clientSecret,
    now,
    ...overrides,
  });
}

const read = [GOOGLE_SCOPES.gmailRead];

describe('Token Vault access-token exchange against the dev tenant', () => {
  it('fails with FEDERATED_TOKEN_NOT_IN_VAULT before linking, succeeds after, and caches within the TTL', async () => {
    const session = await system.login('alex');
    const vault = client();
    const req = { userId: 'auth0|alex', subjectToken: session.access_token, connection: 'google-oauth2', scopes: read };
    await expect(vault.getAccessToken(req)).rejects.toMatchObject({ code: 'FEDERATED_TOKEN_NOT_IN_VAULT' });

    await linkAccount(system, session, 'google');
    const before = system.tenant.stats.tokenVaultExchanges;
    const first = await vault.getAccessToken(req);
    expect(first.accessToken).toMatch(/\S{20,}/);
    expect(first.scopes).toContain(GOOGLE_SCOPES.gmailRead);
    expect(system.tenant.stats.tokenVaultExchanges).toBe(before + 1);

    const second = await vault.getAccessToken(req);
    expect(second.accessToken).toBe(first.accessToken);
    expect(system.tenant.stats.tokenVaultExchanges).toBe(before + 1); // no network request
  });

  it('coalesces 50 concurrent exchanges for one key into one request', async () => {
    const session = await system.login('alex');
    await linkAccount(system, session, 'google');
    const vault = client();
    const before = system.tenant.stats.tokenVaultExchanges;
    const req = { userId: 'auth0|alex', subjectToken: session.access_token, connection: 'google-oauth2', scopes: read };
    const results = await Promise.all(Array.from({ length: 50 }, () => vault.getAccessToken(req)));
    expect(new Set(results.map((r) => r.accessToken)).size).toBe(1);
    expect(system.tenant.stats.tokenVaultExchanges).toBe(before + 1);
  });

  it('exchanges again once the cached token is close to expiry, and after invalidate()', async () => {
    const session = await system.login('alex');
    await linkAccount(system, session, 'google');
    let t = Date.now();
    const vault = client(() => t);
    const req = { userId: 'auth0|alex', subjectToken: session.access_token, connection: 'google-oauth2', scopes: read };
    const before = system.tenant.stats.tokenVaultExchanges;
    const first = await vault.getAccessToken(req);
    t = first.expiresAt - 30_000; // inside the refresh margin
    await vault.getAccessToken(req);
    expect(system.tenant.stats.tokenVaultExchanges).toBe(before + 2);
    vault.invalidate({ userId: 'auth0|alex', connection: 'google-oauth2' });
    await vault.getAccessToken(req);
    expect(system.tenant.stats.tokenVaultExchanges).toBe(before + 3);
    vault.clearUser('auth0|alex');
    expect(vault.cachedEntries).toBe(0);
  });

  it('maps configuration and credential problems to actionable codes', async () => {
    const session = await system.login('alex');
    const req = { userId: 'auth0|alex', subjectToken: session.access_token, connection: 'google-oauth2', scopes: read };
    await expect(client(undefined, { clientId: undefined }).getAccessToken(req)).rejects.toMatchObject({ code: 'TOKEN_VAULT_NOT_CONFIGURED' });
    await expect(client(undefined, { clientSecret: 'wrong' }).getAccessToken(req)).rejects.toMatchObject({ code: 'TOKEN_VAULT_NOT_CONFIGURED' });
    await expect(client().getAccessToken({ ...req, connection: 'github' })).rejects.toMatchObject({ code: 'TOKEN_VAULT_NOT_CONFIGURED' });
    await expect(client().getAccessToken({ ...req, subjectToken: 'garbage' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(client(undefined, { issuer: 'http://127.0.0.1:1/' }).getAccessToken(req)).rejects.toMatchObject({ code: 'TOKEN_EXCHANGE_FAILED' });
    const err = await client().getAccessToken({ ...req, userId: 'auth0|alex', connection: 'sign-in-with-slack' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenVaultError);
    expect(String((err as Error).message)).not.toContain(session.access_token);
  });

  it('reports INSUFFICIENT_SCOPE when the linked account lacks a scope the tool needs', async () => {
    const session = await system.login('blake');
    await linkAccount(system, session, 'google', { scopes: ['openid', 'profile', GOOGLE_SCOPES.gmailRead] });
    const vault = client();
    const err = await vault
      .getAccessToken({ userId: 'auth0|blake', subjectToken: session.access_token, connection: 'google-oauth2', scopes: [GOOGLE_SCOPES.gmailSend] })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'INSUFFICIENT_SCOPE', details: { missingScopes: [GOOGLE_SCOPES.gmailSend] } });
  });
});
