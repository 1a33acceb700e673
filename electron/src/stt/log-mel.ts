/**
 * Whisper's log-mel front end, reproduced from the reference implementation so that the ONNX encoder
 * sees the same features it was trained on: 25 ms periodic-Hann frames every 10 ms (n_fft 400, hop 160
 * at 16 kHz) over a centred, reflect-padded 30 s window; power spectrum; Slaney-normalized mel
 * filterbank; log10 with a floor of 1e-10; dynamic range limited to 8 (i.e. 80 dB) below the maximum;
 * then scaled as (x + 4) / 4.
 */

export const WHISPER_N_FFT = 400;
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

/**
 * Computes Whisper input features for up to 30 s of 16 kHz mono audio (longer input is truncated, as the
 * reference does per chunk). Returns a row-major [nMels][3000] Float32Array ready to be the
 * `input_features` tensor of shape [1, nMels, 3000].
 */
export function whisperLogMel(pcm16k: Float32Array, nMels = 80): Float32Array {
  const audio = pcm16k.length > WHISPER_CHUNK_SAMPLES ? pcm16k.subarray(0, WHISPER_CHUNK_SAMPLES) : pcm16k;
  const paddedLength = WHISPER_CHUNK_SAMPLES;
  let bank = melBankCache.get(nMels);
  if (!bank) {
    bank = melFilterBank(nMels);
    melBankCache.set(nMels, bank);
  }
  const { cos, sin, window } = dftTables();
  const half = WHISPER_N_FFT / 2;
  // Reflect padding of the zero-padded 30 s signal (centre=True, pad_mode='reflect').
  const sampleAt = (index: number): number => {
    let i = index;
    if (i < 0) i = -i;
    else if (i >= paddedLength) i = 2 * (paddedLength - 1) - i;
    return i < audio.length ? audio[i]! : 0;
  };
  // Frames whose window lies wholly in the zero padding all have the same (floor) value, so only the
  // frames that touch audio are transformed; this keeps a 3 s clip at a tenth of the 30 s cost.
  const lastAudioFrame = Math.min(WHISPER_N_FRAMES - 1, Math.ceil((audio.length + half) / WHISPER_HOP_LENGTH));
  const mel = new Float32Array(nMels * WHISPER_N_FRAMES);
  const frame = new Float64Array(WHISPER_N_FFT);
  const power = new Float64Array(N_BINS);
  const silentLog = Math.log10(1e-10);
  let maxLog = -Infinity;
  for (let t = 0; t < WHISPER_N_FRAMES; t++) {
    if (t > lastAudioFrame) {
      for (let m = 0; m < nMels; m++) mel[m * WHISPER_N_FRAMES + t] = silentLog;
      maxLog = Math.max(maxLog, silentLog);
      continue;
    }
    const start = t * WHISPER_HOP_LENGTH - half;
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
    for (let m = 0; m < nMels; m++) {
      const row = bank[m]!;
      let energy = 0;
      for (let k = 0; k < N_BINS; k++) energy += row[k]! * power[k]!;
      const logValue = Math.log10(Math.max(energy, 1e-10));
      mel[m * WHISPER_N_FRAMES + t] = logValue;
      if (logValue > maxLog) maxLog = logValue;
    }
  }
  const floor = maxLog - 8;
  for (let i = 0; i < mel.length; i++) mel[i] = (Math.max(mel[i]!, floor) + 4) / 4;
  return mel;
}
