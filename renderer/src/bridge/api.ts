import { z } from 'zod';
import { DraftEdits, Id, Provider, type ServerFrame } from '../../../backend/src/protocol/index.js';

/**
 * The only surface the renderer sees (`window.vouch`). In Electron the preload implements it over
 * IPC to the main process, which owns tokens, the socket and the microphone pipeline; in the browser
 * test harness a browser-side implementation speaks the same protocol to the real backend.
 * Every argument crossing the bridge is validated on the main side with the schemas below.
 */
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
  /** Subscribes to everything main pushes; returns the unsubscribe function. */
  onEvent(listener: (event: BridgeEvent) => void): () => void;
}

declare global {
  interface Window {
    vouch: VouchBridge;
  }
}
