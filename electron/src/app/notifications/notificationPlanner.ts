import { SHIPPED_CATALOG, type ContractCatalog, type ServerFrame } from '../../../../backend/src/protocol/index.js';
import type { BridgeEvent } from '../../bridge/contract.js';

/**
 * What the desktop shows as an OS notification while the popover is closed: "Approve on your phone"
 * (with the binding message the phone shows), the provider's outcome ("Sent", "Created", "Posted"),
 * "Expired", and "Needs your confirmation". Pure: it reads the controller's events and whether the
 * popover is visible, and says what to show; the Electron and browser adapters only display it.
 *
 * One notification per draft per state (a resent frame after a reconnect, or the draft's expiry
 * reported both by its approval and by its result, shows once). A state the person already saw in the
 * open popover is not notified later. Bodies are plain, short and carry nothing secret: the draft's
 * kind, the binding message (which the phone shows anyway) and a time in the person's zone, never the
 * draft's fields (an email's text or recipients would sit on a lock screen).
 */
export interface NotificationIntent {
  /** Stable per draft and state: the OS replaces rather than stacks one with the same tag. */
  tag: string;
  title: string;
  body: string;
  /** The draft the popover opens on when the notification is clicked (absent: it just opens). */
  draftId?: string;
}

type DraftState = 'confirm' | 'phone' | 'outcome' | 'expired';

const MAX_BODY = 140;
const MAX_REMEMBERED = 2000;
/** Statuses of `action_result` that are not a provider's outcome word. */
const NOT_AN_OUTCOME = new Set(['failed', 'cancelled', 'expired', 'denied', 'awaiting_approval']);

export interface NotificationPlannerOptions {
  /** This computer's time zone, used while the person's setting follows it. */
  systemTimeZone?: string | undefined;
  now?: () => number;
  catalog?: ContractCatalog;
}

export class NotificationPlanner {
  private enabled = true;
  private timeZone: string | undefined;
  private readonly kinds = new Map<string, string>();
  private readonly approvalDraft = new Map<string, string>();
  private readonly done = new Set<string>();
  private readonly now: () => number;
  private readonly catalog: ContractCatalog;

  constructor(private readonly opts: NotificationPlannerOptions = {}) {
    this.timeZone = opts.systemTimeZone;
    this.now = opts.now ?? Date.now;
    this.catalog = opts.catalog ?? SHIPPED_CATALOG;
  }

  /** The notification `event` calls for, if any, given whether the person can see the popover now. */
  observe(event: BridgeEvent, popoverVisible: boolean): NotificationIntent | undefined {
    switch (event.type) {
      case 'settings':
        this.enabled = event.settings.notifications !== false;
        this.timeZone = event.settings.timeZone ?? this.opts.systemTimeZone;
        return undefined;
      case 'auth':
        // Signed out: nothing of the last person's drafts may surface for whoever signs in next.
        if (!event.state.signedIn) this.forget();
        return undefined;
      case 'frame': {
        const planned = this.plan(event.frame);
        if (!planned) return undefined;
        if (this.done.has(planned.key)) return undefined;
        this.done.add(planned.key);
        // A tray app runs for weeks: keep the newest keys only (a Set iterates oldest first).
        if (this.done.size > MAX_REMEMBERED) this.done.delete(this.done.values().next().value!);
        // Seen in the open popover, or switched off: marked done all the same, so it never pops up later.
        if (popoverVisible || !this.enabled) return undefined;
        return planned.intent;
      }
      default:
        return undefined;
    }
  }

  private plan(frame: ServerFrame): { key: string; intent: NotificationIntent } | undefined {
    switch (frame.type) {
      case 'draft_ready': {
        remember(this.kinds, frame.draft_id, frame.kind);
        const contract = this.catalog.draftKind(frame.kind);
        const expires = frame.expires_at ? this.time(frame.expires_at) : undefined;
        const what = contract?.title ?? 'Review the draft';
        return this.draftIntent(frame.draft_id, 'confirm', 'Needs your confirmation', expires ? `${what} before ${expires}.` : `${what}.`);
      }
      case 'approval_required': {
        const draftId = frame.draft_id;
        if (draftId) remember(this.approvalDraft, frame.id, draftId);
        const by = this.time(frame.expires_at);
        const body = `Your phone shows “${plain(frame.binding_message)}”.${by ? ` Answer by ${by}.` : ''}`;
        if (draftId) return this.draftIntent(draftId, 'phone', 'Approve on your phone', body);
        return {
          key: `approval:${frame.id}:phone`,
          intent: { tag: `vouch-approval-${frame.id}`, title: 'Approve on your phone', body: clip(body) },
        };
      }
      case 'approval_update': {
        const draftId = this.approvalDraft.get(frame.id);
        if (frame.status !== 'expired') return undefined;
        if (draftId) return this.expired(draftId);
        return {
          key: `approval:${frame.id}:expired`,
          intent: {
            tag: `vouch-approval-${frame.id}`,
            title: 'Expired',
            body: 'Your phone was not answered in time. Nothing was allowed.',
          },
        };
      }
      case 'action_result': {
        if (frame.kind) remember(this.kinds, frame.draft_id, frame.kind);
        if (frame.status === 'expired') return this.expired(frame.draft_id);
        const contract = this.contractOf(frame.draft_id);
        // "cancelled" is also an outcome word (cancelling an event); otherwise the person cancelled it themselves.
        const isOutcome = !NOT_AN_OUTCOME.has(frame.status) || (frame.status === 'cancelled' && contract?.outcome === 'cancelled');
        if (!isOutcome) return undefined;
        const title = contract?.outcomeLabel ?? capitalize(frame.status);
        const at = this.time(new Date(this.now()).toISOString());
        return this.draftIntent(frame.draft_id, 'outcome', title, `${contract?.noun ?? 'Done'}${at ? ` · ${at}` : ''}`);
      }
      default:
        return undefined;
    }
  }

  private expired(draftId: string) {
    const noun = this.contractOf(draftId)?.noun;
    return this.draftIntent(draftId, 'expired', 'Expired', `${noun ? `${noun}: n` : 'N'}othing was done; it was not confirmed in time.`);
  }

  private draftIntent(draftId: string, state: DraftState, title: string, body: string) {
    return { key: `${draftId}:${state}`, intent: { tag: `vouch-draft-${draftId}`, title, body: clip(body), draftId } };
  }

  private contractOf(draftId: string) {
    const kind = this.kinds.get(draftId);
    return kind ? this.catalog.draftKind(kind) : undefined;
  }

  /** "3:45 PM" in the person's zone (this computer's when the setting follows it); undefined for a bad date. */
  private time(iso: string): string | undefined {
    const at = Date.parse(iso);
    if (Number.isNaN(at)) return undefined;
    try {
      return new Intl.DateTimeFormat('en-US', {
        hour: 'numeric',
        minute: '2-digit',
        ...(this.timeZone ? { timeZone: this.timeZone } : {}),
      }).format(at);
    } catch {
      return new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' }).format(at);
    }
  }

  private forget(): void {
    this.kinds.clear();
    this.approvalDraft.clear();
    this.done.clear();
  }
}

/** Map.set, keeping the newest MAX_REMEMBERED entries. */
function remember(map: Map<string, string>, key: string, value: string): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_REMEMBERED) map.delete(map.keys().next().value!);
}

/** One line of plain text: no control characters (a notification body is not markup, but newlines would break its one line). */
function plain(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function clip(text: string): string {
  const line = plain(text);
  return line.length <= MAX_BODY ? line : `${line.slice(0, MAX_BODY - 1)}…`;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
