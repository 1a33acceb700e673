import { AppFrame, MAX_FRAME_BYTES, ServerFrame } from './frames.js';

export type ParseResult<T> = { ok: true; frame: T } | { ok: false; message: string; frame_id?: string };

/** Largest JSON nesting accepted before parsing; deeper input is refused without recursion. */
const MAX_DEPTH = 32;

function tooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_DEPTH) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

function pickFrameId(value: unknown): string | undefined {
  if (value && typeof value === 'object' && 'frame_id' in value) {
    const id = (value as { frame_id: unknown }).frame_id;
    if (typeof id === 'string' && id.length <= 128 && /^[A-Za-z0-9_.:-]+$/.test(id)) return id;
  }
  return undefined;
}

/**
 * UTF-8 length of `text` without Node's Buffer or the DOM's TextEncoder, so the protocol stays
 * environment-neutral. A lone surrogate counts 3 bytes, as its U+FFFD replacement does on the wire.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Parses one inbound WebSocket text message into a typed app frame, or explains why it is not one.
 * The transport decodes the bytes and refuses binary messages itself (frames are JSON text).
 */
export function parseAppFrame(text: string): ParseResult<AppFrame> {
  if (utf8ByteLength(text) > MAX_FRAME_BYTES) return { ok: false, message: `frame larger than ${MAX_FRAME_BYTES} bytes` };
  if (tooDeep(text)) return { ok: false, message: `frame nested deeper than ${MAX_DEPTH} levels` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'frame is not valid JSON' };
  }
  const parsed = AppFrame.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, message: `invalid frame${where}: ${issue?.message ?? 'unknown shape'}`, frame_id: pickFrameId(json) };
  }
  return { ok: true, frame: parsed.data };
}

/** The app's side: parses what the backend sent. */
export function parseServerFrame(text: string): ParseResult<ServerFrame> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'frame is not valid JSON' };
  }
  const parsed = ServerFrame.safeParse(json);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'unknown shape' };
  return { ok: true, frame: parsed.data };
}
