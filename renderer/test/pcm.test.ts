import { describe, expect, it } from 'vitest';
import { decodePcm16, scheduleChunk, SeqOrderer, START_LEAD_S } from '../src/audio/pcm.js';
import { floatToInt16, Int16Chunker, StreamingResampler } from '../src/audio/resample.js';

const b64 = (samples: number[]) => Buffer.from(Int16Array.from(samples).buffer).toString('base64');

describe('decodePcm16', () => {
  it('decodes little-endian Int16 to floats', () => {
    const out = decodePcm16(b64([0, 16384, -32768, 32767, -1]));
    expect([...out]).toEqual([0, 0.5, -1, 32767 / 32768, -1 / 32768]);
  });
  it('drops a trailing odd byte', () => {
    expect(decodePcm16(Buffer.from([1, 0, 7]).toString('base64'))).toHaveLength(1);
  });
});

describe('scheduleChunk', () => {
  it('queues chunks back to back without gaps while audio is still playing', () => {
    let end = 0;
    const starts: number[] = [];
    // Three 0.1 s chunks arrive at t=1.00, 1.02, 1.05: each starts exactly where the last ends.
    for (const now of [1.0, 1.02, 1.05]) {
      const s = scheduleChunk(end, now, 0.1);
      starts.push(s.start);
      end = s.end;
    }
    expect(starts[0]).toBeCloseTo(1 + START_LEAD_S);
    expect(starts[1]).toBeCloseTo(starts[0]! + 0.1);
    expect(starts[2]).toBeCloseTo(starts[1]! + 0.1);
    expect(end).toBeCloseTo(starts[0]! + 0.3);
  });
  it('restarts shortly after now when the queue ran dry', () => {
    expect(scheduleChunk(2, 5, 0.2)).toEqual({ start: 5 + START_LEAD_S, end: 5 + START_LEAD_S + 0.2 });
  });
});

describe('SeqOrderer', () => {
  it('releases chunks in order, holding early ones and dropping duplicates', () => {
    const o = new SeqOrderer<string>();
    expect(o.push(1, 'b')).toEqual([]);
    expect(o.push(0, 'a')).toEqual(['a', 'b']);
    expect(o.push(0, 'a')).toEqual([]);
    expect(o.push(3, 'd')).toEqual([]);
    expect(o.push(2, 'c')).toEqual(['c', 'd']);
  });
});

describe('StreamingResampler', () => {
  it('produces 16 kHz from 48 kHz: one output per three inputs across block boundaries', () => {
    const r = new StreamingResampler(48_000, 16_000);
    let total = 0;
    for (let b = 0; b < 375; b++) total += r.process(new Float32Array(128)).length; // 1 s of 128-frame quanta
    expect(total).toBe(16_000);
  });
  it('interpolates a ramp continuously over the block edge (44.1 kHz → 16 kHz)', () => {
    const r = new StreamingResampler(44_100, 16_000);
    const step = 44_100 / 16_000;
    const input = Float32Array.from({ length: 256 }, (_, i) => i / 1000);
    const out = [...r.process(input.subarray(0, 128)), ...r.process(input.subarray(128))];
    out.forEach((v, k) => expect(v).toBeCloseTo((k * step) / 1000, 6));
  });
  it('passes samples through at equal rates', () => {
    const r = new StreamingResampler(16_000, 16_000);
    expect([...r.process(Float32Array.from([0.25, -0.5]))]).toEqual([0.25, -0.5]);
  });
});

describe('Int16Chunker', () => {
  it('emits exact-size chunks and flushes the rest', () => {
    const c = new Int16Chunker(4);
    const chunks = c.push(Float32Array.from([0, 0.5, -0.5, 1, -1, 2]));
    expect(chunks.map((b) => [...new Int16Array(b)])).toEqual([[0, 16384, -16384, 32767]]);
    expect([...new Int16Array(c.flush()!)]).toEqual([-32768, 32767]);
    expect(c.flush()).toBeNull();
  });
  it('clips out-of-range floats', () => {
    expect(floatToInt16(3)).toBe(32767);
    expect(floatToInt16(-3)).toBe(-32768);
  });
});
