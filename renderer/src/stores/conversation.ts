import { create } from 'zustand';
import {
  DEFAULT_ERROR_MESSAGES,
  type ErrorAction,
  type ErrorCode,
  type Provider,
  type ServerFrame,
} from '../../../backend/src/protocol/index.js';
import type { HistoryItemView, RecordingState } from '../../../electron/src/bridge/contract.js';

interface Turn {
  /** Transcript id for the person's turn; request id for Vouch's reply (the backend reuses the transcript id); draft id for an outcome line. */
  id: string;
  role: 'user' | 'assistant' | 'outcome';
  text: string;
  done: boolean;
}

export interface ShownError {
  key: number;
  code: ErrorCode;
  message: string;
  action: ErrorAction;
  provider?: Provider;
  request_id?: string;
}

export type Status = 'idle' | 'listening' | 'transcribing' | 'thinking' | 'speaking';

interface ConversationState {
  turns: Turn[];
  recording: RecordingState;
  /** Requests sent and not yet answered in full. */
  pending: string[];
  errors: ShownError[];
  setRecording(state: RecordingState): void;
  addUserTurn(id: string, text: string): void;
  dismissError(key: number): void;
  applyFrame(frame: ServerFrame): void;
  reset(): void;
  /** Said once when the conversation is kept for this run only (no keystore to protect it). */
  historyNotice: string | null;
  /** The conversation is not kept past this run (main said so when it was loaded). */
  historySessionOnly: boolean;
  /** The conversation main kept (oldest first), under what this popover already shows. */
  loadHistory(items: HistoryItemView[], notice?: string, sessionOnly?: boolean): void;
  /** One item main just kept; shown unless it already is (outcome lines arrive only this way). */
  addHistoryItem(item: HistoryItemView): void;
  /** "Clear history" done: the popover forgets what it shows too. */
  clearHistory(): void;
  dismissHistoryNotice(): void;
}

/** Keeps the popover light: older turns scroll away anyway. */
const MAX_TURNS = 50;
let errorKey = 0;

const initial = {
  turns: [] as Turn[],
  recording: 'idle' as RecordingState,
  pending: [] as string[],
  errors: [] as ShownError[],
  historyNotice: null as string | null,
  historySessionOnly: false,
};

const turnKey = (t: { role: string; id: string }) => `${t.role}:${t.id}`;

const without = (list: string[], id: string) => list.filter((x) => x !== id);

export const useConversation = create<ConversationState>()((set, get) => ({
  ...initial,
  setRecording: (recording) => set({ recording }),
  addUserTurn: (id, text) => {
    const { turns, pending } = get();
    if (turns.some((t) => t.role === 'user' && t.id === id)) return;
    set({
      turns: [...turns, { id, role: 'user' as const, text, done: true }].slice(-MAX_TURNS),
      pending: pending.includes(id) ? pending : [...pending, id],
    });
  },
  dismissError: (key) => set({ errors: get().errors.filter((e) => e.key !== key) }),
  applyFrame: (frame) => {
    const { turns, pending, errors } = get();
    switch (frame.type) {
      case 'agent_stream': {
        const i = turns.findIndex((t) => t.role === 'assistant' && t.id === frame.request_id);
        const next =
          i === -1
            ? [...turns, { id: frame.request_id, role: 'assistant' as const, text: frame.delta, done: false }].slice(-MAX_TURNS)
            : turns.map((t, j) => (j === i ? { ...t, text: t.text + frame.delta } : t));
        set({ turns: next, pending: pending.includes(frame.request_id) ? pending : [...pending, frame.request_id] });
        return;
      }
      case 'agent_done':
        set({
          turns: turns.map((t) => (t.role === 'assistant' && t.id === frame.request_id ? { ...t, done: true } : t)),
          pending: without(pending, frame.request_id),
          // A newer answer went through: an earlier request's "try again" no longer describes how things are.
          // What still needs the person (sign in, reconnect) stays.
          errors: errors.filter(
            (e) => !e.request_id || e.request_id === frame.request_id || e.action === 'sign_in' || e.action === 'reconnect',
          ),
        });
        return;
      case 'connections_required':
        // The request waits for the person, not for Vouch: stop showing "thinking".
        set({ pending: without(pending, frame.request_id) });
        return;
      case 'error': {
        const fallback = DEFAULT_ERROR_MESSAGES[frame.code];
        const shown: ShownError = {
          key: ++errorKey,
          code: frame.code,
          // The backend's sentence may be more specific; an empty one falls back to the stable copy.
          message: frame.message.trim() || fallback.message,
          action: frame.action ?? fallback.action,
          ...(frame.provider ? { provider: frame.provider } : {}),
          ...(frame.request_id ? { request_id: frame.request_id } : {}),
        };
        set({
          errors: [...errors.filter((e) => e.code !== frame.code || e.request_id !== frame.request_id), shown].slice(-3),
          pending: frame.request_id ? without(pending, frame.request_id) : pending,
          turns: frame.request_id
            ? turns.map((t) => (t.role === 'assistant' && t.id === frame.request_id ? { ...t, done: true } : t))
            : turns,
        });
        return;
      }
      case 'session_ready':
        // A fresh session clears errors that asked the person to sign in again.
        set({ errors: errors.filter((e) => e.action !== 'sign_in') });
        return;
      default:
        return;
    }
  },
  reset: () => set({ ...initial }),
  loadHistory: (items, notice, sessionOnly = false) => {
    const kept = items.map((i) => ({ id: i.id, role: i.role, text: i.text, done: true }));
    const keys = new Set(kept.map(turnKey));
    const live = get().turns.filter((t) => !keys.has(turnKey(t)));
    set({ turns: [...kept, ...live].slice(-MAX_TURNS), historySessionOnly: sessionOnly, ...(notice ? { historyNotice: notice } : {}) });
  },
  addHistoryItem: (item) => {
    const { turns } = get();
    if (turns.some((t) => turnKey(t) === turnKey(item))) return;
    set({ turns: [...turns, { id: item.id, role: item.role, text: item.text, done: true }].slice(-MAX_TURNS) });
  },
  clearHistory: () => set({ turns: [] }),
  dismissHistoryNotice: () => set({ historyNotice: null }),
}));

/** What the popover's status light shows: the microphone wins, then speech, then work in flight. */
export function deriveStatus(recording: RecordingState, pending: readonly string[], speaking: boolean): Status {
  if (recording === 'listening') return 'listening';
  if (recording === 'transcribing') return 'transcribing';
  if (speaking) return 'speaking';
  if (pending.length > 0) return 'thinking';
  return 'idle';
}
