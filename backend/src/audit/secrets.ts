import { SHIPPED_CATALOG, type SecretPattern } from '../protocol/common.js';
import { VouchError } from '../protocol/vouchError.js';

/**
 * The audit log must never hold a credential. Data is refused (not scrubbed) when a key names a secret
 * or a string looks like a bearer token, JWT or a known provider token (each provider's contract lists
 * its formats), so the bug that tried to log it surfaces instead of being hidden. The error names the
 * path, never the value.
 */
export class AuditSecretError extends VouchError {
  static override readonly code = 'AUDIT_SECRET_REFUSED';
  override name = 'AuditSecretError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`audit data at ${path} ${reason}; tokens and secrets are never logged`);
  }
}

/** Key names (lower-cased, '-' and ' ' read as '_') that always hold secrets. */
const SECRET_KEYS = new Set([
  'access_token',
  'refresh_token',
  'id_token',
  'subject_token',
  'actor_token',
  'client_secret',
  'client_assertion',
  'code_verifier',
  'authorization',
  'password',
  'passwd',
  'secret',
  'token',
  'api_key',
  'apikey',
  'private_key',
  'cookie',
  'set_cookie',
  'session_token',
  'bearer',
  'hmac_key',
]);

/** Any key ending like this is a secret too (federated_access_token, bot_token, app_secret). */
const SECRET_KEY_SUFFIXES = ['_token', '_secret', '_password', '_api_key', '_private_key'];

/** Key names that end in _token but only describe one. */
const ALLOWED_KEYS = new Set(['token_type', 'requested_token_type', 'subject_token_type', 'issued_token_type']);

/** Credential formats of no one provider; the providers' own formats come from their contracts. */
const GENERIC_PATTERNS: readonly { re: RegExp; what: string }[] = [
  { re: /\bbearer\s+[A-Za-z0-9\-._~+/]{8,}=*/i, what: 'looks like a bearer token' },
  { re: /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/, what: 'looks like a JWT' },
  { re: /\bgh[pousr]_[A-Za-z0-9]{20,}/, what: 'looks like a GitHub token' },
  { re: /-----BEGIN [A-Z ]*PRIVATE KEY-----/, what: 'looks like a private key' },
];

function normalizeKey(k: string): string {
  return k
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '_');
}

/** Audit data reuses a small set of key names, so the verdict per name is memoised (bounded). */
const keyVerdicts = new Map<string, boolean>();

function isSecretKey(key: string): boolean {
  const cached = keyVerdicts.get(key);
  if (cached !== undefined) return cached;
  // camelCase → snake_case before lower-casing so accessToken is caught too.
  const k = normalizeKey(key.replace(/([a-z0-9])([A-Z])/g, '$1_$2'));
  const verdict = !ALLOWED_KEYS.has(k) && (SECRET_KEYS.has(k) || SECRET_KEY_SUFFIXES.some((s) => k.endsWith(s)));
  if (keyVerdicts.size < 10_000) keyVerdicts.set(key, verdict);
  return verdict;
}

/** One cheap pass that every generic pattern needs to match; most strings stop here. */
const GENERIC_PREFILTER = /bearer|eyJ|gh[pousr]_|PRIVATE KEY/i;

/** What a string looks like, if it looks like a credential: the generic formats, then the providers'. */
type SecretScanner = (value: string) => string | null;

export function createSecretScanner(providerPatterns: readonly SecretPattern[]): SecretScanner {
  const own = providerPatterns.map((p) => ({ re: new RegExp(p.source, p.flags), what: p.what }));
  return (value) => {
    if (value.length < 10) return null;
    if (GENERIC_PREFILTER.test(value)) for (const p of GENERIC_PATTERNS) if (p.re.test(value)) return p.what;
    for (const p of own) if (p.re.test(value)) return p.what;
    return null;
  };
}

/** The shipped providers' formats; an audit trail for other providers builds its own (`createAuditTrail`). */
const SHIPPED_SCANNER = createSecretScanner(SHIPPED_CATALOG.secretPatterns());

/** Throws AuditSecretError at the first secret-looking key or value. */
export function assertNoSecrets(value: unknown, path = 'data', secretValueReason: SecretScanner = SHIPPED_SCANNER): void {
  if (typeof value === 'string') {
    const why = secretValueReason(value);
    if (why) throw new AuditSecretError(path, why);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertNoSecrets(v, `${path}[${i}]`, secretValueReason));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (isSecretKey(k)) throw new AuditSecretError(`${path}.${k}`, 'has a key that names a secret');
      const why = secretValueReason(k);
      if (why) throw new AuditSecretError(`${path}.<key>`, why);
      assertNoSecrets(v, `${path}.${k}`, secretValueReason);
    }
  }
}

interface WithheldValue {
  path: string;
  reason: string;
}

/**
 * A copy of free-text audit data with every secret-looking value replaced by a marker (and every key
 * that names or looks like a secret renamed), and where that happened. Used where an action is being recorded:
 * the entry is written without the suspicious text instead of not at all, and the caller says so.
 */
export function withholdSecrets<T>(
  value: T,
  path = 'data',
  secretValueReason: SecretScanner = SHIPPED_SCANNER,
): { value: T; withheld: WithheldValue[] } {
  const withheld: WithheldValue[] = [];
  const walk = (v: unknown, p: string): unknown => {
    if (typeof v === 'string') {
      const why = secretValueReason(v);
      if (!why) return v;
      withheld.push({ path: p, reason: why });
      return `[withheld: ${why}]`;
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${p}[${i}]`));
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      let n = 0;
      for (const [k, x] of Object.entries(v)) {
        if (secretValueReason(k)) {
          withheld.push({ path: `${p}.<key>`, reason: secretValueReason(k)! });
          out[`withheld_key_${n++}`] = '[withheld]';
        } else if (isSecretKey(k)) {
          // The key goes too: the chain refuses a key that names a secret whatever its value.
          withheld.push({ path: `${p}.${k}`, reason: 'has a key that names a secret' });
          out[`withheld_key_${n++}`] = '[withheld]';
        } else {
          out[k] = walk(x, `${p}.${k}`);
        }
      }
      return out;
    }
    return v;
  };
  return { value: walk(value, path) as T, withheld };
}
