/**
 * Whisper's log-mel front end, reproduced from the reference implementation so that the ONNX encoder
 * sees the same features it was trained on: 25 ms periodic-Hann frames every 10 ms (n_fft 400, hop 160
 * at 16 kHz) over a centred, reflect-padded 30 s window; power spectrum; Slaney-normalized mel
 * filterbank; log10 with a floor of 1e-10; dynamic range limited to 8 (i.e. 80 dB) below the maximum;
 * then scaled as (x + 4) / 4.
 */

const WHISPER_N_FFT = 400;
export const WHISPER_HOP_LENGTH = 160;
export const WHISPER_CHUNK_SAMPLES = 480_000; // 30 s at 16 kHz
export const WHISPER_N_FRAMES = WHISPER_CHUNK_SAMPLES / WHISPER_HOP_LENGTH; // 3000

const N_BINS = WHISPER_N_FFT / 2 + 1;

function hzToMelSlaney(hz: number): number {
  const fSp = 200 / 3;
  const minLogHz = 1000;
  const minLogMel = minLogHz / fSp;
  const logStep = Math.log(6.4) / 27;
  return hz >= minLogHz ? minLogMel + Math.log(hz / minLogHz) / logStep : hz / fSp;
}

function melToHzSlaney(mel: number): number {
  const fSp = 200 / 3;
  const minLogHz = 1000;
  const minLogMel = minLogHz / fSp;
  const logStep = Math.log(6.4) / 27;
  return mel >= minLogMel ? minLogHz * Math.exp(logStep * (mel - minLogMel)) : fSp * mel;
}

/** The librosa `filters.mel(sr, n_fft, n_mels)` bank (htk=False, norm='slaney'), row-major [nMels][N_BINS]. */
export function melFilterBank(nMels: number, sampleRate = 16_000, nFft = WHISPER_N_FFT): Float32Array[] {
  const nBins = nFft / 2 + 1;
  const minMel = hzToMelSlaney(0);
  const maxMel = hzToMelSlaney(sampleRate / 2);
  const melPointsHz = Array.from({ length: nMels + 2 }, (_, i) => melToHzSlaney(minMel + ((maxMel - minMel) * i) / (nMels + 1)));
  const binHz = Array.from({ length: nBins }, (_, k) => (k * sampleRate) / nFft);
  const bank: Float32Array[] = [];
  for (let m = 0; m < nMels; m++) {
    const lowerEdge = melPointsHz[m]!;
    const centre = melPointsHz[m + 1]!;
    const upperEdge = melPointsHz[m + 2]!;
    const norm = 2 / (upperEdge - lowerEdge);
    const row = new Float32Array(nBins);
    for (let k = 0; k < nBins; k++) {
      const rising = (binHz[k]! - lowerEdge) / (centre - lowerEdge);
      const falling = (upperEdge - binHz[k]!) / (upperEdge - centre);
      row[k] = Math.max(0, Math.min(rising, falling)) * norm;
    }
    bank.push(row);
  }
  return bank;
}

interface DftTables {
  cos: Float64Array;
  sin: Float64Array;
  window: Float64Array;
}

let cachedTables: DftTables | undefined;

function dftTables(): DftTables {
  if (cachedTables) return cachedTables;
  const cos = new Float64Array(WHISPER_N_FFT);
  const sin = new Float64Array(WHISPER_N_FFT);
  const window = new Float64Array(WHISPER_N_FFT);
  for (let n = 0; n < WHISPER_N_FFT; n++) {
    cos[n] = Math.cos((2 * Math.PI * n) / WHISPER_N_FFT);
    sin[n] = Math.sin((2 * Math.PI * n) / WHISPER_N_FFT);
    // Periodic Hann, as torch.hann_window(400) produces.
    window[n] = 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / WHISPER_N_FFT);
  }
  cachedTables = { cos, sin, window };
  return cachedTables;
}

const melBankCache = new Map<number, Float32Array[]>();

function melBank(nMels: number): Float32Array[] {
  let bank = melBankCache.get(nMels);
  if (!bank) {
    bank = melFilterBank(nMels);
    melBankCache.set(nMels, bank);
  }
  return bank;
}

const SILENT_LOG = Math.log10(1e-10);

/**
 * log10 mel energies of frame t, written to column t of `mel` ([nMels][WHISPER_N_FRAMES]); returns
 * the frame's largest value. `sampleAt` gives the centred, padded signal at any index.
 */
function logMelFrame(
  sampleAt: (index: number) => number,
  t: number,
  bank: Float32Array[],
  mel: Float32Array,
  scratch: { frame: Float64Array; power: Float64Array },
): number {
  const { cos, sin, window } = dftTables();
  const { frame, power } = scratch;
  const start = t * WHISPER_HOP_LENGTH - WHISPER_N_FFT / 2;
  for (let n = 0; n < WHISPER_N_FFT; n++) frame[n] = sampleAt(start + n) * window[n]!;
  for (let k = 0; k < N_BINS; k++) {
    let re = 0;
    let im = 0;
    let phase = 0;
    for (let n = 0; n < WHISPER_N_FFT; n++) {
      const v = frame[n]!;
      re += v * cos[phase]!;
      im -= v * sin[phase]!;
      phase += k;
      if (phase >= WHISPER_N_FFT) phase -= WHISPER_N_FFT;
    }
    power[k] = re * re + im * im;
  }
  let max = -Infinity;
  for (let m = 0; m < bank.length; m++) {
    const row = bank[m]!;
    let energy = 0;
    for (let k = 0; k < N_BINS; k++) energy += row[k]! * power[k]!;
    const logValue = Math.log10(Math.max(energy, 1e-10));
    mel[m * WHISPER_N_FRAMES + t] = logValue;
    if (logValue > max) max = logValue;
  }
  return max;
}

/** Reflect padding of the zero-padded 30 s signal (centre=True, pad_mode='reflect'). */
function paddedSampleAt(audio: Float32Array, length: number): (index: number) => number {
  return (index) => {
    let i = index;
    if (i < 0) i = -i;
    else if (i >= WHISPER_CHUNK_SAMPLES) i = 2 * (WHISPER_CHUNK_SAMPLES - 1) - i;
    return i < length ? audio[i]! : 0;
  };
}

/** Dynamic range limited to 8 (80 dB) below the maximum, then scaled as (x + 4) / 4; in place. */
function clampAndScale(mel: Float32Array, maxLog: number): Float32Array {
  const floor = maxLog - 8;
  for (let i = 0; i < mel.length; i++) mel[i] = (Math.max(mel[i]!, floor) + 4) / 4;
  return mel;
}

/**
 * Computes Whisper input features for up to 30 s of 16 kHz mono audio (longer input is truncated, as the
 * reference does per chunk). Returns a row-major [nMels][3000] Float32Array ready to be the
 * `input_features` tensor of shape [1, nMels, 3000].
 */
export function whisperLogMel(pcm16k: Float32Array, nMels = 80): Float32Array {
  const audio = pcm16k.length > WHISPER_CHUNK_SAMPLES ? pcm16k.subarray(0, WHISPER_CHUNK_SAMPLES) : pcm16k;
  const bank = melBank(nMels);
  const sampleAt = paddedSampleAt(audio, audio.length);
  // Frames whose window lies wholly in the zero padding all have the same (floor) value, so only the
  // frames that touch audio are transformed; this keeps a 3 s clip at a tenth of the 30 s cost.
  const lastAudioFrame = Math.min(WHISPER_N_FRAMES - 1, Math.ceil((audio.length + WHISPER_N_FFT / 2) / WHISPER_HOP_LENGTH));
  const mel = new Float32Array(nMels * WHISPER_N_FRAMES).fill(SILENT_LOG);
  const scratch = { frame: new Float64Array(WHISPER_N_FFT), power: new Float64Array(N_BINS) };
  let maxLog = lastAudioFrame < WHISPER_N_FRAMES - 1 ? SILENT_LOG : -Infinity;
  for (let t = 0; t <= lastAudioFrame; t++) maxLog = Math.max(maxLog, logMelFrame(sampleAt, t, bank, mel, scratch));
  return clampAndScale(mel, maxLog);
}

/**
 * The same features, computed while the person is still speaking: push() transforms every frame whose
 * 25 ms window is complete, so at hotkey release only the last few frames and the final clamp to the
 * maximum (which needs the whole clip) remain. Covers the first 30 s window; audio beyond it is kept
 * for the caller but not transformed.
 */
export class IncrementalLogMel {
  private audio = new Float32Array(4 * 16_000);
  private length = 0;
  private framesDone = 0;
  private readonly mel: Float32Array;
  private readonly bank: Float32Array[];
  private readonly scratch = { frame: new Float64Array(WHISPER_N_FFT), power: new Float64Array(N_BINS) };

  constructor(private readonly nMels = 80) {
    this.mel = new Float32Array(nMels * WHISPER_N_FRAMES);
    this.bank = melBank(nMels);
  }

  /** Frames already transformed. */
  get framesReady(): number {
    return this.framesDone;
  }

  /** Samples received so far (all of them, also past 30 s). */
  get samples(): Float32Array {
    return this.audio.subarray(0, this.length);
  }

  push(chunk: Float32Array): void {
    if (this.length + chunk.length > this.audio.length) {
      const grown = new Float32Array(Math.max(this.audio.length * 2, this.length + chunk.length));
      grown.set(this.audio.subarray(0, this.length));
      this.audio = grown;
    }
    this.audio.set(chunk, this.length);
    this.length += chunk.length;
    // Frame t reads samples up to t * hop + n_fft / 2 - 1: complete once those have arrived.
    const complete = Math.floor((this.length - WHISPER_N_FFT / 2) / WHISPER_HOP_LENGTH) + 1;
    this.transformUpTo(Math.min(complete, WHISPER_N_FRAMES), Math.min(this.length, WHISPER_CHUNK_SAMPLES));
  }

  /**
   * Features of the clip received so far, as whisperLogMel(samples) would give them; with `fromFrame`
   * (a speech start found by the VAD, in frames) the window starts there instead, the rest being silence.
   */
  finish(range: { fromFrame: number; toFrame: number } = { fromFrame: 0, toFrame: WHISPER_N_FRAMES }): Float32Array {
    const usable = Math.min(this.length, WHISPER_CHUNK_SAMPLES);
    const lastAudioFrame = Math.min(WHISPER_N_FRAMES - 1, Math.ceil((usable + WHISPER_N_FFT / 2) / WHISPER_HOP_LENGTH));
    this.transformUpTo(lastAudioFrame + 1, usable);
    const from = Math.max(0, Math.min(range.fromFrame, lastAudioFrame + 1));
    const to = Math.max(from, Math.min(range.toFrame, lastAudioFrame + 1));
    const out = new Float32Array(this.nMels * WHISPER_N_FRAMES).fill(SILENT_LOG);
    let maxLog = to - from < WHISPER_N_FRAMES ? SILENT_LOG : -Infinity;
    for (let m = 0; m < this.nMels; m++) {
      const row = this.mel.subarray(m * WHISPER_N_FRAMES + from, m * WHISPER_N_FRAMES + to);
      out.set(row, m * WHISPER_N_FRAMES);
      for (const v of row) if (v > maxLog) maxLog = v;
    }
    return clampAndScale(out, maxLog);
  }

  private transformUpTo(frames: number, knownLength: number): void {
    const sampleAt = paddedSampleAt(this.audio, knownLength);
    for (let t = this.framesDone; t < frames; t++) logMelFrame(sampleAt, t, this.bank, this.mel, this.scratch);
    this.framesDone = Math.max(this.framesDone, frames);
  }
}
