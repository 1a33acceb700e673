import { describe, expect, it } from 'vitest';
import { melFilterBank, whisperLogMel, WHISPER_N_FRAMES } from '../../src/stt/log-mel.js';

const RATE = 16_000;

function melRow(features: Float32Array, mel: number): Float32Array {
  return features.subarray(mel * WHISPER_N_FRAMES, (mel + 1) * WHISPER_N_FRAMES);
}

describe('Whisper log-mel features', () => {
  it('builds the Slaney-normalized 80-band filter bank Whisper ships (spot values)', () => {
    const bank = melFilterBank(80);
    expect(bank).toHaveLength(80);
    expect(bank[0]!).toHaveLength(201);
    // First filter spans 0..74.5 Hz peaking at 37.2 Hz; bin 1 is 40 Hz: (74.47-40)/37.24 * 2/74.47.
    expect(bank[0]![1]).toBeCloseTo(0.02486, 4);
    expect(bank[0]![0]).toBe(0);
    // Each filter is a single triangle: non-zero bins are contiguous.
    for (const row of bank) {
      const nonZero = [...row.keys()].filter((k) => row[k]! > 0);
      expect(nonZero.length).toBeGreaterThan(0);
      expect(nonZero.at(-1)! - nonZero[0]! + 1).toBe(nonZero.length);
    }
  });

  it('maps silence to the floor value everywhere', () => {
    const features = whisperLogMel(new Float32Array(RATE));
    expect(features).toHaveLength(80 * WHISPER_N_FRAMES);
    // log10(1e-10) = -10 everywhere, so the maximum is -10 and (x + 4) / 4 = -1.5.
    expect(new Set(features)).toEqual(new Set([-1.5]));
  });

  it('places a 1 kHz tone in the right band and the right frames, within an 8-unit (80 dB) range', () => {
    const pcm = new Float32Array(3 * RATE);
    for (let i = RATE; i < 2 * RATE; i++) pcm[i] = 0.5 * Math.sin((2 * Math.PI * 1000 * i) / RATE);
    const features = whisperLogMel(pcm);
    // Frame 150 is mid-tone: the loudest band is the one centred near 1 kHz (band 25 or 26 of 80).
    const frame = 150;
    let loudest = 0;
    for (let m = 1; m < 80; m++) if (melRow(features, m)[frame]! > melRow(features, loudest)[frame]!) loudest = m;
    expect([25, 26]).toContain(loudest);
    // Before the tone (frame 50) and after it (frame 250) that band is near the floor.
    const band = melRow(features, loudest);
    expect(band[frame]! - band[50]!).toBeGreaterThan(1.5);
    expect(band[frame]! - band[250]!).toBeGreaterThan(1.5);
    let max = -Infinity;
    let min = Infinity;
    for (const v of features) {
      max = Math.max(max, v);
      min = Math.min(min, v);
    }
    expect(max - min).toBeLessThanOrEqual(2 + 1e-6);
  });

  it('truncates input longer than 30 s and supports 128-band models', () => {
    const long = new Float32Array(31 * RATE).fill(0.01);
    expect(whisperLogMel(long)).toHaveLength(80 * WHISPER_N_FRAMES);
    expect(whisperLogMel(new Float32Array(RATE), 128)).toHaveLength(128 * WHISPER_N_FRAMES);
  });
});
