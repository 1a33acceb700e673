import { z } from 'zod';
import { assertDeployableAuditKey } from './audit/key.js';
import { DEFAULT_GEMINI_MODEL } from './agent/intent/geminiModel.js';
import { PROVIDER_ENV_SHAPE } from './providers/registry.js';
import type { VoiceKey } from './protocol/index.js';

const optionalUrl = z
  .string()
  .url()
  .optional()
  .or(z.literal('').transform(() => undefined));
const optional = z
  .string()
  .optional()
  .or(z.literal('').transform(() => undefined));

function hasScheme(value: string, schemes: readonly string[]): boolean {
  try {
    return schemes.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
const optionalUrlWithScheme = (schemes: readonly string[]) =>
  z
    .string()
    .refine((v) => hasScheme(v, schemes), `must be a ${schemes.map((s) => `${s}//`).join(' or ')} URL`)
    .optional()
    .or(z.literal('').transform(() => undefined));

/** `hex:` + 64 hex digits, or `base64:` + the base64 of 32 bytes. Returns null when malformed. */
export function parseTokenCacheKey(value: string): Buffer | null {
  const hex = /^hex:([0-9a-fA-F]{64})$/.exec(value);
  if (hex) return Buffer.from(hex[1] as string, 'hex');
  const b64 = /^base64:([A-Za-z0-9+/]{43}=?)$/.exec(value);
  if (b64) {
    const bytes = Buffer.from(b64[1] as string, 'base64');
    return bytes.length === 32 ? bytes : null;
  }
  return null;
}

/**
 * Every setting the backend reads, validated once at start-up. Each external service sits behind a
 * base URL so the same code talks to Auth0, the providers, Gemini and Cartesia or to the local stand-ins.
 */
export const BackendEnv = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  DATA_DIR: z.string().default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Auth0 tenant, e.g. `https://your-tenant.us.auth0.com/` (trailing slash as Auth0 issues it). */
  AUTH0_ISSUER_BASE_URL: z.string().url(),
  AUTH0_AUDIENCE: z.string().min(1),
  /** The Custom API Client (same identifier as the API) with the Token Vault grant. */
  AUTH0_CLIENT_ID: optional,
  AUTH0_CLIENT_SECRET: optional,
  /**
   * The application with the CIBA grant (Auth0 documents CIBA on regular applications, not on the
   * Custom API Client). Unset: the Token Vault pair above is used, for tenants where one client has both.
   */
  AUTH0_CIBA_CLIENT_ID: optional,
  AUTH0_CIBA_CLIENT_SECRET: optional,
  /** Allowed clock skew for JWT `exp`/`nbf`, seconds. */
  JWT_CLOCK_TOLERANCE_S: z.coerce.number().int().min(0).max(300).default(30),
  /** Each provider's `<NAME>_CONNECTION` and API root, declared by its module (`providers/<name>/module.ts`). */
  ...PROVIDER_ENV_SHAPE,
  GEMINI_API_KEY: optional,
  GEMINI_BASE_URL: optionalUrl,
  GEMINI_MODEL: z.string().default(DEFAULT_GEMINI_MODEL),
  GEMINI_EMBEDDING_MODEL: z.string().default('gemini-embedding-001'),
  CARTESIA_API_KEY: optional,
  CARTESIA_BASE_URL: optionalUrl,
  /** The default voice ("Clear"), and the voice for a choice whose own id below is unset. */
  CARTESIA_VOICE_ID: z.string().default('a0e99841-438c-4a64-b679-ae501e7d6091'),
  /** Cartesia voice ids for the other voices a person can choose in Settings (protocol/voices.ts). */
  CARTESIA_VOICE_ID_WARM: z.string().default('15a9cd88-84b0-4a8b-95f2-5d583b54c72e'),
  CARTESIA_VOICE_ID_DEEP: z.string().default('d46abd1d-2d02-43e8-819f-51fb652c1c61'),
  /** `sonic-2` is being sunset; `sonic-3.5` is the newest family the v4 SDK (`TTSModel`) and Cartesia's docs name. */
  CARTESIA_MODEL: z.string().default('sonic-3.5'),
  /** Key for the audit chain's HMAC (`hex:` or `base64:`, 32+ bytes); required outside the embedded demo. */
  AUDIT_HMAC_KEY: optional,
  OPENFGA_API_URL: optionalUrl,
  OPENFGA_STORE_ID: optional,
  OPENFGA_MODEL_ID: optional,
  /** Pre-shared key (`Authorization: Bearer`) for an OpenFGA server that requires one. */
  OPENFGA_API_TOKEN: optional,
  /** The user's own email domain, for "outside my domain" policy factors. */
  DEFAULT_USER_DOMAIN: z.string().default('example.com'),
  DRAFT_TTL_S: z.coerce.number().int().positive().default(900),
  /** Shared state for several instances. Unset: SQLite under DATA_DIR and process memory. */
  DATABASE_URL: optionalUrlWithScheme(['postgres:', 'postgresql:']),
  REDIS_URL: optionalUrlWithScheme(['redis:', 'rediss:']),
  /** Encrypts provider tokens in the Redis token cache: `hex:<64 hex digits>` or `base64:<32 bytes>`. */
  TOKEN_CACHE_KEY: optional.refine(
    (v) => v === undefined || parseTokenCacheKey(v) !== null,
    'must be hex:<64 hex digits> or base64:<32 bytes in base64>',
  ),
  /** Names this process in logs, leases and events; a random id per start when unset. */
  INSTANCE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,64}$/, 'letters, digits and . _ : - (1-64)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** How long a lease on a phone request holds without renewal; another instance takes over after it. */
  STEP_UP_LEASE_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** On SIGTERM: how long in-flight writes may take before the process exits anyway. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(20_000),
  /** Abuse limits (see limits/settings.ts): app sockets, HTTP requests per minute, phone approvals. */
  WS_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(2000),
  WS_MAX_CONNECTIONS_PER_IP: z.coerce.number().int().min(1).default(20),
  WS_AUTH_TIMEOUT_MS: z.coerce.number().int().min(10).default(10_000),
  WS_PING_INTERVAL_MS: z.coerce.number().int().min(10).default(30_000),
  WS_PONG_TIMEOUT_MS: z.coerce.number().int().min(10).default(10_000),
  WS_MAX_BUFFERED_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(4 * 1024 * 1024),
  WS_MAX_FRAMES_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  WS_MAX_BAD_FRAMES: z.coerce.number().int().min(1).default(20),
  HTTP_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(600),
  HTTP_RATE_LIMIT_PER_USER: z.coerce.number().int().min(1).default(300),
  HTTP_RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1000).default(60_000),
  CIBA_MAX_IN_FLIGHT: z.coerce.number().int().min(1).default(200),
  CIBA_COOLDOWN_MS: z.coerce.number().int().min(0).default(300_000),
  CIBA_COOLDOWN_AFTER_UNAPPROVED: z.coerce.number().int().min(1).default(3),
});
export type BackendEnv = z.infer<typeof BackendEnv>;

interface LoadBackendEnvOptions {
  /** Where deprecation notices go; Node's warning channel by default. */
  warn?: (message: string) => void;
}

/**
 * The settings for a deployment (`npm start`): the schema, plus what only the embedded demo may get
 * away with: its published audit key or a weak one, a tenant over plain HTTP, no client credentials.
 */
export function loadBackendEnv(env: NodeJS.ProcessEnv = process.env, opts: LoadBackendEnvOptions = {}): BackendEnv {
  const warn = opts.warn ?? ((message: string) => process.emitWarning(message, 'DeprecationWarning'));
  const parsed = BackendEnv.safeParse(env);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
  const cfg = parsed.data;
  const problems: [string, string][] = [];
  if (!cfg.AUDIT_HMAC_KEY) problems.push(['AUDIT_HMAC_KEY', 'required: the audit chain is signed with it (base64:<32+ random bytes>)']);
  else {
    try {
      if (assertDeployableAuditKey(cfg.AUDIT_HMAC_KEY).encoding === 'legacy') {
        warn(
          'AUDIT_HMAC_KEY without a hex: or base64: prefix is read as raw UTF-8 text; existing chains keep verifying, but prefer an explicit encoding',
        );
      }
    } catch (err) {
      problems.push(['AUDIT_HMAC_KEY', (err as Error).message.replace(/^AUDIT_HMAC_KEY /, '')]);
    }
  }
  const issuer = new URL(cfg.AUTH0_ISSUER_BASE_URL);
  if (!isLoopbackHost(issuer.hostname)) {
    if (issuer.protocol !== 'https:')
      problems.push(['AUTH0_ISSUER_BASE_URL', 'must use https: (plain http: only for a tenant on loopback)']);
    if (!cfg.AUTH0_CLIENT_ID || !cfg.AUTH0_CLIENT_SECRET) {
      problems.push([
        'AUTH0_CLIENT_ID',
        'AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET are required for a tenant not on loopback (Token Vault and CIBA)',
      ]);
    }
  }
  if (problems.length > 0) throw invalid(problems);
  return cfg;
}

function invalid(problems: [string, string][]): Error {
  return new Error(`invalid backend configuration:\n${problems.map(([path, message]) => `  ${path}: ${message}`).join('\n')}`);
}

function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

interface SharedStateConfig {
  databaseUrl: string | null;
  redisUrl: string | null;
  /** Present exactly when redisUrl is. */
  tokenCacheKey: Buffer | null;
}

/** The shared-state settings, checked together: a Redis token cache needs its encryption key. */
export function sharedStateConfig(env: Pick<BackendEnv, 'DATABASE_URL' | 'REDIS_URL' | 'TOKEN_CACHE_KEY'>): SharedStateConfig {
  const key = env.TOKEN_CACHE_KEY ? parseTokenCacheKey(env.TOKEN_CACHE_KEY) : null;
  if (env.REDIS_URL && !key)
    throw new Error(
      'invalid backend configuration:\n  TOKEN_CACHE_KEY: required with REDIS_URL (provider tokens are encrypted in Redis with it)',
    );
  return { databaseUrl: env.DATABASE_URL ?? null, redisUrl: env.REDIS_URL ?? null, tokenCacheKey: env.REDIS_URL ? key : null };
}

/** The client credentials for CIBA: its own pair when AUTH0_CIBA_CLIENT_ID is set, else the Token Vault pair. */
export function cibaCredentials(
  env: Pick<BackendEnv, 'AUTH0_CLIENT_ID' | 'AUTH0_CLIENT_SECRET' | 'AUTH0_CIBA_CLIENT_ID' | 'AUTH0_CIBA_CLIENT_SECRET'>,
): {
  clientId: string | undefined;
  clientSecret: string | undefined;
} {
  return env.AUTH0_CIBA_CLIENT_ID
    ? { clientId: env.AUTH0_CIBA_CLIENT_ID, clientSecret: env.AUTH0_CIBA_CLIENT_SECRET }
    : { clientId: env.AUTH0_CLIENT_ID, clientSecret: env.AUTH0_CLIENT_SECRET };
}

/** Cartesia's voice id for each voice a person can choose. */
export function cartesiaVoiceIds(
  env: Pick<BackendEnv, 'CARTESIA_VOICE_ID' | 'CARTESIA_VOICE_ID_WARM' | 'CARTESIA_VOICE_ID_DEEP'>,
): Record<VoiceKey, string> {
  return { clear: env.CARTESIA_VOICE_ID, warm: env.CARTESIA_VOICE_ID_WARM, deep: env.CARTESIA_VOICE_ID_DEEP };
}

/** The OpenFGA settings in the shape `createAuthorizationChecker` takes, the API token included. */
export function openFgaEnv(
  env: BackendEnv,
): Record<'OPENFGA_API_URL' | 'OPENFGA_STORE_ID' | 'OPENFGA_MODEL_ID' | 'OPENFGA_API_TOKEN', string | undefined> {
  return {
    OPENFGA_API_URL: env.OPENFGA_API_URL,
    OPENFGA_STORE_ID: env.OPENFGA_STORE_ID,
    OPENFGA_MODEL_ID: env.OPENFGA_MODEL_ID,
    OPENFGA_API_TOKEN: env.OPENFGA_API_TOKEN,
  };
}
