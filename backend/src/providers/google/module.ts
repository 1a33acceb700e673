import type { Intent } from '../../agent/intent/schema.js';
import type { DraftTextInput } from '../../agent/reply/compose.js';
import { addDays, todayIn, toRfc3339, zonedTimeToInstant } from '../../time/zonedTime.js';
import { candidatesOf, describePerson, ResolvedContacts, whichPersonQuestion, type PersonCandidate } from '../../people/index.js';
import { addressOf, parseAddressList } from '../emailAddress.js';
import { defineProviderModule, type ActionFacts, type DraftBuildOptions, type ReadContext } from '../providerModule.js';
import type { ProviderCallContext } from '../result.js';
import { conflictsIn, createCalendarTools } from './calendarTools.js';
import { EmailDraftFields, EventCancelFields, EventDraftFields, EventMoveFields, EventResponseFields, googleContract } from './contract.js';
import { buildForwardDraft, createGmailTools, replyToRedirectOf, type ReplyTarget, type ThreadSummary } from './gmailTools.js';
import { listedBy, pointAt, type ListedItems } from './conversationItems.js';
import { analyzeMail, intentForReading, readQuotedThreads } from './mailReading.js';
import { googleReply, type GoogleReadContext } from './reply.js';
import { calendarOperation, mailOperation, pickEvent, spokenWhen, type CalendarOperation } from './operations.js';
import type { DraftBuild } from '../providerModule.js';

/** Gmail and Google Calendar: one Google connection, two tools. */

type GoogleTools = { gmail: ReturnType<typeof createGmailTools>; calendar: ReturnType<typeof createCalendarTools> };

function firstName(from: string): string {
  const name = from
    .replace(/<[^>]*>/, '')
    .replace(/"/g, '')
    .trim();
  return (name.split(/\s+/)[0] || name).replace(/@.*/, '');
}

/** The default window for calendar questions without a date: the rest of today. */
function dayRange(now: Date, timezone: string): { start: string; end: string } {
  const today = todayIn(now, timezone);
  return { start: toRfc3339(now, timezone), end: toRfc3339(zonedTimeToInstant(addDays(today, 1), 0, 0, timezone), timezone) };
}

function composeInput(intent: Intent, opts: DraftBuildOptions): DraftTextInput {
  return {
    intent,
    transcript: opts.transcript,
    ...(opts.userName ? { senderName: opts.userName } : {}),
    ...(opts.memory?.length ? { memory: opts.memory } : {}),
  };
}

function withoutEventId(f: EventDraftFields): Omit<EventDraftFields, 'event_id'> {
  const { event_id: _ignored, ...rest } = f;
  return rest;
}

async function fetchCalendar(
  tools: GoogleTools,
  call: ProviderCallContext,
  intent: Intent,
  timezone: string,
  now: Date,
  out: ReadContext<GoogleReadContext>,
): Promise<void> {
  const e = intent.entities;
  const range =
    e.time_range ??
    (e.start
      ? { start: e.start, end: new Date(Date.parse(e.start) + (e.duration_minutes ?? 60) * 60_000).toISOString() }
      : dayRange(now, timezone));
  out.range = range;
  const jobs: Array<Promise<void>> = [
    tools.calendar.listEvents(call, { timeMin: range.start, timeMax: range.end, maxResults: 20 }).then((r) => {
      if (r.ok) out.events = r.value.events;
      else out.failures.push(r.error);
    }),
  ];
  if (/free|busy|available/i.test(e.query ?? '') || intent.action === 'schedule') {
    jobs.push(
      tools.calendar.freeBusy(call, { timeMin: range.start, timeMax: range.end, timeZone: timezone }).then((r) => {
        if (r.ok) out.free = r.value.free;
        else out.failures.push(r.error);
      }),
    );
  }
  await Promise.all(jobs);
}

async function fetchMail(
  tools: GoogleTools,
  call: ProviderCallContext,
  intent: Intent,
  out: ReadContext<GoogleReadContext>,
): Promise<void> {
  const e = intent.entities;
  const named = e.people[0];
  // A reply answers the person the user knows by that name, not the newest stranger using it.
  const from = named && intent.action === 'reply' ? ((await verifiedAddressOf(tools, call, named)) ?? named) : named;
  const r = await tools.gmail.searchThreads(call, {
    ...(from ? { from } : {}),
    ...(e.query ? { query: e.query } : {}),
    maxResults: e.count ?? 5,
  });
  if (!r.ok) return void out.failures.push(r.error);
  out.threads = r.value.threads;
  if (from) out.from = from;
  // Summaries and replies need the newest thread itself, not just its snippet.
  const first = r.value.threads[0];
  if (first && (intent.action === 'summarize' || intent.action === 'reply' || intent.action === 'read')) {
    const t = await tools.gmail.readThread(call, { threadId: first.threadId });
    if (t.ok) out.thread = t.value;
    else out.failures.push(t.error);
  }
}

/** Who a name may be in the user's Google history: people they sent mail to, then their calendar guests. */
async function verifiedCandidates(tools: GoogleTools, call: ProviderCallContext, name: string): Promise<PersonCandidate[]> {
  const [sent, guests] = await Promise.all([
    tools.gmail.sentRecipients(call, { name }),
    tools.calendar.guestsMatching(call, { query: name }),
  ]);
  return [
    ...(sent.ok ? sent.value.map((m) => ({ ...m, source: 'sent' as const })) : []),
    ...(guests.ok ? guests.value.map((m) => ({ ...m, source: 'calendar' as const })) : []),
  ];
}

/** The one address a name means in the user's own history, if it means exactly one. */
async function verifiedAddressOf(tools: GoogleTools, call: ProviderCallContext, name: string): Promise<string | undefined> {
  if (name.includes('@')) return name;
  return ResolvedContacts.from([name], await verifiedCandidates(tools, call, name)).get(name.toLowerCase());
}

/** The warning when a reply would go to a Reply-To instead of the person who wrote (said and shown). */
function redirectWarning(target: ReplyTarget, recipients: readonly string[]): string | undefined {
  const r = replyToRedirectOf(target, recipients);
  if (!r) return undefined;
  const where = r.other_domain ? ', on another domain' : '';
  return `Careful: this email asks for replies to go to ${r.reply_to.join(', ')}${where}, not to the sender ${r.sender}.`;
}

const LOOKAHEAD_DAYS = 14;

/**
 * A change to an existing event (move, cancel, answer an invite): one list of the coming two weeks,
 * the event the request means picked from it, and a draft of the matching kind. A move warns about
 * clashes at the new time.
 */
async function buildEventChange(op: CalendarOperation, intent: Intent, opts: DraftBuildOptions, tools: GoogleTools): Promise<DraftBuild> {
  const call = opts.call;
  if (!call || !tools.calendar) return { ok: false, reason: 'I can’t look up your calendar for that right now.' };
  const from = new Date(opts.now.getTime() - 60 * 60_000);
  const to = new Date(opts.now.getTime() + LOOKAHEAD_DAYS * 86_400_000);
  const listed = await tools.calendar.listEvents(call, {
    timeMin: toRfc3339(from, opts.timezone),
    timeMax: toRfc3339(to, opts.timezone),
    maxResults: 50,
  });
  if (!listed.ok) return { ok: false, reason: listed.error.message };
  const picked = pickEvent(listed.value.events, intent, op, opts.timezone);
  if (!picked.ok) return picked;
  const ev = picked.event;
  const when = spokenWhen(ev.start, opts.timezone);
  if (op === 'cancel') {
    const fields = EventCancelFields.parse({ event_id: ev.eventId, title: ev.title, start: ev.start, attendees: ev.attendees });
    const guests = ev.attendees.length
      ? ` I'll let ${ev.attendees.length === 1 ? 'the guest' : `all ${ev.attendees.length} guests`} know.`
      : '';
    return { ok: true, draft: { kind: 'event_cancel', fields }, spoken: `Cancel "${ev.title}" on ${when}?${guests}` };
  }
  if (op === 'move') {
    const e = intent.entities;
    if (!e.start) return { ok: false, reason: `When should "${ev.title}" move to?` };
    const minutes = e.duration_minutes ?? Math.max(5, Math.round((Date.parse(ev.end) - Date.parse(ev.start)) / 60_000));
    const start = new Date(e.start);
    const end = new Date(start.getTime() + minutes * 60_000);
    const fields = EventMoveFields.parse({
      event_id: ev.eventId,
      title: ev.title,
      start: toRfc3339(start, opts.timezone),
      end: toRfc3339(end, opts.timezone),
      timezone: opts.timezone,
    });
    const clash = await tools.calendar.findConflicts(call, { start: fields.start, end: fields.end, ignoreEventId: ev.eventId });
    const warning = clash.ok && clash.value.conflicts.length ? ` That overlaps "${clash.value.conflicts[0]!.title}".` : '';
    return {
      ok: true,
      draft: { kind: 'event_move', fields },
      spoken: `Move "${ev.title}" from ${when} to ${spokenWhen(fields.start, opts.timezone)}?${warning}`,
    };
  }
  const response = op === 'decline' ? 'declined' : op === 'accept' ? 'accepted' : 'tentative';
  const comment = intent.entities.message;
  const fields = EventResponseFields.parse({
    event_id: ev.eventId,
    title: ev.title,
    response,
    ...(ev.organizer ? { organizer: ev.organizer } : {}),
    ...(comment ? { comment } : {}),
  });
  const verb = op === 'decline' ? 'Decline' : op === 'accept' ? 'Accept' : 'Answer "maybe" to';
  return {
    ok: true,
    draft: { kind: 'event_response', fields },
    spoken: `${verb} "${ev.title}" on ${when}? ${ev.organizer ? `${ev.organizer} will be told.` : ''}`.trim(),
  };
}

export const googleModule = defineProviderModule({
  contract: googleContract,
  settings: { connectionEnv: 'GOOGLE_CONNECTION', apiUrlEnv: 'GOOGLE_API_ROOT_URL', defaultApiUrl: 'https://www.googleapis.com/' },
  apiUrlOption: 'googleRootUrl',

  createTools(opts): GoogleTools {
    const common = {
      policy: opts.policy,
      connection: opts.connection,
      googleRootUrl: opts.apiUrl,
      budgetChars: opts.budgetChars,
      requestTimeoutMs: opts.requestTimeoutMs,
    };
    return { gmail: createGmailTools(common), calendar: createCalendarTools(common) };
  },

  async fetchContext(tools: GoogleTools, call, intent, env, out: ReadContext<GoogleReadContext>) {
    const jobs: Array<Promise<void>> = [];
    if (intent.tools.includes('calendar')) jobs.push(fetchCalendar(tools, call, intent, env.timezone, env.now, out));
    if (intent.tools.includes('gmail')) jobs.push(fetchMail(tools, call, intent, out));
    await Promise.all(jobs);
  },

  /**
   * Who the names in the request may be: people the user sent mail to and their calendar guests
   * (verified), and, ranked last, senders whose display name matches (anyone can choose that name).
   */
  async lookupContacts(tools, call, intent) {
    if (!intent.tools.includes('gmail') && !intent.tools.includes('calendar')) return [];
    const found = await Promise.all(
      intent.entities.people.map(async (name): Promise<PersonCandidate[]> => {
        const [verified, inbound] = await Promise.all([
          verifiedCandidates(tools, call, name),
          tools.gmail.searchThreads(call, { from: name, maxResults: 3 }),
        ]);
        const senders = inbound.ok
          ? inbound.value.threads.flatMap((t) => parseAddressList(t.from)).map((m) => ({ ...m, source: 'inbound' as const }))
          : [];
        return [...verified, ...senders];
      }),
    );
    return found.flat();
  },

  draftBuilders: [
    {
      kind: 'event',
      appliesTo: (intent) => intent.tools.includes('calendar') && intent.action === 'schedule',
      async build(intent, context, opts, tools) {
        const e = intent.entities;
        const op = calendarOperation(intent, opts.transcript);
        if (op) return buildEventChange(op, intent, opts, tools);
        if (!e.start) return { ok: false, reason: 'When should the meeting be?' };
        // A guest name that fits two people is asked about, as for mail, before anyone is invited.
        for (const p of e.emails.length ? [] : e.people) {
          const found = candidatesOf(opts.contacts, p);
          if (found && found.length > 1) return { ok: false, reason: whichPersonQuestion(p, found) };
        }
        const start = new Date(e.start);
        const minutes = e.duration_minutes ?? opts.defaultMeetingMinutes ?? 30;
        const end = new Date(start.getTime() + minutes * 60_000);
        const attendees = [
          ...new Set([...e.emails, ...e.people.map((p) => opts.contacts.get(p.toLowerCase())).filter((x): x is string => !!x)]),
        ];
        const composed = await opts.composer.compose('event', composeInput(intent, opts));
        const title = composed.kind === 'event' ? composed.title : 'Meeting';
        const fields = {
          title,
          start: toRfc3339(start, opts.timezone),
          end: toRfc3339(end, opts.timezone),
          timezone: opts.timezone,
          attendees,
          ...(composed.kind === 'event' && composed.description ? { description: composed.description } : {}),
        };
        const when = new Intl.DateTimeFormat('en-US', {
          weekday: 'long',
          hour: 'numeric',
          minute: '2-digit',
          timeZone: opts.timezone,
        }).format(start);
        const missing = e.people.filter((p) => !opts.contacts.get(p.toLowerCase()));
        const note = missing.length ? ` I couldn't find an address for ${missing.join(', ')}; add it before creating.` : '';
        // Never double-book silently: the events read for the slot, or one list if none were read.
        const clashes = context.events
          ? conflictsIn(context.events, fields.start, fields.end)
          : opts.call && tools.calendar
            ? await tools.calendar
                .findConflicts(opts.call, { start: fields.start, end: fields.end })
                .then((r) => (r.ok ? r.value.conflicts : []))
            : [];
        const clash = clashes.length
          ? ` Heads up: that overlaps "${clashes[0]!.title}" at ${spokenWhen(clashes[0]!.start, opts.timezone)}.`
          : '';
        // Guests are named with the address the invitation goes to, as emails are.
        const guests = attendees.map((address) => {
          const said = e.people.find((p) => opts.contacts.get(p.toLowerCase()) === address);
          const seen = said ? candidatesOf(opts.contacts, said)?.[0] : undefined;
          return describePerson({ name: seen?.name || said || '', address });
        });
        const withWhom = guests.length ? ` with ${guests.join(', ')}` : '';
        return {
          ok: true,
          draft: { kind: 'event', fields: EventDraftFields.parse(fields) },
          spoken: `I've drafted "${title}" for ${when}, ${minutes} minutes${withWhom}.${clash}${note}`,
        };
      },
    },
    {
      kind: 'email',
      // A reply goes into the newest thread with that person (so threading headers are right); a new email needs an address.
      appliesTo: (intent) => intent.tools.includes('gmail'),
      fallback: true,
      async build(intent, context, opts, tools) {
        const e = intent.entities;
        const person = e.people[0];
        const matches = person && !e.emails[0] ? candidatesOf(opts.contacts, person) : undefined;
        // Two people fit the name: ask which, naming each with the address it would go to.
        if (person && matches && matches.length > 1 && intent.action !== 'reply')
          return { ok: false, reason: whichPersonQuestion(person, matches) };
        const personEmail = e.emails[0] ?? (person ? opts.contacts.get(person.toLowerCase()) : undefined);
        const match = matches?.[0];
        // The voice and the sheet name the address the email goes to, never only the name that was said.
        const recipient = personEmail ? describePerson({ name: match?.name || person || '', address: personEmail }) : (person ?? '');
        const unverifiedWarning =
          match && !match.verified ? `You've never written to ${personEmail}; I only know it from mail it sent you.` : undefined;
        const unverified = unverifiedWarning ? ` ${unverifiedWarning}` : '';
        const warned = unverifiedWarning ? { warning: unverifiedWarning } : {};
        const words = composeInput(intent, opts);
        const op = mailOperation(intent, opts.transcript);
        // "Save it as a draft" stores a Gmail draft (gmail.compose) and sends nothing.
        const kind = op === 'save_draft' ? 'email_draft' : 'email';
        const ready =
          kind === 'email_draft' ? 'I’ll save it in your Gmail drafts; nothing is sent.' : "Check it and send when you're ready.";
        if (op === 'forward') {
          if (!personEmail)
            return { ok: false, reason: person ? `I couldn't find an email address for ${person}.` : 'Who should I forward it to?' };
          let source = context.thread;
          // The thread to forward is found by its topic, not by the person it goes to.
          if (e.query && opts.call && tools.gmail) {
            const found = await tools.gmail.searchThreads(opts.call, { query: e.query, maxResults: 1 });
            const id = found.ok ? found.value.threads[0]?.threadId : undefined;
            const read = id ? await tools.gmail.readThread(opts.call, { threadId: id }) : undefined;
            if (read?.ok) source = read.value;
          }
          if (!source) return { ok: false, reason: 'Which email should I forward?' };
          const fields = EmailDraftFields.parse({ ...buildForwardDraft(source, [personEmail], e.message ?? ''), ...warned });
          return {
            ok: true,
            draft: { kind, fields },
            spoken: `Here's "${source.subject}" forwarded to ${recipient}.${unverified} ${ready}`,
          };
        }
        if (!e.message) return { ok: false, reason: person ? `What should I say to ${person}?` : 'What should the email say?' };
        const thread = context.thread;
        if ((intent.action === 'reply' || op === 'reply_all') && thread && thread.replyTarget.to.length) {
          const target = thread.replyTarget;
          const name = person ?? firstName(target.to[0]!);
          const last = thread.messages.at(-1);
          const composed = await opts.composer.compose('email', {
            ...words,
            recipientName: name,
            thread: { subject: target.subject, from: last?.from ?? target.to[0]!, snippet: (last?.body ?? '').slice(0, 600) },
          });
          const fields = {
            to: target.to.map((t) => addressOf(t) ?? t).filter(Boolean),
            cc: op === 'reply_all' ? target.replyAllCc : [],
            // Gmail threads a reply only while the subject matches, so the thread's subject is kept.
            subject: /^re:/i.test(target.subject) ? target.subject : `Re: ${target.subject}`,
            body: composed.kind === 'email' ? composed.body : e.message,
            thread_id: target.threadId,
            ...(target.inReplyTo ? { in_reply_to: target.inReplyTo } : {}),
          };
          const warning = redirectWarning(target, fields.to);
          const everyone = op === 'reply_all' && target.replyAllCc.length ? ` and everyone on it` : '';
          const to = fields.to.join(', ');
          return {
            ok: true,
            draft: { kind, fields: EmailDraftFields.parse({ ...fields, ...(warning ? { warning } : {}) }) },
            spoken: `Here's a reply to ${name} at ${to}${everyone} in "${target.subject}".${warning ? ` ${warning}` : ''} ${ready}`,
          };
        }
        if (!personEmail) return { ok: false, reason: person ? `I couldn't find an email address for ${person}.` : 'Who should I email?' };
        const composed = await opts.composer.compose('email', { ...words, ...(person ? { recipientName: person } : {}) });
        const fields = {
          to: [personEmail],
          cc: [],
          subject: composed.kind === 'email' ? composed.subject : 'Quick note',
          body: composed.kind === 'email' ? composed.body : e.message,
          ...warned,
        };
        return {
          ok: true,
          draft: { kind, fields: EmailDraftFields.parse(fields) },
          spoken: `Here's an email to ${recipient}.${unverified} ${ready}`,
        };
      },
    },
  ],

  async execute(tools, call, draft) {
    if (draft.kind === 'email' || draft.kind === 'email_draft') {
      const f = draft.fields as EmailDraftFields;
      let references: string[] | undefined;
      if (f.thread_id) {
        const thread = await tools.gmail.readThread(call, { threadId: f.thread_id });
        if (thread.ok) references = thread.value.replyTarget.references;
      }
      const outgoing = { ...f, ...(references ? { references } : {}) };
      // A Gmail draft is stored (gmail.compose), never sent.
      if (draft.kind === 'email_draft') {
        const d = await tools.gmail.createDraft(call, outgoing);
        return d.ok ? { ok: true, status: 'drafted', ref: d.value.draftId } : { ok: false, error: d.error };
      }
      const r = await tools.gmail.sendEmail(call, outgoing);
      return r.ok ? { ok: true, status: 'sent', ref: r.value.messageId } : { ok: false, error: r.error };
    }
    if (draft.kind === 'event_move') {
      const f = draft.fields as EventMoveFields;
      const r = await tools.calendar.updateEvent(call, { eventId: f.event_id, start: f.start, end: f.end, timezone: f.timezone });
      return r.ok ? { ok: true, status: 'moved', ref: r.value.eventId } : { ok: false, error: r.error };
    }
    if (draft.kind === 'event_cancel') {
      const f = draft.fields as EventCancelFields;
      const r = await tools.calendar.cancelEvent(call, { eventId: f.event_id });
      return r.ok ? { ok: true, status: 'cancelled', ref: r.value.eventId } : { ok: false, error: r.error };
    }
    if (draft.kind === 'event_response') {
      const f = draft.fields as EventResponseFields;
      const r = await tools.calendar.respondToEvent(call, {
        eventId: f.event_id,
        response: f.response,
        ...(f.comment ? { comment: f.comment } : {}),
      });
      return r.ok ? { ok: true, status: 'answered', ref: r.value.eventId } : { ok: false, error: r.error };
    }
    const f = draft.fields as EventDraftFields;
    const r = f.event_id
      ? await tools.calendar.updateEvent(call, { ...withoutEventId(f), eventId: f.event_id })
      : await tools.calendar.createEvent(call, f);
    return r.ok ? { ok: true, status: 'created', ref: r.value.eventId } : { ok: false, error: r.error };
  },

  /**
   * What only the mailbox can tell about an email's recipients, read for the draft as it stands (so an
   * edit is judged again): whether a reply follows a Reply-To away from the sender, and who among the
   * recipients the user has never written to. A fact that cannot be read is left out, never guessed.
   */
  async actionFacts(tools, call, draft): Promise<ActionFacts> {
    if (draft.kind !== 'email' && draft.kind !== 'email_draft') return {};
    const f = draft.fields as EmailDraftFields;
    const recipients = [...f.to, ...f.cc];
    const [target, fresh] = await Promise.all([
      f.thread_id ? tools.gmail.replyTarget(call, { threadId: f.thread_id }) : Promise.resolve(undefined),
      tools.gmail.neverEmailed(call, { addresses: recipients }),
    ]);
    const facts: ActionFacts = {};
    const redirect = target?.ok ? replyToRedirectOf(target.value, recipients) : undefined;
    if (redirect) facts.reply_to_redirect = redirect;
    if (fresh.ok && fresh.value.length) facts.first_time_recipients = fresh.value;
    return facts;
  },

  /**
   * Email drafts with `in_reply_to` or a thread are replies; a Gmail draft is `draft` (nothing leaves);
   * a moved event is an `update` reaching its guests, a cancellation a `cancel`, an invitation answer
   * an `update` reaching the organizer; event drafts with an `event_id` update an event.
   */
  toAction(draft, facts) {
    if (draft.kind === 'email' || draft.kind === 'email_draft') {
      const f = draft.fields as EmailDraftFields;
      const action = draft.kind === 'email_draft' ? 'draft' : f.in_reply_to || f.thread_id ? 'reply' : 'send';
      return {
        tool: 'gmail',
        action,
        recipients: f.to,
        cc: f.cc,
        subject: f.subject,
        body: f.body,
        labels: facts.labels ?? [],
        ...(facts.reply_to_redirect ? { reply_to_redirect: facts.reply_to_redirect } : {}),
        ...(facts.first_time_recipients?.length ? { first_time_recipients: facts.first_time_recipients } : {}),
      };
    }
    if (draft.kind === 'event_move') {
      const f = draft.fields as EventMoveFields;
      return { tool: 'calendar', action: 'update', title: f.title };
    }
    if (draft.kind === 'event_cancel') {
      const f = draft.fields as EventCancelFields;
      return { tool: 'calendar', action: 'cancel', attendees: f.attendees, title: f.title };
    }
    if (draft.kind === 'event_response') {
      const f = draft.fields as EventResponseFields;
      return {
        tool: 'calendar',
        action: 'update',
        attendees: f.organizer ? [f.organizer] : [],
        title: f.title,
        ...(f.comment ? { body: f.comment } : {}),
      };
    }
    const f = draft.fields as EventDraftFields;
    return { tool: 'calendar', action: f.event_id ? 'update' : 'schedule', attendees: f.attendees, title: f.title, body: f.description };
  },

  readingIntent: intentForReading,

  listed: (intent, read, transcript) => listedBy(intent, read, transcript),

  pointAt(intent, transcript, listed) {
    const p = pointAt(intent, transcript, listed as ListedItems);
    return p.thread || p.intent !== intent ? { intent: p.intent, ...(p.thread ? { item: p.thread } : {}) } : undefined;
  },

  async readMore(tools: GoogleTools, call, intent, out, env, pointed) {
    const thread = pointed?.item as ThreadSummary | undefined;
    if (thread && !out.failures.length) {
      // "the second email": that thread, read in full, instead of whatever a fresh search returned.
      const read = await tools.gmail.readThread(call, { threadId: thread.threadId });
      out.threads = [thread];
      if (read.ok) out.thread = read.value;
      else out.failures.push(read.error);
    }
    if (intent.needs_write) return;
    const [analysis, quoted] = await Promise.all([
      analyzeMail(tools, call, intent, out, env),
      intent.tools.includes('gmail') ? readQuotedThreads(tools, call, out) : Promise.resolve([]),
    ]);
    if (analysis) out.analysis = analysis;
    if (quoted.length) out.quoted = quoted;
  },

  /** Mail-only writes know their kind: a Gmail draft needs compose, a sent email send. */
  draftKinds: (intent) =>
    intent.needs_write && intent.tools.length === 1 && intent.tools[0] === 'gmail'
      ? [intent.entities.save_as_draft ? 'email_draft' : 'email']
      : undefined,

  reply: googleReply,
});
