/**
 * Just enough RFC 2822 / MIME for the sandbox: parse what clients send to `messages.send`, and
 * compose seed mail. Written separately from the provider tools' builder on purpose, so a bug in
 * one side cannot silently agree with itself in the round-trip tests.
 */
export interface MimeHeader {
  name: string;
  value: string;
}

export interface MimeNode {
  headers: MimeHeader[];
  mimeType: string;
  charset?: string;
  filename: string;
  /** Transfer-decoded content bytes (empty for multipart containers). */
  body: Buffer;
  parts: MimeNode[];
}

function splitHeadBody(raw: string): { head: string; body: string } {
  const m = /\r?\n\r?\n/.exec(raw);
  if (!m) return { head: raw, body: '' };
  return { head: raw.slice(0, m.index), body: raw.slice(m.index + m[0].length) };
}

function parseHeaders(head: string): MimeHeader[] {
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const out: MimeHeader[] = [];
  for (const line of unfolded.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    out.push({ name: line.slice(0, i).trim(), value: line.slice(i + 1).trim() });
  }
  return out;
}

export function headerValue(headers: MimeHeader[], name: string): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
}

/** `text/plain; charset="UTF-8"` → type and lower-cased parameters. */
export function parseParams(value: string | undefined): { type: string; params: Record<string, string> } {
  const [type = '', ...rest] = (value ?? '').split(';');
  const params: Record<string, string> = {};
  for (const p of rest) {
    const i = p.indexOf('=');
    if (i < 0) continue;
    params[p.slice(0, i).trim().toLowerCase()] = p
      .slice(i + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return { type: type.trim().toLowerCase(), params };
}

function decodeQuotedPrintable(s: string): Buffer {
  const bytes: number[] = [];
  const text = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

function decodeTransfer(body: string, encoding: string | undefined): Buffer {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    default:
      return Buffer.from(body, 'utf8');
  }
}

function decodeCharset(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

/** RFC 2047 encoded words (`=?UTF-8?B?...?=`), with the whitespace between adjacent words dropped. */
export function decodeEncodedWords(value: string): string {
  const joined = value.replace(/(\?=)\s+(=\?)/g, '$1$2');
  return joined.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, charset: string, enc: string, text: string) => {
    const bytes = enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : decodeQuotedPrintable(text.replace(/_/g, ' '));
    return decodeCharset(bytes, charset);
  });
}

export function parseMime(raw: string): MimeNode {
  const { head, body } = splitHeadBody(raw);
  const headers = parseHeaders(head);
  const ct = parseParams(headerValue(headers, 'Content-Type') ?? 'text/plain; charset=us-ascii');
  const disposition = parseParams(headerValue(headers, 'Content-Disposition'));
  const filename = disposition.params['filename'] ?? ct.params['name'] ?? '';
  const node: MimeNode = { headers, mimeType: ct.type || 'text/plain', filename, body: Buffer.alloc(0), parts: [] };
  if (ct.params['charset']) node.charset = ct.params['charset'];
  const boundary = ct.params['boundary'];
  if (ct.type.startsWith('multipart/') && boundary) {
    const delimiter = `--${boundary}`;
    const sections = body.split(new RegExp(`\\r?\\n?${delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    // sections[0] is the preamble; the last starts with "--" (the close delimiter) and is the epilogue.
    for (const section of sections.slice(1)) {
      if (section.startsWith('--')) break;
      node.parts.push(parseMime(section.replace(/^[ \t]*\r?\n/, '')));
    }
    return node;
  }
  node.body = decodeTransfer(body, headerValue(headers, 'Content-Transfer-Encoding'));
  return node;
}

export function nodeText(node: MimeNode): string {
  return decodeCharset(node.body, node.charset ?? 'utf-8');
}

/** The first part of a MIME type, depth first (e.g. the text/plain alternative). */
export function findPart(node: MimeNode, mimeType: string): MimeNode | undefined {
  if (node.mimeType === mimeType && node.parts.length === 0) return node;
  for (const p of node.parts) {
    const hit = findPart(p, mimeType);
    if (hit) return hit;
  }
  return undefined;
}

function encodeWord(s: string): string {
  return /^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;
}

function wrap76(b64: string): string {
  return b64.replace(/.{1,76}/g, '$&\r\n');
}

/** Composes seed mail: multipart/alternative when there is HTML, plain text otherwise. */
export function composeSeedMessage(m: {
  from: string;
  to: string;
  cc?: string;
  replyTo?: string;
  subject: string;
  date: Date;
  messageId: string;
  inReplyTo?: string;
  references?: string;
  text: string;
  html?: string;
}): string {
  const lines = [
    `From: ${m.from}`,
    `To: ${m.to}`,
    ...(m.cc ? [`Cc: ${m.cc}`] : []),
    ...(m.replyTo ? [`Reply-To: ${m.replyTo}`] : []),
    `Subject: ${encodeWord(m.subject)}`,
    `Date: ${m.date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: ${m.messageId}`,
    ...(m.inReplyTo ? [`In-Reply-To: ${m.inReplyTo}`] : []),
    ...(m.references ? [`References: ${m.references}`] : []),
    'MIME-Version: 1.0',
  ];
  const textPart = [
    'Content-Type: text/plain; charset="UTF-8"',
    'Content-Transfer-Encoding: base64',
    '',
    wrap76(Buffer.from(m.text).toString('base64')),
  ];
  if (!m.html) return [...lines, ...textPart].join('\r\n');
  const boundary = `sbx_${m.messageId.replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}`;
  return [
    ...lines,
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    ...textPart,
    `--${boundary}`,
    'Content-Type: text/html; charset="UTF-8"',
    'Content-Transfer-Encoding: base64',
    '',
    wrap76(Buffer.from(m.html).toString('base64')),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
