import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CibaClient } from '../../src/auth/ciba.js';
import { startDevTenant, type DevTenant } from '../../standins/devtenant/index.js';
import { tempDir } from '../helpers/system.js';

let tenant: DevTenant;
let clock = Date.now();
const sleeps: number[] = [];

beforeAll(async () => {
  tenant = await startDevTenant({ dataDir: tempDir(), now: () => clock });
});
afterAll(async () => {
  await tenant.close();
});
afterEach(() => {
  vi.useRealTimers();
  tenant.ciba.events.removeAllListeners();
  sleeps.length = 0;
});

function ciba(overrides: Partial<ConstructorParameters<typeof CibaClient>[0]> = {}) {
  return new CibaClient({
    issuer: tenant.issuer,
    clientId: tenant.cibaClient.clientId,
    clientSecret: tenant.cibaClient.clientSecret,
    now: () => clock,
    // Fake time: "sleeping" advances the shared clock the tenant polices polling with.
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    ...overrides,
  });
}

describe('CIBA step-up against the dev tenant', () => {
  it('is refused for a client without the CIBA grant (the Token Vault Custom API Client), as Auth0 does', async () => {
    const res = await fetch(new URL('bc-authorize', tenant.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: tenant.apiClient.clientId,
        client_secret: tenant.apiClient.clientSecret,
        login_hint: JSON.stringify({ format: 'iss_sub', iss: tenant.issuer, sub: 'auth0|alex' }),
        scope: 'openid',
        binding_message: 'Send email',
      }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toBe('unauthorized_client');
    await expect(
      ciba({ clientId: tenant.apiClient.clientId, clientSecret: tenant.apiClient.clientSecret }).start({
        sub: 'auth0|alex',
        bindingMessage: 'Send email',
      }),
    ).rejects.toThrow(/unauthorized_client/);
  });

  it('starts with a binding message the phone sees and resolves approved after the person approves', async () => {
    const client = ciba();
    tenant.ciba.events.once('request', (p) => {
      expect(p.bindingMessage).toBe('Send email to dana northwind.io: NDA');
      expect(p.sub).toBe('auth0|alex');
      void tenant.ciba.approve(p.authReqId);
    });
    const start = await client.start({ sub: 'auth0|alex', bindingMessage: 'Send email to dana northwind.io: NDA' });
    expect(start.intervalMs).toBe(5000);
    expect(await client.waitForDecision(start)).toBe('approved');
    expect(sleeps).toEqual([5000]);
    // auth_req_id is single use.
    clock += 5000;
    expect((await client.poll(start.authReqId)).status).toBe('expired');
  });

  it('resolves denied when the person denies', async () => {
    const client = ciba();
    const start = await client.start({ sub: 'auth0|alex', bindingMessage: 'Post to #general' });
    expect((await client.poll(start.authReqId)).status).toBe('pending');
    await tenant.ciba.deny(start.authReqId);
    expect(await client.waitForDecision(start)).toBe('denied');
  });

  it('answers slow_down with a longer interval when polled too fast, and the client honours it', async () => {
    const client = ciba();
    const start = await client.start({ sub: 'auth0|alex', bindingMessage: 'Create event with 12 people' });
    expect((await client.poll(start.authReqId)).status).toBe('pending');
    const fast = await client.poll(start.authReqId);
    expect(fast).toEqual({ status: 'slow_down', intervalMs: 10_000 });
    let polls = 0;
    const decided = client.waitForDecision(
      { ...start, intervalMs: 10_000 },
      {
        onPoll: (r) => {
          polls++;
          if (r.status === 'pending') void tenant.ciba.approve(start.authReqId);
        },
      },
    );
    expect(await decided).toBe('approved');
    expect(sleeps.every((ms) => ms >= 10_000)).toBe(true);
    expect(polls).toBe(2);
  });

  it('ends as expired when the request outlives its lifetime (tenant answers access_denied, as Auth0 does)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const client = ciba({ now: () => Date.now(), sleep: async () => {} });
    const start = await client.start({ sub: 'auth0|alex', bindingMessage: 'Send payroll file', requestedExpirySeconds: 60 });
    expect((await client.poll(start.authReqId)).status).toBe('pending');
    vi.setSystemTime(Date.now() + 61_000);
    clock += 61_000;
    expect((await client.poll(start.authReqId)).status).toBe('denied');
    expect(await client.waitForDecision(start)).toBe('expired');
  });

  it('ends as expired locally without polling once the lifetime has passed', async () => {
    const client = ciba();
    const start = await client.start({ sub: 'auth0|alex', bindingMessage: 'Approve' });
    clock = start.expiresAt + 1;
    expect(await client.waitForDecision(start)).toBe('expired');
    expect(sleeps).toEqual([]);
  });

  it('refuses binding messages Auth0 would refuse, before any request', async () => {
    await expect(ciba().start({ sub: 'auth0|alex', bindingMessage: 'Émail ✉️' })).rejects.toMatchObject({ kind: 'invalid_request' });
    await expect(ciba().start({ sub: 'auth0|alex', bindingMessage: 'x'.repeat(65) })).rejects.toMatchObject({ kind: 'invalid_request' });
  });

  it('surfaces tenant refusals as typed errors', async () => {
    await expect(ciba().start({ sub: 'auth0|nobody', bindingMessage: 'Hello' })).rejects.toMatchObject({ name: 'CibaError' });
    await expect(ciba({ clientSecret: 'wrong' }).start({ sub: 'auth0|alex', bindingMessage: 'Hello' })).rejects.toMatchObject({
      kind: 'unauthorized',
    });
  });
});

describe('CIBA polling under an Auth0 rate limit', () => {
  it('a 429 while the person decides backs off by Retry-After (or X-RateLimit-Reset) and keeps polling', async () => {
    const { createServer } = await import('node:http');
    const answers: Array<{ status: number; headers?: Record<string, string>; body: string }> = [
      {
        status: 429,
        headers: { 'retry-after': '12' },
        body: JSON.stringify({ error: 'too_many_requests', error_description: 'Rate limit' }),
      },
      { status: 429, headers: { 'x-ratelimit-reset': String(Math.floor(clock / 1000) + 1000) }, body: '' },
      { status: 200, body: JSON.stringify({ access_token: 'at', token_type: 'Bearer', expires_in: 60 }) },
    ];
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const a = answers.shift() ?? { status: 500, body: '{}' };
        res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
        res.end(a.body);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (server.address() as { port: number }).port;
      const start = clock;
      const client = ciba({ issuer: `http://127.0.0.1:${port}`, clientId: 'c', clientSecret: 's' });
      const outcome = await client.waitForDecision({ authReqId: 'req-1', expiresAt: start + 3_600_000, intervalMs: 5000 });
      expect(outcome).toBe('approved');
      expect(sleeps[0]).toBe(5000);
      expect(sleeps[1]).toBe(12_000);
      // The reset was 1000 s after the first request; 17 s have passed since.
      expect(sleeps[2]).toBeGreaterThanOrEqual(980_000);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
