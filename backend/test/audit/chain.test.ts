import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  appendEntry,
  AuditInputError,
  AuditSecretError,
  canonicalJson,
  CanonicalJsonError,
  entryHash,
  entryHmac,
  GENESIS_HASH,
  signHead,
  verifyChain,
  type AuditEntry,
  type AuditInput,
} from '../../src/audit/index.js';

const KEY = createHash('sha256').update('test audit key').digest();
const OTHER_KEY = createHash('sha256').update('another key').digest();
const T0 = Date.parse('2025-06-02T09:00:00Z');
const KINDS = ['intent', 'token_exchange', 'policy_decision', 'approval', 'write', 'error'] as const;

function build(n: number, user = 'auth0|alex', key: Uint8Array = KEY): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    const kind = KINDS[i % KINDS.length] ?? 'intent';
    out.push(
      appendEntry(
        out.at(-1) ?? null,
        { user, kind, data: { i, note: `entry ${i + 1}`, nested: { ok: i % 2 === 0, list: [i, 'x'] } } },
        key,
        T0 + i * 1000,
      ),
    );
  }
  return out;
}

const clone = (c: AuditEntry[]) => c.map((e) => structuredClone(e));
const headOf = (c: AuditEntry[]) => signHead(KEY, c.at(-1) as AuditEntry);

describe('appendEntry', () => {
  it('links entries by hash and signs each with the key', () => {
    const [a, b] = build(2) as [AuditEntry, AuditEntry];
    expect(a).toMatchObject({ seq: 1, user: 'auth0|alex', at: '2025-06-02T09:00:00.000Z', kind: 'intent', prev_hash: GENESIS_HASH });
    expect(b.seq).toBe(2);
    expect(b.prev_hash).toBe(a.hash);
    expect(a.hash).toBe(entryHash(a));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hmac).toBe(entryHmac(KEY, a.hash));
    expect(a.hmac).not.toBe(entryHmac(OTHER_KEY, a.hash));
  });

  it('hashes canonical JSON: key order does not matter, values do', () => {
    const x = appendEntry(null, { user: 'u', kind: 'write', data: { b: 1, a: { d: 2, c: 3 } } }, KEY, T0);
    const y = appendEntry(null, { user: 'u', kind: 'write', data: { a: { c: 3, d: 2 }, b: 1 } }, KEY, T0);
    const z = appendEntry(null, { user: 'u', kind: 'write', data: { a: { c: 3, d: 2 }, b: 2 } }, KEY, T0);
    expect(x.hash).toBe(y.hash);
    expect(x.hash).not.toBe(z.hash);
    expect(canonicalJson({ b: [1, { y: 1, x: 'é' }], a: null })).toBe('{"a":null,"b":[1,{"x":"é","y":1}]}');
  });

  it('copies the data so later mutation by the caller cannot change the entry', () => {
    const data = { list: [1, 2] };
    const e = appendEntry(null, { user: 'u', kind: 'write', data }, KEY, T0);
    data.list.push(3);
    expect(e.data).toEqual({ list: [1, 2] });
    expect(verifyChain([e], KEY).ok).toBe(true);
  });

  it('refuses non-JSON data, unknown kinds, short keys and cross-user chaining', () => {
    const bad: unknown[] = [{ x: undefined }, { x: Number.NaN }, { x: Infinity }, { x: new Date(T0) }, { x: () => 1 }, { x: new Map() }];
    for (const data of bad)
      expect(() => appendEntry(null, { user: 'u', kind: 'write', data } as never, KEY, T0)).toThrow(CanonicalJsonError);
    expect(() => appendEntry(null, { user: 'u', kind: 'gossip', data: {} } as never, KEY, T0)).toThrow(AuditInputError);
    expect(() => appendEntry(null, { user: 'u', kind: 'write', data: [] } as never, KEY, T0)).toThrow(AuditInputError);
    expect(() => appendEntry(null, { user: 'u', kind: 'write', data: {} }, new Uint8Array(16), T0)).toThrow(/32 bytes/);
    const first = appendEntry(null, { user: 'alice', kind: 'write', data: {} }, KEY, T0);
    expect(() => appendEntry(first, { user: 'bob', kind: 'write', data: {} }, KEY, T0)).toThrow(/another user/);
    expect(() => appendEntry(null, { user: 'u', kind: 'write', data: { big: 'x'.repeat(70_000) } }, KEY, T0)).toThrow(/larger/);
  });
});

describe('tokens never enter the log', () => {
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhdXRoMHxhbGV4In0.c2lnbmF0dXJl';
  it.each([
    ['access_token key', { access_token: 'abc' }, 'data.access_token'],
    ['refresh_token key', { result: { refresh_token: 'abc' } }, 'data.result.refresh_token'],
    ['client_secret key', { client_secret: 'abc' }, 'data.client_secret'],
    ['subject_token key', { request: [{ subject_token: 'x' }] }, 'data.request[0].subject_token'],
    ['camelCase accessToken key', { accessToken: 'abc' }, 'data.accessToken'],
    ['Authorization header key', { headers: { Authorization: 'x' } }, 'data.headers.Authorization'],
    ['federated_access_token key', { federated_access_token: 'x' }, 'data.federated_access_token'],
    ['JWT value', { note: `got ${jwt}` }, 'data.note'],
    ['bearer value', { header: 'Bearer abcdefghijklmnop123' }, 'data.header'],
    ['Google access token value', { v: 'ya29.a0AfH6SMBxxxxxxxxxxxxxxxx' }, 'data.v'],
    ['Slack token value', { list: ['ok', 'xoxb-1234567890-abcdefghij'] }, 'data.list[1]'],
  ])('refuses %s', (_n, data, path) => {
    let err: unknown;
    try {
      appendEntry(null, { user: 'u', kind: 'token_exchange', data: data as AuditInput['data'] }, KEY, T0);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AuditSecretError);
    expect((err as AuditSecretError).path).toBe(path);
    // The message names where, never what.
    expect((err as Error).message).not.toMatch(/abc|eyJ|ya29|xoxb/);
  });

  it('allows describing a token exchange without the token', () => {
    const e = appendEntry(
      null,
      {
        user: 'u',
        kind: 'token_exchange',
        data: {
          connection: 'google-oauth2',
          token_type: 'Bearer',
          requested_token_type: 'http://auth0.com/oauth/token-type/federated-connection-access-token',
          expires_in: 3599,
          scope: 'gmail.send',
          body_sha256: 'a'.repeat(64),
          text: 'the password is on the wiki',
        },
      },
      KEY,
      T0,
    );
    expect(e.seq).toBe(1);
  });
});

describe('verifyChain', () => {
  it('verifies 10,000 entries', () => {
    const chain = build(10_000);
    expect(verifyChain(chain, KEY, headOf(chain))).toEqual({ ok: true, count: 10_000, head_hash: chain.at(-1)?.hash });
  });

  it('an empty chain verifies, unless a head says entries existed', () => {
    expect(verifyChain([], KEY)).toMatchObject({ ok: true, count: 0 });
    const chain = build(3);
    expect(verifyChain([], KEY, headOf(chain))).toMatchObject({ ok: false, broken_at: 1, code: 'truncated' });
  });

  it('fails at entry 1 with the wrong key (entries and head)', () => {
    const chain = build(20);
    expect(verifyChain(chain, OTHER_KEY)).toMatchObject({ ok: false, broken_at: 1, code: 'hmac_mismatch', verified: 0 });
    expect(verifyChain(chain, KEY, signHead(OTHER_KEY, chain.at(-1) as AuditEntry))).toMatchObject({ ok: false, code: 'head_mismatch' });
  });

  it('a chain signed with another key fails at entry 1', () => {
    expect(verifyChain(build(5, 'auth0|alex', OTHER_KEY), KEY)).toMatchObject({ ok: false, broken_at: 1, code: 'hmac_mismatch' });
  });

  const N = 200;
  const base = build(N);
  const positions = { first: 1, middle: 100, last: N } as const;

  type Tamper = {
    name: string;
    apply: (c: AuditEntry[], seq: number) => AuditEntry[];
    at: (seq: number) => number;
    code: string;
    found?: (seq: number) => number;
  };
  const TAMPERS: Tamper[] = [
    {
      name: 'change data',
      apply: (c, s) => (((c[s - 1] as AuditEntry).data = { ...(c[s - 1] as AuditEntry).data, note: 'rewritten' }), c),
      at: (s) => s,
      code: 'hash_mismatch',
    },
    {
      name: 'change the time',
      apply: (c, s) => (((c[s - 1] as AuditEntry).at = '2020-01-01T00:00:00.000Z'), c),
      at: (s) => s,
      code: 'hash_mismatch',
    },
    {
      name: 'change the kind',
      apply: (c, s) => (((c[s - 1] as AuditEntry).kind = 'revoke'), c),
      at: (s) => s,
      code: 'hash_mismatch',
    },
    {
      name: 'change data and recompute the hash (no key)',
      apply: (c, s) => {
        const e = c[s - 1] as AuditEntry;
        e.data = { forged: true };
        e.hash = entryHash(e);
        return c;
      },
      at: (s) => s,
      code: 'hmac_mismatch',
    },
    {
      name: 'change data and re-sign everything after it with a guessed key',
      apply: (c, s) => {
        for (let i = s - 1; i < c.length; i++) {
          const e = c[i] as AuditEntry;
          if (i === s - 1) e.data = { forged: true };
          if (i > 0) e.prev_hash = (c[i - 1] as AuditEntry).hash;
          e.hash = entryHash(e);
          e.hmac = entryHmac(OTHER_KEY, e.hash);
        }
        return c;
      },
      at: (s) => s,
      code: 'hmac_mismatch',
    },
    {
      name: 'change prev_hash',
      apply: (c, s) => (((c[s - 1] as AuditEntry).prev_hash = 'f'.repeat(64)), c),
      at: (s) => s,
      code: 'prev_hash_mismatch',
    },
    {
      name: 'delete',
      apply: (c, s) => (c.splice(s - 1, 1), c),
      at: (s) => s,
      code: 'seq_mismatch',
    },
    {
      // Swapping entry s with its neighbour: the first position whose entry differs is reported,
      // with the seq of the entry found there.
      name: 'reorder (swap with neighbour)',
      apply: (c, s) => {
        const j = s === N ? s - 2 : s; // the last entry can only move earlier
        const i = s - 1;
        [c[i], c[j]] = [c[j] as AuditEntry, c[i] as AuditEntry];
        return c;
      },
      at: (s) => (s === N ? N - 1 : s),
      code: 'seq_mismatch',
      found: (s) => (s === N ? N : s + 1),
    },
    {
      name: 'replace with a forged entry carrying the right seq and prev_hash',
      apply: (c, s) => {
        const prev = s > 1 ? (c[s - 2] as AuditEntry) : null;
        c[s - 1] = appendEntry(prev, { user: 'auth0|alex', kind: 'approval', data: { approved: true } }, OTHER_KEY, T0);
        return c;
      },
      at: (s) => s,
      code: 'hmac_mismatch',
    },
  ];

  for (const t of TAMPERS) {
    for (const [cls, seq] of Object.entries(positions)) {
      it(`${t.name} at the ${cls} entry (seq ${seq}) is detected at that entry`, () => {
        const head = headOf(base);
        const tampered = t.apply(clone(base), seq);
        const r = verifyChain(tampered, KEY, head);
        // Deleting the last entry leaves a valid shorter chain; only the signed head catches it.
        const expectedCode = t.name === 'delete' && seq === N ? 'truncated' : t.code;
        expect(r).toMatchObject({ ok: false, broken_at: t.at(seq), code: expectedCode, verified: t.at(seq) - 1 });
        if (t.found && !r.ok) expect(r.found_seq).toBe(t.found(seq));
        expect(verifyChain(base, KEY, head).ok).toBe(true); // the original is untouched
      });
    }
  }

  it('detects tampering at the first, middle and last of 10,000 entries', () => {
    const chain = build(10_000);
    const head = headOf(chain);
    for (const seq of [1, 5_000, 10_000]) {
      const c = clone(chain);
      (c[seq - 1] as AuditEntry).data = { changed: seq };
      expect(verifyChain(c, KEY, head)).toMatchObject({ ok: false, broken_at: seq, code: 'hash_mismatch' });
    }
  });

  it('a head pointing elsewhere, or entries appended behind its back, are reported', () => {
    const chain = build(10);
    const head9 = signHead(KEY, chain[8] as AuditEntry);
    expect(verifyChain(chain, KEY, head9)).toMatchObject({ ok: false, broken_at: 10, code: 'head_mismatch' });
    const forgedHead = { ...headOf(chain), hash: 'a'.repeat(64) };
    expect(verifyChain(chain, KEY, forgedHead)).toMatchObject({ ok: false, code: 'head_mismatch' });
  });

  it('malformed entries and entries from another user are reported at their position', () => {
    const chain = build(5);
    const m = clone(chain);
    (m[2] as unknown as Record<string, unknown>).hash = 42;
    expect(verifyChain(m, KEY)).toMatchObject({ ok: false, broken_at: 3, code: 'malformed' });
    const other = build(5, 'auth0|sam');
    const mixed = [...chain.slice(0, 2), ...other.slice(2)];
    expect(verifyChain(mixed, KEY)).toMatchObject({ ok: false, broken_at: 3, code: 'user_mismatch' });
  });
});

describe('hmacSha256Hex', () => {
  it('equals node:crypto createHmac for short, block-sized and long keys', async () => {
    const { createHmac } = await import('node:crypto');
    const { hmacSha256Hex } = await import('../../src/audit/hmac.js');
    for (const len of [1, 32, 64, 65, 200]) {
      const key = Buffer.alloc(len, len);
      for (const msg of ['', 'entry\nabc', 'é'.repeat(100)]) {
        expect(hmacSha256Hex(key, msg)).toBe(createHmac('sha256', key).update(msg, 'utf8').digest('hex'));
      }
    }
  });
});
