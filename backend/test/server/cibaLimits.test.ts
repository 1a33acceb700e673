import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PendingCiba } from '../../standins/devtenant/index.js';
import type { HeadlessSession } from '../../standins/devtenant/signInHeadless.js';
import type { VouchSystem } from '../../standins/system.js';
import { startTestSystem } from '../helpers/system.js';

/** Push-bombing the phone through `POST /preauthorizations`, as a client with a valid token would. */
let system: VouchSystem;
let alex: HeadlessSession;
let blake: HeadlessSession;
const phone: PendingCiba[] = [];
beforeAll(async () => {
  system = await startTestSystem({
    cibaIntervalSeconds: 0.05,
    env: { CIBA_COOLDOWN_MS: '600000', CIBA_COOLDOWN_AFTER_UNAPPROVED: '1', CIBA_MAX_IN_FLIGHT: '1' },
  });
  system.tenant.ciba.events.on('request', (p) => phone.push(p));
  alex = await system.login('alex');
  blake = await system.login('blake');
});
afterAll(async () => {
  await system.stop();
});

const grantBody = JSON.stringify({ tool: 'gmail', max_level: 'confirm', duration_ms: 15 * 60_000 });
const askForGrant = (who: HeadlessSession, signal?: AbortSignal) =>
  fetch(`${system.backendUrl}/preauthorizations`, {
    method: 'POST',
    body: grantBody,
    headers: { authorization: `Bearer ${who.access_token}`, 'content-type': 'application/json' },
    signal,
  });
type AuditView = { kind: string; data: { purpose?: string; outcome?: string } };
const api = (who: HeadlessSession, path: string) =>
  fetch(`${system.backendUrl}${path}`, { headers: { authorization: `Bearer ${who.access_token}` } }).then(
    (r) => r.json() as Promise<{ entries: AuditView[]; all: unknown[] }>,
  );

describe('phone approvals cannot be used to bomb the phone', () => {
  it('sends one push for ten concurrent requests, caps requests in flight, and cools down after a denial', async () => {
    const settled: Response[] = [];
    let nineBack!: () => void;
    const nine = new Promise<void>((r) => (nineBack = r));
    // The request let through reaches the phone on its own schedule: the nine refusals can all come back first.
    const alexPushed = new Promise<void>((resolve) => {
      const onRequest = (p: PendingCiba) => {
        if (p.sub !== 'auth0|alex') return;
        system.tenant.ciba.events.off('request', onRequest);
        resolve();
      };
      system.tenant.ciba.events.on('request', onRequest);
    });
    const requests = Array.from({ length: 10 }, () =>
      askForGrant(alex).then((res) => {
        settled.push(res);
        if (settled.length === 9) nineBack();
        return res;
      }),
    );
    await Promise.all([nine, alexPushed]);
    expect(settled.map((r) => r.status)).toEqual(Array(9).fill(429));
    expect(((await settled[0]!.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    const alexOnPhone = phone.filter((p) => p.sub === 'auth0|alex');
    expect(alexOnPhone).toHaveLength(1);

    // One request in flight is this deployment's cap: another person waits their turn.
    expect((await askForGrant(blake)).status).toBe(429);
    expect(phone.filter((p) => p.sub === 'auth0|blake')).toHaveLength(0);

    await system.tenant.ciba.deny(alexOnPhone[0]!.authReqId);
    const answered = (await Promise.all(requests)).find((r) => r.status !== 429)!;
    expect(answered.status).toBe(403);
    // Declined: the phone is left alone for the cooldown.
    const again = await askForGrant(alex);
    expect(again.status).toBe(429);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/wait/);
    expect(phone.filter((p) => p.sub === 'auth0|alex')).toHaveLength(1);
  });

  it('stops waiting when the client goes away, so a later tap on the phone grants nothing', async () => {
    const client = new AbortController();
    const server = system.backend.app.server;
    // Told when the backend sees this request's connection close (registered before the route's own listener).
    const serverSawClose = new Promise<void>((resolve) => {
      const onRequest = (req: IncomingMessage, res: ServerResponse) => {
        if (req.method !== 'POST' || req.url !== '/preauthorizations') return;
        server.off('request', onRequest);
        res.once('close', () => resolve());
      };
      server.on('request', onRequest);
    });
    const onPhone = new Promise<PendingCiba>((resolve) => system.tenant.ciba.events.once('request', resolve));
    const pending = askForGrant(blake, client.signal).catch((err: unknown) => err);
    const push = await onPhone;
    client.abort();
    expect(await pending).toBeInstanceOf(Error);
    await serverSawClose;
    // The person taps "approve" on the push that is still on their phone.
    await system.tenant.ciba.approve(push.authReqId);

    await vi.waitFor(async () => {
      const entries: Array<{ kind: string; data: { purpose?: string } }> = (await api(blake, '/audit?limit=50')).entries;
      expect(entries.some((e) => e.kind === 'approval' && e.data.purpose === 'preauthorization')).toBe(true);
    });
    const audit: Array<{ kind: string; data: { outcome?: string } }> = (await api(blake, '/audit?limit=50')).entries;
    expect(audit.find((e) => e.kind === 'approval')?.data.outcome).toBe('cancelled');
    expect(audit.some((e) => e.kind === 'preauthorization')).toBe(false);
    expect((await api(blake, '/preauthorizations')).all).toEqual([]);
  });
});
