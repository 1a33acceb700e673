import { create } from 'zustand';
import type { ServerFrame, ServerFrameOf } from '../../../backend/src/protocol/index.js';

export type DraftFrame = ServerFrameOf<'draft_ready'>;
type DraftPhase = 'open' | 'submitting' | 'awaiting_approval' | 'done' | 'failed' | 'cancelled';

export interface DraftEntry {
  draft: DraftFrame;
  phase: DraftPhase;
  /** The last `action_result` status, e.g. sent / created / posted / failed. */
  result?: ServerFrameOf<'action_result'>;
}

interface DraftsState {
  byId: Record<string, DraftEntry>;
  /** The draft the sheet shows; null when the sheet is closed. */
  activeId: string | null;
  markSubmitting(id: string): void;
  /** The confirm never reached the backend; the sheet offers to send again. */
  markFailed(id: string): void;
  markCancelled(id: string): void;
  close(): void;
  /** A notification was clicked: the sheet opens on that draft, if this page has it. */
  focus(id: string): void;
  applyFrame(frame: ServerFrame): void;
  reset(): void;
}

const FAILED = new Set(['failed', 'expired', 'denied']);

export const useDrafts = create<DraftsState>()((set, get) => ({
  byId: {},
  activeId: null,
  markSubmitting: (id) => update(id, { phase: 'submitting' }),
  markFailed: (id) => update(id, { phase: 'failed' }),
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
    if (frame.type === 'action_result') {
      const entry = get().byId[frame.draft_id];
      if (!entry) return;
      // Any other status is the provider's own outcome word (sent, created, posted…): the write is done.
      const phase: DraftPhase = FAILED.has(frame.status)
        ? 'failed'
        : frame.status === 'cancelled'
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
