import { z } from 'zod';
import { LinkedProvider, Tool, TOOL_DISPLAY_NAME } from './common.js';
import { ErrorCode } from './errors.js';

/**
 * The backend's JSON API over HTTP, declared once for the server routes, the desktop app's clients
 * and the renderer's browser bridge. Environment-neutral: zod and types only.
 * Every route except `/health` takes `Authorization: Bearer <access token>`.
 */

/** Every non-2xx answer: a stable code (see errors.ts) and a sentence. */
export const ApiErrorBody = z.object({ error: z.object({ code: ErrorCode, message: z.string() }) });
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** `GET /health` */
export const HealthResponse = z.object({ status: z.literal('ok') });

/** `GET /scopes` */
export const ScopesResponse = z.object({ providers: z.array(LinkedProvider) });
export type ScopesResponse = z.infer<typeof ScopesResponse>;

// --- Audit -----------------------------------------------------------------------------------------

/** `GET /audit?cursor&limit&order`: newest first by default; `cursor` is the `next_cursor` of the previous page. */
export const AuditQuery = z.object({
  cursor: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  order: z.enum(['asc', 'desc']).optional(),
});
export type AuditQuery = z.input<typeof AuditQuery>;

/** One chain entry as the API shows it: the stored entry plus a readable `summary`. */
export const AuditEntryBody = z.object({
  seq: z.number().int(),
  user: z.string(),
  /** ISO-8601 UTC. */
  at: z.string(),
  kind: z.string(),
  data: z.record(z.string(), z.unknown()),
  prev_hash: z.string(),
  hash: z.string(),
  hmac: z.string(),
  summary: z.string(),
});
export type AuditEntryBody = z.infer<typeof AuditEntryBody>;

export const AuditPageResponse = z.object({ entries: z.array(AuditEntryBody), next_cursor: z.string().optional() });
export type AuditPageResponse = z.infer<typeof AuditPageResponse>;

export const AUDIT_VERIFY_FAILURES = [
  'malformed',
  'seq_mismatch',
  'user_mismatch',
  'prev_hash_mismatch',
  'hash_mismatch',
  'hmac_mismatch',
  'truncated',
  'head_mismatch',
] as const;

/** `GET /audit/verify`: the whole chain checked against the signed head. */
export const AuditVerifyResponse = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), count: z.number().int(), head_hash: z.string() }),
  z.object({
    ok: z.literal(false),
    /** The chain position (expected seq) of the first broken link. */
    broken_at: z.number().int(),
    code: z.enum(AUDIT_VERIFY_FAILURES),
    reason: z.string(),
    found_seq: z.number().int().optional(),
    verified: z.number().int(),
  }),
]);
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponse>;

// --- Pre-authorizations ------------------------------------------------------------------------------

export const PREAUTH_MIN_DURATION_MS = 60_000;
export const PREAUTH_MAX_DURATION_MS = 4 * 60 * 60_000;
export const PreauthGrantLevel = z.enum(['confirm', 'step_up']);

/**
 * `POST /preauthorizations`: the backend runs a step-up on the phone and answers `201
 * {preauthorization}` only once it is approved, or `403` with `APPROVAL_DENIED` / `APPROVAL_EXPIRED`.
 * (The server additionally caps a `confirm` grant at the top of the confirm band.)
 */
export const PreauthGrantBody = z.strictObject({
  tool: Tool,
  max_level: PreauthGrantLevel.default('confirm'),
  max_score: z.number().int().min(0).max(100).optional(),
  duration_ms: z.number().int().min(PREAUTH_MIN_DURATION_MS).max(PREAUTH_MAX_DURATION_MS),
});
export type PreauthGrantBody = z.input<typeof PreauthGrantBody>;

/** One grant as the API returns it (times in ms since the epoch). */
export const PreauthGrantResource = z.object({
  id: z.string().min(1).max(128),
  tool: Tool,
  max_level: PreauthGrantLevel,
  max_score: z.number().int().min(0).max(100),
  created_at: z.number().int(),
  expires_at: z.number().int(),
  revoked_at: z.number().int().nullable(),
});
export type PreauthGrantResource = z.infer<typeof PreauthGrantResource>;

/** `GET /preauthorizations`: `active` are the grants in force now; `all` includes expired and revoked ones. */
export const PreauthListResponse = z.object({ active: z.array(PreauthGrantResource), all: z.array(PreauthGrantResource) });
export type PreauthListResponse = z.infer<typeof PreauthListResponse>;

/** `POST /preauthorizations` → 201. */
export const PreauthGrantResponse = z.object({ preauthorization: PreauthGrantResource });
export type PreauthGrantResponse = z.infer<typeof PreauthGrantResponse>;

/** The phone's message for a pre-authorization request; the app shows the same words while it waits. */
export function preauthBindingMessage(tool: string, minutes: number): string {
  return `Allow ${TOOL_DISPLAY_NAME[tool as Tool] ?? tool} actions for ${minutes} min`.slice(0, 64);
}

// `DELETE /preauthorizations/:id` → 204, or 404 `NOT_FOUND` when it is no longer active.

// --- Rules ---------------------------------------------------------------------------------------------

/** One policy rule as stored (the backend validates the condition's fields; see policy/rules.ts). */
export const RuleResource = z.object({
  id: z.string(),
  effect: z.enum(['deny', 'require_step_up', 'require_confirm', 'allow']),
  when: z.record(z.string(), z.unknown()),
  description: z.string(),
  enabled: z.boolean(),
});
export type RuleResource = z.infer<typeof RuleResource>;

/** `GET /rules`, `PUT /rules` → 200. */
export const RuleListResponse = z.object({ rules: z.array(RuleResource) });
export type RuleListResponse = z.infer<typeof RuleListResponse>;

/** `POST /rules` → 201. `DELETE /rules/:id` → 204, or 404 `NOT_FOUND`. */
export const RuleResponse = z.object({ rule: RuleResource });
export type RuleResponse = z.infer<typeof RuleResponse>;

// --- Memory --------------------------------------------------------------------------------------------

export const MemoryItemResource = z.object({
  id: z.string(),
  text: z.string(),
  /** ISO-8601 UTC. */
  created_at: z.string(),
  meta: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type MemoryItemResource = z.infer<typeof MemoryItemResource>;

/** `GET /memory`. `DELETE /memory/:id` and `DELETE /memory` → 204. */
export const MemoryListResponse = z.object({ items: z.array(MemoryItemResource) });
export type MemoryListResponse = z.infer<typeof MemoryListResponse>;
