import type { Intent } from '../../agent/intent/schema.js';
import type { ProviderContext as ReplyContext, ReplyInput } from '../../agent/reply/context.js';
import { firstName, plural, quote, spokenDay, spokenList, spokenRange, spokenTime } from '../../agent/reply/speech.js';
import type { ProviderReplyPart, ReadContext } from '../providerModule.js';
import type { EventSummary, Interval } from './calendarTools.js';
import { addressOf, displayName } from '../emailAddress.js';
import { nameMatches } from '../../people/index.js';
import type { ThreadDetail, ThreadSummary } from './gmailTools.js';
import type { MailAnalysisResult } from './mailReading.js';

/** What a request read from Gmail and Calendar (filled by the module's `fetchContext`). */
export interface GoogleReadContext {
  range?: { start: string; end: string };
  events?: EventSummary[];
  free?: Interval[];
  threads?: ThreadSummary[];
  thread?: ThreadDetail;
  /** For an answer: who wrote most / did X reply. */
  analysis?: MailAnalysisResult;
  /** For an answer: the other threads it quotes, read in full. */
  quoted?: ThreadDetail[];
  /** Whose mail was asked for (the name or address searched with `from:`): their message is the one quoted. */
  from?: string;
}

interface CalendarEventSummary {
  title: string;
  /** RFC 3339, or `YYYY-MM-DD` for all-day events. */
  start: string;
  end?: string;
  all_day?: boolean;
  attendees?: string[];
  location?: string;
}

interface EmailThreadSummary {
  subject: string;
  /** Display name or address of the latest sender. */
  from: string;
  from_email?: string;
  /** RFC 3339 of the latest message. */
  date?: string;
  snippet: string;
  unread?: boolean;
  message_count?: number;
  /** The user's own latest reply in the thread (never attributed to `from`). */
  your_reply?: string;
}

/** Google's part of the reply context. */
interface GoogleReplyContext {
  events?: CalendarEventSummary[];
  threads?: EmailThreadSummary[];
  /** "Who wrote most" / "did X reply", computed from what Gmail returned. */
  mail_analysis?: MailAnalysisResult;
}

function summarize(read: ReadContext<GoogleReadContext>, out: GoogleReplyContext): void {
  if (read.analysis) out.mail_analysis = read.analysis;
  if (read.events) {
    out.events = read.events.map((e) => ({
      title: e.title,
      start: e.start,
      end: e.end,
      ...(e.allDay ? { all_day: true } : {}),
      ...(e.attendees.length ? { attendees: e.attendees } : {}),
      ...(e.location ? { location: e.location } : {}),
    }));
  }
  if (read.threads) {
    out.threads = read.threads.map((t) => {
      const detail = read.thread?.threadId === t.threadId ? read.thread : read.quoted?.find((q) => q.threadId === t.threadId);
      // Each message is quoted under its real sender: the user's own reply is never "from Dana".
      // Asked for Priya's mail, a thread she started and Sam answered is quoted at her message.
      const others = detail?.messages.filter((m) => !m.fromSelf) ?? [];
      const asked = read.from;
      const theirs = asked ? others.filter((m) => nameMatches(asked, { name: displayName(m.from), address: addressOf(m.from) ?? '' })) : [];
      const last = theirs.at(-1) ?? others.at(-1);
      const mine = detail?.messages.at(-1)?.fromSelf ? detail.messages.at(-1) : undefined;
      const sender = last?.from ?? t.from;
      const fromEmail = addressOf(sender);
      return {
        subject: t.subject,
        from: displayName(sender),
        ...(fromEmail ? { from_email: fromEmail } : {}),
        date: last?.date ?? t.lastDate,
        snippet: last ? last.body.slice(0, 600) : t.snippet,
        unread: t.unread,
        message_count: t.messageCount,
        ...(mine ? { your_reply: mine.body.slice(0, 300) } : {}),
      };
    });
  }
}

function eventPhrase(e: CalendarEventSummary, now: Date, tz: string, withDay: boolean): string {
  if (e.all_day || /^\d{4}-\d{2}-\d{2}$/.test(e.start)) return `${e.title} (all day)`;
  const start = new Date(e.start);
  const day = withDay ? ` ${spokenDay(start, now, tz)}` : '';
  return `${e.title} at ${spokenTime(start, tz)}${day}`;
}

function calendarRead(intent: Intent, ctx: GoogleReplyContext, input: ReplyInput): string[] {
  const events = [...(ctx.events ?? [])].sort((a, b) => a.start.localeCompare(b.start));
  const when = spokenRange(intent.entities.time_range, input.now, input.timezone);
  const asksFree = /\b(free|available|availability|busy)\b/i.test(input.transcript);
  const multiDay = new Set(events.map((e) => e.start.slice(0, 10))).size > 1 || !when;
  const Cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

  if (events.length === 0) {
    if (asksFree) return [`You're free ${when ?? 'then'}: nothing is on your calendar.`];
    return [when ? `Nothing is on your calendar ${when}.` : 'Nothing is coming up on your calendar.'];
  }
  const phrases = events.slice(0, 6).map((e) => eventPhrase(e, input.now, input.timezone, multiDay));
  const more = events.length > 6 ? ` and ${events.length - 6} more` : '';
  if (/\bnext meeting\b|\bwhen is\b|\bwhat time\b/i.test(input.transcript) && events[0]) {
    return [`${Cap(eventPhrase(events[0], input.now, input.timezone, true))}.`];
  }
  if (asksFree) {
    return [`${Cap(when ?? 'then')} isn't free: you have ${spokenList(phrases)}${more}.`];
  }
  const lead = when ? `${Cap(when)} you have` : 'Coming up, you have';
  if (events.length === 1) return [`${lead} one event: ${phrases[0]}.`];
  return [`${lead} ${plural(events.length, 'event')}.`, `${Cap(spokenList(phrases))}${more}.`];
}

/** "Who wrote most this week", "did Sam reply": answered from the mailbox, never guessed. */
function mailAnalysis(intent: Intent, ctx: GoogleReplyContext, input: ReplyInput): string[] | undefined {
  const a = ctx.mail_analysis;
  if (intent.entities.analysis === 'top_senders' && a?.top_senders) {
    const top = a.top_senders;
    if (top.length === 0) return ['No one has written to you in that time.'];
    const lines = top.map((s) => `${s.name} (${plural(s.threads, 'thread')})`);
    return [`Most of your mail came from ${spokenList(lines)}.`];
  }
  if (intent.entities.analysis === 'did_reply') {
    const d = a?.did_reply;
    const who = intent.entities.sender ?? intent.entities.people[0] ?? 'they';
    if (!d) return [`I didn't find an email thread with ${who}.`];
    const day = d.last_date ? ` ${spokenDay(new Date(d.last_date), input.now, input.timezone)}` : '';
    if (d.replied)
      return [`Yes, ${firstName(d.person)} replied${day} in ${quote(d.subject, 80)}${d.last_text ? `: ${quote(d.last_text)}` : '.'}`];
    if (d.you_wrote)
      return [`Not yet. Your last message in ${quote(d.subject, 80)} was${day}, and ${firstName(d.person)} hasn't answered it.`];
    return [`${firstName(d.person)} hasn't replied to anything from you in ${quote(d.subject, 80)}.`];
  }
  return undefined;
}

function mailRead(intent: Intent, ctx: GoogleReplyContext, input: ReplyInput): string[] {
  const analysed = mailAnalysis(intent, ctx, input);
  if (analysed) return analysed.map((s) => (/[.!?…”]$/.test(s) ? s : `${s}.`));
  const threads = ctx.threads ?? [];
  const who = intent.entities.people[0];
  const fromWho = who ? ` from ${who}` : '';
  const about = intent.entities.query ? ` about ${intent.entities.query}` : '';
  if (threads.length === 0) {
    const fresh = intent.action === 'summarize' ? '' : 'new ';
    return [`I didn't find any ${fresh}emails${fromWho}${about}.`];
  }
  const out: string[] = [];
  const unread = threads.filter((t) => t.unread).length;
  const count = plural(threads.length, 'email');
  out.push(`You have ${count}${fromWho}${about}${unread > 0 && unread < threads.length ? `, ${unread} unread` : ''}.`);
  const shown = threads.slice(0, intent.action === 'summarize' ? 3 : Math.min(intent.entities.count ?? 2, 3));
  for (const [i, t] of shown.entries()) {
    const sender = firstName(t.from);
    const day = t.date ? ` ${spokenDay(new Date(t.date), input.now, input.timezone)}` : '';
    const snippet = t.snippet ? `: ${quote(t.snippet)}` : '.';
    const subject = quote(t.subject, 80);
    if (i > 0) out.push(`Before that, ${sender} wrote about ${subject}${snippet}`);
    else if (threads.length > 1) out.push(`The latest, from ${sender}${day}, is ${subject}${snippet}`);
    else out.push(`${sender} wrote${day} about ${subject}${snippet}`);
    if (t.your_reply) out.push(`You replied: ${quote(t.your_reply, 120)}`);
  }
  return out.map((s) => (/[.!?…”]$/.test(s) ? s : `${s}.`));
}

export const googleReply: ProviderReplyPart<GoogleReadContext> = {
  summarize: (read, out) => summarize(read, out as ReplyContext & GoogleReplyContext),

  speak(tool, intent, ctx, input) {
    if (tool === 'calendar') return calendarRead(intent, ctx as GoogleReplyContext, input);
    if (tool === 'gmail') return mailRead(intent, ctx as GoogleReplyContext, input);
    return [];
  },

  instructions: [
    'Attribute each message to its sender; your_reply is the user\'s own words ("you replied"), never the other person\'s. Use mail_analysis as given for who wrote most or whether someone replied.',
  ],

  forPrompt(ctx, cut) {
    const { threads, events } = ctx as GoogleReplyContext;
    return {
      ...(threads ? { threads: threads.slice(0, 10).map((t) => ({ ...t, snippet: cut(t.snippet) })) } : {}),
      ...(events ? { events: events.slice(0, 20) } : {}),
    };
  },

  remembered(tool, read) {
    if (tool === 'calendar') return { what: 'the calendar', count: read.events?.length ?? 0, one: 'event', many: 'events' };
    return { what: 'email', count: read.threads?.length ?? (read.thread ? 1 : 0), one: 'thread', many: 'threads' };
  },
};
