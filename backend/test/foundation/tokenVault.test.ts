import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
    await expect(client(undefined, { clientId: undefined }).getAccessToken(req)).rejects.toMatchObject({
      code: 'TOKEN_VAULT_NOT_CONFIGURED',
    });
    await expect(client(undefined, { clientSecret: 'wrong' }).getAccessToken(req)).rejects.toMatchObject({
      code: 'TOKEN_VAULT_NOT_CONFIGURED',
    });
    await expect(client().getAccessToken({ ...req, connection: 'github' })).rejects.toMatchObject({ code: 'TOKEN_VAULT_NOT_CONFIGURED' });
    await expect(client().getAccessToken({ ...req, subjectToken: 'garbage' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(client(undefined, { issuer: 'http://127.0.0.1:1/' }).getAccessToken(req)).rejects.toMatchObject({
      code: 'TOKEN_EXCHANGE_FAILED',
    });
    const err = await client()
      .getAccessToken({ ...req, userId: 'auth0|alex', connection: 'sign-in-with-slack' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenVaultError);
    expect(String((err as Error).message)).not.toContain(session.access_token);
  });

  it('reports INSUFFICIENT_SCOPE when the linked account lacks a scope the tool needs', async () => {
    const session = await system.login('blake');
    await linkAccount(system, session, 'google', { scopes: ['openid', 'profile', GOOGLE_SCOPES.gmailRead] });
    const vault = client();
    const err = await vault
      .getAccessToken({
        userId: 'auth0|blake',
        subjectToken: session.access_token,
        connection: 'google-oauth2',
        scopes: [GOOGLE_SCOPES.gmailSend],
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'INSUFFICIENT_SCOPE', details: { missingScopes: [GOOGLE_SCOPES.gmailSend] } });

    // Through the tools, the missing scope reaches the reconnect prompt (which asks for exactly it).
    const { createProviderTools } = await import('../../src/providers/index.js');
    const tools = createProviderTools({
      tokenSource: vault,
      urls: { googleRootUrl: `${system.sandboxUrl}/`, slackApiUrl: `${system.sandboxUrl}/slack/api/` },
    });
    const sent = await tools.gmail.sendEmail(
      { userId: 'auth0|blake', subjectToken: session.access_token },
      { to: ['dana@northwind.io'], cc: [], subject: 'x', body: 'y' },
    );
    expect(sent.ok ? undefined : sent.error).toMatchObject({ code: 'INSUFFICIENT_SCOPE', missingScopes: [GOOGLE_SCOPES.gmailSend] });
  });

  it('makes one exchange per connection, whatever scope set each call needs (the exchange takes no scope)', async () => {
    const session = await system.login('alex');
    await linkAccount(system, session, 'google');
    const vault = client();
    const base = { userId: 'auth0|alex', subjectToken: session.access_token, connection: 'google-oauth2' };
    const before = system.tenant.stats.tokenVaultExchanges;
    const a = await vault.getAccessToken({ ...base, scopes: [GOOGLE_SCOPES.gmailRead] });
    const b = await vault.getAccessToken({ ...base, scopes: [GOOGLE_SCOPES.calendarRead, GOOGLE_SCOPES.calendarEvents] });
    const c = await vault.getAccessToken({ ...base, scopes: [GOOGLE_SCOPES.gmailSend] });
    expect(new Set([a.accessToken, b.accessToken, c.accessToken]).size).toBe(1);
    expect(system.tenant.stats.tokenVaultExchanges).toBe(before + 1);
  });

  it('a broader granted scope covers the narrower one asked for (mail.google.com ⊇ gmail.send; calendar ⊇ calendar.events)', async () => {
    const session = await system.login('blake');
    await linkAccount(system, session, 'google', {
      scopes: ['openid', 'profile', 'https://mail.google.com/', 'https://www.googleapis.com/auth/calendar'],
    });
    const vault = client();
    const token = await vault.getAccessToken({
      userId: 'auth0|blake',
      subjectToken: session.access_token,
      connection: 'google-oauth2',
      scopes: [GOOGLE_SCOPES.gmailSend, GOOGLE_SCOPES.gmailRead, GOOGLE_SCOPES.calendarEvents, GOOGLE_SCOPES.calendarRead],
    });
    expect(token.scopes).toContain('https://mail.google.com/');
  });
});

/** Auth0's error answers, served over a real socket by a stand-in that answers only them. */
describe('Token Vault error answers', () => {
  let server: Server;
  let url: string;
  let answer: { status: number; headers?: Record<string, string>; body: unknown } = { status: 500, body: {} };
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });
  const req = { userId: 'auth0|alex', subjectToken: 'subject', connection: 'google-oauth2', scopes: read };
  const vault = (issuer: string, now = () => Date.parse('2026-03-10T15:00:00Z')) =>
    new TokenVaultClient({ issuer, clientId: 'id', clientSecret: 'secret', now });

  it('403 invalid_grant means "sign in again", not "Token Vault not configured"', async () => {
    answer = { status: 403, body: { error: 'invalid_grant', error_description: 'Invalid subject token' } };
    await expect(vault(url).getAccessToken(req)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/sign in again/),
    });
  });

  it('429 reads Retry-After (seconds or a date) and the body', async () => {
    answer = {
      status: 429,
      headers: { 'retry-after': '7' },
      body: { error: 'too_many_requests', error_description: 'Global limit has been reached' },
    };
    await expect(vault(url).getAccessToken(req)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/Global limit/),
      details: { retryAfterMs: 7000 },
    });
    answer = { status: 429, headers: { 'retry-after': 'Tue, 10 Mar 2026 15:00:30 GMT' }, body: {} };
    await expect(vault(url).getAccessToken(req)).rejects.toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterMs: 30_000 } });
  });

  it('the issuer works with or without its trailing slash', async () => {
    answer = { status: 200, body: { access_token: 'tok', expires_in: 3600, scope: GOOGLE_SCOPES.gmailRead } };
    await expect(vault(url).getAccessToken(req)).resolves.toMatchObject({ accessToken: 'tok' });
    await expect(vault(`${url}/`).getAccessToken(req)).resolves.toMatchObject({ accessToken: 'tok' });
  });
});
