import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { VouchError } from '../protocol/vouchError.js';

/** The embedded demo's audit key: published in the repository, so it protects nothing outside the demo. */
export const DEMO_AUDIT_HMAC_KEY = 'dev-audit-hmac-key-for-the-embedded-demo-only';

const MIN_AUDIT_KEY_BYTES = 32;
/** What a key must carry at least (by an estimate from its own symbols) outside the demo. */
const MIN_AUDIT_KEY_ENTROPY_BITS = 128;

export class AuditKeyError extends VouchError {
  static override readonly code = 'AUDIT_KEY_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'AuditKeyError';
  }
}

interface DecodedAuditKey {
  key: Uint8Array;
  /** `hex` and `base64` are explicit; `legacy` is a bare value read as UTF-8 bytes, as before prefixes. */
  encoding: 'hex' | 'base64' | 'legacy';
}

const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * `AUDIT_HMAC_KEY` as `hex:<hex>` or `base64:<base64 or base64url>`, at least 32 decoded bytes. A
 * bare value keeps its old meaning (UTF-8 bytes, stretched with SHA-256 below 32 bytes) so chains
 * signed with it still verify; 64 hex characters are also valid base64, hence the explicit prefix.
 */
export function decodeAuditKey(raw: string): DecodedAuditKey {
  const m = /^(hex|base64):(.*)$/s.exec(raw);
  if (!m) {
    const bytes = Buffer.from(raw, 'utf8');
    if (bytes.length === 0) throw new AuditKeyError('AUDIT_HMAC_KEY is empty');
    const key = bytes.length >= MIN_AUDIT_KEY_BYTES ? bytes : createHash('sha256').update(bytes).digest();
    return { key: new Uint8Array(key), encoding: 'legacy' };
  }
  const [, encoding, text] = m as unknown as [string, 'hex' | 'base64', string];
  let bytes: Buffer;
  if (encoding === 'hex') {
    if (!HEX.test(text)) throw new AuditKeyError('AUDIT_HMAC_KEY hex: takes an even number of hex digits');
    bytes = Buffer.from(text, 'hex');
  } else {
    if (!BASE64.test(text) && !BASE64URL.test(text)) throw new AuditKeyError('AUDIT_HMAC_KEY base64: is not valid base64');
    bytes = Buffer.from(text, BASE64.test(text) ? 'base64' : 'base64url');
  }
  if (bytes.length < MIN_AUDIT_KEY_BYTES) {
    throw new AuditKeyError(
      `AUDIT_HMAC_KEY decodes to ${bytes.length} bytes; it needs at least ${MIN_AUDIT_KEY_BYTES} (e.g. base64: of 32 random bytes)`,
    );
  }
  return { key: new Uint8Array(bytes), encoding };
}

/**
 * An upper estimate of a key's entropy: the smaller of its symbol-frequency entropy (length ×
 * empirical Shannon entropy per symbol) and its DEFLATE-compressed size, which sees repeated
 * runs such as a word typed several times. It cannot prove a key random, but it catches the weak.
 */
function estimatedEntropyBits(symbols: Uint8Array): number {
  return Math.min(frequencyEntropyBits(symbols), deflateRawSync(symbols, { level: 9 }).length * 8);
}

function frequencyEntropyBits(symbols: Uint8Array): number {
  const counts = new Map<number, number>();
  for (const b of symbols) counts.set(b, (counts.get(b) ?? 0) + 1);
  let perSymbol = 0;
  for (const c of counts.values()) {
    const p = c / symbols.length;
    perSymbol -= p * Math.log2(p);
  }
  return perSymbol * symbols.length;
}

/** Refuses keys that are fine for the embedded demo but not for a deployment: the demo's own and weak ones. */
export function assertDeployableAuditKey(raw: string): DecodedAuditKey {
  if (raw === DEMO_AUDIT_HMAC_KEY)
    throw new AuditKeyError('AUDIT_HMAC_KEY is the published demo key; generate one: openssl rand -base64 32');
  const decoded = decodeAuditKey(raw);
  // A bare value is judged on what was typed, not on its SHA-256 stretch.
  const material = decoded.encoding === 'legacy' ? Buffer.from(raw, 'utf8') : decoded.key;
  if (material.length < MIN_AUDIT_KEY_BYTES || estimatedEntropyBits(material) < MIN_AUDIT_KEY_ENTROPY_BITS) {
    throw new AuditKeyError(
      'AUDIT_HMAC_KEY is too weak (short or repetitive); generate one: openssl rand -base64 32, then set base64:<that>',
    );
  }
  return decoded;
}
