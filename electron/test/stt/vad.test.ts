import { describe, expect, it } from 'vitest';
import { detectSpeechRegion, trimSilence } from '../../src/stt/vad.js';

const RATE = 16_000;

/** Deterministic pseudo-random noise so the tests are reproducible. */
function noise(length: number, amplitude: number, seed = 1): Float32Array {
  let state = seed;
  return Float32Array.from({ length }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return ((state / 2 ** 31) * 2 - 1) * amplitude;
  });
}

/** silence(before) + voiced burst(len) + silence(after), over a low noise floor. */
function clip(beforeS: number, speechS: number, afterS: number, floor = 0.001): Float32Array {
  const total = Math.round((beforeS + speechS + afterS) * RATE);
  const x = noise(total, floor);
  const start = Math.round(beforeS * RATE);
  const end = Math.round((beforeS + speechS) * RATE);
  for (let i = start; i < end; i++) x[i]! += 0.2 * Math.sin((2 * Math.PI * 180 * i) / RATE) * (1 + 0.5 * Math.sin(i / 700));
  return x;
}

describe('voice-activity trimming', () => {
  it('trims leading and trailing silence, keeping the configured padding', () => {
    const x = clip(1, 2, 1.5);
    const region = detectSpeechRegion(x, RATE, { padMs: 200 });
    expect(region.hasSpeech).toBe(true);
    // Speech is 16000..48000; frames are 20 ms (320 samples), padding 3200 samples.
    expect(region.start).toBeGreaterThanOrEqual(16_000 - 3_200 - 320);
    expect(region.start).toBeLessThanOrEqual(16_000 - 3_200 + 320);
    expect(region.end).toBeGreaterThanOrEqual(48_000 + 3_200 - 320);
    expect(region.end).toBeLessThanOrEqual(48_000 + 3_200 + 320);
    expect(trimSilence(x, RATE, { padMs: 200 }).length).toBe(region.end - region.start);
  });

  it('keeps a clip that is speech from end to end', () => {
    const x = clip(0, 2, 0);
    expect(detectSpeechRegion(x, RATE)).toEqual({ start: 0, end: x.length, hasSpeech: true });
  });

  it('reports no speech for silence and for steady low noise, and handles empty input', () => {
    expect(detectSpeechRegion(new Float32Array(RATE), RATE).hasSpeech).toBe(false);
    expect(trimSilence(noise(RATE * 2, 0.002), RATE).length).toBe(0);
    expect(detectSpeechRegion(new Float32Array(0), RATE)).toEqual({ start: 0, end: 0, hasSpeech: false });
  });

  it('adapts to the noise floor: speech over louder background noise is still found', () => {
    const x = clip(1, 1, 1, 0.02);
    const region = detectSpeechRegion(x, RATE, { padMs: 0 });
    expect(region.start).toBeGreaterThan(15_000);
    expect(region.end).toBeLessThan(33_000);
  });
});
