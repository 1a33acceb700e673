import type { ServerFrame } from '../../../../backend/src/protocol/index.js';
import type { HistoryRole } from './conversationHistory.js';
import { draftTargetOf, editedTarget, outcomeLine, type DraftTarget } from './outcomeLine.js';

/**
 * Turns what the popover shows into history items: the person's words as they are sent, Vouch's
 * reply once it is finished (the stream is gathered here and never kept half-way), and one outcome
 * line per finished write. No I/O: the controller hands each item to the history and the popover.
 */
export type RecordedItem = { id: string; role: HistoryRole; text: string };

/** Bounds for the gathered state (a reply that never finishes, drafts never decided). */
const MAX_OPEN = 100;

export class HistoryRecorder {
  private readonly replies = new Map<string, string>();
  private readonly drafts = new Map<string, DraftTarget>();

  constructor(private readonly sink: (item: RecordedItem) => void) {}

  userSaid(id: string, text: string): void {
    this.sink({ id, role: 'user', text });
  }

  /** The person confirmed a draft, maybe with edits: the outcome line names where it really went. */
  draftConfirmed(draftId: string, edits: Record<string, unknown> | undefined): void {
    const target = this.drafts.get(draftId);
    if (target) this.drafts.set(draftId, editedTarget(target, edits));
  }

  onFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case 'agent_stream':
        remember(this.replies, frame.request_id, (this.replies.get(frame.request_id) ?? '') + frame.delta);
        return;
      case 'agent_done': {
        const text = this.replies.get(frame.request_id);
        this.replies.delete(frame.request_id);
        if (text?.trim()) this.sink({ id: frame.request_id, role: 'assistant', text });
        return;
      }
      case 'error':
        // The reply broke off: the person sees the error, not a reply worth keeping.
        if (frame.request_id) this.replies.delete(frame.request_id);
        return;
      case 'draft_ready':
        remember(this.drafts, frame.draft_id, draftTargetOf(frame.kind, frame.fields as Record<string, unknown>));
        return;
      case 'action_result': {
        // Only drafts this person saw in this run (not, say, the ones the backend cancels at sign-out).
        const target = this.drafts.get(frame.draft_id);
        const line = target && outcomeLine(frame.status, target, frame.kind);
        if (!line) return;
        this.drafts.delete(frame.draft_id);
        this.sink({ id: frame.draft_id, role: 'outcome', text: line });
        return;
      }
      default:
        return;
    }
  }

  /** Signed out: nothing gathered for one person may end up in the next one's history. */
  reset(): void {
    this.replies.clear();
    this.drafts.clear();
  }
}

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_OPEN) map.delete(map.keys().next().value as string);
}
