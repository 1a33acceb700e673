/**
 * Energy-based voice-activity trimming. Push-to-talk clips start and end with silence (the key press,
 * breath, room noise); trimming it shortens what Whisper sees, which saves time and removes the
 * silence on which Whisper tends to hallucinate ("Thank you.").
 */

export interface VadOptions {
  /** Analysis frame length in milliseconds. */
  frameMs?: number;
  /** A frame is speech when its RMS is at least this many dB above the estimated noise floor... */
  thresholdDb?: number;
  /** ...and at least this absolute level (dBFS), so digital silence plus dither never counts. */
  minSpeechDbfs?: number;
  /**
   * ...but never more than this many dB below the loudest frame: when the clip is speech throughout,
   * the "noise floor" estimate is itself speech, and only this bound keeps the speech.
   */
  peakMarginDb?: number;
  /** Audio kept before the first and after the last speech frame, so onsets and decays are not clipped. */
  padMs?: number;
}

interface VadResult {
  /** Sample index where the kept region starts (inclusive). */
  start: number;
  /** Sample index where the kept region ends (exclusive). */
  end: number;
  /** False when no frame qualified as speech; start === end then. */
  hasSpeech: boolean;
}

const DEFAULTS: Required<VadOptions> = { frameMs: 20, thresholdDb: 12, minSpeechDbfs: -50, peakMarginDb: 20, padMs: 200 };

function rmsDbfs(samples: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += samples[i]! * samples[i]!;
  const rms = Math.sqrt(sum / Math.max(1, to - from));
  return 20 * Math.log10(rms + 1e-10);
}

/** Finds the region that holds speech. Pure: does not copy or modify the samples. */
export function detectSpeechRegion(samples: Float32Array, sampleRate: number, options: VadOptions = {}): VadResult {
  const { frameMs, thresholdDb, minSpeechDbfs, peakMarginDb, padMs } = { ...DEFAULTS, ...options };
  const frameLength = Math.max(1, Math.round((sampleRate * frameMs) / 1000));
  const frameCount = Math.ceil(samples.length / frameLength);
  if (frameCount === 0) return { start: 0, end: 0, hasSpeech: false };
  const levels = new Float64Array(frameCount);
  for (let f = 0; f < frameCount; f++) {
    levels[f] = rmsDbfs(samples, f * frameLength, Math.min(samples.length, (f + 1) * frameLength));
  }
  // Noise floor: the 10th percentile of frame levels, robust to a clip that is mostly speech.
  const sorted = Array.from(levels).sort((a, b) => a - b);
  const noiseFloor = sorted[Math.floor(sorted.length * 0.1)]!;
  const peak = sorted[sorted.length - 1]!;
  const threshold = Math.max(Math.min(noiseFloor + thresholdDb, peak - peakMarginDb), minSpeechDbfs);
  let firstSpeech = -1;
  let lastSpeech = -1;
  for (let f = 0; f < frameCount; f++) {
    if (levels[f]! >= threshold) {
      if (firstSpeech < 0) firstSpeech = f;
      lastSpeech = f;
    }
  }
  if (firstSpeech < 0) return { start: 0, end: 0, hasSpeech: false };
  const pad = Math.round((sampleRate * padMs) / 1000);
  return {
    start: Math.max(0, firstSpeech * frameLength - pad),
    end: Math.min(samples.length, (lastSpeech + 1) * frameLength + pad),
    hasSpeech: true,
  };
}

/** Returns a view of the speech region (no copy), or an empty array when there is no speech. */
export function trimSilence(samples: Float32Array, sampleRate: number, options: VadOptions = {}): Float32Array {
  const region = detectSpeechRegion(samples, sampleRate, options);
  return samples.subarray(region.start, region.end);
}
