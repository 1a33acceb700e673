import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadlessSession } from '../../standins/devtenant/signInHeadless.js';
import type { VouchSystem } from '../../standins/system.js';
import { linkAccount, startTestSystem } from '../helpers/system.js';
import { TestClient } from '../helpers/wsClient.js';

/**
 * The person's own email domains count as inside when a send is scored. Adding one lowers the risk
 * of every send to it, so it waits for the phone: an attacker holding Alex's access token (not Alex's
 * phone) cannot make a send to their own domain look like internal mail. Everything here goes over
 * real sockets to the backend, the dev tenant's CIBA and the provider sandbox.
 */
let system: VouchSystem;
let alex: HeadlessSession;
let client: TestClient;
beforeAll(async () => {
  system = await startTestSystem({ cibaIntervalSeconds: 0.05 });
  alex = await system.login('alex');
  await linkAccount(system, alex, 'google');
  client = await TestClient.signedIn(system.wsUrl, alex.access_token);
});
afterAll(async () => {
  await client.close();
  await system.stop();
});

const api = (path: string, init: RequestInit = {}, token = alex.access_token) =>
  fetch(`${system.backendUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
  });
const addDomain = (domain: string) => api('/settings/domains', { method: 'POST', body: JSON.stringify({ domain }) });
const listed = async () => ((await (await api('/settings/domains')).json()) as { domains: Array<{ domain: string }> }).domains;

/** The phone answers the next request for Alex (the person's decision, not the caller's). */
function phoneAnswers(decision: 'approve' | 'deny'): Promise<string> {
  return new Promise((resolve) =>
    system.tenant.ciba.events.once('request', (p: { authReqId: string; bindingMessage?: string }) => {
      void (decision === 'approve' ? system.tenant.ciba.approve(p.authReqId) : system.tenant.ciba.deny(p.authReqId));
      resolve(p.bindingMessage ?? '');
    }),
  );
}

/** Counts phone requests from here on. */
function phoneRequests(): { count: () => number; stop: () => void } {
  let n = 0;
  const on = () => void n++;
  system.tenant.ciba.events.on('request', on);
  return { count: () => n, stop: () => void system.tenant.ciba.events.off('request', on) };
}

let seq = 0;
/** The blast-radius factor of a fresh email draft to `to`, as scored for the popover. */
async function blastRadiusOfEmailTo(to: string) {
  const id = `send-${++seq}`;
  client.send({ type: 'transcript', id, text: `email ${to} that the deck is on its way` });
  const draft = await client.next('draft_ready', (f) => f.request_id === id);
  if (draft.kind !== 'email') throw new Error(`expected an email draft, got ${draft.kind}`);
  expect(draft.fields.to).toEqual([to]);
  return draft.risk!.factors.find((f) => f.name === 'Blast radius')!;
}

describe('my email domains', () => {
  it('starts with only the sign-in domain inside', async () => {
    const res = await api('/settings/domains');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sign_in_domain: 'example.com', domains: [] });
  });

  it('attack: with only the access token, adding a domain fails and a send to it still scores as outside', async () => {
    const asked = phoneAnswers('deny');
    const res = await addDomain('partner.io');
    expect(await asked).toBe('Count partner.io as inside');
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'APPROVAL_DENIED' } });
    expect(await listed()).toEqual([]);
    const blast = await blastRadiusOfEmailTo('dana@partner.io');
    expect(blast.detail).toContain('1 outside example.com (dana@partner.io)');
    expect(blast.points).toBeGreaterThan(0);
  });

  it('refuses public mail providers and wildcards with a reason, without asking the phone', async () => {
    const phone = phoneRequests();
    for (const [domain, reason] of [
      ['gmail.com', /public mail provider/],
      ['*.partner.io', /Wildcards/],
      ['co.uk', /shared by many/],
      ['mail.example.com', /already counts as inside: it is part of your sign-in domain example.com/],
    ] as const) {
      const res = await addDomain(domain);
      expect(res.status, domain).toBe(400);
      expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(reason),
      });
    }
    phone.stop();
    expect(phone.count()).toBe(0);
  });

  it('approved on the phone, the domain is listed and a send to it is no longer outside', async () => {
    const asked = phoneAnswers('approve');
    const res = await addDomain(' Partner.IO ');
    expect(await asked).toBe('Count partner.io as inside');
    expect(res.status).toBe(201);
    expect(((await res.json()) as { domains: Array<{ domain: string }> }).domains.map((d) => d.domain)).toEqual(['partner.io']);
    const blast = await blastRadiusOfEmailTo('dana@partner.io');
    expect(blast.detail).not.toContain('outside');
    expect(blast.points).toBe(0);
    // Adding it again changes nothing and asks nothing.
    const phone = phoneRequests();
    expect((await addDomain('partner.io')).status).toBe(200);
    phone.stop();
    expect(phone.count()).toBe(0);
  });

  it('removing a domain tightens: no phone, and sends to it are outside again', async () => {
    const phone = phoneRequests();
    const res = await api('/settings/domains/partner.io', { method: 'DELETE' });
    phone.stop();
    expect(phone.count()).toBe(0);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sign_in_domain: 'example.com', domains: [] });
    expect((await api('/settings/domains/partner.io', { method: 'DELETE' })).status).toBe(404);
    expect((await blastRadiusOfEmailTo('dana@partner.io')).detail).toContain('outside example.com');
  });

  it('every change and every phone answer is in the signed audit log, naming the domain', async () => {
    const page = (await (await api('/audit?order=asc&limit=500')).json()) as {
      entries: Array<{ kind: string; data: Record<string, unknown>; summary: string }>;
    };
    const about = page.entries.filter(
      (e) =>
        (e.kind === 'settings_change' || (e.kind === 'approval' && e.data.purpose === 'settings_change')) &&
        e.data.setting === 'inside_domains',
    );
    expect(about.map((e) => [e.kind, e.data.change, e.data.outcome ?? null, (e.data.refs as { domain?: string }).domain])).toEqual([
      ['approval', 'add', 'denied', 'partner.io'],
      ['approval', 'add', 'approved', 'partner.io'],
      ['settings_change', 'add', null, 'partner.io'],
      ['settings_change', 'remove', null, 'partner.io'],
    ]);
    expect(about.map((e) => e.summary).slice(-2)).toEqual([
      'partner.io counts as your own domain',
      'partner.io no longer counts as your own domain',
    ]);
    expect(await (await api('/audit/verify')).json()).toMatchObject({ ok: true });
  });

  it('another person’s token sees and changes only their own list', async () => {
    const sam = await system.login('sam');
    const res = await api('/settings/domains', {}, sam.access_token);
    expect(((await res.json()) as { domains: unknown[] }).domains).toEqual([]);
  });
});

describe('default meeting length', () => {
  it('is 30 minutes until set; a bad value is refused', async () => {
    expect(await (await api('/settings/preferences')).json()).toEqual({ default_meeting_minutes: 30 });
    for (const body of [{ default_meeting_minutes: 2 }, { default_meeting_minutes: 30.5 }, { other: 1 }, {}]) {
      const res = await api('/settings/preferences', { method: 'PUT', body: JSON.stringify(body) });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('applies to the next meeting asked for without a length, and a said length still wins', async () => {
    const phone = phoneRequests();
    const res = await api('/settings/preferences', { method: 'PUT', body: JSON.stringify({ default_meeting_minutes: 45 }) });
    phone.stop();
    expect(phone.count()).toBe(0);
    expect(await res.json()).toEqual({ default_meeting_minutes: 45 });

    const minutesOf = async (id: string, text: string) => {
      client.send({ type: 'transcript', id, text });
      const draft = await client.next('draft_ready', (f) => f.request_id === id);
      if (draft.kind !== 'event') throw new Error(`expected an event draft, got ${draft.kind}`);
      return (Date.parse(draft.fields.end) - Date.parse(draft.fields.start)) / 60_000;
    };
    expect(await minutesOf('meet-1', 'set up a meeting with Dana tomorrow at 3')).toBe(45);
    expect(await minutesOf('meet-2', 'set up a 20 minute meeting with Dana tomorrow at 4')).toBe(20);
    const spoken = client.frames
      .filter((f) => f.type === 'agent_stream' && f.request_id === 'meet-1')
      .map((f) => (f as { delta: string }).delta);
    expect(spoken.join('')).toContain('45 minutes');
  });
});
