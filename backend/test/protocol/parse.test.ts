import { describe, expect, it } from 'vitest';
import { MAX_FRAME_BYTES, parseAppFrame, utf8ByteLength } from '../../src/protocol/index.js';

describe('utf8ByteLength', () => {
  it('agrees with Buffer.byteLength on ASCII, 2-, 3- and 4-byte characters and lone surrogates', () => {
    const samples = ['', 'hello', 'café', '€10', 'naïve 日本語', '👋🏽 emoji', '\ud800', 'a\udc00b', '\ud83d', '\ud83d\ude00\ud83d'];
    for (const s of samples) expect(utf8ByteLength(s), JSON.stringify(s)).toBe(Buffer.byteLength(s, 'utf8'));
  });
});

describe('parseAppFrame size limit', () => {
  const frameWithText = (text: string) => JSON.stringify({ type: 'transcript', id: 't1', text });
  const overhead = frameWithText('').length;

  it('counts bytes, not UTF-16 units: a frame under the limit in characters but over it in bytes is refused', () => {
    // 'é' is one UTF-16 unit and two UTF-8 bytes.
    const text = 'é'.repeat(MAX_FRAME_BYTES - overhead);
    const frame = frameWithText(text);
    expect(frame.length).toBeLessThanOrEqual(MAX_FRAME_BYTES);
    expect(parseAppFrame(frame)).toEqual({ ok: false, message: `frame larger than ${MAX_FRAME_BYTES} bytes` });
  });

  it('passes the size check at exactly the limit', () => {
    const frame = frameWithText('a'.repeat(MAX_FRAME_BYTES - overhead));
    expect(utf8ByteLength(frame)).toBe(MAX_FRAME_BYTES);
    const parsed = parseAppFrame(frame);
    // The transcript schema caps text far below the frame limit: the frame gets past the size check to the schema.
    expect(parsed.ok ? '' : parsed.message).not.toMatch(/larger than/);
  });
});
