import { z } from 'zod';
import { PROVIDER_ENV_SHAPE } from './providers/registry.js';

const optionalUrl = z.string().url().optional().or(z.literal('').transform(() => undefined));
const optional = z.string().optional().or(z.literal('').transform(() => undefined));

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
  /** The Custom API Client (same identifier as the API) with the Token Vault grant and CIBA. */
  AUTH0_CLIENT_ID: optional,
  AUTH0_CLIENT_SECRET: optional,
  /** Allowed clock skew for JWT `exp`/`nbf`, seconds. */
  JWT_CLOCK_TOLERANCE_S: z.coerce.number().int().min(0).max(300).default(30),
  /** Each provider's `<NAME>_CONNECTION` and API root, declared by its module (`providers/<name>/module.ts`). */
  ...PROVIDER_ENV_SHAPE,
  GEMINI_API_KEY: optional,
  GEMINI_BASE_URL: optionalUrl,
  GEMINI_MODEL: z.string().default('gemini-2.5-flash'),
  GEMINI_EMBEDDING_MODEL: z.string().default('gemini-embedding-001'),
  CARTESIA_API_KEY: optional,
  CARTESIA_BASE_URL: optionalUrl,
  CARTESIA_VOICE_ID: z.string().default('a0e99841-438c-4a64-b679-ae501e7d6091'),
  CARTESIA_MODEL: z.string().default('sonic-2'),
  /** Key for the audit chain's HMAC; required outside the embedded demo. */
  AUDIT_HMAC_KEY: optional,
  OPENFGA_API_URL: optionalUrl,
  OPENFGA_STORE_ID: optional,
  OPENFGA_MODEL_ID: optional,
  /** The user's own email domain, for "outside my domain" policy factors. */
  DEFAULT_USER_DOMAIN: z.string().default('example.com'),
  DRAFT_TTL_S: z.coerce.number().int().positive().default(900),
});
export type BackendEnv = z.infer<typeof BackendEnv>;

export function loadBackendEnv(env: NodeJS.ProcessEnv = process.env): BackendEnv {
  const parsed = BackendEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`invalid backend configuration:\n${lines}`);
  }
  return parsed.data;
}
