import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PendingCiba } from '../../standins/devtenant/index.js';
import type { HeadlessSession } from '../../standins/devtenant/signInHeadless.js';
import type { VouchSystem } from '../../standins/system.js';
import { decodeAuditKey } from '../../src/audit/key.js';
import { PostgresAuditStore } from '../../src/store/postgres/index.js';
import { observer } from '../flows/helpers.js';
import { startBackendProcess, type BackendProcess } from '../helpers/backendProcess.js';
import { missing, PostgresTestDatabase, TEST_DATABASE_URL, TEST_REDIS_URL } from '../helpers/sharedServices.js';
import { linkAccount, startTestSystem } from '../helpers/system.js';
import { TestClient } from '../helpers/wsClient.js';

/**
 * Two backend processes on one box sharing PostgreSQL and Redis, behind no balancer: the client
 * picks the instance. The stand-in tenant and sandbox run in the test process.
 */
const skip = missing('TEST_DATABASE_URL') || missing('TEST_REDIS_URL');
const db = new PostgresTestDatabase(TEST_DATABASE_URL ?? 'postgres://unset');
const AUDIT_KEY = `base64:${randomBytes(32).toString('base64')}`;
const SUB = 'auth0|alex';
// Both instances share the token cache, so both need its key.
const TOKEN_CACHE_KEY = `base64:${randomBytes(32).toString('base64')}`;

let system: VouchSystem;
let alex: HeadlessSession;
let schema: string;
const instances: BackendProcess[] = [];

async function instance(id: string, leaseMs = 1500): Promise<BackendProcess> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(system.env)) if (v !== undefined) env[k] = String(v);
  const p = await startBackendProcess({
    ...env,
    PORT: '0',
    LOG_LEVEL: 'info',
    INSTANCE_ID: id,
    DATA_DIR: `${system.env.DATA_DIR}-${id}`,
    AUDIT_HMAC_KEY: AUDIT_KEY,
    DATABASE_URL: `${TEST_DATABASE_URL}${TEST_DATABASE_URL!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    REDIS_URL: TEST_REDIS_URL!,
    TOKEN_CACHE_KEY,
    // Short, so a dead instance's phone request is taken over within the test.
    STEP_UP_LEASE_MS: String(leaseMs),
  });
  instances.push(p);
  return p;
}

async function session(url: string): Promise<TestClient> {
  const c = await TestClient.connect(url);
  expect(await c.auth(alex.access_token)).toMatchObject({ type: 'session_ready' });
  return c;
}

beforeAll(async () => {
  if (skip) return;
  system = await startTestSystem({ cibaIntervalSeconds: 0.05 });
  alex = await system.login('alex');
  schema = await db.schema();
}, 60_000);
afterAll(async () => {
  await Promise.all(instances.map((p) => p.kill('SIGKILL')));
  await system?.stop();
  await db.close();
});

describe.skipIf(skip)('two backend instances sharing PostgreSQL and Redis', () => {
  it(
    'a link through B resumes the request parked on A; a step-up confirmed on A is finished by B after A dies, sent once',
    { timeout: 120_000 },
    async () => {
      const [a, b] = await Promise.all([instance('A'), instance('B')]);
      expect((await fetch(`${a.url}/ready`)).status).toBe(200);
      expect(await (await fetch(`${b.url}/ready`)).json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok' } });

      // The app is on A; the request needs Google, which is not linked yet: it is parked on A.
      const onA = await session(a.wsUrl);
      onA.send({ type: 'transcript', id: 'scale-1', text: 'reply to Dana that Wednesday works' });
      expect(await onA.next('connections_required')).toMatchObject({ request_id: 'scale-1', providers: ['google'] });

      // The account is linked, and the news arrives on B (another socket of the same user).
      await linkAccount(system, alex, 'google');
      const onB = await session(b.wsUrl);
      onB.send({ type: 'account_connected', provider: 'google' });
      // A resumes its parked request on its own socket, and B's linked-accounts update reaches A too.
      const draft = await onA.next('draft_ready', (f) => f.request_id === 'scale-1', 0);
      await onA.next('providers_updated', (f) => f.providers.some((p) => p.provider === 'google'), 0);
      expect(onB.frames.some((f) => f.type === 'draft_ready')).toBe(false);
      // The same transcript resent to B (as after a reconnect) is not answered twice: the ledger is shared.
      onB.send({ type: 'transcript', id: 'scale-1', text: 'reply to Dana that Wednesday works' });
      onB.send({ type: 'list_scopes' });
      await onB.next('scopes');
      expect(onB.frames.some((f) => 'request_id' in f && f.request_id === 'scale-1')).toBe(false);
      await onB.close();
      if (draft.kind !== 'email') throw new Error('expected an email draft');

      const ctx = { userId: SUB, subjectToken: alex.access_token };
      const before = await observer(system).gmail.readThread(ctx, { threadId: draft.fields.thread_id! });
      if (!before.ok) throw new Error(before.error.message);

      // Confirmed on A: a step-up; A asks the phone and holds the request's lease.
      const asked = new Promise<PendingCiba>((r) => system.tenant.ciba.events.once('request', r));
      onA.send({ type: 'action_confirmed', draft_id: draft.draft_id, edits: { body: 'Hi Dana,\n\nWednesday works.\n\nAlex' } });
      const required = await onA.next('approval_required');
      const request = await asked;

      // A appends its audit entries beside the conversation; let its 'requested' land before it dies.
      const audit = new PostgresAuditStore(db.pool(schema), { key: decodeAuditKey(AUDIT_KEY).key });
      const chain = async () => {
        const out: Array<[string, unknown]> = [];
        for await (const e of audit.all(SUB)) out.push([e.kind, e.data.outcome ?? e.data.status ?? e.data.purpose]);
        return out;
      };
      await expect.poll(chain, { timeout: 10_000 }).toContainEqual(['approval', 'requested']);

      // A dies before the phone answers; then the phone approves.
      expect(await a.kill('SIGKILL')).toBe('SIGKILL');
      await system.tenant.ciba.approve(request.authReqId);

      // The app reconnects — to B. B takes the lapsed lease, polls, and sends exactly once.
      const again = await session(b.wsUrl);
      expect(await again.next('approval_required', (f) => f.id === required.id, 0)).toMatchObject({
        binding_message: required.binding_message,
      });
      expect(await again.next('action_result', (f) => f.draft_id === draft.draft_id && f.status !== 'awaiting_approval', 0)).toMatchObject({
        status: 'sent',
      });
      await b.log((l) => l.msg === 'resuming a stored approval request' && l.approval === required.id);
      const after = await observer(system).gmail.readThread(ctx, { threadId: draft.fields.thread_id! });
      if (!after.ok) throw new Error(after.error.message);
      const sent = after.value.messages.slice(before.value.messages.length);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.body).toContain('Wednesday works.');

      // Sending the same confirmation again to B reports, never re-sends.
      again.send({ type: 'action_confirmed', draft_id: draft.draft_id });
      expect(await again.next('action_result', (f) => f.draft_id === draft.draft_id)).toMatchObject({ status: 'sent' });
      await again.close();

      // One audit chain, appended by both instances, verifies.
      await expect.poll(chain, { timeout: 10_000 }).toContainEqual(['write', 'sent']);
      expect(await audit.verify(SUB)).toMatchObject({ ok: true });
      const kinds = await chain();
      expect(kinds).toContainEqual(['approval', 'requested']); // written by A
      expect(kinds).toContainEqual(['approval', 'approved']); // written by B
      expect(kinds).toContainEqual(['write', 'sent']); // written by B
      // Exactly one write: logged as requested before the provider call (fail-closed audit), then its outcome.
      expect(kinds.filter(([k]) => k === 'write')).toEqual([
        ['write', 'requested'],
        ['write', 'sent'],
      ]);
    },
  );

  it('on SIGTERM an instance closes its sockets with 1012 (Service Restart) and exits cleanly', { timeout: 60_000 }, async () => {
    const c = await instance('C');
    const client = await session(c.wsUrl);
    const closed = new Promise<number>((r) => client.ws.once('close', (code) => r(code)));
    c.child.kill('SIGTERM');
    expect(await closed).toBe(1012);
    expect(await c.exited).toBe(0);
    const drained = await c.log((l) => l.msg === 'drained and closed');
    expect(drained).toMatchObject({ instance: 'C', sockets: 1 });
  });

  // These run after the first test: alex's Google account is linked by then.
  async function stepUpOn(c: TestClient, transcriptId: string) {
    c.send({ type: 'transcript', id: transcriptId, text: 'reply to Dana that Wednesday works' });
    const draft = await c.next('draft_ready', (f) => f.request_id === transcriptId);
    const asked = new Promise<PendingCiba>((r) => system.tenant.ciba.events.once('request', r));
    c.send({
      type: 'action_confirmed',
      draft_id: draft.draft_id,
      edits: { body: `Hi Dana,\n\nWednesday works (${transcriptId}).\n\nAlex` },
    });
    const required = await c.next('approval_required');
    return { draft, required, request: await asked };
  }

  it('a stopping instance gives its phone request back: another one takes it over at once', { timeout: 90_000 }, async () => {
    // A lease far longer than the test: only giving it back lets D take over.
    const [c, d] = await Promise.all([instance('C2', 600_000), instance('D', 600_000)]);
    const onC = await session(c.wsUrl);
    const { draft, required, request } = await stepUpOn(onC, 'scale-2');
    c.child.kill('SIGTERM');
    expect(await c.exited).toBe(0);
    const onD = await session(d.wsUrl);
    await onD.next('approval_required', (f) => f.id === required.id, 0);
    await system.tenant.ciba.approve(request.authReqId);
    expect(await onD.next('action_result', (f) => f.draft_id === draft.draft_id && f.status !== 'awaiting_approval', 0)).toMatchObject({
      status: 'sent',
    });
    await onD.close();
    await d.kill('SIGTERM');
  });

  it('logging out through one instance stops the phone wait on another', { timeout: 90_000 }, async () => {
    const [e, f] = await Promise.all([instance('E', 600_000), instance('F', 600_000)]);
    const onE = await session(e.wsUrl);
    const { draft, required } = await stepUpOn(onE, 'scale-3');
    const onF = await session(f.wsUrl);
    onF.send({ type: 'logout' });
    // E stops polling at once (the phone never answers in this test) and its socket hears why.
    expect(await onE.next('approval_update', (u) => u.id === required.id, 0)).toMatchObject({ status: 'cancelled' });
    expect(await onE.next('action_result', (r) => r.draft_id === draft.draft_id && r.status === 'cancelled', 0)).toBeTruthy();
    await onE.close();
    await Promise.all([e.kill('SIGTERM'), f.kill('SIGTERM')]);
  });
});
