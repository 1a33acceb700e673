import { describe, expect, it } from 'vitest';
import { DraftService } from '../../src/drafts/index.js';
import type { ApprovalRecord, DraftRecord, VouchStore } from '../../src/store/vouchStore.js';

/**
 * What every VouchStore must do. `make` returns two handles onto one fresh, empty database — two
 * connections for SQLite, two pools (two "instances") for PostgreSQL — so exactly-once is checked
 * across handles, not only inside one.
 */
export type TwoHandles = { a: VouchStore; b: VouchStore };

const SUB = 'auth0|alex';
const OTHER = 'auth0|blake';
const EMAIL = { to: ['dana@northwind.io'], cc: [], subject: 'Re: NDA', body: 'Thursday works.' };

function draft(id: string, over: Partial<DraftRecord> = {}): DraftRecord {
  return {
    id,
    sub: SUB,
    requestId: 'req-1',
    kind: 'email',
    fields: EMAIL,
    status: 'ready',
    expiresAt: 2_000_000,
    createdAt: new Date(1_000_000).toISOString(),
    ...over,
  };
}

function approval(id: string, draftId: string, over: Partial<ApprovalRecord> = {}): ApprovalRecord {
  return {
    id,
    sub: SUB,
    draftId,
    contentSha256: 'a'.repeat(64),
    bindingMessage: 'Reply to dana',
    status: 'starting',
    createdAt: new Date(1_000_000).toISOString(),
    ...over,
  };
}

export function describeVouchStoreContract(name: string, make: () => Promise<TwoHandles>): void {
  describe(`VouchStore contract (${name})`, () => {
    it('upserts users without erasing known fields', async () => {
      const { a, b } = await make();
      await a.upsertUser({ sub: SUB, email: 'alex@example.com', name: 'Alex', timezone: 'UTC' });
      await b.upsertUser({ sub: SUB, timezone: 'Europe/Paris' });
      expect(await a.getUser(SUB)).toEqual({ sub: SUB, email: 'alex@example.com', name: 'Alex', timezone: 'Europe/Paris' });
      expect(await b.getUser(OTHER)).toBeUndefined();
    });

    it('keeps one link per user and provider; removing reports whether there was one', async () => {
      const { a, b } = await make();
      await a.upsertLink(SUB, { provider: 'google', connection: 'google-oauth2', scopes: ['openid', 'gmail.readonly'], linkedAt: 't1' });
      await b.upsertLink(SUB, { provider: 'google', connection: 'google-oauth2', scopes: ['openid'], linkedAt: 't2' });
      await a.upsertLink(SUB, { provider: 'slack', connection: 'sign-in-with-slack', scopes: [], linkedAt: 't3' });
      expect(await b.listLinks(SUB)).toEqual([
        { provider: 'google', connection: 'google-oauth2', scopes: ['openid'], linkedAt: 't1' },
        { provider: 'slack', connection: 'sign-in-with-slack', scopes: [], linkedAt: 't3' },
      ]);
      expect(await b.listLinks(OTHER)).toEqual([]);
      const removed = await Promise.all([a.removeLink(SUB, 'slack'), b.removeLink(SUB, 'slack')]);
      expect(removed.filter(Boolean)).toHaveLength(1);
    });

    it('keys pending requests by (user, id); a delete succeeds for one caller', async () => {
      const { a, b } = await make();
      await a.savePending({ id: 'r1', sub: SUB, transcript: 'first', providers: ['google'], createdAt: '2026-01-01T00:00:00.000Z' });
      await b.savePending({
        id: 'r1',
        sub: SUB,
        transcript: 'again',
        providers: ['google', 'slack'],
        createdAt: '2026-01-01T00:00:01.000Z',
      });
      await b.savePending({ id: 'r1', sub: OTHER, transcript: 'not yours', providers: ['slack'], createdAt: '2026-01-01T00:00:02.000Z' });
      expect(await a.listPending(SUB)).toEqual([
        { id: 'r1', sub: SUB, transcript: 'again', providers: ['google', 'slack'], createdAt: '2026-01-01T00:00:01.000Z' },
      ]);
      const deleted = await Promise.all([a.deletePending(SUB, 'r1'), b.deletePending(SUB, 'r1')]);
      expect(deleted.filter(Boolean)).toHaveLength(1);
      expect(await a.listPending(OTHER)).toHaveLength(1);
    });

    it('moves a draft exactly once when both handles race for it, and only while it is live', async () => {
      const { a, b } = await make();
      await a.createDraft(draft('d1'));
      const claims = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? a : b).transitionDraft({ id: 'd1', sub: SUB, from: ['ready'], to: 'confirming', liveAt: 1_500_000 }),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await b.transitionDraft({ id: 'd1', sub: OTHER, from: ['confirming'], to: 'executing' })).toBe(false);
      expect(
        await b.transitionDraft({ id: 'd1', sub: SUB, from: ['confirming'], to: 'confirming', fields: { ...EMAIL, body: 'edited' } }),
      ).toBe(true);
      expect(await a.transitionDraft({ id: 'd1', sub: SUB, from: [], to: 'done' })).toBe(false);
      const finishes = await Promise.all(
        [a, b].map((s) =>
          s.transitionDraft({ id: 'd1', sub: SUB, from: ['confirming'], to: 'done', result: { status: 'sent', ref: 'm1' } }),
        ),
      );
      expect(finishes.filter(Boolean)).toHaveLength(1);
      expect(await a.getDraft(SUB, 'd1')).toMatchObject({
        status: 'done',
        fields: { body: 'edited' },
        result: { status: 'sent', ref: 'm1' },
        expiresAt: 2_000_000,
      });
      expect(await a.getDraft(OTHER, 'd1')).toBeUndefined();

      await a.createDraft(draft('d2', { expiresAt: 1_000_500 }));
      expect(await b.transitionDraft({ id: 'd2', sub: SUB, from: ['ready'], to: 'confirming', liveAt: 1_000_500 })).toBe(false);
      expect((await b.listDrafts({ status: ['ready'] })).map((d) => d.id)).toEqual(['d2']);
      expect((await b.listDrafts({ sub: OTHER, status: ['ready'] })).map((d) => d.id)).toEqual([]);
      expect(await b.listDrafts({ status: [] })).toEqual([]);
    });

    it('stores an approval together with the draft move, or not at all', async () => {
      const { a, b } = await make();
      await a.createDraft(draft('d1', { status: 'confirming' }));
      const begun = await Promise.all([a.beginApproval(approval('apr1', 'd1')), b.beginApproval(approval('apr2', 'd1'))]);
      expect(begun.filter(Boolean)).toHaveLength(1);
      const stored = await a.listApprovals({ draftId: 'd1', status: ['starting'] });
      expect(stored).toHaveLength(1);
      expect(await b.getApproval(stored[0]!.id === 'apr1' ? 'apr2' : 'apr1')).toBeUndefined();
      expect((await b.getDraft(SUB, 'd1'))?.status).toBe('awaiting_approval');

      const id = stored[0]!.id;
      expect(await b.approvalStarted(id, { authReqId: 'ciba-1', expiresAt: 1_300_000, intervalMs: 2000 })).toBe(true);
      expect(await a.approvalStarted(id, { authReqId: 'ciba-2', expiresAt: 1_300_000, intervalMs: 2000 })).toBe(false);
      expect(await a.getApproval(id)).toMatchObject({
        status: 'pending',
        authReqId: 'ciba-1',
        expiresAt: 1_300_000,
        intervalMs: 2000,
        bindingMessage: 'Reply to dana',
      });
      const finished = await Promise.all([a.finishApproval(id, ['pending'], 'approved'), b.finishApproval(id, ['pending'], 'denied')]);
      expect(finished.filter(Boolean)).toHaveLength(1);
      expect((await a.listApprovals({ sub: SUB, status: ['approved', 'denied'] })).map((x) => x.id)).toEqual([id]);
      expect(await a.finishApproval(id, [], 'cancelled')).toBe(false);
    });

    it('leases a pending approval to one instance at a time; a lapsed or released lease can be taken', async () => {
      const { a, b } = await make();
      await a.createDraft(draft('d1', { status: 'awaiting_approval' }));
      await a.beginApproval(approval('apr1', 'd1'));
      await a.createDraft(draft('d1b', { status: 'confirming' }));
      expect(await a.beginApproval(approval('apr1b', 'd1b'))).toBe(true);
      // Only a request that can be polled is leased.
      expect(await a.leaseApproval('apr1b', 'A', 1_000, 5_000)).toBe(false);
      await a.approvalStarted('apr1b', { authReqId: 'x', expiresAt: 9_000_000, intervalMs: 1000 });
      const takes = await Promise.all([a.leaseApproval('apr1b', 'A', 1_000, 5_000), b.leaseApproval('apr1b', 'B', 1_000, 5_000)]);
      expect(takes.filter(Boolean)).toHaveLength(1);
      const owner = takes[0] ? 'A' : 'B';
      const other = owner === 'A' ? 'B' : 'A';
      expect(await a.getApproval('apr1b')).toMatchObject({ leaseOwner: owner, leaseUntil: 6_000 });
      expect(await b.leaseApproval('apr1b', owner, 3_000, 5_000)).toBe(true);
      expect(await b.leaseApproval('apr1b', other, 7_999, 5_000)).toBe(false);
      expect(await b.leaseApproval('apr1b', other, 8_000, 5_000)).toBe(true);
      await a.releaseApproval('apr1b', owner);
      expect((await a.getApproval('apr1b'))?.leaseOwner).toBe(other);
      await a.releaseApproval('apr1b', other);
      expect(await a.getApproval('apr1b')).not.toHaveProperty('leaseOwner');
      expect(await a.leaseApproval('apr1b', owner, 8_001, 5_000)).toBe(true);
      await b.clearApprovalLeases();
      expect(await a.getApproval('apr1b')).not.toHaveProperty('leaseOwner');
      await a.finishApproval('apr1b', ['pending'], 'approved');
      expect(await a.leaseApproval('apr1b', owner, 20_000, 5_000)).toBe(false);
    });

    it('marks a transcript id handled for exactly one caller', async () => {
      const { a, b } = await make();
      const marks = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).markTranscript(SUB, 't1', 1_000)));
      expect(marks.filter(Boolean)).toHaveLength(1);
      expect(await b.markTranscript(OTHER, 't1', 1_000)).toBe(true);
    });

    it('runs the DraftService state machine: one approval executes once across instances', async () => {
      const { a, b } = await make();
      let clock = 1_000_000;
      const onA = new DraftService(a, { now: () => clock, ttlMs: 60_000 });
      const onB = new DraftService(b, { now: () => clock, ttlMs: 60_000 });
      const d = await onA.create(SUB, 'req-9', { kind: 'email', fields: EMAIL } as never);
      const claim = await onB.claim(SUB, d.id);
      if (!claim.ok) throw new Error('claim failed');
      const apr = await onB.beginApproval(claim.draft, { id: 'apr9', bindingMessage: 'Reply' });
      if (!apr) throw new Error('beginApproval failed');
      await onB.approvalStarted(apr, { authReqId: 'ciba-9', expiresAt: clock + 300_000, intervalMs: 1000 });
      clock += 1000;
      const runs = await Promise.all([onA.startApprovedExecution(apr), onB.startApprovedExecution(apr)]);
      expect(runs.filter((r) => r.ok)).toHaveLength(1);
      expect((await onA.get(SUB, d.id))?.status).toBe('executing');
    });
  });
}
