import { describe, expect, it } from 'vitest';
import { Backoff } from '../../src/link/backoff.js';

describe('Backoff (exponential, full jitter)', () => {
  it('doubles the ceiling up to the cap and scales it by the random draw', () => {
    const b = new Backoff({ baseMs: 100, capMs: 1000, random: () => 0.999999 });
    const delays = Array.from({ length: 7 }, () => b.next());
    expect(delays).toEqual([99, 199, 399, 799, 999, 999, 999]);
  });

  it('full jitter: a zero draw gives zero delay, a half draw gives half the ceiling', () => {
    const draws = [0, 0.5, 0.5];
    const b = new Backoff({ baseMs: 200, capMs: 10_000, random: () => draws.shift() ?? 0 });
    expect([b.next(), b.next(), b.next()]).toEqual([0, 200, 400]);
  });

  it('reset starts the schedule again', () => {
    const b = new Backoff({ baseMs: 100, capMs: 1000, random: () => 0.5 });
    b.next();
    b.next();
    b.next();
    expect(b.attempts).toBe(3);
    b.reset();
    expect(b.next()).toBe(50);
  });

  it('never overflows after many attempts', () => {
    const b = new Backoff({ baseMs: 500, capMs: 30_000, random: () => 0.5 });
    for (let i = 0; i < 2000; i++) b.next();
    expect(b.next()).toBe(15_000);
  });
});
