import type { ServerFrame } from '../protocol/index.js';

/**
 * Live sockets per user. Work that outlives one socket (a resumed request, a phone approval, a
 * draft result) is delivered to whichever sockets the user has open when it finishes.
 */
export class UserChannels {
  private readonly byUser = new Map<string, Set<(f: ServerFrame) => void>>();
  /** Every frame sent to any app socket, for the secret-leak test; off unless a test sets it. */
  tap?: (sub: string, frame: ServerFrame) => void;

  add(sub: string, send: (f: ServerFrame) => void): () => void {
    const set = this.byUser.get(sub) ?? new Set();
    set.add(send);
    this.byUser.set(sub, set);
    return () => {
      set.delete(send);
      if (!set.size) this.byUser.delete(sub);
    };
  }

  send(sub: string, frame: ServerFrame): number {
    const set = this.byUser.get(sub);
    if (!set) return 0;
    for (const s of set) s(frame);
    return set.size;
  }

  connected(sub: string): boolean {
    return (this.byUser.get(sub)?.size ?? 0) > 0;
  }
}
