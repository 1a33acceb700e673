import type { AuthSession } from '../../auth/session.js';
import type { BridgeEvent, HistoryView } from '../../bridge/contract.js';
import { BridgeError } from '../../ipc/bridgeRegistry.js';
import { signedInSub } from '../signedIn.js';
import { historyItemView, historyNotice, type ConversationHistory } from './conversationHistory.js';
import type { RecordedItem } from './historyRecorder.js';

/**
 * The conversation history of whoever is signed in (issue 13): what the popover lists and clears,
 * and where the recorder's items go. Without a history (or signed out) nothing is kept.
 */
export class SignedInHistory {
  /** People already told this run that their conversation is not kept past it. */
  private readonly noticeGiven = new Set<string>();

  constructor(
    private readonly deps: {
      session: Pick<AuthSession, 'state'>;
      history?: ConversationHistory | undefined;
      emit(event: BridgeEvent): void;
    },
    private readonly log: { warn(obj: Record<string, unknown>, msg: string): void },
  ) {}

  async list(): Promise<HistoryView> {
    const { history, sub } = this.require();
    const { items, persistence } = await history.list(sub);
    const view: HistoryView = { items: items.map(historyItemView) };
    if (!persistence.persisted) {
      view.sessionOnly = true;
      if (!this.noticeGiven.has(sub)) view.notice = historyNotice(persistence.reason);
      this.noticeGiven.add(sub);
    }
    return view;
  }

  async clear(): Promise<void> {
    const { history, sub } = this.require();
    await history.clear(sub);
  }

  /** At sign-out, for the person who was signed in (`sub` taken before the session ended). */
  async clearFor(sub: string | undefined): Promise<void> {
    if (sub && this.deps.history) await this.deps.history.clear(sub);
  }

  /**
   * Kept for the signed-in person. Outcome lines are also sent to the popover, which shows the
   * person's words and the replies from their own events already (a second copy could race them).
   */
  keep(item: RecordedItem): void {
    const { history, session } = this.deps;
    const sub = signedInSub(session);
    if (!sub || !history) return;
    history.append(sub, item).then(
      (kept) => {
        if (kept?.role === 'outcome' && signedInSub(session) === sub) this.deps.emit({ type: 'history_item', item: historyItemView(kept) });
      },
      (err: unknown) => this.log.warn({ error: err instanceof Error ? err.name : 'unknown' }, 'conversation history append failed'),
    );
  }

  private require(): { history: ConversationHistory; sub: string } {
    const sub = signedInSub(this.deps.session);
    if (!sub) throw new BridgeError('NOT_SIGNED_IN');
    if (!this.deps.history) throw new BridgeError('UNAVAILABLE');
    return { history: this.deps.history, sub };
  }
}
