import type { CounterStore } from './counterStore.js';

type Done = (err: Error | null, result?: { current: number; ttl: number }) => void;

/** The store interface @fastify/rate-limit calls (see its store/LocalStore.js). */
interface RateLimitStore {
  incr(key: string, done: Done, timeWindow: number, max: number): void;
  child(routeOptions: unknown): RateLimitStore;
}

/**
 * @fastify/rate-limit counting in a CounterStore, so HTTP limits hold across instances with a
 * shared store. The plugin takes a class it constructs itself; every route shares one set of counts.
 */
export function rateLimitStoreOver(counters: CounterStore, prefix: string): new (opts: unknown) => RateLimitStore {
  class CounterRateLimitStore implements RateLimitStore {
    incr(key: string, done: Done, timeWindow: number): void {
      counters.hit(`${prefix}${key}`, timeWindow).then(
        (w) => done(null, { current: w.count, ttl: w.resetInMs }),
        (err: unknown) => done(err instanceof Error ? err : new Error(String(err))),
      );
    }
    child(): RateLimitStore {
      return this;
    }
  }
  return CounterRateLimitStore;
}
