import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { SANDBOX_ACCOUNT } from './account.js';
import { decodeEncodedWords, findPart, headerValue, nodeText, parseMime, type MimeNode } from './mime.js';

/** One stored message, parsed once and cached: the raw RFC 2822 text is the source of truth. */
export interface StoredMessage {
  id: string;
  threadId: string;
  labelIds: string[];
  internalDate: number;
  raw: string;
  mime: MimeNode;
  /** Decoded header fields and plain text, for search. */
  from: string;
  to: string;
  cc: string;
  subject: string;
  text: string;
  messageIdHeader?: string;
}

export function newGmailId(): string {
  return randomBytes(8).toString('hex');
}

function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function toStored(row: {
  id: string;
  thread_id: string;
  label_ids: string;
  internal_date: number;
  raw: string;
  message_id_header: string | null;
}): StoredMessage {
  const mime = parseMime(row.raw);
  const h = (n: string) => decodeEncodedWords(headerValue(mime.headers, n) ?? '');
  const plain = findPart(mime, 'text/plain');
  const html = plain ? undefined : findPart(mime, 'text/html');
  const text = plain ? nodeText(plain) : html ? htmlToText(nodeText(html)) : '';
  const msg: StoredMessage = {
    id: row.id,
    threadId: row.thread_id,
    labelIds: JSON.parse(row.label_ids) as string[],
    internalDate: row.internal_date,
    raw: row.raw,
    mime,
    from: h('From'),
    to: h('To'),
    cc: h('Cc'),
    subject: h('Subject'),
    text,
  };
  if (row.message_id_header) msg.messageIdHeader = row.message_id_header;
  return msg;
}

export class GmailStore {
  private readonly cache = new Map<string, StoredMessage>();

  constructor(private readonly db: DatabaseSync) {}

  insert(m: { id: string; threadId: string; labelIds: string[]; internalDate: number; raw: string }): StoredMessage {
    const mime = parseMime(m.raw);
    const messageId = headerValue(mime.headers, 'Message-ID') ?? null;
    this.db
      .prepare('INSERT INTO gmail_messages (id, thread_id, label_ids, internal_date, raw, message_id_header) VALUES (?,?,?,?,?,?)')
      .run(m.id, m.threadId, JSON.stringify(m.labelIds), m.internalDate, m.raw, messageId);
    return this.get(m.id) as StoredMessage;
  }

  get(id: string): StoredMessage | undefined {
    const hit = this.cache.get(id);
    if (hit) return hit;
    const row = this.db.prepare('SELECT * FROM gmail_messages WHERE id = ?').get(id) as Parameters<typeof toStored>[0] | undefined;
    if (!row) return undefined;
    const msg = toStored(row);
    this.cache.set(id, msg);
    return msg;
  }

  /** Newest first, as Gmail lists. */
  all(): StoredMessage[] {
    const rows = this.db.prepare('SELECT id FROM gmail_messages ORDER BY internal_date DESC, id DESC').all() as { id: string }[];
    return rows.map((r) => this.get(r.id) as StoredMessage);
  }

  /** Oldest first, as Gmail orders a thread. */
  thread(threadId: string): StoredMessage[] {
    const rows = this.db.prepare('SELECT id FROM gmail_messages WHERE thread_id = ? ORDER BY internal_date ASC, id ASC').all(threadId) as {
      id: string;
    }[];
    return rows.map((r) => this.get(r.id) as StoredMessage);
  }

  setLabels(id: string, labelIds: string[]): void {
    this.db.prepare('UPDATE gmail_messages SET label_ids = ? WHERE id = ?').run(JSON.stringify(labelIds), id);
    this.cache.delete(id);
  }

  addDraft(draftId: string, messageId: string): void {
    this.db.prepare('INSERT INTO gmail_drafts (id, message_id) VALUES (?, ?)').run(draftId, messageId);
  }

  draft(draftId: string): StoredMessage | undefined {
    const row = this.db.prepare('SELECT message_id FROM gmail_drafts WHERE id = ?').get(draftId) as { message_id: string } | undefined;
    return row ? this.get(row.message_id) : undefined;
  }
}

export function isFromAccount(m: StoredMessage): boolean {
  return m.from.toLowerCase().includes(SANDBOX_ACCOUNT.email);
}
