import { z } from 'zod';
import { CONFIRM_BAND_MAX_SCORE, DraftEdits, Id, Provider, Tool, type ServerFrame } from '../../../backend/src/protocol/index.js';

/**
 * The only surface the renderer sees (`window.vouch`). In Electron the preload implements it over
 * IPC to the main process, which owns tokens, the socket and the microphone pipeline; in the browser
 * test harness a browser-side implementation speaks the same protocol to the real backend.
 * Every argument crossing the bridge is validated on the main side with the schemas below.
 */
/** Bounds of a time-boxed pre-authorization, in minutes (the backend allows 1 minute to 4 hours). */
export const PREAUTH_MIN_MINUTES = 1;
export const PREAUTH_MAX_MINUTES = 240;

export const BRIDGE_METHODS = [
  'signIn',
  'signOut',
  'sendTranscript',
  'startListening',
  'stopListening',
  'pushAudio',
  'confirmDraft',
  'cancelDraft',
  'decideApproval',
  'connectProvider',
  'listScopes',
  'revokeProvider',
  'getAudit',
  'listPreauthorizations',
  'grantPreauthorization',
  'revokePreauthorization',
  'onEvent',
] as const;
export type BridgeMethod = (typeof BRIDGE_METHODS)[number];

export const BridgeArgs = {
  sendTranscript: z.tuple([z.string().trim().min(1).max(4000)]),
  pushAudio: z.tuple([z.instanceof(ArrayBuffer).refine((b) => b.byteLength <= 64 * 1024 && b.byteLength % 2 === 0)]),
  confirmDraft: z.tuple([Id, DraftEdits.optional()]),
  cancelDraft: z.tuple([Id]),
  decideApproval: z.tuple([Id, z.boolean()]),
  connectProvider: z.tuple([Provider]),
  revokeProvider: z.tuple([Provider]),
  getAudit: z.tuple([z.object({ cursor: z.string().max(64).optional(), limit: z.number().int().min(1).max(100).optional() }).optional()]),
  grantPreauthorization: z.tuple([
    z.strictObject({
      tool: Tool,
      max_level: z.enum(['confirm', 'step_up']),
      duration_minutes: z.number().int().min(PREAUTH_MIN_MINUTES).max(PREAUTH_MAX_MINUTES),
    }),
  ]),
  revokePreauthorization: z.tuple([Id]),
} as const;

export type AuthState = { signedIn: false } | { signedIn: true; user: { sub: string; email?: string; name?: string } };
export type LinkState = 'connecting' | 'online' | 'offline';
export type RecordingState = 'idle' | 'listening' | 'transcribing';
export type ConnectProgress = { provider: z.infer<typeof Provider>; state: 'browser_open' | 'completing' | 'done' | 'failed'; message?: string };

export type BridgeEvent =
  | { type: 'frame'; frame: ServerFrame }
  | { type: 'auth'; state: AuthState }
  | { type: 'link'; state: LinkState }
  | { type: 'recording'; state: RecordingState }
  /** A transcript produced on device (Whisper) or typed; the renderer shows it as the user's turn. */
  | { type: 'transcript'; id: string; text: string }
  | { type: 'connect_progress'; progress: ConnectProgress }
  | { type: 'stt_model'; state: 'loading' | 'ready' | 'failed'; progress?: number; message?: string };

export interface AuditEntryView {
  seq: number;
  at: string;
  kind: string;
  summary: string;
}
export interface AuditPage {
  entries: AuditEntryView[];
  next_cursor?: string;
  verified: { ok: true; count: number } | { ok: false; broken_at: number; reason: string };
}

/** An active time-boxed pre-authorization as the renderer sees it. */
export interface PreauthView {
  id: string;
  tool: z.infer<typeof Tool>;
  /** The band (see `preauthRequestBody`): `confirm` = up to medium risk, `step_up` = up to high risk; both skip only the phone. */
  max_level: 'confirm' | 'step_up';
  max_score: number;
  /** ISO 8601. */
  expires_at: string;
}
export type PreauthGrantRequest = z.infer<(typeof BridgeArgs)['grantPreauthorization']>[0];

/** Highest score of the "medium risk" band (the policy's confirm band is 20-54). */
export const PREAUTH_MEDIUM_MAX_SCORE = CONFIRM_BAND_MAX_SCORE;

/**
 * Every write in Vouch is confirmed in the app, so a pre-authorization can only waive the phone
 * step-up. The popover's two bands become step-up grants capped by score: "medium risk" (a
 * `confirm` request) covers scores up to 54, e.g. medium-risk email a rule sends to the phone;
 * "high risk" (`step_up`) covers every score. Deny rules still win. The backend API takes the
 * policy's own shape; this is the one place that maps the popover's words onto it.
 */
export function preauthRequestBody(req: PreauthGrantRequest): { tool: PreauthGrantRequest['tool']; max_level: 'step_up'; max_score: number; duration_ms: number } {
  return { tool: req.tool, max_level: 'step_up', max_score: req.max_level === 'confirm' ? PREAUTH_MEDIUM_MAX_SCORE : 100, duration_ms: req.duration_minutes * 60_000 };
}

/** The popover's band for a grant, from the scores it covers. */
export function preauthBand(maxScore: number): 'confirm' | 'step_up' {
  return maxScore <= PREAUTH_MEDIUM_MAX_SCORE ? 'confirm' : 'step_up';
}

export interface VouchBridge {
  signIn(): Promise<void>;
  signOut(): Promise<void>;
  /** Sends a typed (or already transcribed) request; resolves with the transcript id. */
  sendTranscript(text: string): Promise<{ id: string }>;
  startListening(): Promise<void>;
  stopListening(): Promise<void>;
  /** 16 kHz mono Int16 PCM from the renderer's AudioWorklet. */
  pushAudio(chunk: ArrayBuffer): void;
  confirmDraft(draftId: string, edits?: Record<string, unknown>): Promise<void>;
  cancelDraft(draftId: string): Promise<void>;
  decideApproval(id: string, approve: boolean): Promise<void>;
  /** Runs the Connected Accounts flow in the system browser, then tells the backend. */
  connectProvider(provider: z.infer<typeof Provider>): Promise<void>;
  listScopes(): Promise<void>;
  revokeProvider(provider: z.infer<typeof Provider>): Promise<void>;
  getAudit(opts?: { cursor?: string; limit?: number }): Promise<AuditPage>;
  /** The active pre-authorizations ("allowed for a while"), soonest to expire first. */
  listPreauthorizations(): Promise<PreauthView[]>;
  /**
   * Asks the backend for a grant; it sends a step-up to the person's phone and answers only once it
   * is approved (this can take minutes). Rejects with a readable message when declined or expired.
   */
  grantPreauthorization(req: PreauthGrantRequest): Promise<PreauthView>;
  revokePreauthorization(id: string): Promise<void>;
  /** Subscribes to everything main pushes; returns the unsubscribe function. */
  onEvent(listener: (event: BridgeEvent) => void): () => void;
}

declare global {
  interface Window {
    vouch: VouchBridge;
  }
}
