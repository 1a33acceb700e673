/** Manually driven timers and clock: tests advance time explicitly instead of sleeping. */
export interface Scheduled {
  id: number;
  at: number;
  delay: number;
  fn: () => void;
}

export class ManualTimers {
  private seq = 0;
  current = 0;
  readonly scheduled = new Map<number, Scheduled>();
  /** Every delay ever requested, in order (for asserting backoff schedules). */
  readonly delays: number[] = [];
  private waiters: Array<() => void> = [];

  now = (): number => this.current;

  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = ++this.seq;
    this.scheduled.set(id, { id, at: this.current + ms, delay: ms, fn });
    this.delays.push(ms);
    const w = this.waiters;
    this.waiters = [];
    for (const r of w) r();
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.scheduled.delete(handle as number);
  };

  /** Resolves once at least one timer is pending (e.g. the link scheduled a reconnect). */
  async untilScheduled(): Promise<void> {
    if (this.scheduled.size > 0) return;
    await new Promise<void>((r) => this.waiters.push(r));
  }

  /** Moves the clock forward, firing due timers in order. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const due = [...this.scheduled.values()].filter((s) => s.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.scheduled.delete(due.id);
      this.current = due.at;
      due.fn();
    }
    this.current = target;
  }

  /** Fires every pending timer now, regardless of its delay. */
  fireAll(): void {
    const all = [...this.scheduled.values()].sort((a, b) => a.at - b.at);
    this.scheduled.clear();
    for (const s of all) {
      this.current = Math.max(this.current, s.at);
      s.fn();
    }
  }
}
