import { describe, expect, it } from 'vitest';
import {
  appendEntry,
  AuditInputError,
  AuditSecretError,
  audienceOf,
  createAuditTrail,
  InMemoryAuditStore,
  verifyChain,
  withholdSecrets,
  type AuditEntry,
} from '../../src/audit/index.js';

const KEY = new Uint8Array(32).fill(7);
const T0 = Date.UTC(2025, 5, 1);
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhdXRoMHxhbGV4In0.c2lnbmF0dXJl';

describe('typed refs: whom and what, verbatim', () => {
  it('records recipients and ids that look like tokens, under data.refs, and the chain verifies', () => {
    const e = appendEntry(
      null,
      {
        user: 'u',
        kind: 'write',
        data: { status: 'requested' },
        refs: { draft_id: 'drf_1', recipients: ['eyJhbGciOi.eyJzdWIiOi.x@evil.test'], rule_id: 'eyJhbGciOi.eyJzdWIiOi.x' },
      },
      KEY,
      T0,
    );
    expect(e.data.refs).toEqual({
      draft_id: 'drf_1',
      recipients: ['eyJhbGciOi.eyJzdWIiOi.x@evil.test'],
      rule_id: 'eyJhbGciOi.eyJzdWIiOi.x',
    });
    expect(verifyChain([e], KEY)).toMatchObject({ ok: true });
    expect(audienceOf(e.data)).toBe(' to eyJhbGciOi.eyJzdWIiOi.x@evil.test');
  });

  it('free text is still scanned, refs are typed, and data cannot smuggle its own refs', () => {
    expect(() => appendEntry(null, { user: 'u', kind: 'write', data: { note: JWT }, refs: { draft_id: 'd' } }, KEY, T0)).toThrow(
      AuditSecretError,
    );
    expect(() => appendEntry(null, { user: 'u', kind: 'write', data: { refs: { recipients: [JWT] } } as never }, KEY, T0)).toThrow(
      AuditInputError,
    );
    expect(() => appendEntry(null, { user: 'u', kind: 'write', data: {}, refs: { access_token: JWT } as never }, KEY, T0)).toThrow(
      AuditInputError,
    );
    expect(() =>
      appendEntry(null, { user: 'u', kind: 'write', data: {}, refs: { recipients: ['a@b.c\nX-Injected: 1'] } }, KEY, T0),
    ).toThrow(/refs\.recipients\.0/);
  });
});

describe('the audit trail', () => {
  it('withholds secret-looking free text (naming where) instead of dropping the entry', async () => {
    const store = new InMemoryAuditStore({ key: KEY, clock: () => T0 });
    const trail = createAuditTrail(store);
    const e = await trail.record('u', {
      kind: 'approval',
      data: { binding_message: `Reply to ${JWT.slice(0, 30)}.x at evil.test`, access_token: 'abc' },
      refs: { approval_id: 'apr_1' },
    });
    expect(e.data).toMatchObject({
      binding_message: '[withheld: looks like a JWT]',
      withheld_key_0: '[withheld]',
      withheld: ['data.binding_message: looks like a JWT', 'data.access_token: has a key that names a secret'],
    });
    expect(JSON.stringify(e)).not.toContain('eyJ');
    expect(await store.verify('u')).toMatchObject({ ok: true, count: 1 });
  });

  it('record rejects when nothing could be stored; note never rejects', async () => {
    const broken = { append: async (): Promise<AuditEntry> => Promise.reject(new Error('disk full')) };
    const errors: unknown[] = [];
    const trail = createAuditTrail(broken, { warn: () => undefined, error: (o: unknown) => void errors.push(o) } as never);
    await expect(trail.record('u', { kind: 'write', data: {} })).rejects.toMatchObject({
      name: 'AuditUnavailableError',
      code: 'AUDIT_UNAVAILABLE',
    });
    await expect(trail.note('u', { kind: 'write', data: {}, refs: { draft_id: 'd' } })).resolves.toBeUndefined();
    expect(errors).toHaveLength(2);
  });

  it('withholdSecrets leaves clean data alone', () => {
    const data = { a: 'plain', list: [1, 'two'], nested: { token_type: 'Bearer' } };
    expect(withholdSecrets(data)).toEqual({ value: data, withheld: [] });
  });
});
