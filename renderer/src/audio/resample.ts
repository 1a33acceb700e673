/**
 * Streaming mono resampler and Int16 chunker for microphone capture. It runs inside the AudioWorklet
 * (render quanta of 128 frames at the context's rate) and emits fixed-size 16 kHz Int16 chunks.
 * Linear interpolation is enough for speech recognition input; the state carries across quanta so
 * block boundaries do not click.
 */
export class StreamingResampler {
  private readonly step: number;
  /** Position of the next output sample, in input samples, relative to the current block's start. */
  private pos = 0;
  /** Last input sample of the previous block, for interpolating across the boundary (index -1). */
  private prev = 0;

  constructor(inputRate: number, outputRate: number) {
    if (!(inputRate > 0 && outputRate > 0)) throw new RangeError('sample rates must be positive');
    this.step = inputRate / outputRate;
  }

  /** Resamples one block; returns the output samples it completes. */
  process(input: Float32Array): Float32Array {
    const out: number[] = [];
    const n = input.length;
    const at = (i: number) => (i < 0 ? this.prev : input[i]!);
    while (this.pos <= n - 1) {
      const i = Math.floor(this.pos);
      const frac = this.pos - i;
      const a = at(i);
      const b = i + 1 <= n - 1 ? at(i + 1) : a;
      out.push(a + (b - a) * frac);
      this.pos += this.step;
    }
    this.pos -= n;
    if (n > 0) this.prev = input[n - 1]!;
    return Float32Array.from(out);
  }
}

export function floatToInt16(x: number): number {
  const c = Math.max(-1, Math.min(1, x));
  return c < 0 ? Math.round(c * 0x8000) : Math.round(c * 0x7fff);
}

/** Collects samples and hands out Int16 chunks of exactly `size` samples. */
export class Int16Chunker {
  private buf: Int16Array<ArrayBuffer>;
  private fill = 0;

  constructor(private readonly size: number) {
    this.buf = new Int16Array(size);
  }

  push(samples: Float32Array): ArrayBuffer[] {
    const out: ArrayBuffer[] = [];
    for (let i = 0; i < samples.length; i++) {
      this.buf[this.fill++] = floatToInt16(samples[i]!);
      if (this.fill === this.size) {
        out.push(this.buf.buffer);
        this.buf = new Int16Array(this.size);
        this.fill = 0;
      }
    }
    return out;
  }

  /** Whatever is left (a partial chunk) when capture stops. */
  flush(): ArrayBuffer | null {
    if (this.fill === 0) return null;
    const rest = this.buf.slice(0, this.fill).buffer;
    this.buf = new Int16Array(this.size);
    this.fill = 0;
    return rest;
  }
}
