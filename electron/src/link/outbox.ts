import type { AppFrame } from '../../../backend/src/protocol/index.js';

/**
 * Frames sent but not yet acknowledged. The backend answers `ack {frame_id}` once it accepted a
 * frame; anything still here when the socket drops is resent, in the original order, after the
 * next `session_ready`. Resending is safe because every effectful frame is idempotent on its own
 * key (transcript id, draft id, provider) and keeps its original `frame_id`, so the backend can
 * also recognise a duplicate. The outbox is bounded: a long outage drops the oldest frames rather
 * than replaying minutes-old requests.
 */
export type OutboundFrame = AppFrame & { frame_id: string };

export class Outbox {
  private readonly pending = new Map<string, OutboundFrame>();

  constructor(private readonly max = 64) {}

  /** Adds a frame; returns any frame evicted to stay within the bound. */
  add(frame: OutboundFrame): OutboundFrame | undefined {
    this.pending.set(frame.frame_id, frame);
    if (this.pending.size <= this.max) return undefined;
    const oldest = this.pending.keys().next().value as string;
    const evicted = this.pending.get(oldest);
    this.pending.delete(oldest);
    return evicted;
  }

  settle(frameId: string): boolean {
    return this.pending.delete(frameId);
  }

  /** In insertion (= send) order. */
  unacked(): OutboundFrame[] {
    return [...this.pending.values()];
  }

  get size(): number {
    return this.pending.size;
  }

  clear(): void {
    this.pending.clear();
  }
}
