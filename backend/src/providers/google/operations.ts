import type { Intent } from '../../agent/intent/schema.js';
import type { EventSummary } from './calendarTools.js';

/**
 * What a write request does to existing mail or events. The intent keeps its small action vocabulary
 * (a change to an event is `schedule`, reply-all is `reply`, forwarding is `send`/`draft`); the
 * operation is an entity (`entities.operation`) when the intent engine sets one, else it is read
 * from the person's words. Pure: no I/O.
 */
export type CalendarOperation = 'move' | 'cancel' | 'decline' | 'accept' | 'tentative';
type MailOperation = 'reply_all' | 'forward' | 'save_draft';

const CALENDAR_OPS: readonly CalendarOperation[] = ['move', 'cancel', 'decline', 'accept', 'tentative'];
const MAIL_OPS: readonly MailOperation[] = ['reply_all', 'forward', 'save_draft'];

function declared(intent: Intent): string | undefined {
  const op = (intent.entities as Record<string, unknown>)['operation'];
  return typeof op === 'string' ? op.toLowerCase().replace(/[\s-]+/g, '_') : undefined;
}

export function calendarOperation(intent: Intent, transcript: string): CalendarOperation | undefined {
  const op = declared(intent);
  if (op === 'reschedule') return 'move';
  if (op && (CALENDAR_OPS as readonly string[]).includes(op)) return op as CalendarOperation;
  const t = transcript.toLowerCase();
  // "Schedule a call about the office move" creates an event; the words of a change appear in it.
  if (/^\W*(please\s+|can you\s+|could you\s+)?(schedule|set up|book|create|add|put|arrange|plan)\b/.test(t)) return undefined;
  if (/\b(decline|turn down|say no to|can'?t make|cannot make)\b/.test(t)) return 'decline';
  if (/\b(accept|say yes to|rsvp yes|confirm (that )?i'?ll attend)\b/.test(t)) return 'accept';
  if (/\b(tentative(ly)?|rsvp maybe)\b/.test(t)) return 'tentative';
  if (/\b(cancel|call off)\b/.test(t)) return 'cancel';
  if (/\b(move|reschedule|push|postpone|bring forward|shift)\b/.test(t)) return 'move';
  return undefined;
}

export function mailOperation(intent: Intent, transcript: string): MailOperation | undefined {
  const op = declared(intent);
  if (op === 'replyall') return 'reply_all';
  if (op === 'draft' || op === 'save') return 'save_draft';
  if (op && (MAIL_OPS as readonly string[]).includes(op)) return op as MailOperation;
  const t = transcript.toLowerCase();
  if (/\breply[- ]?(to )?all\b|\brespond to (everyone|all)\b/.test(t)) return 'reply_all';
  if (/\bforward\b|\bfwd\b/.test(t)) return 'forward';
  if (/\b(save|keep|leave|put) (it |this |that )?(as a draft|in (my )?drafts)\b|\bdon'?t send\b|\bwithout sending\b/.test(t))
    return 'save_draft';
  return undefined;
}

type EventPick = { ok: true; event: EventSummary } | { ok: false; reason: string };

/** An event time as the person hears it, e.g. "Wed 4:00 PM". */
export function spokenWhen(iso: string, timezone: string): string {
  return new Intl.DateTimeFormat('en-US', { weekday: 'short', hour: 'numeric', minute: '2-digit', timeZone: timezone }).format(
    new Date(iso),
  );
}

/**
 * The one event a change means, from the events read for the request: by its time (unless the time
 * said is the new one, for a move), by title words, by a person among the guests or the organizer;
 * invitations to answer are someone else's. None → say so; several → ask which.
 */
export function pickEvent(events: readonly EventSummary[], intent: Intent, op: CalendarOperation, timezone: string): EventPick {
  const e = intent.entities;
  let found = events.filter((ev) => ev.status !== 'cancelled' && !ev.allDay);
  if (op === 'decline' || op === 'accept' || op === 'tentative')
    found = found.filter((ev) => ev.myResponse !== undefined && ev.organizer !== undefined);
  else found = found.filter((ev) => ev.organizer === undefined);
  if (op !== 'move' && e.start) {
    const at = Date.parse(e.start);
    found = found.filter((ev) => Date.parse(ev.start) <= at && Date.parse(ev.end) > at);
  }
  const STOP = new Set(['the', 'my', 'our', 'meeting', 'event', 'invite', 'invitation', 'call', 'with', 'and']);
  const words = (e.query ?? e.subject ?? '')
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => (w.length > 2 || /\d/.test(w)) && !STOP.has(w));
  const names = e.people.map((p) => p.toLowerCase().split(/\s+/)[0] as string);
  // The best-matching events win: title words and a name in the title count most, a guest less.
  const score = (ev: EventSummary) => {
    const title = ev.title.toLowerCase();
    let n = 0;
    for (const w of words) if (title.includes(w)) n += 2;
    for (const name of names) {
      if (title.includes(name)) n += 2;
      else if (ev.attendees.some((a) => a.toLowerCase().startsWith(name)) || (ev.organizer ?? '').toLowerCase().startsWith(name)) n += 1;
    }
    return n;
  };
  if (words.length || names.length) {
    const best = Math.max(0, ...found.map(score));
    found = best > 0 ? found.filter((ev) => score(ev) === best) : [];
  }
  const what = op === 'decline' || op === 'accept' || op === 'tentative' ? 'invitation' : 'event';
  if (found.length === 0) return { ok: false, reason: `I couldn't find that ${what} on your calendar. Which one do you mean?` };
  if (found.length > 1) {
    const options = found.slice(0, 3).map((ev) => `"${ev.title}" (${spokenWhen(ev.start, timezone)})`);
    return { ok: false, reason: `Which ${what}: ${options.join(', or ')}?` };
  }
  return { ok: true, event: found[0] as EventSummary };
}
