import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadlessSession } from '../../standins/devtenant/signInHeadless.js';
import type { VouchSystem } from '../../standins/system.js';
import type { AuditStore } from '../../src/audit/index.js';
import { observer } from '../flows/helpers.js';
import { linkAccount, startTestSystem } from '../helpers/system.js';
import { TestClient } from '../helpers/wsClient.js';

/**
 * Item 4 of the security issue, performed the way an attacker would: over the real WebSocket and
 * HTTP API, with values that are valid but look like a JWT to the audit log's secret heuristics, and
 * with an audit store that cannot append. Nothing may happen that the log does not record.
 */

/** A valid address (RFC 5321 local part of dot-separated atoms) that matches the JWT pattern. */
const JWT_LOOKING_ADDRESS = 'eyJhbGciOi.eyJzdWIiOi.x@evil.test';
const JWT_LOOKING_RULE_ID = 'eyJhbGciOi.eyJzdWIiOi.x';

let system: VouchSystem;
let alex: HeadlessSession;

beforeAll(async () => {
  system = await startTestSystem({ cibaIntervalSeconds: 0.05 });
  alex = await system.login('alex');
  await linkAccount(system, alex, 'google');
  // Whatever the policy decides, the phone approves: the attack is about the log, not the approval.
  system.tenant.ciba.events.on('request', (p) => void system.tenant.ciba.approve(p.authReqId));
});
afterAll(async () => {
  system.tenant.ciba.events.removeAllListeners('request');
  await system.stop();
});

type Entry = {
  seq: number;
  kind: string;
  summary: string;
  data: Record<string, unknown> & { refs?: { recipients?: string[]; draft_id?: string; rule_id?: string } };
};

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${system.backendUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${alex.access_token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
  });
const entries = async (): Promise<Entry[]> => ((await (await api('/audit?limit=500')).json()) as { entries: Entry[] }).entries;

const session = () => TestClient.signedIn(system.wsUrl, alex.access_token);

/** A fresh reply draft to Dana; returns it with the thread's message count before anything is sent. */
async function draftReply(c: TestClient, id: string) {
  c.send({ type: 'transcript', id, text: 'reply to Dana that Thursday works' });
  const draft = await c.next('draft_ready', (f) => f.request_id === id);
  if (draft.kind !== 'email') throw new Error('expected an email draft');
  const thread = await observer(system).gmail.readThread(
    { userId: 'auth0|alex', subjectToken: alex.access_token },
    { threadId: draft.fields.thread_id! },
  );
  if (!thread.ok) throw new Error(thread.error.message);
  return { draft, before: thread.value.messages };
}

async function threadMessages(threadId: string) {
  const r = await observer(system).gmail.readThread({ userId: 'auth0|alex', subjectToken: alex.access_token }, { threadId });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.messages;
}

/** Makes the backend's own audit store refuse every append until the returned function is called. */
function breakAuditStore(): () => void {
  const store = system.backend.services.audit as AuditStore;
  const append = store.append.bind(store);
  store.append = async () => {
    throw new Error('disk full');
  };
  return () => {
    store.append = append;
  };
}

describe('the audit log records every action, or the action does not happen', () => {
  it('an email to an address that looks like a JWT is logged with that recipient, verbatim', async () => {
    const c = await session();
    const { draft, before } = await draftReply(c, 'jwt-mail-1');
    c.send({ type: 'action_confirmed', draft_id: draft.draft_id, edits: { to: [JWT_LOOKING_ADDRESS] } });
    const result = await c.next('action_result', (f) => f.draft_id === draft.draft_id && f.status !== 'awaiting_approval');
    await c.close();

    const log = await entries();
    const about = log.filter((e) => e.data.refs?.draft_id === draft.draft_id);
    const sent = (await threadMessages(draft.fields.thread_id!)).slice(before.length);
    expect(result).toMatchObject({ status: 'sent' });
    expect(sent.map((m) => m.to)).toEqual([expect.stringContaining(JWT_LOOKING_ADDRESS)]);
    // The decision and the write both say to whom, before and after the provider was called.
    for (const kind of ['policy_decision', 'write']) {
      expect(about.some((e) => e.kind === kind)).toBe(true);
      expect(about.filter((e) => e.kind === kind).every((e) => e.data.refs?.recipients?.includes(JWT_LOOKING_ADDRESS))).toBe(true);
    }
    const requested = about.find((e) => e.kind === 'write' && e.data.status === 'requested')!;
    const done = about.find((e) => e.kind === 'write' && e.data.status === 'sent')!;
    expect(requested.seq).toBeLessThan(done.seq);
    // The activity view says to whom.
    expect(done.summary).toContain(JWT_LOOKING_ADDRESS);
    expect(await (await api('/audit/verify')).json()).toMatchObject({ ok: true });
  });

  it('when the log cannot append, the email is not sent, the person gets a typed error, and the draft can be confirmed again', async () => {
    const c = await session();
    const { draft, before } = await draftReply(c, 'broken-log-1');
    const repair = breakAuditStore();
    try {
      c.send({ type: 'action_confirmed', draft_id: draft.draft_id, edits: { body: 'Hi Dana,\n\nThursday works.\n\nAlex' } });
      // Whichever comes first: the typed error, or (the bug) the action's result.
      const answer = await Promise.race([
        c.next('error'),
        c.next('action_result', (f) => f.draft_id === draft.draft_id && f.status !== 'awaiting_approval'),
      ]);
      expect(answer).toMatchObject({ type: 'error', code: 'AUDIT_UNAVAILABLE' });
    } finally {
      repair();
    }
    expect(await threadMessages(draft.fields.thread_id!)).toHaveLength(before.length);

    c.send({ type: 'action_confirmed', draft_id: draft.draft_id, edits: { body: 'Hi Dana,\n\nThursday works.\n\nAlex' } });
    expect(await c.next('action_result', (f) => f.draft_id === draft.draft_id && f.status !== 'awaiting_approval')).toMatchObject({
      status: 'sent',
    });
    expect(await threadMessages(draft.fields.thread_id!)).toHaveLength(before.length + 1);
    await c.close();
  });

  it('a rule whose id looks like a JWT is added with an audit entry naming it', async () => {
    const rule = { id: JWT_LOOKING_RULE_ID, effect: 'require_confirm', when: { tool: 'slack' }, description: 'Slack posts need a click' };
    const res = await api('/rules', { method: 'POST', body: JSON.stringify(rule) });
    expect(res.status).toBe(201);
    const added = (await entries()).find((e) => e.kind === 'rule_change' && e.data.refs?.rule_id === JWT_LOOKING_RULE_ID);
    expect(added).toMatchObject({ data: { change: 'put' } });

    expect((await api(`/rules/${JWT_LOOKING_RULE_ID}`, { method: 'DELETE' })).status).toBe(204);
    const removed = (await entries()).find(
      (e) => e.kind === 'rule_change' && e.data.change === 'delete' && e.data.refs?.rule_id === JWT_LOOKING_RULE_ID,
    );
    expect(removed).toBeDefined();
    expect(await (await api('/audit/verify')).json()).toMatchObject({ ok: true });
  });

  it('when the log cannot append, a rule change is refused with 503 and not made', async () => {
    const kept = { id: 'kept-rule', effect: 'require_confirm', when: { tool: 'gmail' }, description: 'Email needs a click' };
    expect((await api('/rules', { method: 'POST', body: JSON.stringify(kept) })).status).toBe(201);
    const before = ((await (await api('/rules')).json()) as { rules: unknown[] }).rules;
    const count = (await entries()).length;
    const repair = breakAuditStore();
    let put: Response, post: Response;
    try {
      put = await api('/rules', { method: 'PUT', body: JSON.stringify({ rules: [] }) });
      post = await api('/rules', {
        method: 'POST',
        body: JSON.stringify({ id: 'silent-rule', effect: 'allow', when: { tool: 'slack' }, description: 'Slack is fine' }),
      });
    } finally {
      repair();
    }
    for (const res of [put, post]) {
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: { code: 'AUDIT_UNAVAILABLE' } });
    }
    expect(((await (await api('/rules')).json()) as { rules: unknown[] }).rules).toEqual(before);
    expect(await entries()).toHaveLength(count);
  });

  it('pre-authorizations: a grant is logged before it exists, and neither a grant nor a revoke happens without the log', async () => {
    const grantBody = JSON.stringify({ tool: 'slack', max_level: 'confirm', duration_ms: 15 * 60_000 });
    const active = async (): Promise<Array<{ id: string }>> =>
      ((await (await api('/preauthorizations')).json()) as { active: Array<{ id: string }> }).active;
    const before = (await active()).length;

    let repair = breakAuditStore();
    let refused: Response;
    try {
      refused = await api('/preauthorizations', { method: 'POST', body: grantBody });
    } finally {
      repair();
    }
    expect(refused.status).toBe(503);
    expect(await active()).toHaveLength(before);

    const granted = await api('/preauthorizations', { method: 'POST', body: grantBody });
    expect(granted.status).toBe(201);
    const { preauthorization } = (await granted.json()) as { preauthorization: { id: string } };
    const log = await entries();
    const approvalAt = log.find(
      (e) => e.kind === 'approval' && e.data.purpose === 'preauthorization' && e.data.outcome === 'approved',
    )!.seq;
    const grantAt = log.find(
      (e) =>
        e.kind === 'preauthorization' &&
        (e.data.refs as { preauthorization_id?: string } | undefined)?.preauthorization_id === preauthorization.id,
    )!.seq;
    expect(approvalAt).toBeLessThan(grantAt);

    repair = breakAuditStore();
    let revoke: Response;
    try {
      revoke = await api(`/preauthorizations/${preauthorization.id}`, { method: 'DELETE' });
    } finally {
      repair();
    }
    expect(revoke.status).toBe(503);
    expect((await active()).map((g) => g.id)).toContain(preauthorization.id);
    expect((await api(`/preauthorizations/${preauthorization.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await (await api('/audit/verify')).json()).toMatchObject({ ok: true });
  });
});
