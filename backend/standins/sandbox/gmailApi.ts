import { SANDBOX_ACCOUNT, type SandboxAccount } from './account.js';
import { GOOGLE_ACCEPTED, authorizeGoogle, googleError, isResponse } from './googleAuth.js';
import { GmailStore, newGmailId, type StoredMessage } from './gmailStore.js';
import { matchesQuery, visibleByDefault } from './gmailQuery.js';
import { json, type Router, type SandboxRequest, type SandboxResponse } from './http.js';
import { decodeEncodedWords as decodeWords, headerValue, parseMime, type MimeNode } from './mime.js';
import type { TokenStore } from './tokens.js';

/**
 * Gmail API v1 (the subset Vouch uses) with Google's shapes: base64url part bodies, string
 * internalDate, HTML-escaped snippets, threads keyed by the first message id, and Gmail's rule that a
 * message joins a thread only if threadId, References/In-Reply-To and the Subject all agree.
 */
const SERVICE = 'gmail.googleapis.com';

function b64url(buf: Buffer): string {
  return buf.toString('base64url');
}

function escapeSnippet(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function snippetOf(m: StoredMessage): string {
  return escapeSnippet(m.text.replace(/\s+/g, ' ').trim().slice(0, 200));
}

function payloadOf(node: MimeNode, partId: string, headerFilter?: (name: string) => boolean): Record<string, unknown> {
  const headers = node.headers.filter((h) => !headerFilter || headerFilter(h.name)).map((h) => ({ name: h.name, value: h.value }));
  const out: Record<string, unknown> = { partId, mimeType: node.mimeType, filename: node.filename, headers };
  if (node.parts.length > 0) {
    out['body'] = { size: 0 };
    out['parts'] = node.parts.map((p, i) => payloadOf(p, partId === '' ? String(i) : `${partId}.${i}`));
  } else {
    out['body'] = node.body.length > 0 ? { size: node.body.length, data: b64url(node.body) } : { size: 0 };
  }
  return out;
}

/** Header values come back decoded from RFC 2047, as the Gmail API returns them. */
function decodedHeaders(node: MimeNode): MimeNode {
  return { ...node, headers: node.headers.map((h) => ({ name: h.name, value: decodeHeaderForApi(h.value) })) };
}

function decodeHeaderForApi(value: string): string {
  return /=\?[^?]+\?[BbQq]\?/.test(value) ? decodeWords(value) : value;
}

function messageResource(m: StoredMessage, format: string, metadataHeaders: string[]): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: m.id,
    threadId: m.threadId,
    labelIds: m.labelIds,
    snippet: snippetOf(m),
    historyId: String(m.internalDate),
    internalDate: String(m.internalDate),
    sizeEstimate: Buffer.byteLength(m.raw),
  };
  if (format === 'minimal') return base;
  if (format === 'raw') return { ...base, raw: b64url(Buffer.from(m.raw, 'utf8')) };
  const mime = decodedHeaders(m.mime);
  if (format === 'metadata') {
    const wanted = metadataHeaders.map((h) => h.toLowerCase());
    const payload = payloadOf({ ...mime, parts: [] }, '', (name) => wanted.length === 0 || wanted.includes(name.toLowerCase()));
    return { ...base, payload: { partId: '', mimeType: mime.mimeType, filename: '', headers: payload['headers'] } };
  }
  return { ...base, payload: payloadOf(mime, '') };
}

function normalizeSubject(s: string): string {
  return s
    .replace(/^((re|fwd?|aw|sv)\s*:\s*)+/i, '')
    .trim()
    .toLowerCase();
}

function messageIdsIn(value: string | undefined): string[] {
  return (value ?? '').match(/<[^<>\s]+>/g) ?? [];
}

function listParam(q: URLSearchParams, name: string): string[] {
  return q
    .getAll(name)
    .flatMap((v) => v.split(','))
    .filter(Boolean);
}

function clampMax(q: URLSearchParams, dflt: number): number {
  const n = Number(q.get('maxResults') ?? dflt);
  return Number.isFinite(n) && n > 0 ? Math.min(Math.floor(n), 500) : dflt;
}

export interface Mailbox {
  store: GmailStore;
  account: SandboxAccount;
}

export function registerGmailRoutes(
  router: Router,
  deps: { tokens: TokenStore; store: GmailStore; now: () => number; mailboxOf?: (userId: string) => Mailbox },
): void {
  const mailboxOf = deps.mailboxOf ?? (() => ({ store: deps.store, account: SANDBOX_ACCOUNT }));
  // Whose mailbox the request in hand reads: set by guard() first thing in every handler. Handlers
  // are synchronous, so no other request can run between the guard and the handler's last read.
  let mailbox: Mailbox = mailboxOf(SANDBOX_ACCOUNT.userId);
  const store = {
    all: () => mailbox.store.all(),
    get: (id: string) => mailbox.store.get(id),
    thread: (id: string) => mailbox.store.thread(id),
    insert: (m: Parameters<GmailStore['insert']>[0]) => mailbox.store.insert(m),
    addDraft: (draftId: string, messageId: string) => mailbox.store.addDraft(draftId, messageId),
    draft: (draftId: string) => mailbox.store.draft(draftId),
  };
  const base = '/gmail/v1/users/:userId';

  const guard = (req: SandboxRequest, accepted: readonly string[], name: string): SandboxResponse | undefined => {
    const grant = authorizeGoogle(req, deps.tokens, accepted, { service: SERVICE, name });
    if (isResponse(grant)) return grant;
    mailbox = mailboxOf(grant.userId);
    const user = req.params['userId'];
    if (user !== 'me' && user !== mailbox.account.email) {
      return googleError(403, 'Delegation denied for ' + mailbox.account.email, 'PERMISSION_DENIED', 'forbidden');
    }
    return undefined;
  };

  const notFound = () => googleError(404, 'Requested entity was not found.', 'NOT_FOUND', 'notFound');

  const search = (req: SandboxRequest): StoredMessage[] => {
    const q = req.query.get('q') ?? undefined;
    const labelIds = listParam(req.query, 'labelIds');
    const includeSpamTrash = req.query.get('includeSpamTrash') === 'true';
    const now = deps.now();
    return store
      .all()
      .filter((m) => visibleByDefault(m, q, includeSpamTrash))
      .filter((m) => labelIds.every((l) => m.labelIds.includes(l)))
      .filter((m) => matchesQuery(m, q, now));
  };

  router.add('GET', `${base}/labels`, (req) => {
    const denied = guard(req, [...GOOGLE_ACCEPTED.gmailRead], 'caribou.api.proto.MailboxService.ListLabels');
    if (denied) return denied;
    const system = ['INBOX', 'SENT', 'DRAFT', 'UNREAD', 'IMPORTANT', 'STARRED', 'SPAM', 'TRASH', 'CATEGORY_UPDATES', 'CATEGORY_PROMOTIONS'];
    return json(200, { labels: system.map((id) => ({ id, name: id, type: 'system' })) });
  });

  router.add('GET', `${base}/messages`, (req) => {
    const denied = guard(req, GOOGLE_ACCEPTED.gmailRead, 'caribou.api.proto.MailboxService.ListMessages');
    if (denied) return denied;
    const all = search(req);
    const offset = Number(req.query.get('pageToken') ?? 0) || 0;
    const page = all.slice(offset, offset + clampMax(req.query, 100));
    const out: Record<string, unknown> = { resultSizeEstimate: all.length };
    if (page.length > 0) out['messages'] = page.map((m) => ({ id: m.id, threadId: m.threadId }));
    if (offset + page.length < all.length) out['nextPageToken'] = String(offset + page.length);
    return json(200, out);
  });

  router.add('GET', `${base}/messages/:id`, (req) => {
    const denied = guard(req, GOOGLE_ACCEPTED.gmailRead, 'caribou.api.proto.MailboxService.GetMessage');
    if (denied) return denied;
    const m = store.get(req.params['id'] ?? '');
    if (!m) return notFound();
    return json(200, messageResource(m, req.query.get('format') ?? 'full', req.query.getAll('metadataHeaders')));
  });

  router.add('GET', `${base}/threads`, (req) => {
    const denied = guard(req, GOOGLE_ACCEPTED.gmailRead, 'caribou.api.proto.MailboxService.ListThreads');
    if (denied) return denied;
    const seen = new Map<string, StoredMessage>();
    for (const m of search(req)) if (!seen.has(m.threadId)) seen.set(m.threadId, m);
    const all = [...seen.values()];
    const offset = Number(req.query.get('pageToken') ?? 0) || 0;
    const page = all.slice(offset, offset + clampMax(req.query, 100));
    const out: Record<string, unknown> = { resultSizeEstimate: all.length };
    if (page.length > 0) {
      out['threads'] = page.map((m) => {
        const latest = store.thread(m.threadId).at(-1) ?? m;
        return { id: m.threadId, snippet: snippetOf(latest), historyId: String(latest.internalDate) };
      });
    }
    if (offset + page.length < all.length) out['nextPageToken'] = String(offset + page.length);
    return json(200, out);
  });

  router.add('GET', `${base}/threads/:id`, (req) => {
    const denied = guard(req, GOOGLE_ACCEPTED.gmailRead, 'caribou.api.proto.MailboxService.GetThread');
    if (denied) return denied;
    const messages = store.thread(req.params['id'] ?? '');
    if (messages.length === 0) return notFound();
    const format = req.query.get('format') ?? 'full';
    const metadataHeaders = req.query.getAll('metadataHeaders');
    return json(200, {
      id: req.params['id'],
      historyId: String(messages.at(-1)?.internalDate ?? 0),
      messages: messages.map((m) => messageResource(m, format, metadataHeaders)),
    });
  });

  /**
   * Decodes `raw`, fills in what Gmail fills in (From, Date, Message-ID) and decides the thread.
   * Returns the stored message or a Google error.
   */
  const accept = (raw: unknown, requestedThreadId: unknown, labelIds: string[]): StoredMessage | SandboxResponse => {
    if (typeof raw !== 'string' || raw.length === 0) {
      return googleError(
        400,
        "'raw' RFC822 payload message string or uploading message via /upload/* URL required",
        'INVALID_ARGUMENT',
        'invalidArgument',
      );
    }
    let text = Buffer.from(raw, 'base64url').toString('utf8');
    const head = parseMime(text);
    const to = headerValue(head.headers, 'To') ?? '';
    const cc = headerValue(head.headers, 'Cc') ?? '';
    const bcc = headerValue(head.headers, 'Bcc') ?? '';
    if (!labelIds.includes('DRAFT') && !/@/.test(`${to}${cc}${bcc}`)) {
      return googleError(400, 'Invalid To header', 'INVALID_ARGUMENT', 'invalidArgument');
    }
    const id = newGmailId();
    const now = deps.now();
    const added: string[] = [];
    if (!headerValue(head.headers, 'From')) added.push(`From: ${mailbox.account.name} <${mailbox.account.email}>`);
    if (!headerValue(head.headers, 'Date')) added.push(`Date: ${new Date(now).toUTCString().replace('GMT', '+0000')}`);
    if (!headerValue(head.headers, 'Message-ID')) added.push(`Message-ID: <${id}.sbx@mail.gmail.com>`);
    if (added.length > 0) text = `${added.join('\r\n')}\r\n${text}`;

    let threadId = id;
    if (typeof requestedThreadId === 'string' && requestedThreadId.length > 0) {
      const thread = store.thread(requestedThreadId);
      if (thread.length === 0) return googleError(404, 'Requested entity was not found.', 'NOT_FOUND', 'notFound');
      const referenced = new Set([
        ...messageIdsIn(headerValue(head.headers, 'In-Reply-To')),
        ...messageIdsIn(headerValue(head.headers, 'References')),
      ]);
      const subject = normalizeSubject(decodeWords(headerValue(head.headers, 'Subject') ?? ''));
      const sameSubject = thread.some((m) => normalizeSubject(m.subject) === subject);
      const refersToThread = thread.some((m) => m.messageIdHeader !== undefined && referenced.has(m.messageIdHeader));
      if (sameSubject && refersToThread) threadId = requestedThreadId;
    }
    return store.insert({ id, threadId, labelIds, internalDate: now, raw: text });
  };

  router.add('POST', `${base}/messages/send`, (req) => {
    const denied = guard(req, GOOGLE_ACCEPTED.gmailSend, 'caribou.api.proto.MailboxService.SendMessage');
    if (denied) return denied;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const m = accept(body['raw'], body['threadId'], ['SENT']);
    if ('status' in m) return m;
    return json(200, { id: m.id, threadId: m.threadId, labelIds: m.labelIds });
  });

  router.add('POST', `${base}/drafts`, (req) => {
    const denied = guard(req, GOOGLE_ACCEPTED.gmailDraft, 'caribou.api.proto.MailboxService.CreateDraft');
    if (denied) return denied;
    const message = ((req.body ?? {}) as Record<string, unknown>)['message'] as Record<string, unknown> | undefined;
    const m = accept(message?.['raw'], message?.['threadId'], ['DRAFT']);
    if ('status' in m) return m;
    const draftId = `r${BigInt('0x' + newGmailId())
      .toString()
      .slice(0, 18)}`;
    store.addDraft(draftId, m.id);
    return json(200, { id: draftId, message: { id: m.id, threadId: m.threadId, labelIds: m.labelIds } });
  });

  router.add('GET', `${base}/drafts/:id`, (req) => {
    const denied = guard(req, GOOGLE_ACCEPTED.gmailDraft, 'caribou.api.proto.MailboxService.GetDraft');
    if (denied) return denied;
    const m = store.draft(req.params['id'] ?? '');
    if (!m) return notFound();
    return json(200, { id: req.params['id'], message: messageResource(m, req.query.get('format') ?? 'full', []) });
  });
}
