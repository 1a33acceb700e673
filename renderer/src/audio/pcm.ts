/**
 * Pure PCM helpers for the reply audio, kept free of Web Audio so the queueing math is unit-tested.
 */

/** Decodes base64 little-endian Int16 mono PCM into Web Audio's float samples in [-1, 1). */
export function decodePcm16(b64: string): Float32Array {
  const bin = atob(b64);
  const samples = new Float32Array(bin.length >> 1);
  for (let i = 0; i < samples.length; i++) {
    const lo = bin.charCodeAt(2 * i);
    const hi = bin.charCodeAt(2 * i + 1);
    let v = (hi << 8) | lo;
    if (v >= 0x8000) v -= 0x10000;
    samples[i] = v / 0x8000;
  }
  return samples;
}

/** Lead time before the first chunk starts, so the first buffer is not clipped by scheduling jitter. */
export const START_LEAD_S = 0.05;

/**
 * Where a chunk of `duration` seconds starts: right after the previous chunk when audio is still
 * queued (gap-free), otherwise shortly after now (the queue ran dry or this is the first chunk).
 */
export function scheduleChunk(queueEnd: number, now: number, duration: number): { start: number; end: number } {
  const start = queueEnd > now ? queueEnd : now + START_LEAD_S;
  return { start, end: start + duration };
}

/**
 * Releases chunks of one request in `seq` order. Frames normally arrive in order over one socket,
 * but after a reconnect a resent chunk may come late; playing it out of order would garble speech.
 */
export class SeqOrderer<T> {
  private next = 0;
  private held = new Map<number, T>();

  push(seq: number, item: T): T[] {
    if (seq < this.next || this.held.has(seq)) return []; // duplicate after a resend
    this.held.set(seq, item);
    const out: T[] = [];
    for (let item2 = this.held.get(this.next); item2 !== undefined; item2 = this.held.get(this.next)) {
      out.push(item2);
      this.held.delete(this.next);
      this.next++;
    }
    return out;
  }
}
