import { z } from 'zod';
import { type Draft, EmailDraftFields, EventDraftFields, SlackDraftFields, type DraftKind } from '../protocol/index.js';
import type { ProviderFailure, ProviderTools } from '../providers/index.js';
import type { ProviderCallContext } from '../providers/result.js';
import type { ProviderContext } from './providerContext.js';
import type { Intent } from './intent/schema.js';
import type { DraftComposer } from './reply/compose.js';
import { toRfc3339 } from '../time/zonedTime.js';

export type DraftBuild = { ok: true; draft: Draft; spoken: string } | { ok: false; reason: string };

/** "Dana Whitfield <dana@northwind.io>" → the address; a bare address stays as it is. */
export function addressOf(from: string): string | undefined {
  const m = /<([^>]+@[^>]+)>/.exec(from) ?? /([^\s<>"]+@[^\s<>"]+)/.exec(from);
  return m?.[1]?.trim().toLowerCase();
}

function firstName(from: string): string {
  const name = from.replace(/<[^>]*>/, '').replace(/"/g, '').trim();
  return (name.split(/\s+/)[0] || name).replace(/@.*/, '');
}

export interface DraftBuildOptions {
  timezone: string;
  now: Date;
  transcript: string;
  userName?: string;
  contacts: Map<string, string>;
  /** Writes the words (Gemini when keyed, templates otherwise); this module decides the structure. */
  composer: DraftComposer;
  /** Long-term memories recalled for this request (tone, facts the person told Vouch before). */
  memory?: string[];
}

/**
 * Builds the editable draft a write request turns into, from what was read: a reply goes into the
 * newest thread with that person (so threading headers are right), a new email or event needs an
 * address found in the mailbox, a Slack post needs a channel. Nothing is written here.
 */
export async function buildDraft(intent: Intent, context: ProviderContext, opts: DraftBuildOptions): Promise<DraftBuild> {
  const e = intent.entities;
  const person = e.people[0];
  const personEmail = e.emails[0] ?? (person ? opts.contacts.get(person.toLowerCase()) : undefined);
  const words = { intent, transcript: opts.transcript, ...(opts.userName ? { senderName: opts.userName } : {}), ...(opts.memory?.length ? { memory: opts.memory } : {}) };

  if (intent.tools.includes('slack') && (intent.action === 'post' || intent.action === 'send' || intent.action === 'draft')) {
    if (!e.channel) return { ok: false, reason: 'Which Slack channel should I post to?' };
    if (!e.message) return { ok: false, reason: `What should I post to #${e.channel}?` };
    const composed = await opts.composer.compose('slack_message', words);
    const text = composed.kind === 'slack_message' ? composed.text : e.message;
    return { ok: true, draft: { kind: 'slack_message', fields: SlackDraftFields.parse({ channel: e.channel, text }) }, spoken: `Here's the message for #${e.channel}: "${text}" Post it when you're ready.` };
  }

  if (intent.tools.includes('calendar') && intent.action === 'schedule') {
    if (!e.start) return { ok: false, reason: 'When should the meeting be?' };
    const start = new Date(e.start);
    const minutes = e.duration_minutes ?? 30;
    const end = new Date(start.getTime() + minutes * 60_000);
    const attendees = [...new Set([...e.emails, ...e.people.map((p) => opts.contacts.get(p.toLowerCase())).filter((x): x is string => !!x)])];
    const composed = await opts.composer.compose('event', words);
    const title = composed.kind === 'event' ? composed.title : 'Meeting';
    const fields = {
      title,
      start: toRfc3339(start, opts.timezone),
      end: toRfc3339(end, opts.timezone),
      timezone: opts.timezone,
      attendees,
      ...(composed.kind === 'event' && composed.description ? { description: composed.description } : {}),
    };
    const when = new Intl.DateTimeFormat('en-US', { weekday: 'long', hour: 'numeric', minute: '2-digit', timeZone: opts.timezone }).format(start);
    const missing = e.people.filter((p) => !opts.contacts.get(p.toLowerCase()));
    const note = missing.length ? ` I couldn't find an address for ${missing.join(', ')}; add it before creating.` : '';
    return { ok: true, draft: { kind: 'event', fields: EventDraftFields.parse(fields) }, spoken: `I've drafted "${title}" for ${when}, ${minutes} minutes.${note}` };
  }

  if (intent.tools.includes('gmail')) {
    if (!e.message) return { ok: false, reason: person ? `What should I say to ${person}?` : 'What should the email say?' };
    const thread = context.thread;
    if (intent.action === 'reply' && thread && thread.replyTarget.to.length) {
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
        cc: [],
        // Gmail threads a reply only while the subject matches, so the thread's subject is kept.
        subject: /^re:/i.test(target.subject) ? target.subject : `Re: ${target.subject}`,
        body: composed.kind === 'email' ? composed.body : e.message,
        thread_id: target.threadId,
        ...(target.inReplyTo ? { in_reply_to: target.inReplyTo } : {}),
      };
      return { ok: true, draft: { kind: 'email', fields: EmailDraftFields.parse(fields) }, spoken: `Here's a reply to ${name} in "${target.subject}". Check it and send when you're ready.` };
    }
    if (!personEmail) return { ok: false, reason: person ? `I couldn't find an email address for ${person}.` : 'Who should I email?' };
    const composed = await opts.composer.compose('email', { ...words, ...(person ? { recipientName: person } : {}) });
    const fields = { to: [personEmail], cc: [], subject: composed.kind === 'email' ? composed.subject : 'Quick note', body: composed.kind === 'email' ? composed.body : e.message };
    return { ok: true, draft: { kind: 'email', fields: EmailDraftFields.parse(fields) }, spoken: `Here's an email to ${person ?? personEmail}. Check it and send when you're ready.` };
  }
  return { ok: false, reason: 'I can draft emails, calendar events and Slack posts.' };
}

const SCHEMAS = { email: EmailDraftFields, event: EventDraftFields, slack_message: SlackDraftFields } as const;

/** Applies a person's edits and validates the result against the same schema the app used. */
export function applyEdits(kind: DraftKind, fields: Draft['fields'], edits: Record<string, unknown> | undefined): { ok: true; fields: Draft['fields'] } | { ok: false; message: string } {
  const merged = { ...(fields as Record<string, unknown>), ...(edits ?? {}) };
  const parsed = (SCHEMAS[kind] as z.ZodType<Draft['fields']>).safeParse(merged);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return { ok: false, message: `${i?.path.join('.') || 'draft'}: ${i?.message ?? 'invalid'}` };
  }
  return { ok: true, fields: parsed.data };
}

export type WriteOutcome = { ok: true; status: 'sent' | 'created' | 'posted'; ref: string } | { ok: false; error: ProviderFailure };

/** Performs the confirmed write. Called at most once per draft (the store's claim guarantees it). */
export async function executeDraft(tools: ProviderTools, ctx: ProviderCallContext, kind: DraftKind, fields: Draft['fields']): Promise<WriteOutcome> {
  if (kind === 'email') {
    const f = fields as EmailDraftFields;
    let references: string[] | undefined;
    if (f.thread_id) {
      const thread = await tools.gmail.readThread(ctx, { threadId: f.thread_id });
      if (thread.ok) references = thread.value.replyTarget.references;
    }
    const r = await tools.gmail.sendEmail(ctx, { ...f, ...(references ? { references } : {}) });
    return r.ok ? { ok: true, status: 'sent', ref: r.value.messageId } : { ok: false, error: r.error };
  }
  if (kind === 'event') {
    const f = fields as EventDraftFields;
    const r = f.event_id
      ? await tools.calendar.updateEvent(ctx, { ...withoutEventId(f), eventId: f.event_id })
      : await tools.calendar.createEvent(ctx, f);
    return r.ok ? { ok: true, status: 'created', ref: r.value.eventId } : { ok: false, error: r.error };
  }
  const r = await tools.slack.postMessage(ctx, fields as SlackDraftFields);
  return r.ok ? { ok: true, status: 'posted', ref: r.value.ts } : { ok: false, error: r.error };
}

function withoutEventId(f: EventDraftFields): Omit<EventDraftFields, 'event_id'> {
  const { event_id: _ignored, ...rest } = f;
  return rest;
}
