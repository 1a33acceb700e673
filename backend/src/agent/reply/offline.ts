import type { Tool } from '../../protocol/common.js';
import type { Intent } from '../intent/schema.js';
import type { CalendarEventSummary, ProviderContext, ReplyInput, ReplyWriter } from './context.js';
import { firstName, plural, quote, spokenDay, spokenList, spokenRange, spokenTime } from './speech.js';

/**
 * Template answers that read (and sound) like a person wrote them, built only from what the providers
 * returned, so nothing is invented. Sentences are yielded one at a time so the pipeline can stream
 * them and start speech after the first.
 */

const TOOL_NAME: Record<Tool, string> = { gmail: 'Gmail', calendar: 'your calendar', slack: 'Slack' };

function eventPhrase(e: CalendarEventSummary, now: Date, tz: string, withDay: boolean): string {
  if (e.all_day || /^\d{4}-\d{2}-\d{2}$/.test(e.start)) return `${e.title} (all day)`;
  const start = new Date(e.start);
  const day = withDay ? ` ${spokenDay(start, now, tz)}` : '';
  return `${e.title} at ${spokenTime(start, tz)}${day}`;
}

function calendarRead(intent: Intent, ctx: ProviderContext, input: ReplyInput): string[] {
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
function mailAnalysis(intent: Intent, ctx: ProviderContext, input: ReplyInput): string[] | undefined {
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

function gmailRead(intent: Intent, ctx: ProviderContext, input: ReplyInput): string[] {
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

/** What a Slack search looked for, in words: `NDA after:2026-11-24 in:#legal` → `"NDA" in #legal`. */
function searchedWords(query: string, intent: Intent): string {
  const words = query
    .replace(/\b(?:after|before|on|in|from):\S+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const channel = /\bin:#?([\w-]+)/.exec(query)?.[1];
  const since = /\bafter:/.test(query) ? (intent.entities.time_range ? ' in that time' : ' since yesterday') : '';
  const where = channel ? `#${channel}` : 'your Slack channels and DMs';
  return words ? `${where} for ${quote(words, 80)}${since}` : `${where}${since}`;
}

function slackRead(intent: Intent, ctx: ProviderContext): string[] {
  const msgs = ctx.messages ?? [];
  const s = ctx.slack;
  const where = intent.entities.channel ? `#${intent.entities.channel}` : s?.dm_with ? `your DMs with ${s.dm_with}` : 'Slack';
  const looked = s?.searched !== undefined ? searchedWords(s.searched, intent) : undefined;
  const out: string[] = [];
  if (msgs.length === 0) {
    // Never "nothing" without saying what was looked at.
    if (looked) out.push(`I searched ${looked} and found no messages.`);
    else out.push(`I read ${where} and found no new messages.`);
  } else {
    const latest = msgs.slice(-4);
    const many = new Set(latest.map((m) => m.channel)).size > 1 || (!intent.entities.channel && !s?.dm_with);
    const lines = latest.map((m) => {
      const chan = m.channel ? (m.channel.startsWith('DM with') ? ` (${m.channel})` : ` in #${m.channel.replace(/^#/, '')}`) : '';
      return `${firstName(m.user)}${many ? chan : ''} said ${quote(m.text, 120)}`;
    });
    out.push(
      looked ? `I searched ${looked} and found ${plural(msgs.length, 'message')}.` : `In ${where}, ${plural(msgs.length, 'message')}.`,
    );
    out.push(`${spokenList(lines)}.`);
  }
  if (s?.limited) out.push(s.limited);
  return out;
}

function writeAnswer(intent: Intent, ctx: ProviderContext, input: ReplyInput): string[] {
  const d = ctx.draft;
  const who = d?.to ?? intent.entities.people[0] ?? intent.entities.emails[0];
  const message = d?.text ?? intent.entities.message;
  switch (intent.action) {
    case 'schedule': {
      const start = d?.start ?? intent.entities.start;
      const minutes = d?.duration_minutes ?? intent.entities.duration_minutes ?? 30;
      const withWho = intent.entities.people.length ? ` with ${spokenList(intent.entities.people)}` : '';
      if (!start) return [`When should I schedule the meeting${withWho}?`];
      const s = new Date(start);
      return [
        `I've drafted a ${minutes}-minute meeting${withWho} ${spokenDay(s, input.now, input.timezone)} at ${spokenTime(s, input.timezone)}.`,
        'Check it and confirm to send the invite.',
      ];
    }
    case 'post': {
      const channel = d?.channel ?? intent.entities.channel;
      const where = channel ? `#${channel}` : who ? who : undefined;
      if (!where) return ['Which channel should I post that in?'];
      if (!message) return [`What should I post in ${where}?`];
      return [`Ready to post in ${where}: ${quote(message)}.`, 'Confirm to post it.'];
    }
    default: {
      const kind = intent.action === 'reply' ? 'reply' : 'email';
      if (!who) return [`Who should I ${intent.action === 'reply' ? 'reply to' : 'send that to'}?`];
      if (!message && intent.action !== 'draft') return [`What would you like to say to ${who}?`];
      const body = message ? `: ${quote(message)}` : '';
      return [`Here's a draft ${kind} to ${firstName(who)}${body}.`, 'Have a look and confirm when you’re ready to send it.'];
    }
  }
}

const HELP = [
  'I can help with your email, calendar and Slack.',
  'Try “what’s on my calendar tomorrow” or “reply to Dana that Thursday works”.',
];

export function offlineReply(input: ReplyInput): string[] {
  const { intent } = input;
  if (intent.action === 'unknown' || intent.tools.length === 0) return HELP;
  const ctx: ProviderContext = typeof input.context === 'string' ? { notes: input.context ? [input.context] : [] } : input.context;
  const failed = new Set((ctx.errors ?? []).map((e) => e.tool));
  const out: string[] = [];
  if (intent.needs_write) {
    out.push(...writeAnswer(intent, ctx, input));
  } else {
    for (const tool of intent.tools) {
      if (failed.has(tool)) continue;
      if (typeof input.context === 'string') continue;
      if (tool === 'calendar') out.push(...calendarRead(intent, ctx, input));
      if (tool === 'gmail') out.push(...gmailRead(intent, ctx, input));
      if (tool === 'slack') out.push(...slackRead(intent, ctx));
    }
  }
  for (const tool of failed) {
    // A provider's own limit is said as it is (what happened and when to ask again), not as an outage.
    const limit = (ctx.errors ?? []).find((e) => e.tool === tool && e.code === 'RATE_LIMITED');
    out.push(limit ? `I couldn't read ${TOOL_NAME[tool]} this time: ${limit.message}` : `I couldn't reach ${TOOL_NAME[tool]} just now.`);
  }
  for (const note of ctx.notes ?? []) out.push(note);
  return out.length > 0 ? out : ['Done.'];
}

export class OfflineReplyWriter implements ReplyWriter {
  readonly name = 'offline';

  async *stream(input: ReplyInput): AsyncGenerator<string> {
    const sentences = offlineReply(input);
    for (const [i, s] of sentences.entries()) yield i === 0 ? s : ` ${s}`;
  }
}
