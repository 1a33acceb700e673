import { beforeEach, describe, expect, it } from 'vitest';
import { DraftService, draftContentSha256 } from '../../src/drafts/index.js';
import { openDatabase } from '../../src/store/sqlite.js';
import { SqliteVouchStore } from '../../src/store/vouchStore.js';

const SUB = 'auth0|alex';
const EMAIL = { kind: 'email' as const, fields: { to: ['dana@northwind.io'], cc: [], subject: 'Re: NDA', body: 'Thursday works.' } };

let clock = 1_000_000;
let db: ReturnType<typeof openDatabase>;
let store: SqliteVouchStore;
let drafts: DraftService;

beforeEach(() => {
  clock = 1_000_000;
  db = openDatabase(':memory:');
  store = new SqliteVouchStore(db);
  drafts = new DraftService(store, { now: () => clock, ttlMs: 60_000 });
});

async function awaitingApproval() {
  const d = await drafts.create(SUB, 'req-1', EMAIL);
  const claim = await drafts.claim(SUB, d.id);
  if (!claim.ok) throw new Error('claim failed');
  const approval = await drafts.beginApproval(claim.draft, { id: 'apr_1', bindingMessage: 'Reply to dana' });
  if (!approval) throw new Error('beginApproval failed');
  return { draft: claim.draft, approval };
}

describe('DraftService (the draft state machine over SQLite)', () => {
  it('claims a ready draft exactly once, and only the claimant writes fields', async () => {
    const d = await drafts.create(SUB, 'req-1', EMAIL);
    const [first, second] = await Promise.all([drafts.claim(SUB, d.id), drafts.claim(SUB, d.id)]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect(second.ok ? first : second).toMatchObject({ ok: false, reason: 'in_progress' });
    expect(await drafts.claim('auth0|blake', d.id)).toMatchObject({ ok: false, reason: 'not_found' });
    const mine = (first.ok ? first : second) as Extract<typeof first, { ok: true }>;
    expect(await drafts.setFields(mine.draft, { ...EMAIL.fields, body: 'edited' })).toBeDefined();
    await drafts.startExecution(mine.draft);
    expect(await drafts.setFields(mine.draft, { ...EMAIL.fields, body: 'too late' })).toBeUndefined();
    expect((await drafts.get(SUB, d.id))?.fields).toMatchObject({ body: 'edited' });
  });

  it('refuses to claim an expired draft and records it as expired', async () => {
    const d = await drafts.create(SUB, 'req-1', EMAIL);
    clock += 60_001;
    expect(await drafts.claim(SUB, d.id)).toMatchObject({ ok: false, reason: 'expired' });
    expect((await drafts.get(SUB, d.id))?.status).toBe('expired');
  });

  it('executes an approval only for the exact content it was bound to', async () => {
    const { approval } = await awaitingApproval();
    expect(approval.contentSha256).toBe(draftContentSha256('email', EMAIL.fields));
    // Content changed behind the state machine's back (a bug, a second writer): never executed.
    db.prepare('UPDATE drafts SET fields = ? WHERE id = ?').run(
      JSON.stringify({ ...EMAIL.fields, to: ['mallory@evil.test'] }),
      approval.draftId,
    );
    await store.approvalStarted(approval.id, { authReqId: 'ciba-1', expiresAt: clock + 300_000, intervalMs: 50 });
    const go = await drafts.startApprovedExecution(approval);
    expect(go.ok).toBe(false);
    expect(go.draft).toMatchObject({ status: 'failed', result: { code: 'APPROVAL_FAILED' } });
  });

  it('runs an unchanged approved draft once', async () => {
    const { approval } = await awaitingApproval();
    await store.approvalStarted(approval.id, { authReqId: 'ciba-1', expiresAt: clock + 300_000, intervalMs: 50 });
    const [a, b] = await Promise.all([drafts.startApprovedExecution(approval), drafts.startApprovedExecution(approval)]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
  });

  it('after a restart: confirming goes back to ready, an unstarted approval ends with a message, a live one is kept', async () => {
    const confirming = await drafts.create(SUB, 'req-c', EMAIL);
    await drafts.claim(SUB, confirming.id);
    const unstarted = await awaitingApproval();
    const live = await drafts.create(SUB, 'req-l', EMAIL);
    const liveClaim = await drafts.claim(SUB, live.id);
    if (!liveClaim.ok) throw new Error('claim failed');
    const liveApproval = (await drafts.beginApproval(liveClaim.draft, { id: 'apr_live', bindingMessage: 'Reply to dana' }))!;
    await drafts.approvalStarted(liveApproval, { authReqId: 'ciba-live', expiresAt: clock + 300_000, intervalMs: 50 });
    const stale = await drafts.create(SUB, 'req-s', EMAIL);
    const staleClaim = await drafts.claim(SUB, stale.id);
    if (!staleClaim.ok) throw new Error('claim failed');
    const staleApproval = (await drafts.beginApproval(staleClaim.draft, { id: 'apr_stale', bindingMessage: 'Reply to dana' }))!;
    await drafts.approvalStarted(staleApproval, { authReqId: 'ciba-stale', expiresAt: clock + 1_000, intervalMs: 50 });

    clock += 2_000;
    const restarted = new DraftService(new SqliteVouchStore(db), { now: () => clock, ttlMs: 60_000 });
    expect(await restarted.recover()).toEqual({ released: 1, ended: 2 });
    expect((await restarted.get(SUB, confirming.id))?.status).toBe('ready');
    expect(await restarted.get(SUB, unstarted.draft.id)).toMatchObject({
      status: 'cancelled',
      result: { detail: expect.stringMatching(/restarted/) },
    });
    expect(await restarted.get(SUB, stale.id)).toMatchObject({ status: 'expired', result: { code: 'APPROVAL_EXPIRED' } });
    expect((await restarted.get(SUB, live.id))?.status).toBe('awaiting_approval');
    expect((await restarted.pendingApprovals(SUB)).map((a) => a.authReqId)).toEqual(['ciba-live']);
  });

  it('cancelling everything (logout) ends open drafts and their approvals, not finished ones', async () => {
    const { approval } = await awaitingApproval();
    const open = await drafts.create(SUB, 'req-2', EMAIL);
    const done = await drafts.create(SUB, 'req-3', EMAIL);
    const c = await drafts.claim(SUB, done.id);
    if (!c.ok) throw new Error('claim failed');
    await drafts.startExecution(c.draft);
    await drafts.finish(c.draft, 'done', { status: 'sent', ref: 'm1' });
    expect((await drafts.cancelAll(SUB)).sort()).toEqual([approval.draftId, open.id].sort());
    expect((await store.getApproval(approval.id))?.status).toBe('cancelled');
    expect((await drafts.get(SUB, done.id))?.status).toBe('done');
  });
});

describe('pending requests are per user', () => {
  it('the same transcript id from two users is two rows', async () => {
    await store.savePending({ id: 'r1', sub: SUB, transcript: 'mine', providers: ['google'], createdAt: 'x' });
    await store.savePending({ id: 'r1', sub: 'auth0|blake', transcript: 'theirs', providers: ['slack'], createdAt: 'x' });
    expect(await store.deletePending('auth0|blake', 'r1')).toBe(true);
    expect((await store.listPending(SUB)).map((p) => p.transcript)).toEqual(['mine']);
  });

  it('counts the writes this process started until they finish, so a shutdown can wait for them', async () => {
    const d = await drafts.create(SUB, 'req-w', EMAIL);
    const claim = await drafts.claim(SUB, d.id);
    if (!claim.ok) throw new Error('claim failed');
    await drafts.idle();
    const running = await drafts.startExecution(claim.draft);
    expect(drafts.writesInFlight).toBe(1);
    let idle = false;
    const waiting = drafts.idle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    await drafts.finish(running!, 'done', { status: 'sent' });
    await waiting;
    expect(drafts.writesInFlight).toBe(0);
  });
});
