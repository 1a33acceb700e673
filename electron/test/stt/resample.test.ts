import { describe, expect, it } from 'vitest';
import { downmixToMono, int16ToFloat32, resample, toWhisperInput } from '../../src/stt/resample.js';

function sine(freq: number, rate: number, seconds: number, amplitude = 0.5): Float32Array {
  return Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => amplitude * Math.sin((2 * Math.PI * freq * i) / rate));
}

function rms(x: Float32Array, from = 0, to = x.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i]! * x[i]!;
  return Math.sqrt(s / (to - from));
}

/** Amplitude of one frequency by correlation with a complex exponential (a single DFT bin). */
function toneAmplitude(x: Float32Array, freq: number, rate: number): number {
  let re = 0;
  let im = 0;
  for (let i = 0; i < x.length; i++) {
    re += x[i]! * Math.cos((2 * Math.PI * freq * i) / rate);
    im -= x[i]! * Math.sin((2 * Math.PI * freq * i) / rate);
  }
  return (2 * Math.hypot(re, im)) / x.length;
}

describe('resample', () => {
  it('produces the right length for common microphone rates', () => {
    expect(resample(new Float32Array(48_000), 48_000, 16_000).length).toBe(16_000);
    expect(resample(new Float32Array(44_100), 44_100, 16_000).length).toBe(16_000);
    expect(resample(new Float32Array(22_050), 22_050, 16_000).length).toBe(16_000);
    expect(resample(new Float32Array(8_000), 8_000, 16_000).length).toBe(16_000);
  });

  it('keeps an in-band tone at its frequency and amplitude (48 kHz -> 16 kHz)', () => {
    const out = resample(sine(1000, 48_000, 1), 48_000, 16_000);
    expect(toneAmplitude(out.subarray(800, 15_200), 1000, 16_000)).toBeCloseTo(0.5, 2);
  });

  it('removes content above the new Nyquist frequency instead of aliasing it', () => {
    // 11 kHz at 48 kHz would alias to 5 kHz at 16 kHz without the low-pass.
    const out = resample(sine(11_000, 48_000, 1), 48_000, 16_000);
    expect(rms(out, 800, 15_200)).toBeLessThan(0.01);
    expect(toneAmplitude(out.subarray(800, 15_200), 5000, 16_000)).toBeLessThan(0.01);
  });

  it('upsamples with the tone intact (22.05 kHz espeak output -> 16 kHz is a downsample; 8 kHz -> 16 kHz up)', () => {
    const out = resample(sine(440, 8_000, 1), 8_000, 16_000);
    expect(toneAmplitude(out.subarray(400, 15_600), 440, 16_000)).toBeCloseTo(0.5, 2);
  });

  it('preserves DC exactly, returns a copy at equal rates, and rejects bad rates', () => {
    const dc = new Float32Array(4410).fill(0.3);
    resample(dc, 44_100, 16_000).forEach((s) => expect(s).toBeCloseTo(0.3, 5));
    const same = resample(dc, 16_000, 16_000);
    expect(same).not.toBe(dc);
    expect(same).toEqual(dc);
    expect(() => resample(dc, 0, 16_000)).toThrow(RangeError);
    expect(() => resample(dc, 44_100.5, 16_000)).toThrow(RangeError);
  });
});

describe('format helpers', () => {
  it('converts int16 to float and averages channels', () => {
    expect(Array.from(int16ToFloat32(Int16Array.from([-32768, 0, 16384])))).toEqual([-1, 0, 0.5]);
    const mono = downmixToMono([Float32Array.from([1, 0.5]), Float32Array.from([0, -0.5])]);
    expect(Array.from(mono)).toEqual([0.5, 0]);
    expect(toWhisperInput([new Float32Array(44_100), new Float32Array(44_100)], 44_100).length).toBe(16_000);
  });
});
