/**
 * Sample-format conversion and sample-rate conversion to the 16 kHz mono that Whisper expects.
 * The main process also uses these for microphone PCM arriving at the device rate (44.1/48 kHz).
 */

export const WHISPER_SAMPLE_RATE = 16_000;

/** Int16 PCM to float in [-1, 1). */
export function int16ToFloat32(pcm: Int16Array): Float32Array {
  const out = new Float32Array(pcm.length);
  for (let i = 0; i < pcm.length; i++) out[i] = pcm[i]! / 32768;
  return out;
}

/** Accepts either representation the app deals in and always returns float samples. */
export function toFloat32(pcm: Float32Array | Int16Array): Float32Array {
  return pcm instanceof Int16Array ? int16ToFloat32(pcm) : pcm;
}

/** Averages channels into one. */
export function downmixToMono(channels: readonly Float32Array[]): Float32Array {
  if (channels.length === 0) return new Float32Array(0);
  if (channels.length === 1) return channels[0]!;
  const length = Math.min(...channels.map((c) => c.length));
  const out = new Float32Array(length);
  for (const channel of channels) {
    for (let i = 0; i < length; i++) out[i]! += channel[i]!;
  }
  for (let i = 0; i < length; i++) out[i]! /= channels.length;
  return out;
}

interface ResampleOptions {
  /** Half-width of the windowed-sinc kernel, in zero crossings of the output-rate filter. */
  halfTaps?: number;
}

/**
 * Band-limited resampling with a Blackman-windowed sinc kernel. When downsampling, the kernel's cutoff
 * follows the lower (output) Nyquist frequency, so content above it is removed instead of folding back
 * as aliasing (48 kHz mic audio has energy above 8 kHz that would otherwise land in the speech band).
 */
export function resample(input: Float32Array, fromRate: number, toRate: number, options: ResampleOptions = {}): Float32Array {
  if (!(fromRate > 0) || !(toRate > 0) || !Number.isInteger(fromRate) || !Number.isInteger(toRate)) {
    throw new RangeError('sample rates must be positive integers');
  }
  if (fromRate === toRate) return input.slice();
  const outLength = Math.floor((input.length * toRate) / fromRate);
  const out = new Float32Array(outLength);
  if (input.length === 0) return out;
  const halfTaps = options.halfTaps ?? 16;
  // Cutoff as a fraction of the input rate's Nyquist; slightly below 1 leaves room for the transition band.
  const cutoff = Math.min(1, toRate / fromRate) * 0.95;
  const halfWidth = halfTaps / cutoff; // kernel half-width in input samples
  // Output sample n sits at input position n * from / to. With g = gcd(from, to), its fractional part
  // takes only to/g values, so the kernel is computed once per phase instead of once per tap
  // (48 kHz -> 16 kHz has a single phase, 44.1 kHz -> 16 kHz has 160).
  const divisor = gcd(fromRate, toRate);
  const phases = toRate / divisor;
  const stepNumerator = fromRate / divisor;
  const kernels = buildPhaseKernels(phases, halfWidth, cutoff);
  for (let n = 0; n < outLength; n++) {
    const position = n * stepNumerator;
    const base = Math.floor(position / phases);
    const kernel = kernels[position % phases]!;
    let acc = 0;
    let weightSum = 0;
    for (let j = 0; j < kernel.weights.length; j++) {
      const k = base + kernel.firstOffset + j;
      if (k < 0 || k >= input.length) continue;
      const weight = kernel.weights[j]!;
      acc += input[k]! * weight;
      weightSum += weight;
    }
    // Normalizing by the weight sum keeps DC gain at exactly 1, including near the edges.
    out[n] = weightSum !== 0 ? acc / weightSum : 0;
  }
  return out;
}

interface PhaseKernel {
  /** Offset of weights[0] from floor(position). */
  firstOffset: number;
  weights: Float64Array;
}

function buildPhaseKernels(phases: number, halfWidth: number, cutoff: number): PhaseKernel[] {
  const kernels: PhaseKernel[] = [];
  for (let p = 0; p < phases; p++) {
    const fraction = p / phases;
    const firstOffset = Math.ceil(fraction - halfWidth);
    const lastOffset = Math.floor(fraction + halfWidth);
    const weights = new Float64Array(lastOffset - firstOffset + 1);
    for (let offset = firstOffset; offset <= lastOffset; offset++) {
      const distance = offset - fraction;
      const x = distance * cutoff;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      const windowPos = distance / halfWidth; // in [-1, 1]
      const window = 0.42 + 0.5 * Math.cos(Math.PI * windowPos) + 0.08 * Math.cos(2 * Math.PI * windowPos);
      weights[offset - firstOffset] = sinc * window;
    }
    kernels.push({ firstOffset, weights });
  }
  return kernels;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Convenience for the common path: any channel layout and rate to 16 kHz mono float. */
export function toWhisperInput(channels: readonly Float32Array[], sampleRate: number): Float32Array {
  return resample(downmixToMono(channels), sampleRate, WHISPER_SAMPLE_RATE);
}
