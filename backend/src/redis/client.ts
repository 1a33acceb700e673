import { Redis } from 'ioredis';

/**
 * Opens an ioredis connection and waits until it is usable, so a wrong REDIS_URL fails start-up
 * with a clear message instead of queueing commands forever. Commands issued while a later
 * reconnect is under way are queued and retried a few times, then fail.
 */
export type RedisClient = Redis;

export interface RedisClientOptions {
  /** Shown in CLIENT LIST, e.g. `vouch:<instance>:cache`. */
  name?: string;
  connectTimeoutMs?: number;
}

export async function connectRedis(url: string, opts: RedisClientOptions = {}): Promise<RedisClient> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectionName: opts.name ?? 'vouch',
    connectTimeout: opts.connectTimeoutMs ?? 5_000,
    maxRetriesPerRequest: 3,
  });
  try {
    await redis.connect();
  } catch (err) {
    redis.disconnect();
    throw new Error(`Redis at ${redactUrl(url)} is not reachable: ${(err as Error).message}`, { cause: err });
  }
  return redis;
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return '(unparseable URL)';
  }
}
