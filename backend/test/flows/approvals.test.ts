import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { HeadlessSession } from '../../standins/devtenant/signInHeadless.js';
import type { VouchSystem } from '../../standins/system.js';
import { linkAccount, startTestSystem } from '../helpers/system.js';
import { TestClient } from '../helpers/wsClient.js';
import { channelTexts } from './helpers.js';

let system: VouchSystem;
let alex: HeadlessSession;

beforeAll(async () => {
  system = await startTestSystem({ cibaIntervalSeconds: 0.05 });
  alex = await system.login('alex');
  await linkAccount(system, alex, 'google');
  await linkAccount(system, alex, 'slack');
});
afterAll(async () => {
  await system.stop();
});

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${system.backendUrl}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${alex.access_token}`,
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(init.headers ?? {}),
    },
  });

/** The response fields these tests read, checked so a changed shape fails here rather than as `undefined`. */
const RulesBody = z.object({ rules: z.array(z.unknown()) });
const GrantBody = z.object({ preauthorization: z.object({ id: z.string() }) });
const GrantsBody = z.object({ active: z.array(z.object({ id: z.string() })) });
const AuditBody = z.object({
  entries: z.array(z.object({ seq: z.number(), kind: z.string(), summary: z.string() })),
  next_cursor: z.string().optional(),
});
const MemoryBody = z.object({ items: z.array(z.object({ id: z.string(), text: z.string() })) });

const getJson = async <T>(path: string, schema: z.ZodType<T>): Promise<T> => schema.parse(await (await api(path)).json());

const session = () => TestClient.signedIn(system.wsUrl, alex.access_token);

async function slackHistory(): Promise<string[]> {
  return channelTexts(system, { userId: 'auth0|alex', subjectToken: alex.access_token }, 'general');
}

describe('step-up, rules and the audit chain', () => {
  it('lets a person add rules over HTTP, validated', async () => {
    const bad = await api('/rules', {
      method: 'PUT',
      body: JSON.stringify({ rules: [{ id: 'x', effect: 'deny', when: {}, description: 'empty' }] }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    const ok = await api('/rules', {
      method: 'PUT',
      body: JSON.stringify({
        rules: [
          {
            id: 'general-needs-phone',
            effect: 'require_step_up',
            when: { tool: 'slack', channel: '#general' },
            description: 'Posting to #general needs my phone',
          },
          { id: 'no-payroll', effect: 'deny', when: { keyword_any: ['payroll'] }, description: 'Never send anything about payroll' },
        ],
      }),
    });
    expect(ok.status).toBe(200);
    expect((await getJson('/rules', RulesBody)).rules).toHaveLength(2);
  });

  it('never runs a step-up write without approval: denied on the phone means nothing is posted', async () => {
    const c = await session();
    system.tenant.ciba.events.once('request', (p) => void system.tenant.ciba.deny(p.authReqId));
    c.send({ type: 'transcript', id: 'gen-1', text: 'post to #general that lunch is here' });
    const draft = await c.next('draft_ready');
    expect(draft.risk?.level).toBe('step_up');
    // Said before the person presses Post: the phone comes next.
    const said = c.frames
      .filter((f) => f.type === 'agent_stream' && f.request_id === 'gen-1')
      .map((f) => (f as { delta: string }).delta)
      .join('');
    expect(said).toMatch(/When you confirm, your phone will be asked to approve it\.$/);
    // The channel's real size (from Slack) is part of the blast radius.
    expect(draft.risk?.factors.find((f) => f.name === 'Blast radius')?.detail).toMatch(/has 4 members/);
    c.send({ type: 'action_confirmed', draft_id: draft.draft_id });
    const required = await c.next('approval_required');
    expect(required.binding_message).toMatch(/general/i);
    expect(await c.next('approval_update', (f) => f.id === required.id && f.status !== 'pending')).toMatchObject({ status: 'denied' });
    expect(await c.next('action_result', (f) => f.status === 'denied')).toMatchObject({ code: 'APPROVAL_DENIED' });
    expect(await slackHistory()).not.toContain('Lunch is here.');
    await c.close();
  });

  it('cancelling while the phone is asked stops the write too', async () => {
    const c = await session();
    c.send({ type: 'transcript', id: 'gen-2', text: 'post to #general that the build is green' });
    const draft = await c.next('draft_ready');
    c.send({ type: 'action_confirmed', draft_id: draft.draft_id });
    const required = await c.next('approval_required');
    c.send({ type: 'approval_decision', id: required.id, approve: false });
    expect(await c.next('approval_update', (f) => f.id === required.id)).toMatchObject({ status: 'cancelled' });
    expect(await c.next('action_result', (f) => f.draft_id === draft.draft_id && f.status !== 'awaiting_approval')).toMatchObject({
      status: 'cancelled',
    });
    expect(system.tenant.ciba.pending().length).toBeGreaterThanOrEqual(0);
    expect(await slackHistory()).not.toContain('The build is green.');
    await c.close();
  });

  it('posts once the phone approves', async () => {
    const c = await session();
    system.tenant.ciba.events.once('request', (p) => void system.tenant.ciba.approve(p.authReqId));
    c.send({ type: 'transcript', id: 'gen-3', text: 'post to #general that the demo is at noon' });
    const draft = await c.next('draft_ready');
    c.send({ type: 'action_confirmed', draft_id: draft.draft_id });
    expect(await c.next('action_result', (f) => f.draft_id === draft.draft_id && f.status !== 'awaiting_approval')).toMatchObject({
      status: 'posted',
    });
    expect(await slackHistory()).toContain('The demo is at noon.');
    await c.close();
  });

  it("a pre-authorization granted on the phone waives the confirm for a while, never the person's own rule, and revoking it restores it", async () => {
    system.tenant.ciba.events.once('request', (p) => {
      expect(p.bindingMessage).toBe('Allow Slack actions for 30 min');
      void system.tenant.ciba.approve(p.authReqId);
    });
    const granted = await api('/preauthorizations', {
      method: 'POST',
      body: JSON.stringify({ tool: 'slack', max_level: 'step_up', max_score: 54, duration_ms: 30 * 60_000 }),
    });
    expect(granted.status).toBe(201);
    const grant = GrantBody.parse(await granted.json()).preauthorization;
    expect((await getJson('/preauthorizations', GrantsBody)).active.map((g) => g.id)).toContain(grant.id);

    const c = await session();
    const phoneAsked: string[] = [];
    const listener = (p: { bindingMessage: string }) => phoneAsked.push(p.bindingMessage);
    system.tenant.ciba.events.on('request', listener);
    c.send({ type: 'transcript', id: 'deals-4', text: 'post to #deals that coffee is ready' });
    const draft = await c.next('draft_ready');
    expect(draft.risk).toMatchObject({ level: 'auto', reason: { by: 'preauthorization' } });
    // Until when, for the app to show in the person's zone; never the grant's id.
    expect(Date.parse(draft.risk?.reason?.until ?? '')).toBeGreaterThan(Date.now());
    expect(JSON.stringify(draft.risk)).not.toContain(grant.id);
    c.send({ type: 'action_confirmed', draft_id: draft.draft_id });
    expect(await c.next('action_result')).toMatchObject({ status: 'posted' });
    expect(phoneAsked).toEqual([]);

    // The grant covers this score (35) and level, but "Posting to #general needs my phone" is the
    // person's explicit rule: it wins over the blanket grant.
    c.send({ type: 'transcript', id: 'gen-4', text: 'post to #general that coffee is ready' });
    const general = await c.next('draft_ready');
    expect(general.risk).toMatchObject({ level: 'step_up' });
    expect(general.risk?.reason).toEqual({ by: 'rule', text: 'Posting to #general needs my phone' });
    c.send({ type: 'action_cancelled', draft_id: general.draft_id });
    await c.next('action_result', (f) => f.draft_id === general.draft_id);

    expect((await api(`/preauthorizations/${grant.id}`, { method: 'DELETE' })).status).toBe(204);
    c.send({ type: 'transcript', id: 'deals-5', text: 'post to #deals that coffee is gone' });
    expect((await c.next('draft_ready')).risk?.level).toBe('confirm');
    system.tenant.ciba.events.off('request', listener);
    await c.close();
  });

  it('refuses a pre-authorization the phone declines', async () => {
    system.tenant.ciba.events.once('request', (p) => void system.tenant.ciba.deny(p.authReqId));
    const res = await api('/preauthorizations', {
      method: 'POST',
      body: JSON.stringify({ tool: 'gmail', max_level: 'step_up', max_score: 54, duration_ms: 15 * 60_000 }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'APPROVAL_DENIED' } });
  });

  it('deny rules win over everything', async () => {
    const c = await session();
    c.send({ type: 'transcript', id: 'pay-1', text: 'post to #deals that payroll is late' });
    const draft = await c.next('draft_ready');
    expect(draft.risk?.level).toBe('deny');
    expect(draft.risk?.reason).toEqual({ by: 'rule', text: 'Never send anything about payroll' });
    // The reply says it is blocked and by which rule, never "post it when you're ready".
    const said = c.frames
      .filter((f) => f.type === 'agent_stream' && f.request_id === 'pay-1')
      .map((f) => (f as { delta: string }).delta)
      .join('');
    expect(said).toBe(
      'I drafted it, but your rule “Never send anything about payroll” doesn’t allow it, so I won’t do it. To allow it, change that rule under Rules.',
    );
    c.send({ type: 'action_confirmed', draft_id: draft.draft_id });
    expect(await c.next('action_result')).toMatchObject({ status: 'denied', code: 'POLICY_DENIED' });
    await c.close();
  });

  it('keeps a verifiable audit chain of all of it, without tokens, pageable and exportable', async () => {
    const page = await getJson('/audit?limit=200', AuditBody);
    const kinds = new Set(page.entries.map((e) => e.kind));
    for (const k of ['intent', 'token_exchange', 'policy_decision', 'approval', 'write', 'rule_change']) expect(kinds).toContain(k);
    expect(page.entries.every((e) => e.summary.length > 3)).toBe(true);
    expect(await (await api('/audit/verify')).json()).toMatchObject({ ok: true });
    const exported = await (await api('/audit/export')).text();
    const lines = exported.trim().split('\n');
    expect(lines.length).toBe(page.entries.length);
    expect(exported).not.toContain(alex.access_token);
    expect(exported).not.toContain(system.tenant.apiClient.clientSecret);
    const first = await getJson('/audit?limit=2&order=asc', AuditBody);
    expect(first.entries.map((e) => e.seq)).toEqual([1, 2]);
    const next = await getJson(`/audit?limit=2&order=asc&cursor=${first.next_cursor}`, AuditBody);
    expect(next.entries[0]?.seq).toBe(3);
  });

  it('lists linked providers with plain-language scopes and revokes one', async () => {
    const c = await session();
    c.send({ type: 'list_scopes' });
    const scopes = await c.next('scopes');
    const slack = scopes.providers.find((p) => p.provider === 'slack');
    expect(slack?.scopes.map((s) => s.description)).toContain('Post messages as you, only after you confirm');
    c.send({ type: 'revoke_provider', provider: 'slack' });
    const updated = await c.next('providers_updated');
    expect(updated.providers.map((p) => p.provider)).not.toContain('slack');
    const { entries } = await getJson('/audit?limit=5', AuditBody);
    expect(entries.some((e) => e.kind === 'revoke')).toBe(true);
    await c.close();
  });

  it('remembers answered questions and lets the person list and delete them', async () => {
    const c = await session();
    c.send({ type: 'transcript', id: 'mem-1', text: 'summarize my last emails from Dana' });
    await c.next('agent_done', (f) => f.request_id === 'mem-1');
    await c.close();
    const { items } = await getJson('/memory', MemoryBody);
    expect(items.some((m) => m.text.includes('Dana'))).toBe(true);
    expect((await api(`/memory/${items[0]!.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api('/memory', { method: 'DELETE' })).status).toBe(204);
    expect((await getJson('/memory', MemoryBody)).items).toEqual([]);
  });
});
