import type { ErrorCode, RiskSummary } from '../../../backend/src/protocol/index.js';
import type { ApprovalStatus } from '../stores/approvals.js';
import type { DraftPhase } from '../stores/drafts.js';
import { RISK_LABEL } from './labels.js';

/**
 * What each state of a draft and its approval says, apart from React: what happened and what the
 * person can do next, in plain words, with times in the person's own zone. No scores, ids or raw
 * timestamps reach the person from here.
 */

/** The zone times are shown in: the one chosen in Settings, else the computer's. */
export function resolveTimeZone(setting: string | null | undefined): string {
  return setting || Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const dayKey = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(ms);

/** "5:30 pm" today, "tomorrow 9:00 am", else "Fri 9:00 am": a time as the person reads it in their zone. */
export function formatClock(iso: string, timeZone: string, now: number): string {
  const at = Date.parse(iso);
  if (!Number.isFinite(at)) return '';
  const clock = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone })
    .format(at)
    .replace(/\s?([AP])M$/i, (_m, ap: string) => ` ${ap.toLowerCase()}m`);
  const day = dayKey(at, timeZone);
  if (day === dayKey(now, timeZone)) return clock;
  if (day === dayKey(now + 24 * 3600_000, timeZone)) return `tomorrow ${clock}`;
  return `${new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone }).format(at)} ${clock}`;
}

/** The risk in a few words: "Low risk — pre-approved until 5:30 pm", "High risk — needs your phone". */
export function riskHeadline(risk: RiskSummary, timeZone: string, now: number): string {
  const label = RISK_LABEL[risk.level];
  if (risk.reason?.by === 'preauthorization' && risk.reason.until)
    return `${label} — pre-approved until ${formatClock(risk.reason.until, timeZone, now)}`;
  if (risk.level === 'step_up') return `${label} — needs your phone`;
  return label;
}

/** Why Vouch asks (or does not): only a rule the person made is "Your rule". */
export function riskReason(risk: RiskSummary): string | undefined {
  const r = risk.reason;
  if (!r) return risk.rule ? `Why: ${risk.rule}` : undefined;
  if (r.by === 'rule') return `Your rule: “${r.text}”`;
  if (r.by === 'role') return `Your role: ${r.text.replace(/^Your role /, '')}`;
  // The headline already says until when; here, what the person can do about it.
  if (r.by === 'preauthorization') return 'You pre-approved these actions. To stop that early, revoke it under Accounts.';
  return `Vouch’s default: ${r.text}`;
}

/** While the write runs, per provider outcome: an event is created, never "sent". */
const PROGRESS: Record<string, string> = {
  sent: 'Sending…',
  created: 'Creating the event…',
  posted: 'Posting…',
  drafted: 'Saving it in your Gmail drafts…',
  moved: 'Moving the event…',
  cancelled: 'Cancelling the event…',
  answered: 'Sending your answer…',
};
export const progressText = (outcome: string): string => PROGRESS[outcome] ?? 'Working on it…';

const NOTHING: Record<string, string> = {
  created: 'No event was created.',
  drafted: 'No draft was saved.',
  moved: 'The event was not moved.',
  cancelled: 'The event was not cancelled.',
  answered: 'No answer was sent.',
};
/** "Nothing was posted.": what did not happen, in the outcome's own word. */
export const nothingDone = (outcome: string): string => NOTHING[outcome] ?? `Nothing was ${outcome}.`;

export interface DraftStateInput {
  phase: DraftPhase;
  /** The last `action_result` (absent when the confirm never reached the backend). */
  result?: { status: string; code?: ErrorCode; detail?: string };
  risk?: RiskSummary;
  /** The phone approval of this draft, if one was asked for. */
  approval?: ApprovalStatus;
  /** The problem the sheet itself met (the bridge could not deliver, or the phone could not be asked). */
  problem?: string | null;
  /** From the draft kind's contract. */
  outcome: string;
  outcomeLabel: string;
  confirmLabel: string;
  /** A fallback sentence for an error code (the protocol's stable copy). */
  messageFor(code: ErrorCode): string;
}

export interface DraftStateView {
  /** What is happening or happened (a polite live region). */
  status?: string;
  /** Something went wrong the person should read (an alert). */
  problem?: string;
  /** The action button; none when there is nothing the person can do with this draft, disabled while it runs. */
  primary?: { label: string; enabled: boolean };
  /** The other button: Cancel while the draft can still be called off, Close once it is over. */
  secondary: 'Cancel' | 'Close';
  secondaryEnabled: boolean;
  /** The fields can no longer be changed. */
  locked: boolean;
}

const ruleName = (detail: string | undefined) => (detail ? `your rule “${detail.replace(/[.!]+$/, '')}”` : 'one of your rules');

const PHONE_ENDED = {
  denied: 'Declined on your phone.',
  expired: 'Your phone was not answered in time.',
  cancelled: 'Cancelled.',
  failed: 'Vouch could not get an answer from your phone.',
} as const;

/** A refusal by the person's role (not a rule they can change): say so, and who can. */
const roleBlocked = (detail: string, then: string) =>
  `Not allowed: ${detail.replace(/^Your/, 'your').replace(/[.!]+$/, '')}${then} Ask whoever manages your account if you need this.`;

/** Every draft state as words and buttons. */
export function draftState(s: DraftStateInput): DraftStateView {
  const none = nothingDone(s.outcome);
  const busy = { label: s.confirmLabel, enabled: false };
  const over = (view: Omit<DraftStateView, 'secondary' | 'secondaryEnabled' | 'locked'>): DraftStateView => ({
    ...view,
    secondary: 'Close',
    secondaryEnabled: true,
    locked: true,
  });
  switch (s.phase) {
    case 'open': {
      if (s.risk?.level === 'deny') {
        if (s.risk.reason?.by === 'role') return over({ problem: roleBlocked(s.risk.reason.text, ', so Vouch won’t do it.') });
        const rule = s.risk.reason?.by === 'rule' ? s.risk.reason.text : s.risk.rule;
        return over({
          problem: `Not allowed: ${ruleName(rule)} blocks this, so Vouch won’t do it. To allow it, change that rule under Rules.`,
        });
      }
      return {
        ...(s.risk?.level === 'step_up' ? { status: `Your phone will be asked to approve this after you press ${s.confirmLabel}.` } : {}),
        primary: { label: s.confirmLabel, enabled: true },
        secondary: 'Cancel',
        secondaryEnabled: true,
        locked: false,
      };
    }
    case 'submitting':
      return {
        status: s.risk?.level === 'step_up' ? 'Asking your phone to approve…' : progressText(s.outcome),
        primary: busy,
        secondary: 'Cancel',
        secondaryEnabled: false,
        locked: true,
      };
    case 'awaiting_approval':
      // The phone's answer arrives a moment before the draft's own result: say it already.
      if (s.approval && s.approval !== 'pending' && s.approval !== 'approved')
        return over({ status: `${PHONE_ENDED[s.approval]} ${none}` });
      if (s.approval === 'approved')
        return {
          status: `Approved on your phone. ${progressText(s.outcome)}`,
          primary: busy,
          secondary: 'Cancel',
          secondaryEnabled: false,
          locked: true,
        };
      return {
        status: 'Waiting for you to approve on your phone. Nothing happens until you do.',
        primary: busy,
        secondary: 'Cancel',
        secondaryEnabled: true,
        locked: true,
      };
    case 'done':
      return over({ status: `${s.outcomeLabel} ✓` });
    case 'cancelled':
      return over({ status: `Cancelled. ${none}` });
    case 'failed':
      break;
  }
  const r = s.result;
  // Never reached the backend, or the backend gave the draft back (the phone could not be asked): it can be tried again.
  if (!r)
    return {
      problem: s.problem ?? 'That did not go through.',
      primary: { label: 'Try again', enabled: true },
      secondary: 'Cancel',
      secondaryEnabled: true,
      locked: false,
    };
  if (r.status === 'denied' && r.code === 'POLICY_DENIED' && r.detail && /^your role\b/i.test(r.detail))
    return over({ problem: roleBlocked(r.detail, `. ${none}`) });
  if (r.status === 'denied' && r.code === 'POLICY_DENIED')
    return over({ problem: `Not allowed: ${ruleName(r.detail)} blocks this. ${none} To allow it, change that rule under Rules.` });
  if (r.status === 'denied') return over({ status: `Declined on your phone. ${none}` });
  if (r.status === 'expired') {
    const why =
      r.code === 'DRAFT_EXPIRED'
        ? 'This draft expired before it was confirmed.'
        : r.code === 'APPROVAL_EXPIRED'
          ? 'Your phone was not answered in time.'
          : 'Vouch could not get an answer from your phone.';
    return over({ status: `${why} ${none} Ask again to make a new one.` });
  }
  const detail = (r.detail ?? (r.code ? s.messageFor(r.code) : 'That did not go through.')).trim();
  // The provider's own sentence, and (unless it already says so) that nothing happened.
  return over({ problem: /\bnothing\b/i.test(detail) ? detail : `${detail} ${none}` });
}
