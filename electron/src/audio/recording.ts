import { int16ToFloat32, STT_SAMPLE_RATE } from './pcm.js';

/**
 * Collects the Int16 16 kHz chunks the renderer pushes during one push-to-talk recording.
 * Chunks that arrive while no recording is open are dropped (a late worklet flush after stop must
 * not leak into the next utterance), and the total is capped so a stuck renderer cannot grow main's
 * memory without bound: past the cap, audio is dropped and `truncated` is set.
 */
interface RecordingOptions {
  /** Default: 60 s of 16 kHz Int16 audio (1.92 MB). */
  maxBytes?: number;
}

export class RecordingBuffer {
  private chunks: Int16Array[] = [];
  private bytes = 0;
  private open = false;
  private wasTruncated = false;
  readonly maxBytes: number;

  constructor(opts: RecordingOptions = {}) {
    this.maxBytes = opts.maxBytes ?? 60 * STT_SAMPLE_RATE * 2;
  }

  start(): void {
    this.chunks = [];
    this.bytes = 0;
    this.wasTruncated = false;
    this.open = true;
  }

  get recording(): boolean {
    return this.open;
  }

  get byteLength(): number {
    return this.bytes;
  }

  get truncated(): boolean {
    return this.wasTruncated;
  }

  /** Accepts one chunk (an ArrayBuffer of little-endian Int16 samples). Returns whether it was kept. */
  push(chunk: ArrayBuffer): boolean {
    if (!this.open) return false;
    if (chunk.byteLength % 2 !== 0) return false;
    const room = this.maxBytes - this.bytes;
    if (room <= 0) {
      this.wasTruncated = true;
      return false;
    }
    let samples = new Int16Array(chunk.slice(0)); // copy: the caller may reuse its buffer
    if (samples.byteLength > room) {
      samples = samples.subarray(0, Math.floor(room / 2));
      this.wasTruncated = true;
    }
    this.chunks.push(samples);
    this.bytes += samples.byteLength;
    return true;
  }

  /** Closes the recording and returns it as Float32 samples at 16 kHz for the STT engine. */
  finish(): Float32Array {
    this.open = false;
    const all = new Int16Array(this.bytes / 2);
    let offset = 0;
    for (const c of this.chunks) {
      all.set(c, offset);
      offset += c.length;
    }
    this.chunks = [];
    this.bytes = 0;
    return int16ToFloat32(all);
  }

  /** Drops the recording without producing audio (sign-out, cancel). */
  discard(): void {
    this.open = false;
    this.chunks = [];
    this.bytes = 0;
  }
}
