import { checkCounterArgs, type CounterStore, type CounterWindow } from '../limits/counterStore.js';
import type { RedisClient } from './client.js';

/**
 * The counter store in Redis, shared by every instance. Each operation is one Lua script, so the
 * read-check-write (INCR and its expiry; the cap check) is atomic across instances.
 */
// KEYS[1]; ARGV[1] window ms. INCR, and start the window on the first hit (or if a key lost its TTL).
const HIT = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if n == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}`;
// KEYS[1]; ARGV[1] limit, ARGV[2] lease ms.
const ACQUIRE = `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n >= tonumber(ARGV[1]) then return {0, n} end
n = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return {1, n}`;
// KEYS[1]; ARGV[1] lease ms.
const RELEASE = `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n <= 1 then
  redis.call('DEL', KEYS[1])
  return 0
end
n = redis.call('DECR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return n`;

export class RedisCounterStore implements CounterStore {
  private readonly prefix: string;

  constructor(
    private readonly redis: RedisClient,
    opts: { prefix?: string } = {},
  ) {
    this.prefix = `${opts.prefix ?? 'vouch:'}ctr:`;
  }

  async hit(key: string, windowMs: number): Promise<CounterWindow> {
    checkCounterArgs(key, windowMs);
    const [count, ttl] = (await this.redis.eval(HIT, 1, this.prefix + key, windowMs)) as [number, number];
    return { count, resetInMs: ttl };
  }

  async acquire(key: string, limit: number, leaseMs: number): Promise<{ acquired: boolean; count: number }> {
    checkCounterArgs(key, leaseMs, limit);
    const [ok, count] = (await this.redis.eval(ACQUIRE, 1, this.prefix + key, limit, leaseMs)) as [number, number];
    return { acquired: ok === 1, count };
  }

  async release(key: string, leaseMs: number): Promise<number> {
    checkCounterArgs(key, leaseMs);
    return (await this.redis.eval(RELEASE, 1, this.prefix + key, leaseMs)) as number;
  }

  async get(key: string): Promise<number> {
    return Number((await this.redis.get(this.prefix + key)) ?? 0);
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}
