import { create } from 'zustand';
import type { ServerFrame, ServerFrameOf } from '../../../backend/src/protocol/index.js';

export type DraftFrame = ServerFrameOf<'draft_ready'>;
export type DraftPhase = 'open' | 'submitting' | 'awaiting_approval' | 'done' | 'failed' | 'cancelled';

export interface DraftEntry {
  draft: DraftFrame;
  phase: DraftPhase;
  /** The last `action_result` status, e.g. sent / created / posted / failed. */
  result?: ServerFrameOf<'action_result'>;
  /** Why the last confirm did not get through (the draft can be confirmed again). */
  problem?: string;
}

interface DraftsState {
  byId: Record<string, DraftEntry>;
  /** The draft the sheet shows; null when the sheet is closed. */
  activeId: string | null;
  markSubmitting(id: string): void;
  /** The confirm never reached the backend; the sheet offers to send again. */
  markFailed(id: string, problem?: string): void;
  markCancelled(id: string): void;
  close(): void;
  /** A notification was clicked: the sheet opens on that draft, if this page has it. */
  focus(id: string): void;
  applyFrame(frame: ServerFrame): void;
  reset(): void;
}

const FAILED = new Set(['failed', 'expired', 'denied']);
/** Errors after which the backend has put the confirmed draft back to ready: the draft sheet shows them. */
export const RELEASED = new Set<string>(['APPROVAL_FAILED', 'AUDIT_UNAVAILABLE', 'DRAFT_INVALID']);

/** The draft whose confirmation is under way, the open one first. */
function inFlight(): string | undefined {
  const { byId, activeId } = useDrafts.getState();
  const busy = (id: string) => byId[id]?.phase === 'submitting' || byId[id]?.phase === 'awaiting_approval';
  if (activeId && busy(activeId)) return activeId;
  return Object.keys(byId).find(busy);
}

export const useDrafts = create<DraftsState>()((set, get) => ({
  byId: {},
  activeId: null,
  markSubmitting: (id) => update(id, { phase: 'submitting', problem: undefined }),
  markFailed: (id, problem) => update(id, { phase: 'failed', ...(problem ? { problem } : {}) }),
  markCancelled: (id) => {
    update(id, { phase: 'cancelled' });
    if (get().activeId === id) set({ activeId: null });
  },
  close: () => set({ activeId: null }),
  focus: (id) => {
    if (get().byId[id]) set({ activeId: id });
  },
  applyFrame: (frame) => {
    if (frame.type === 'draft_ready') {
      set({ byId: { ...get().byId, [frame.draft_id]: { draft: frame, phase: 'open' } }, activeId: frame.draft_id });
      return;
    }
    if (frame.type === 'error') {
      // The backend gave the confirmed draft back (the phone could not be asked, the log was down):
      // the sheet says why and offers to confirm again, instead of waiting for ever.
      const id = RELEASED.has(frame.code) && !frame.request_id ? inFlight() : undefined;
      if (id) update(id, { phase: 'failed', result: undefined, problem: frame.message || undefined });
      return;
    }
    if (frame.type === 'action_result') {
      const entry = get().byId[frame.draft_id];
      if (!entry) return;
      // Any other status is the provider's own outcome word (sent, created, posted…): the write is done.
      // A write reports what it wrote (ref): "cancelled" with a ref is an event cancelled, not the draft.
      const phase: DraftPhase = FAILED.has(frame.status)
        ? 'failed'
        : frame.status === 'cancelled' && !frame.ref
          ? 'cancelled'
          : frame.status === 'awaiting_approval'
            ? 'awaiting_approval'
            : 'done';
      update(frame.draft_id, { phase, result: frame });
    }
  },
  reset: () => set({ byId: {}, activeId: null }),
}));

function update(id: string, patch: Partial<DraftEntry>) {
  const { byId } = useDrafts.getState();
  const entry = byId[id];
  if (!entry) return;
  useDrafts.setState({ byId: { ...byId, [id]: { ...entry, ...patch } } });
}
