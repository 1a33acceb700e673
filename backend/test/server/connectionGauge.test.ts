import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionGauge } from '../../src/limits/connectionGauge.js';
import { InMemoryCounterStore } from '../../src/limits/counterStore.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('ConnectionGauge', () => {
  it('keeps counting a long-lived connection past its lease, and stops once it is released', async () => {
    vi.useFakeTimers();
    const counters = new InMemoryCounterStore(() => Date.now());
    const gauge = new ConnectionGauge(counters, { total: 10, perIp: 1 }, 60_000);
    const opened = await gauge.open('10.0.0.1');
    if (!opened.ok) throw new Error('refused');
    // Hours later the socket is still open: the address is still at its cap.
    await vi.advanceTimersByTimeAsync(3 * 60 * 60_000);
    expect(await counters.get('ws:open:ip:10.0.0.1')).toBe(1);
    expect(await gauge.open('10.0.0.1')).toEqual({ ok: false, refused: 'per_ip' });
    await opened.slot.release();
    await opened.slot.release();
    expect(await counters.get('ws:open:ip:10.0.0.1')).toBe(0);
    expect(await counters.get('ws:open:total')).toBe(0);
    expect((await gauge.open('10.0.0.1')).ok).toBe(true);
    gauge.close();
  });

  it('counts left by an instance that died fade after one lease', async () => {
    vi.useFakeTimers();
    const counters = new InMemoryCounterStore(() => Date.now());
    const dead = new ConnectionGauge(counters, { total: 10, perIp: 1 }, 60_000);
    expect((await dead.open('10.0.0.2')).ok).toBe(true);
    dead.close(); // the instance stops refreshing, as if it had died
    const alive = new ConnectionGauge(counters, { total: 10, perIp: 1 }, 60_000);
    expect((await alive.open('10.0.0.2')).ok).toBe(false);
    await vi.advanceTimersByTimeAsync(60_001);
    expect((await alive.open('10.0.0.2')).ok).toBe(true);
    alive.close();
  });
});
