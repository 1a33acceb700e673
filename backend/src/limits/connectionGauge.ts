import type { CounterStore } from './counterStore.js';

type ConnectionRefusal = 'per_ip' | 'total';

export interface ConnectionSlot {
  /** Idempotent: a socket that ends several ways gives its slot back once. */
  release(): Promise<void>;
}

/**
 * Open connections, counted in the counter store per client address and in all, so the caps hold for
 * every instance sharing that store. A gauge's lease fades counts left by an instance that died; this
 * instance refreshes the leases of the keys it holds, so a long-lived socket keeps counting.
 */
export class ConnectionGauge {
  private readonly held = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly counters: CounterStore,
    private readonly caps: { total: number; perIp: number },
    private readonly leaseMs = 5 * 60_000,
  ) {}

  async open(ip: string): Promise<{ ok: true; slot: ConnectionSlot } | { ok: false; refused: ConnectionRefusal }> {
    const ipKey = `ws:open:ip:${ip}`;
    const totalKey = 'ws:open:total';
    // Per address first, so one address at its cap never takes places from everyone else.
    if (!(await this.counters.acquire(ipKey, this.caps.perIp, this.leaseMs)).acquired) return { ok: false, refused: 'per_ip' };
    if (!(await this.counters.acquire(totalKey, this.caps.total, this.leaseMs)).acquired) {
      await this.counters.release(ipKey, this.leaseMs);
      return { ok: false, refused: 'total' };
    }
    this.hold(ipKey, 1);
    this.hold(totalKey, 1);
    let released = false;
    return {
      ok: true,
      slot: {
        release: async () => {
          if (released) return;
          released = true;
          this.hold(ipKey, -1);
          this.hold(totalKey, -1);
          await Promise.all([this.counters.release(ipKey, this.leaseMs), this.counters.release(totalKey, this.leaseMs)]);
        },
      },
    };
  }

  /** Stops refreshing leases (shutdown). */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private hold(key: string, delta: number): void {
    const n = (this.held.get(key) ?? 0) + delta;
    if (n > 0) this.held.set(key, n);
    else this.held.delete(key);
    if (this.held.size > 0 && !this.timer) {
      this.timer = setInterval(() => void this.refresh(), Math.max(1000, Math.floor(this.leaseMs / 3)));
      this.timer.unref();
    } else if (this.held.size === 0) this.close();
  }

  /**
   * The store has no "touch"; one add and one take-back pushes a gauge's expiry out and leaves its
   * count as it was (for an instant it reads one higher, which can at worst refuse one connection at the cap).
   */
  private async refresh(): Promise<void> {
    for (const key of this.held.keys()) {
      try {
        const r = await this.counters.acquire(key, Number.MAX_SAFE_INTEGER, this.leaseMs);
        if (r.acquired) await this.counters.release(key, this.leaseMs);
      } catch {
        // The store is unreachable; the next round tries again, and the lease keeps the count meanwhile.
      }
    }
  }
}
