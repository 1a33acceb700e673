import { describe, expect, it } from 'vitest';
import { CounterInputError, type CounterStore } from '../../src/limits/counterStore.js';

/**
 * What every CounterStore must do, run against memory and Redis. `make` returns two handles on one
 * set of counters (two instances) and `elapse(ms)`, which lets that much time pass for the store: an
 * injected clock in memory, real time for Redis (so windows here are short).
 */
export interface CountersUnderTest {
  a: CounterStore;
  b: CounterStore;
  elapse(ms: number): Promise<void>;
}

export function describeCounterStoreContract(name: string, make: () => Promise<CountersUnderTest>): void {
  describe(`CounterStore contract (${name})`, () => {
    it('counts hits in a fixed window shared by instances, then starts again', async () => {
      const { a, b, elapse } = await make();
      const w1 = await a.hit('ip:1', 200);
      expect(w1.count).toBe(1);
      expect(w1.resetInMs).toBeGreaterThan(0);
      expect(w1.resetInMs).toBeLessThanOrEqual(200);
      expect((await b.hit('ip:1', 200)).count).toBe(2);
      const w3 = await a.hit('ip:1', 200);
      expect(w3.count).toBe(3);
      expect(w3.resetInMs).toBeLessThanOrEqual(w1.resetInMs); // later hits do not extend the window
      expect((await a.hit('ip:2', 200)).count).toBe(1);
      await elapse(250);
      expect(await b.get('ip:1')).toBe(0);
      expect((await b.hit('ip:1', 200)).count).toBe(1);
    });

    it('caps a gauge across instances and releases it', async () => {
      const { a, b } = await make();
      const attempts = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).acquire('user:alex:sockets', 5, 60_000)));
      expect(attempts.filter((r) => r.acquired)).toHaveLength(5);
      expect(await a.get('user:alex:sockets')).toBe(5);
      expect(await b.acquire('user:alex:sockets', 5, 60_000)).toEqual({ acquired: false, count: 5 });
      expect(await a.release('user:alex:sockets', 60_000)).toBe(4);
      expect(await b.acquire('user:alex:sockets', 5, 60_000)).toEqual({ acquired: true, count: 5 });
      for (let i = 0; i < 7; i++) await a.release('user:alex:sockets', 60_000);
      expect(await b.get('user:alex:sockets')).toBe(0);
      expect(await a.acquire('user:alex:sockets', 0, 60_000)).toEqual({ acquired: false, count: 0 });
    });

    it('lets a gauge left behind by a dead instance fade after its lease', async () => {
      const { a, b, elapse } = await make();
      await a.acquire('user:sam:sockets', 2, 150);
      await a.acquire('user:sam:sockets', 2, 150);
      expect((await b.acquire('user:sam:sockets', 2, 150)).acquired).toBe(false);
      await elapse(200);
      expect((await b.acquire('user:sam:sockets', 2, 150)).acquired).toBe(true);
    });

    it('resets a key, and refuses bad arguments with a typed error', async () => {
      const { a, b } = await make();
      await a.hit('k', 60_000);
      await b.reset('k');
      expect(await a.get('k')).toBe(0);
      await expect(a.hit('', 1000)).rejects.toBeInstanceOf(CounterInputError);
      await expect(a.hit('k', 0)).rejects.toBeInstanceOf(CounterInputError);
      await expect(a.acquire('k', -1, 1000)).rejects.toBeInstanceOf(CounterInputError);
      await expect(a.release('k', 1.5)).rejects.toBeInstanceOf(CounterInputError);
    });
  });
}
