/**
 * Reconnect delays: exponential backoff with "full jitter" (delay = random(0, min(cap, base * 2^attempt))).
 * Full jitter spreads a fleet of desktops that lost the backend at the same moment, so they do not
 * reconnect in lockstep; the random source is injected so the schedule is testable.
 */
interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  random?: () => number;
}

export class Backoff {
  private attempt = 0;
  private readonly baseMs: number;
  private readonly capMs: number;
  private readonly random: () => number;

  constructor(opts: BackoffOptions = {}) {
    this.baseMs = opts.baseMs ?? 500;
    this.capMs = opts.capMs ?? 30_000;
    this.random = opts.random ?? Math.random;
  }

  /** The ceiling for the next delay, before jitter. */
  ceiling(attempt = this.attempt): number {
    // 2^attempt overflows to Infinity long after it passes the cap, so clamp the exponent first.
    return Math.min(this.capMs, this.baseMs * 2 ** Math.min(attempt, 30));
  }

  /** Returns the next delay and advances the attempt counter. */
  next(): number {
    const delay = Math.floor(this.random() * this.ceiling());
    this.attempt++;
    return delay;
  }

  /** Called once a connection is healthy again (after session_ready, not merely on open). */
  reset(): void {
    this.attempt = 0;
  }

  get attempts(): number {
    return this.attempt;
  }
}
