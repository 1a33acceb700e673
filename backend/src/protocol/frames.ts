import { z } from 'zod';
import { DraftEdits, DraftKind, DraftOutcome, Id, LinkedProvider, Provider, RiskSummary, SHIPPED_CONTRACTS, type Draft } from './common.js';
import { ErrorAction, ErrorCode } from './errors.js';

/** Hard cap on one inbound frame; larger frames are refused before parsing. */
export const MAX_FRAME_BYTES = 64 * 1024;

/**
 * Every app→backend frame may carry a `frame_id`. The backend answers `ack {frame_id}` once it has
 * accepted the frame, so the app can resend unacknowledged frames after a reconnect. Resends are safe
 * because every effectful frame is idempotent on its own key (transcript id, draft id, provider).
 */
const appFrame = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), frame_id: Id.optional(), ...shape }).strict();

export const SessionAuth = appFrame('session_auth', {
  access_token: z
    .string()
    .min(1)
    .max(16 * 1024),
  timezone: z.string().min(1).max(64).optional(),
  /** The reply voice (a `VoiceKey`); a key this backend does not know falls back to the default rather than refusing the sign-in. */
  voice: z.string().min(1).max(32).optional(),
});
export const Transcript = appFrame('transcript', {
  id: Id,
  text: z.string().trim().min(1).max(4000),
});
export const AccountConnected = appFrame('account_connected', { provider: Provider });
export const ActionConfirmed = appFrame('action_confirmed', { draft_id: Id, edits: DraftEdits.optional() });
export const ActionCancelled = appFrame('action_cancelled', { draft_id: Id });
export const ApprovalDecision = appFrame('approval_decision', { id: Id, approve: z.boolean() });
export const ListScopes = appFrame('list_scopes', {});
export const RevokeProvider = appFrame('revoke_provider', { provider: Provider });
export const Logout = appFrame('logout', {});

export const AppFrame = z.discriminatedUnion('type', [
  SessionAuth,
  Transcript,
  AccountConnected,
  ActionConfirmed,
  ActionCancelled,
  ApprovalDecision,
  ListScopes,
  RevokeProvider,
  Logout,
]);
export type AppFrame = z.infer<typeof AppFrame>;
export type AppFrameType = AppFrame['type'];

const serverFrame = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...shape }).strict();

export const SessionReady = serverFrame('session_ready', {
  user: z.object({ sub: z.string(), email: z.string().optional(), name: z.string().optional() }),
  providers: z.array(LinkedProvider),
});
export const Ack = serverFrame('ack', { frame_id: Id });
export const ConnectionsRequired = serverFrame('connections_required', {
  request_id: Id,
  providers: z.array(Provider).min(1),
  reason: z.string(),
  scopes: z.array(z.object({ provider: Provider, scope: z.string(), description: z.string() })),
});
export const ProvidersUpdated = serverFrame('providers_updated', { providers: z.array(LinkedProvider) });
export const AgentStream = serverFrame('agent_stream', { request_id: Id, delta: z.string() });
export const AgentDone = serverFrame('agent_done', { request_id: Id });
export const TtsAudio = serverFrame('tts_audio', {
  request_id: Id,
  seq: z.number().int().min(0),
  pcm_b64: z.string(),
  sample_rate: z.number().int().positive(),
  last: z.boolean().optional(),
});

const draftBase = { draft_id: Id, request_id: Id.optional(), expires_at: z.string().optional(), risk: RiskSummary.optional() };
type DraftReadyFrame = { type: 'draft_ready'; draft_id: string; request_id?: string; expires_at?: string; risk?: RiskSummary } & Draft;
/** One strict frame per registered draft kind, each with that kind's own field schema. */
export const DraftReady = z.discriminatedUnion(
  'kind',
  SHIPPED_CONTRACTS.flatMap((c) =>
    Object.entries(c.drafts).map(([kind, d]) => serverFrame('draft_ready', { ...draftBase, kind: z.literal(kind), fields: d.schema })),
  ) as unknown as [z.ZodObject<{ type: z.ZodLiteral<'draft_ready'>; kind: z.ZodLiteral<string> }>],
) as unknown as z.ZodType<DraftReadyFrame>;

export const ApprovalStatus = z.enum(['pending', 'approved', 'denied', 'expired', 'cancelled', 'failed']);
export const ApprovalRequired = serverFrame('approval_required', {
  id: Id,
  draft_id: Id.optional(),
  risk: RiskSummary,
  binding_message: z.string().max(64),
  expires_at: z.string(),
  /** The code that ends the binding message: from the SHA-256 of the content the phone approves. */
  content_code: z
    .string()
    .regex(/^[0-9A-F]{6}$/)
    .optional(),
});
export const ApprovalUpdate = serverFrame('approval_update', { id: Id, status: ApprovalStatus });

/** A provider's outcome word (`sent`, `created`, …) or what happened instead. */
export const ActionStatus = z.enum([...DraftOutcome.options, 'failed', 'cancelled', 'expired', 'denied', 'awaiting_approval']);
export const ActionResult = serverFrame('action_result', {
  draft_id: Id,
  kind: DraftKind.optional(),
  status: ActionStatus,
  detail: z.string().optional(),
  /** Provider id of what was written (a message, event or post id): never a credential. */
  ref: z.string().optional(),
  code: ErrorCode.optional(),
});
export const Scopes = serverFrame('scopes', { providers: z.array(LinkedProvider) });
export const ErrorFrame = serverFrame('error', {
  code: ErrorCode,
  message: z.string(),
  request_id: Id.optional(),
  frame_id: Id.optional(),
  provider: Provider.optional(),
  action: ErrorAction.optional(),
});

export const ServerFrame = z.union([
  SessionReady,
  Ack,
  ConnectionsRequired,
  ProvidersUpdated,
  AgentStream,
  AgentDone,
  TtsAudio,
  DraftReady,
  ApprovalRequired,
  ApprovalUpdate,
  ActionResult,
  Scopes,
  ErrorFrame,
]);
export type ServerFrame = z.infer<typeof ServerFrame>;
export type ServerFrameOf<T extends ServerFrame['type']> = Extract<ServerFrame, { type: T }>;
export type AppFrameOf<T extends AppFrameType> = Extract<AppFrame, { type: T }>;
