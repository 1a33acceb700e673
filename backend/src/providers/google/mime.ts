import { randomBytes } from 'node:crypto';

/**
 * Builds the RFC 5322 / MIME message Gmail's `raw` field carries: CRLF line ends, RFC 2047 encoded
 * UTF-8 headers, multipart/alternative (plain + HTML) bodies in base64, and the threading headers
 * (In-Reply-To, References) Gmail needs to keep a reply in its thread.
 */
interface OutgoingEmail {
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  /** When absent, a minimal HTML rendering of the text is sent as the alternative. */
  html?: string;
  inReplyTo?: string;
  references?: string[];
  /** Injected for deterministic tests. */
  boundary?: string;
  date?: Date;
}

/** Header values may not carry line breaks: that is how header injection happens. */
function singleLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}

/**
 * RFC 2047 B-encoding, split so every encoded word stays within 75 characters and never cuts a
 * UTF-8 sequence in half; words are joined by folding whitespace.
 */
function encodeHeaderValue(value: string): string {
  const clean = singleLine(value);
  if (/^[\x20-\x7e]*$/.test(clean)) return clean;
  const words: string[] = [];
  const maxBytes = 45; // 45 bytes → 60 base64 chars, + 12 for "=?UTF-8?B?" and "?=" = 72.
  let chunk = '';
  for (const ch of clean) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > maxBytes) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

function base64Lines(text: string): string {
  return (
    Buffer.from(text, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? ['']
  ).join('\r\n');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function textToHtml(text: string): string {
  const paragraphs = text.split(/\r?\n\s*\r?\n/).map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`);
  return `<!doctype html><html><body>${paragraphs.join('')}</body></html>`;
}

const MESSAGE_ID = /^<[^<>\s@]+@[^<>\s@]+>$/;

function angleId(id: string): string {
  const t = id.trim();
  return t.startsWith('<') ? t : `<${t}>`;
}

export function buildMimeMessage(m: OutgoingEmail): string {
  const boundary = m.boundary ?? `vouch_${randomBytes(12).toString('hex')}`;
  const headers: string[] = [];
  headers.push(`To: ${m.to.map(singleLine).join(', ')}`);
  if (m.cc && m.cc.length > 0) headers.push(`Cc: ${m.cc.map(singleLine).join(', ')}`);
  headers.push(`Subject: ${encodeHeaderValue(m.subject)}`);
  if (m.date) headers.push(`Date: ${m.date.toUTCString().replace('GMT', '+0000')}`);
  const inReplyTo = m.inReplyTo ? angleId(m.inReplyTo) : undefined;
  if (inReplyTo && MESSAGE_ID.test(inReplyTo)) headers.push(`In-Reply-To: ${inReplyTo}`);
  const references = (m.references ?? []).map(angleId).filter((r) => MESSAGE_ID.test(r));
  if (references.length > 0) headers.push(`References: ${references.join('\r\n ')}`);
  headers.push('MIME-Version: 1.0');
  headers.push(`Content-Type: multipart/alternative; boundary="${boundary}"`);
  const html = m.html ?? textToHtml(m.text);
  return [
    ...headers,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset="UTF-8"',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(m.text),
    `--${boundary}`,
    'Content-Type: text/html; charset="UTF-8"',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(html),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** Gmail's `raw`: the whole message, base64url without padding. */
export function toGmailRaw(message: string): string {
  return Buffer.from(message, 'utf8').toString('base64url');
}

/** Defensive RFC 2047 decoding of header values (the Gmail API usually decodes them already). */
export function decodeHeaderValue(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, charset: string, enc: string, data: string) => {
      const bytes =
        enc.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64')
          : Buffer.from(
              data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
              'latin1',
            );
      try {
        return new TextDecoder(charset).decode(bytes);
      } catch {
        return bytes.toString('utf8');
      }
    });
}

/** Message-IDs in a References / In-Reply-To value. */
export function messageIds(value: string | undefined): string[] {
  return (value ?? '').match(/<[^<>\s]+>/g) ?? [];
}
