import { create } from 'zustand';
import type { ServerFrame, ServerFrameOf } from '../../../backend/src/protocol/index.js';

export type ApprovalStatus = ServerFrameOf<'approval_update'>['status'];
interface ApprovalEntry {
  request: ServerFrameOf<'approval_required'>;
  status: ApprovalStatus;
}

interface ApprovalsState {
  byId: Record<string, ApprovalEntry>;
  /** Newest first, so the card shows the approval the person is most likely waiting on. */
  order: string[];
  markCancelled(id: string): void;
  dismiss(id: string): void;
  applyFrame(frame: ServerFrame): void;
  reset(): void;
}

export const useApprovals = create<ApprovalsState>()((set, get) => ({
  byId: {},
  order: [],
  markCancelled: (id) => setStatus(id, 'cancelled'),
  dismiss: (id) => set({ order: get().order.filter((x) => x !== id) }),
  applyFrame: (frame) => {
    if (frame.type === 'approval_required') {
      const { byId, order } = get();
      set({
        byId: { ...byId, [frame.id]: { request: frame, status: 'pending' } },
        order: [frame.id, ...order.filter((x) => x !== frame.id)],
      });
    } else if (frame.type === 'approval_update') {
      setStatus(frame.id, frame.status);
    }
  },
  reset: () => set({ byId: {}, order: [] }),
}));

function setStatus(id: string, status: ApprovalStatus) {
  const { byId } = useApprovals.getState();
  const entry = byId[id];
  if (!entry) return;
  useApprovals.setState({ byId: { ...byId, [id]: { ...entry, status } } });
}

/**
 * The approval cards the conversation shows: every one still waiting for the phone, and only the
 * newest answered one (folded to a line) when no draft sheet said how it ended (a request resumed
 * after a restart), so answered requests never pile up. Approvals of the open draft show in its sheet.
 */
export function visibleApprovals(
  order: readonly string[],
  byId: Readonly<Record<string, ApprovalEntry>>,
  activeDraft: string | null,
  shownInSheet: (draftId: string) => boolean = () => false,
): string[] {
  const loose = order.filter((id) => !(activeDraft !== null && byId[id]?.request.draft_id === activeDraft));
  const lastDone = loose.find((id) => {
    const e = byId[id];
    return e !== undefined && e.status !== 'pending' && !(e.request.draft_id && shownInSheet(e.request.draft_id));
  });
  return loose.filter((id) => byId[id]?.status === 'pending' || id === lastDone);
}
