import { VouchError } from '../protocol/vouchError.js';
/**
 * Counters behind rate limits and connection caps. In memory they count one process; in Redis
 * (redis/counterStore.ts) every instance counts into the same keys, so a limit holds for the whole
 * deployment. Two shapes:
 * - `hit`: a fixed window. The first hit starts it; hits add up until it ends, then start again.
 * - `acquire`/`release`: a gauge with a cap (open sockets per user). Each change pushes its expiry
 *   out by `leaseMs`, so counts left by an instance that died without releasing fade away instead of
 *   locking a user out for good.
 */
export interface CounterWindow {
  count: number;
  /** ms until the window ends and the count starts again from 0. */
  resetInMs: number;
}

export interface CounterStore {
  hit(key: string, windowMs: number): Promise<CounterWindow>;
  /** Adds one if the count is below `limit`; says whether it did, and the count after. */
  acquire(key: string, limit: number, leaseMs: number): Promise<{ acquired: boolean; count: number }>;
  /** Takes one back (never below 0). Returns the count after. */
  release(key: string, leaseMs: number): Promise<number>;
  get(key: string): Promise<number>;
  reset(key: string): Promise<void>;
}

export class CounterInputError extends VouchError {
  static override readonly code = 'COUNTER_INPUT_INVALID';
  override name = 'CounterInputError';
}

export function checkCounterArgs(key: string, ms: number, limit?: number): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > 512) throw new CounterInputError('counter key must be 1-512 characters');
  if (!Number.isInteger(ms) || ms < 1) throw new CounterInputError('counter window/lease must be a positive integer of ms');
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0))
    throw new CounterInputError('counter limit must be a non-negative integer');
}

interface Slot {
  count: number;
  expiresAt: number;
}

export class InMemoryCounterStore implements CounterStore {
  private readonly slots = new Map<string, Slot>();

  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, windowMs: number): Promise<CounterWindow> {
    checkCounterArgs(key, windowMs);
    const t = this.now();
    const slot = this.live(key, t) ?? { count: 0, expiresAt: t + windowMs };
    slot.count += 1;
    this.slots.set(key, slot);
    return { count: slot.count, resetInMs: slot.expiresAt - t };
  }

  async acquire(key: string, limit: number, leaseMs: number): Promise<{ acquired: boolean; count: number }> {
    checkCounterArgs(key, leaseMs, limit);
    const t = this.now();
    const slot = this.live(key, t) ?? { count: 0, expiresAt: t + leaseMs };
    if (slot.count >= limit) return { acquired: false, count: slot.count };
    slot.count += 1;
    slot.expiresAt = t + leaseMs;
    this.slots.set(key, slot);
    return { acquired: true, count: slot.count };
  }

  async release(key: string, leaseMs: number): Promise<number> {
    checkCounterArgs(key, leaseMs);
    const t = this.now();
    const slot = this.live(key, t);
    if (!slot) return 0;
    slot.count -= 1;
    if (slot.count <= 0) {
      this.slots.delete(key);
      return 0;
    }
    slot.expiresAt = t + leaseMs;
    return slot.count;
  }

  async get(key: string): Promise<number> {
    return this.live(key, this.now())?.count ?? 0;
  }

  async reset(key: string): Promise<void> {
    this.slots.delete(key);
  }

  private live(key: string, t: number): Slot | undefined {
    const slot = this.slots.get(key);
    if (slot && slot.expiresAt <= t) {
      this.slots.delete(key);
      return undefined;
    }
    return slot;
  }
}
