import { gmail as gmailClient } from '@googleapis/gmail';
import { z } from 'zod';
import { GOOGLE_SCOPES } from './contract.js';
import type { EmailDraftFields } from './contract.js';
import { decodeEntities, fitList, htmlToText, stripQuotedReply, trimText } from '../budget.js';
import { runProviderCall, type CallPolicyDeps } from '../callPolicy.js';
import { classifyGoogleError } from './googleFailure.js';
import { fail, ok, type ProviderCallContext, type ProviderResult } from '../result.js';
import { buildMimeMessage, decodeHeaderValue, messageIds, toGmailRaw } from './mime.js';
import { domainOfAddress, parseAddressList, type Mailbox } from '../emailAddress.js';
import type { ReplyToRedirect } from '../providerModule.js';

/* ---------- provider response shapes (validated, so a malformed answer is a typed error) ---------- */

const Header = z.object({ name: z.string(), value: z.string() });
interface PartShape {
  partId?: string | undefined;
  mimeType: string;
  filename?: string | undefined;
  headers?: Array<{ name: string; value: string }> | undefined;
  body?: { size?: number | undefined; data?: string | undefined; attachmentId?: string | undefined } | undefined;
  parts?: PartShape[] | undefined;
}
const Part: z.ZodType<PartShape> = z.lazy(() =>
  z.object({
    partId: z.string().optional(),
    mimeType: z.string(),
    filename: z.string().optional(),
    headers: z.array(Header).optional(),
    body: z.object({ size: z.number().optional(), data: z.string().optional(), attachmentId: z.string().optional() }).optional(),
    parts: z.array(Part).optional(),
  }),
);
const Message = z.object({
  id: z.string(),
  threadId: z.string(),
  labelIds: z.array(z.string()).optional(),
  snippet: z.string().optional(),
  internalDate: z.string().optional(),
  payload: Part,
});
type MessageShape = z.infer<typeof Message>;
const ThreadList = z.object({ threads: z.array(z.object({ id: z.string(), snippet: z.string().optional() })).optional() });
const MessageList = z.object({ messages: z.array(z.object({ id: z.string(), threadId: z.string() })).optional() });
const Thread = z.object({ id: z.string(), messages: z.array(Message).min(1) });
const SendResponse = z.object({ id: z.string(), threadId: z.string(), labelIds: z.array(z.string()).optional() });
const DraftResponse = z.object({ id: z.string(), message: z.object({ id: z.string(), threadId: z.string() }) });

/* ---------- model-facing results ---------- */

export interface ThreadSummary {
  threadId: string;
  subject: string;
  /** Latest sender other than the user, else the latest sender. */
  from: string;
  lastDate: string;
  messageCount: number;
  unread: boolean;
  snippet: string;
}

interface MessageSummary {
  messageId: string;
  threadId: string;
  from: string;
  subject: string;
  date: string;
  unread: boolean;
  snippet: string;
}

interface ThreadMessage {
  messageId: string;
  /** The real sender of this message; `fromSelf` marks the person's own (sent) ones. */
  from: string;
  fromSelf?: true;
  to: string;
  cc?: string;
  date: string;
  subject: string;
  body: string;
}

/** Header facts needed to answer in-thread; kept beside, not inside, what the model reads. */
export interface ReplyTarget {
  threadId: string;
  /** Reply-To or From of the latest message not sent by the user. */
  to: string[];
  /** The From of that message: who actually wrote it. */
  sender: string[];
  /** Its Reply-To, when it has one (anyone can set it: replies then go there, not to the sender). */
  replyTo: string[];
  /** For reply-all: everyone else on that message (To and Cc), without the person and without `to`. */
  replyAllCc: string[];
  subject: string;
  inReplyTo?: string;
  references: string[];
}

export interface ThreadDetail {
  threadId: string;
  subject: string;
  messages: ThreadMessage[];
  truncated?: boolean;
  replyTarget: ReplyTarget;
}

interface SentEmail {
  messageId: string;
  threadId: string;
}

interface CreatedDraft {
  draftId: string;
  messageId: string;
  threadId: string;
}

type OutgoingEmailFields = EmailDraftFields & {
  /** Message-IDs of the thread so far; defaults to in_reply_to alone. */
  references?: string[];
  html?: string;
};

/* ---------- helpers ---------- */

function headerOf(m: MessageShape, name: string): string {
  const v = m.payload.headers?.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value ?? '';
  return decodeHeaderValue(v);
}

function charsetOf(part: PartShape): string {
  const ct = part.headers?.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? '';
  return /charset="?([^";\s]+)"?/i.exec(ct)?.[1] ?? 'utf-8';
}

function decodePart(part: PartShape): string {
  const data = part.body?.data;
  if (!data) return '';
  const bytes = Buffer.from(data, 'base64url');
  try {
    return new TextDecoder(charsetOf(part)).decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

function findPart(part: PartShape, mimeType: string): PartShape | undefined {
  if (part.mimeType === mimeType && !part.parts?.length) return part;
  for (const p of part.parts ?? []) {
    const hit = findPart(p, mimeType);
    if (hit) return hit;
  }
  return undefined;
}

/** The readable body: text/plain when there is one, else the HTML reduced to text. */
function bodyText(m: MessageShape): string {
  const plain = findPart(m.payload, 'text/plain');
  if (plain) return decodePart(plain);
  const html = findPart(m.payload, 'text/html');
  return html ? htmlToText(decodePart(html)) : decodeEntities(m.snippet ?? '');
}

function dateOf(m: MessageShape): string {
  const internal = Number(m.internalDate);
  if (Number.isFinite(internal) && internal > 0) return new Date(internal).toISOString();
  const d = Date.parse(headerOf(m, 'Date'));
  return Number.isNaN(d) ? '' : new Date(d).toISOString();
}

function addressOnly(value: string): string {
  return /<([^>]+)>/.exec(value)?.[1]?.trim() ?? value.trim();
}

function splitAddresses(value: string): string[] {
  return value
    .split(',')
    .map((s) => addressOnly(s))
    .filter((s) => s.includes('@'));
}

const isSelf = (m: MessageShape) => (m.labelIds ?? []).includes('SENT');

function replySubject(subject: string): string {
  return /^re:/i.test(subject.trim()) ? subject.trim() : `Re: ${subject.trim()}`;
}

/** Builds the reply headers from a thread: answer the latest message someone else sent. */
function replyTargetOf(threadId: string, messages: MessageShape[]): ReplyTarget {
  const last = messages.at(-1) as MessageShape;
  const target = [...messages].reverse().find((m) => !isSelf(m)) ?? last;
  const lastId = headerOf(last, 'Message-ID');
  const refs = [...messageIds(headerOf(last, 'References')), ...messageIds(lastId)];
  const replyTo = isSelf(target) ? [] : splitAddresses(headerOf(target, 'Reply-To'));
  const sender = splitAddresses(headerOf(target, 'From'));
  const to = isSelf(target) ? splitAddresses(headerOf(target, 'To')) : replyTo.length ? replyTo : sender;
  // The person's own addresses: the From of every message they sent in this thread.
  const mine = new Set(
    messages
      .filter(isSelf)
      .flatMap((m) => splitAddresses(headerOf(m, 'From')))
      .map((a) => a.toLowerCase()),
  );
  const others = [...splitAddresses(headerOf(target, 'To')), ...splitAddresses(headerOf(target, 'Cc'))];
  const seen = new Set(to.map((a) => a.toLowerCase()));
  const replyAllCc: string[] = [];
  for (const a of others) {
    const k = a.toLowerCase();
    if (mine.has(k) || seen.has(k)) continue;
    seen.add(k);
    replyAllCc.push(a);
  }
  const out: ReplyTarget = {
    threadId,
    to,
    sender,
    replyTo,
    replyAllCc,
    subject: replySubject(headerOf(messages[0] as MessageShape, 'Subject')),
    references: [...new Set(refs)],
  };
  if (lastId) out.inReplyTo = lastId;
  return out;
}

/**
 * Whether answering `target` at `recipients` goes somewhere other than the person who wrote: a
 * Reply-To naming another address than the From (worse on another domain). Undefined when the
 * recipients are only the sender, or the Reply-To is the sender's own address.
 */
export function replyToRedirectOf(
  target: Pick<ReplyTarget, 'sender' | 'replyTo'>,
  recipients: readonly string[],
): ReplyToRedirect | undefined {
  const senders = new Set(target.sender.map((a) => a.toLowerCase()));
  const diverted = target.replyTo.filter((a) => !senders.has(a.toLowerCase()));
  const wanted = new Set(recipients.map((a) => a.toLowerCase()));
  const reached = diverted.filter((a) => wanted.has(a.toLowerCase()));
  const sender = target.sender[0];
  if (!sender || reached.length === 0) return undefined;
  const home = domainOfAddress(sender);
  return { sender, reply_to: reached, other_domain: reached.some((a) => domainOfAddress(a) !== home) };
}

/**
 * Draft fields forwarding a thread's latest message to new people: "Fwd:" subject, the person's note,
 * then the forwarded message with its header lines, as Gmail lays a forward out. A new thread.
 */
export function buildForwardDraft(thread: ThreadDetail, to: string[], note: string): EmailDraftFields {
  const last = thread.messages.at(-1);
  const subject = /^fwd?:/i.test(thread.subject.trim()) ? thread.subject.trim() : `Fwd: ${thread.subject.trim()}`;
  const quoted = last
    ? [
        '---------- Forwarded message ---------',
        `From: ${last.from}`,
        `Date: ${last.date}`,
        `Subject: ${last.subject}`,
        `To: ${last.to}`,
        '',
        last.body,
      ].join('\n')
    : '';
  return { to, cc: [], subject, body: [note.trim(), quoted].filter(Boolean).join('\n\n') };
}

/** Draft fields for answering a thread, ready for the confirm sheet (plus References for the send). */
function buildReplyDraft(thread: ThreadDetail, body: string, cc: string[] = []): OutgoingEmailFields {
  const t = thread.replyTarget;
  const fields: OutgoingEmailFields = { to: t.to, cc, subject: t.subject, body, thread_id: t.threadId, references: t.references };
  if (t.inReplyTo) fields.in_reply_to = t.inReplyTo;
  return fields;
}

/** A Gmail operand: a name with spaces stays one term in quotes ("Dana Whitfield"), never glued together. */
function gmailOperand(value: string): string {
  const v = value.replace(/"/g, '').trim().replace(/\s+/g, ' ');
  return /\s/.test(v) ? `"${v}"` : v;
}

/**
 * The q for a thread search: the words, the sender, and — unless the query asks for sent mail or
 * names a place itself — `-in:sent`, so the person's own mail is never counted as what they received.
 */
function gmailSearchQuery(input: { query?: string; from?: string }): string {
  const parts = [input.query?.trim(), input.from ? `from:${gmailOperand(input.from)}` : undefined].filter((p): p is string => !!p);
  if (!/\b(in|label):|\bfrom:me\b|\bis:sent\b/i.test(parts.join(' '))) parts.push('-in:sent');
  return parts.join(' ');
}

/* ---------- the tools ---------- */

/** At most this many recipients are looked up in sent mail for one draft. */
const NEVER_EMAILED_CHECKS = 10;

interface GmailToolsOptions {
  policy: CallPolicyDeps;
  connection: string;
  googleRootUrl: string;
  budgetChars: number;
  requestTimeoutMs: number;
}

export function createGmailTools(opts: GmailToolsOptions) {
  const api = gmailClient({ version: 'v1', rootUrl: opts.googleRootUrl });
  const { policy } = opts;
  // The client's own retries are off: callPolicy is the one retry policy, with its limits and logging.
  const requestOptions = (accessToken: string) => ({
    headers: { Authorization: `Bearer ${accessToken}` },
    retry: false,
    timeout: opts.requestTimeoutMs,
  });
  const classify = (err: unknown) => classifyGoogleError(err, policy.now());
  const base = { provider: 'google' as const, connection: opts.connection, classify };

  const getThread = (ctx: ProviderCallContext, threadId: string, format: 'full' | 'metadata') =>
    runProviderCall(policy, ctx, {
      ...base,
      operation: 'gmail.threads.get',
      scopes: [GOOGLE_SCOPES.gmailRead],
      idempotent: true,
      invoke: async (t) =>
        (
          await api.users.threads.get(
            {
              userId: 'me',
              id: threadId,
              format,
              ...(format === 'metadata'
                ? { metadataHeaders: ['From', 'To', 'Cc', 'Reply-To', 'Subject', 'Date', 'Message-ID', 'References'] }
                : {}),
            },
            requestOptions(t),
          )
        ).data,
      schema: Thread,
      map: (t) => t,
    });

  const listMessageIds = (ctx: ProviderCallContext, q: string, maxResults: number) =>
    runProviderCall(policy, ctx, {
      ...base,
      operation: 'gmail.messages.list',
      scopes: [GOOGLE_SCOPES.gmailRead],
      idempotent: true,
      invoke: async (t) => (await api.users.messages.list({ userId: 'me', q, maxResults }, requestOptions(t))).data,
      schema: MessageList,
      map: (l) => (l.messages ?? []).map((m) => m.id),
    });

  const getMessageHeaders = (ctx: ProviderCallContext, id: string, metadataHeaders: string[]) =>
    runProviderCall(policy, ctx, {
      ...base,
      operation: 'gmail.messages.get',
      scopes: [GOOGLE_SCOPES.gmailRead],
      idempotent: true,
      invoke: async (t) =>
        (await api.users.messages.get({ userId: 'me', id, format: 'metadata', metadataHeaders }, requestOptions(t))).data,
      schema: Message,
      map: (m) => m,
    });

  const encodeOutgoing = (fields: OutgoingEmailFields) => {
    const references = fields.references ?? (fields.in_reply_to ? [fields.in_reply_to] : []);
    const raw = toGmailRaw(
      buildMimeMessage({
        to: fields.to,
        cc: fields.cc ?? [],
        subject: fields.subject,
        text: fields.body,
        ...(fields.html ? { html: fields.html } : {}),
        ...(fields.in_reply_to ? { inReplyTo: fields.in_reply_to } : {}),
        references,
      }),
    );
    const message = { raw, ...(fields.thread_id ? { threadId: fields.thread_id } : {}) };
    return { message };
  };

  return {
    /** Threads matching a Gmail query and/or a sender, newest first, as compact summaries. */
    async searchThreads(
      ctx: ProviderCallContext,
      input: { query?: string; from?: string; maxResults?: number },
    ): Promise<ProviderResult<{ threads: ThreadSummary[]; truncated?: boolean }>> {
      const q = gmailSearchQuery(input);
      const listed = await runProviderCall(policy, ctx, {
        ...base,
        operation: 'gmail.threads.list',
        scopes: [GOOGLE_SCOPES.gmailRead],
        idempotent: true,
        invoke: async (t) =>
          (await api.users.threads.list({ userId: 'me', q, maxResults: Math.min(input.maxResults ?? 5, 10) }, requestOptions(t))).data,
        schema: ThreadList,
        map: (l) => l.threads ?? [],
      });
      if (!listed.ok) return listed;
      const threads: ThreadSummary[] = [];
      for (const { id } of listed.value) {
        const got = await getThread(ctx, id, 'metadata');
        if (!got.ok) return got;
        const msgs = got.value.messages;
        const last = msgs.at(-1) as MessageShape;
        const other = [...msgs].reverse().find((m) => !isSelf(m)) ?? last;
        threads.push({
          threadId: id,
          subject: headerOf(msgs[0] as MessageShape, 'Subject'),
          from: headerOf(other, 'From'),
          lastDate: dateOf(last),
          messageCount: msgs.length,
          unread: msgs.some((m) => (m.labelIds ?? []).includes('UNREAD')),
          snippet: trimText(decodeEntities(last.snippet ?? ''), 160),
        });
      }
      return ok(fitList(threads, opts.budgetChars, (items) => ({ threads: items })));
    },

    /** The latest messages in the inbox (optionally unread only). */
    async listLatest(
      ctx: ProviderCallContext,
      input: { maxResults?: number; unreadOnly?: boolean } = {},
    ): Promise<ProviderResult<{ messages: MessageSummary[]; truncated?: boolean }>> {
      const listed = await runProviderCall(policy, ctx, {
        ...base,
        operation: 'gmail.messages.list',
        scopes: [GOOGLE_SCOPES.gmailRead],
        idempotent: true,
        invoke: async (t) =>
          (
            await api.users.messages.list(
              {
                userId: 'me',
                labelIds: ['INBOX'],
                maxResults: Math.min(input.maxResults ?? 10, 20),
                ...(input.unreadOnly ? { q: 'is:unread' } : {}),
              },
              requestOptions(t),
            )
          ).data,
        schema: MessageList,
        map: (l) => l.messages ?? [],
      });
      if (!listed.ok) return listed;
      const messages: MessageSummary[] = [];
      for (const { id } of listed.value) {
        const got = await runProviderCall(policy, ctx, {
          ...base,
          operation: 'gmail.messages.get',
          scopes: [GOOGLE_SCOPES.gmailRead],
          idempotent: true,
          invoke: async (t) =>
            (
              await api.users.messages.get(
                { userId: 'me', id, format: 'metadata', metadataHeaders: ['From', 'Subject', 'Date'] },
                requestOptions(t),
              )
            ).data,
          schema: Message,
          map: (m) => m,
        });
        if (!got.ok) return got;
        const m = got.value;
        messages.push({
          messageId: m.id,
          threadId: m.threadId,
          from: headerOf(m, 'From'),
          subject: headerOf(m, 'Subject'),
          date: dateOf(m),
          unread: (m.labelIds ?? []).includes('UNREAD'),
          snippet: trimText(decodeEntities(m.snippet ?? ''), 160),
        });
      }
      return ok(fitList(messages, opts.budgetChars, (items) => ({ messages: items })));
    },

    /** One thread with decoded bodies (quoted history removed), oldest first, within the budget. */
    async readThread(ctx: ProviderCallContext, input: { threadId: string }): Promise<ProviderResult<ThreadDetail>> {
      const got = await getThread(ctx, input.threadId, 'full');
      if (!got.ok) return got;
      const msgs = got.value.messages;
      const all: ThreadMessage[] = msgs.map((m) => {
        const cc = headerOf(m, 'Cc');
        return {
          messageId: m.id,
          from: headerOf(m, 'From'),
          ...(isSelf(m) ? { fromSelf: true as const } : {}),
          to: headerOf(m, 'To'),
          ...(cc ? { cc } : {}),
          date: dateOf(m),
          subject: headerOf(m, 'Subject'),
          body: stripQuotedReply(bodyText(m)),
        };
      });
      // Newest messages matter most: give each an equal share of the budget, and drop the oldest if still over.
      const perMessage = Math.max(300, Math.floor((opts.budgetChars - 600) / Math.max(1, all.length)) - 200);
      let kept = all.map((m) => ({ ...m, body: trimText(m.body, perMessage) }));
      let truncated = kept.some((m, i) => m.body !== all[i]?.body);
      const replyTarget = replyTargetOf(input.threadId, msgs);
      const build = () => ({
        threadId: got.value.id,
        subject: headerOf(msgs[0] as MessageShape, 'Subject'),
        messages: kept,
        replyTarget,
        ...(truncated ? { truncated } : {}),
      });
      while (kept.length > 1 && JSON.stringify(build()).length > opts.budgetChars) {
        kept = kept.slice(1);
        truncated = true;
      }
      return ok(build());
    },

    /** The reply headers of a thread (who wrote, Reply-To, who a reply reaches), from its metadata only. */
    async replyTarget(ctx: ProviderCallContext, input: { threadId: string }): Promise<ProviderResult<ReplyTarget>> {
      const got = await getThread(ctx, input.threadId, 'metadata');
      return got.ok ? ok(replyTargetOf(input.threadId, got.value.messages)) : got;
    },

    /**
     * The people the user has sent mail to under a name or address (`in:sent to:…`): To and Cc of
     * their latest sent messages. What they chose themselves, unlike the names on inbound mail.
     */
    async sentRecipients(ctx: ProviderCallContext, input: { name: string; maxResults?: number }): Promise<ProviderResult<Mailbox[]>> {
      const ids = await listMessageIds(ctx, `in:sent to:${gmailOperand(input.name)}`, input.maxResults ?? 5);
      if (!ids.ok) return ids;
      const out: Mailbox[] = [];
      for (const id of ids.value) {
        const got = await getMessageHeaders(ctx, id, ['To', 'Cc']);
        if (!got.ok) return got;
        out.push(...parseAddressList(headerOf(got.value, 'To')), ...parseAddressList(headerOf(got.value, 'Cc')));
      }
      return ok(out);
    },

    /**
     * The addresses among `addresses` the user has never sent mail to (one `in:sent to:` query each,
     * the first NEVER_EMAILED_CHECKS only: a long list is already scored by its size).
     */
    async neverEmailed(ctx: ProviderCallContext, input: { addresses: readonly string[] }): Promise<ProviderResult<string[]>> {
      const out: string[] = [];
      for (const address of [...new Set(input.addresses.map((a) => a.trim().toLowerCase()))].slice(0, NEVER_EMAILED_CHECKS)) {
        const ids = await listMessageIds(ctx, `in:sent to:${gmailOperand(address)}`, 1);
        if (!ids.ok) return ids;
        if (ids.value.length === 0) out.push(address);
      }
      return ok(out);
    },

    /** Stores a draft in Gmail for the person to review there (gmail.compose). */
    async createDraft(ctx: ProviderCallContext, fields: OutgoingEmailFields): Promise<ProviderResult<CreatedDraft>> {
      const { message } = encodeOutgoing(fields);
      return runProviderCall(policy, ctx, {
        ...base,
        operation: 'gmail.drafts.create',
        scopes: [GOOGLE_SCOPES.gmailCompose],
        // Drafts are private and deletable, but a duplicate still confuses; keep the one-shot rule of writes.
        idempotent: false,
        invoke: async (t) => (await api.users.drafts.create({ userId: 'me', requestBody: { message } }, requestOptions(t))).data,
        schema: DraftResponse,
        map: (d) => ({ draftId: d.id, messageId: d.message.id, threadId: d.message.threadId }),
      });
    },

    /** Sends a message (gmail.send). With thread_id + in_reply_to it lands in that thread. */
    async sendEmail(ctx: ProviderCallContext, fields: OutgoingEmailFields): Promise<ProviderResult<SentEmail>> {
      const { message } = encodeOutgoing(fields);
      return runProviderCall(policy, ctx, {
        ...base,
        operation: 'gmail.messages.send',
        scopes: [GOOGLE_SCOPES.gmailSend],
        idempotent: false,
        invoke: async (t) => (await api.users.messages.send({ userId: 'me', requestBody: message }, requestOptions(t))).data,
        schema: SendResponse,
        map: (s) => ({ messageId: s.id, threadId: s.threadId }),
      });
    },

    /** Reads the thread for its headers, then sends the reply in it (gmail.readonly + gmail.send). */
    async replyInThread(
      ctx: ProviderCallContext,
      input: { threadId: string; body: string; cc?: string[] },
    ): Promise<ProviderResult<SentEmail>> {
      const thread = await this.readThread(ctx, { threadId: input.threadId });
      if (!thread.ok) return thread;
      const fields = buildReplyDraft(thread.value, input.body, input.cc ?? []);
      if (fields.to.length === 0)
        return fail({ code: 'BAD_REQUEST', provider: 'google', message: 'That thread has no address to reply to.' });
      return this.sendEmail(ctx, fields);
    },
  };
}
