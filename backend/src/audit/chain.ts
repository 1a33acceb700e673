import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson, type JsonValue } from './canonical.js';
import { hmacSha256Hex } from './hmac.js';
import { AuditRefs } from './refs.js';
import { assertNoSecrets } from './secrets.js';
import { VouchError } from '../protocol/vouchError.js';

/**
 * The per-user audit chain, as pure functions (hashing is computation, not I/O).
 *
 * Entry n carries prev_hash = hash of entry n-1 (GENESIS_HASH for n = 1),
 * hash = SHA-256(canonical JSON of {seq, user, at, kind, data, prev_hash}) and
 * hmac = HMAC-SHA256(server key, "entry\n" + hash). Without the key nobody can rewrite an entry and
 * re-sign it; with the chain, nobody can drop or reorder one without breaking the next link. Dropping
 * the *last* entries leaves a valid shorter chain, so stores also keep a signed head (seq + hash,
 * HMAC'd with a different prefix) and verification checks the chain reaches it.
 */

export const AuditKind = z.enum([
  'intent',
  'token_exchange',
  'policy_decision',
  'approval',
  'write',
  'error',
  'revoke',
  'preauthorization',
  'rule_change',
  'session',
  'settings_change',
]);
export type AuditKind = z.infer<typeof AuditKind>;

export type AuditData = { [k: string]: JsonValue };

export interface AuditInput {
  kind: AuditKind;
  /** Free text and values: refused when anything in it looks like a credential. */
  data: AuditData;
  /**
   * Whom and what the entry is about (recipients, channel, ids), recorded verbatim under `data.refs`.
   * Typed by a schema instead of scanned: a valid address or id that merely looks like a token must
   * not keep an action out of the log.
   */
  refs?: AuditRefs;
}

export interface AuditEntry {
  seq: number;
  user: string;
  /** ISO-8601 UTC. */
  at: string;
  kind: AuditKind;
  data: AuditData;
  prev_hash: string;
  hash: string;
  hmac: string;
}

/** The signed pointer to the newest entry; detects truncation of the chain's tail. */
export interface AuditHead {
  user: string;
  seq: number;
  hash: string;
  hmac: string;
}

export const GENESIS_HASH = '0'.repeat(64);
const MAX_DATA_BYTES = 64 * 1024;
const MIN_KEY_BYTES = 32;

export type AuditKey = Uint8Array;

export class AuditInputError extends VouchError {
  static override readonly code = 'AUDIT_INPUT_INVALID';
  override name = 'AuditInputError';
}

function assertKey(key: AuditKey): void {
  if (!(key instanceof Uint8Array) || key.byteLength < MIN_KEY_BYTES) {
    throw new AuditInputError(`the audit HMAC key must be at least ${MIN_KEY_BYTES} bytes`);
  }
}

function sha256Hex(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

function hmacHex(key: AuditKey, s: string): string {
  return hmacSha256Hex(key, s);
}

function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

export function entryHash(e: Pick<AuditEntry, 'seq' | 'user' | 'at' | 'kind' | 'data' | 'prev_hash'>): string {
  return sha256Hex(canonicalJson({ seq: e.seq, user: e.user, at: e.at, kind: e.kind, data: e.data, prev_hash: e.prev_hash }));
}

export function entryHmac(key: AuditKey, hash: string): string {
  return hmacHex(key, `entry\n${hash}`);
}

function headHmac(key: AuditKey, user: string, seq: number, hash: string): string {
  return hmacHex(key, `head\n${user}\n${seq}\n${hash}`);
}

export function signHead(key: AuditKey, tip: Pick<AuditEntry, 'user' | 'seq' | 'hash'>): AuditHead {
  assertKey(key);
  return { user: tip.user, seq: tip.seq, hash: tip.hash, hmac: headHmac(key, tip.user, tip.seq, tip.hash) };
}

/** Validates the input (kind, JSON-only data, no secrets, size) and returns canonical-safe data. */
export function checkAuditInput(input: AuditInput): AuditInput {
  const kind = AuditKind.safeParse(input?.kind);
  if (!kind.success) throw new AuditInputError(`unknown audit kind "${String(input?.kind)}"`);
  const data = input.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new AuditInputError('audit data must be a JSON object');
  if (Object.prototype.hasOwnProperty.call(data, 'refs')) throw new AuditInputError('data.refs is written from input.refs only');
  assertNoSecrets(data);
  let full: AuditData = data;
  if (input.refs !== undefined) {
    const refs = AuditRefs.safeParse(input.refs);
    // The issue names the field, never the value.
    if (!refs.success)
      throw new AuditInputError(
        `audit refs.${refs.error.issues[0]?.path.join('.') ?? ''} ${refs.error.issues[0]?.message ?? 'is invalid'}`,
      );
    full = { ...data, refs: refs.data as AuditData };
  }
  const encoded = canonicalJson(full); // throws on non-JSON values
  if (Buffer.byteLength(encoded, 'utf8') > MAX_DATA_BYTES) throw new AuditInputError(`audit data is larger than ${MAX_DATA_BYTES} bytes`);
  // A deep copy the caller can't mutate after hashing.
  return { kind: kind.data, data: JSON.parse(encoded) as AuditData };
}

/**
 * Builds the next entry after `prev` (null for the user's first). Pure: the clock comes in as `now`.
 * Throws AuditSecretError for token-looking data and AuditInputError for anything else invalid.
 */
export function appendEntry(
  prev: Pick<AuditEntry, 'seq' | 'user' | 'hash'> | null,
  input: AuditInput & { user: string },
  key: AuditKey,
  now: Date | number,
): AuditEntry {
  assertKey(key);
  if (typeof input.user !== 'string' || input.user.length === 0 || input.user.length > 256)
    throw new AuditInputError('audit user must be 1-256 characters');
  if (prev && prev.user !== input.user) throw new AuditInputError("cannot chain onto another user's entry");
  const { kind, data } = checkAuditInput(input);
  const at = new Date(now);
  if (Number.isNaN(at.getTime())) throw new AuditInputError('invalid time');
  const base = { seq: (prev?.seq ?? 0) + 1, user: input.user, at: at.toISOString(), kind, data, prev_hash: prev?.hash ?? GENESIS_HASH };
  const hash = entryHash(base);
  return { ...base, hash, hmac: entryHmac(key, hash) };
}

type VerifyFailureCode =
  'malformed' | 'seq_mismatch' | 'user_mismatch' | 'prev_hash_mismatch' | 'hash_mismatch' | 'hmac_mismatch' | 'truncated' | 'head_mismatch';

export type VerifyResult =
  | { ok: true; count: number; head_hash: string }
  | {
      ok: false;
      /** The chain position (expected seq) where the first broken link is. */
      broken_at: number;
      code: VerifyFailureCode;
      reason: string;
      /** The seq the entry at that position claims, when it differs (deleted or reordered entries). */
      found_seq?: number;
      /** Entries verified before the break. */
      verified: number;
    };

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Incremental verifier so a store can stream millions of entries without holding them. Call `push`
 * for each entry in stored order; it returns the first failure and keeps returning it.
 */
class ChainVerifier {
  private count = 0;
  private prevHash = GENESIS_HASH;
  private failure: Extract<VerifyResult, { ok: false }> | null = null;
  private user: string | undefined;

  constructor(
    private readonly key: AuditKey,
    user?: string,
  ) {
    assertKey(key);
    this.user = user;
  }

  push(e: AuditEntry): Extract<VerifyResult, { ok: false }> | null {
    if (this.failure) return this.failure;
    const expected = this.count + 1;
    const fail = (code: VerifyFailureCode, reason: string, extra: { found_seq?: number } = {}) =>
      (this.failure = { ok: false, broken_at: expected, code, reason, verified: this.count, ...extra });

    if (!isEntryShaped(e)) return fail('malformed', `entry ${expected} is not a well-formed audit entry`);
    if (e.seq !== expected) {
      return fail(
        'seq_mismatch',
        e.seq > expected ? `entry ${expected} is missing (found ${e.seq})` : `entry ${e.seq} is out of order (expected ${expected})`,
        { found_seq: e.seq },
      );
    }
    this.user ??= e.user;
    if (e.user !== this.user) return fail('user_mismatch', `entry ${expected} belongs to another user`);
    if (e.prev_hash !== this.prevHash) return fail('prev_hash_mismatch', `entry ${expected} does not link to the entry before it`);
    let recomputed: string;
    try {
      recomputed = entryHash(e);
    } catch {
      return fail('malformed', `entry ${expected} holds data that is not canonical JSON`);
    }
    if (recomputed !== e.hash) return fail('hash_mismatch', `entry ${expected} was changed after it was written`);
    if (!safeEqualHex(entryHmac(this.key, e.hash), e.hmac))
      return fail('hmac_mismatch', `entry ${expected} is not signed with this server's key`);
    this.prevHash = e.hash;
    this.count = expected;
    return null;
  }

  /** The verdict; pass the stored head to detect a truncated tail. */
  finish(head?: AuditHead | null): VerifyResult {
    if (this.failure) return this.failure;
    if (head) {
      const broken = (at: number, code: VerifyFailureCode, reason: string): VerifyResult => ({
        ok: false,
        broken_at: at,
        code,
        reason,
        verified: Math.min(this.count, at - 1),
      });
      if (
        !Number.isInteger(head.seq) ||
        typeof head.hash !== 'string' ||
        typeof head.hmac !== 'string' ||
        !safeEqualHex(headHmac(this.key, head.user, head.seq, head.hash), head.hmac)
      ) {
        return broken(
          Math.max(1, Math.min(this.count + 1, Number(head.seq) || 1)),
          'head_mismatch',
          "the chain head is not signed with this server's key",
        );
      }
      if (this.user !== undefined && head.user !== this.user) return broken(1, 'head_mismatch', 'the chain head belongs to another user');
      if (head.seq > this.count)
        return broken(this.count + 1, 'truncated', `entries ${this.count + 1}-${head.seq} are missing from the end`);
      if (head.seq < this.count) return broken(head.seq + 1, 'head_mismatch', `entry ${head.seq + 1} was added after the signed head`);
      if (head.seq > 0 && head.hash !== this.prevHash)
        return broken(this.count, 'head_mismatch', `entry ${this.count} is not the entry the head points to`);
    }
    return { ok: true, count: this.count, head_hash: this.prevHash };
  }
}

function isEntryShaped(e: unknown): e is AuditEntry {
  if (e === null || typeof e !== 'object') return false;
  const x = e as Record<string, unknown>;
  return (
    Number.isInteger(x.seq) &&
    typeof x.user === 'string' &&
    typeof x.at === 'string' &&
    typeof x.kind === 'string' &&
    x.data !== null &&
    typeof x.data === 'object' &&
    typeof x.prev_hash === 'string' &&
    typeof x.hash === 'string' &&
    HEX64.test(x.hash) &&
    typeof x.hmac === 'string'
  );
}

/** Verifies a whole chain; reports the first broken link. `head` (optional) also catches a cut tail. */
export function verifyChain(entries: Iterable<AuditEntry>, key: AuditKey, head?: AuditHead | null): VerifyResult {
  const v = new ChainVerifier(key);
  for (const e of entries) if (v.push(e)) break;
  return v.finish(head);
}

export async function verifyChainAsync(entries: AsyncIterable<AuditEntry>, key: AuditKey, head?: AuditHead | null): Promise<VerifyResult> {
  const v = new ChainVerifier(key);
  for await (const e of entries) if (v.push(e)) break;
  return v.finish(head);
}
