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

/** Parses one inbound WebSocket message into a typed app frame, or explains why it is not one. */
export function parseAppFrame(data: string | Buffer | ArrayBuffer | Buffer[], isBinary = false): ParseResult<AppFrame> {
  if (isBinary || typeof data !== 'string' && !Buffer.isBuffer(data)) {
    return { ok: false, message: 'frames must be JSON text, not binary' };
  }
  const text = typeof data === 'string' ? data : data.toString('utf8');
  if (Buffer.byteLength(text, 'utf8') > MAX_FRAME_BYTES) return { ok: false, message: `frame larger than ${MAX_FRAME_BYTES} bytes` };
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
