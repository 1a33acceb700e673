import { describe, expect, it } from 'vitest';
import { IncrementalLogMel, melFilterBank, whisperLogMel, WHISPER_N_FRAMES } from '../../src/stt/log-mel.js';

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

describe('IncrementalLogMel (features computed while the person speaks)', () => {
  function noisySpeech(seconds: number): Float32Array {
    const pcm = new Float32Array(seconds * RATE);
    let seed = 7;
    for (let i = 0; i < pcm.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const envelope = i > 0.3 * RATE && i < pcm.length - 0.3 * RATE ? 0.3 : 0.001;
      pcm[i] = envelope * (Math.sin((2 * Math.PI * 180 * i) / RATE) + 0.3 * (seed / 2 ** 32 - 0.5));
    }
    return pcm;
  }

  it('gives exactly the features of the whole clip, whatever the chunk sizes, and transforms frames as they complete', () => {
    const pcm = noisySpeech(2.3);
    const stream = new IncrementalLogMel();
    const sizes = [1, 199, 200, 320, 4000, 17, 160];
    let offset = 0;
    for (let i = 0; offset < pcm.length; i++) {
      const size = sizes[i % sizes.length]!;
      stream.push(pcm.subarray(offset, offset + size));
      offset += size;
      if (offset >= 480) expect(stream.framesReady).toBe(Math.floor((Math.min(offset, pcm.length) - 200) / 160) + 1);
    }
    expect(stream.finish()).toEqual(whisperLogMel(pcm));
  });

  it('starts the window at the speech onset when asked, as if the silence before it had been cut', () => {
    const pcm = noisySpeech(2);
    const stream = new IncrementalLogMel();
    stream.push(pcm);
    const fromFrame = 25;
    const shifted = stream.finish({ fromFrame, toFrame: WHISPER_N_FRAMES });
    const cut = whisperLogMel(pcm.subarray(fromFrame * 160));
    // Away from the cut edge, frames match those of the trimmed clip.
    for (const mel of [0, 40, 79]) {
      for (let t = 5; t < 150; t += 7) expect(melRow(shifted, mel)[t]).toBeCloseTo(melRow(cut, mel)[t]!, 4);
    }
  });
});
