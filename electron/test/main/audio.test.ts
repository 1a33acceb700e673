import { describe, expect, it } from 'vitest';
import { int16ToFloat32, resample } from '../../src/audio/pcm.js';
import { RecordingBuffer } from '../../src/audio/recording.js';

const chunk = (...samples: number[]) => new Int16Array(samples).buffer;

describe('PCM conversion', () => {
  it('maps Int16 to [-1, 1)', () => {
    const f = int16ToFloat32(new Int16Array([0, 16384, -32768, 32767]));
    expect(Array.from(f)).toEqual([0, 0.5, -1, 32767 / 32768]);
  });

  it('resamples 48 kHz to 16 kHz to a third of the length, preserving a slow signal', () => {
    const input = new Float32Array(4800).map((_, i) => Math.sin((2 * Math.PI * 200 * i) / 48_000));
    const out = resample(input, 48_000, 16_000);
    expect(out.length).toBe(1600);
    for (let i = 50; i < out.length - 50; i += 97) {
      expect(out[i]).toBeCloseTo(Math.sin((2 * Math.PI * 200 * i) / 16_000), 2);
    }
  });

  it('same rate returns a copy', () => {
    const input = new Float32Array([0.1, 0.2]);
    const out = resample(input, 16_000, 16_000);
    expect(out).not.toBe(input);
    expect(Array.from(out)).toEqual(Array.from(input));
  });
});

describe('RecordingBuffer', () => {
  it('concatenates chunks of one recording into Float32', () => {
    const r = new RecordingBuffer();
    r.start();
    r.push(chunk(16384, 0));
    r.push(chunk(-16384));
    expect(Array.from(r.finish())).toEqual([0.5, 0, -0.5]);
  });

  it('drops chunks outside a recording', () => {
    const r = new RecordingBuffer();
    expect(r.push(chunk(1, 2))).toBe(false);
    r.start();
    r.push(chunk(16384));
    r.finish();
    expect(r.push(chunk(3))).toBe(false); // late worklet flush
    r.start();
    expect(r.finish().length).toBe(0);
  });

  it('caps the recording and reports truncation', () => {
    const r = new RecordingBuffer({ maxBytes: 6 });
    r.start();
    expect(r.push(chunk(1, 2))).toBe(true);
    expect(r.push(chunk(3, 4))).toBe(true); // only one sample fits
    expect(r.push(chunk(5))).toBe(false);
    expect(r.truncated).toBe(true);
    expect(r.byteLength).toBe(6);
    expect(r.finish().length).toBe(3);
  });

  it('copies pushed buffers (the caller may reuse them)', () => {
    const r = new RecordingBuffer();
    r.start();
    const buf = new Int16Array([16384]);
    r.push(buf.buffer);
    buf[0] = 0;
    expect(Array.from(r.finish())).toEqual([0.5]);
  });

  it('rejects odd byte lengths', () => {
    const r = new RecordingBuffer();
    r.start();
    expect(r.push(new ArrayBuffer(3))).toBe(false);
  });
});
