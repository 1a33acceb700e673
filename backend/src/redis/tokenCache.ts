import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { tokenCacheKeyString, type CachedToken, type TokenCache, type TokenCacheKey } from '../auth/tokenCache.js';
import type { ProviderToken } from '../auth/tokenSource.js';
import type { RedisClient } from './client.js';
import { VouchError } from '../protocol/vouchError.js';

/**
 * The Token Vault cache shared by every backend instance through Redis.
 *
 * - At rest, each token is AES-256-GCM encrypted under TOKEN_CACHE_KEY with a fresh 96-bit IV; the
 *   Redis key is the additional authenticated data, so a value copied under another user's key does
 *   not decrypt. Key names are HMACs, so Redis holds no user ids or connection names either.
 * - A token lives until its refreshAt (expires_in minus the client's margin) as a Redis TTL.
 * - Single flight across instances: a miss takes a lock (`SET NX PX`); the holder exchanges,
 *   stores, releases and publishes the key on a channel; the others wait for that message (or a
 *   short poll tick, in case it is lost), then read the cache. Inside one process, callers for one
 *   key share one such attempt. If the holder dies, its lock expires and a waiter takes over; after
 *   `maxWaitMs` a waiter stops waiting and exchanges on its own (an extra exchange, never a failure).
 * - invalidate/clearUser run as one Lua script, so a read issued after them on the same connection
 *   cannot see what they dropped.
 */
export interface RedisTokenCacheOptions {
  /** 32 bytes (TOKEN_CACHE_KEY). */
  key: Uint8Array;
  /** Separates deployments sharing one Redis; default `vouch:`. */
  prefix?: string;
  /** How long a lock holder may take for the exchange before others may take over. */
  lockMs?: number;
  /** Wake-up interval while waiting, should a notification be lost. */
  pollMs?: number;
  /** Give up waiting for another instance's exchange after this long and exchange here. */
  maxWaitMs?: number;
}

export class TokenCacheKeyError extends VouchError {
  static override readonly code = 'TOKEN_CACHE_KEY_INVALID';
  override name = 'TokenCacheKeyError';
}

const Stored = z.object({ t: z.string().min(1), s: z.array(z.string()), e: z.number(), r: z.number() });
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Keeps the per-user index a bit longer than any token it lists.
const INDEX_TTL_MS = 24 * 60 * 60 * 1000;

const RELEASE_LOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;
// KEYS[1] the user's index set; ARGV[1] member prefix ('' = all); ARGV[2] token key prefix.
const DROP = `
local n = 0
for _, m in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if ARGV[1] == '' or string.sub(m, 1, #ARGV[1]) == ARGV[1] then
    local sep = string.find(m, ':', 1, true)
    redis.call('DEL', ARGV[2] .. string.sub(m, sep + 1))
    redis.call('SREM', KEYS[1], m)
    n = n + 1
  end
end
return n`;

export class RedisTokenCache implements TokenCache {
  readonly localEntries = 0;
  private readonly aesKey: Buffer;
  private readonly nameKey: Buffer;
  private readonly prefix: string;
  private readonly channel: string;
  private readonly lockMs: number;
  private readonly pollMs: number;
  private readonly maxWaitMs: number;
  private readonly inflight = new Map<string, Promise<ProviderToken>>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private subscriber: RedisClient | null = null;
  private subscribed: Promise<void> | null = null;

  constructor(
    private readonly redis: RedisClient,
    opts: RedisTokenCacheOptions,
  ) {
    if (!(opts.key instanceof Uint8Array) || opts.key.byteLength !== 32)
      throw new TokenCacheKeyError('the token cache key must be exactly 32 bytes');
    const master = Buffer.from(opts.key);
    // Separate keys for encryption and for naming, both derived from the one configured secret.
    this.aesKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'vouch token cache: aes-256-gcm', 32));
    this.nameKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'vouch token cache: key names', 32));
    this.prefix = `${opts.prefix ?? 'vouch:'}tv:`;
    this.channel = `${this.prefix}filled`;
    this.lockMs = opts.lockMs ?? 15_000;
    this.pollMs = opts.pollMs ?? 250;
    this.maxWaitMs = opts.maxWaitMs ?? this.lockMs + 5_000;
  }

  async get(key: TokenCacheKey, now: number): Promise<ProviderToken | null> {
    return this.read(this.names(key), now);
  }

  fill(key: TokenCacheKey, now: () => number, exchange: () => Promise<CachedToken>): Promise<ProviderToken> {
    const names = this.names(key);
    const running = this.inflight.get(names.token);
    if (running) return running;
    const p = this.fillShared(names, now, exchange).finally(() => this.inflight.delete(names.token));
    this.inflight.set(names.token, p);
    return p;
  }

  async invalidate(userId: string, connection: string): Promise<void> {
    await this.redis.eval(DROP, 1, this.indexKey(userId), `${this.name('c', connection)}:`, `${this.prefix}t:`);
  }

  async clearUser(userId: string): Promise<void> {
    await this.redis.eval(DROP, 1, this.indexKey(userId), '', `${this.prefix}t:`);
  }

  /** Stops listening for other instances' fills; the shared connection stays the caller's. */
  async close(): Promise<void> {
    const sub = this.subscriber;
    this.subscriber = null;
    this.subscribed = null;
    if (sub) await sub.quit().catch(() => sub.disconnect());
  }

  private async fillShared(names: Names, now: () => number, exchange: () => Promise<CachedToken>): Promise<ProviderToken> {
    await this.listen();
    const giveUpAt = Date.now() + this.maxWaitMs;
    for (;;) {
      // Registered before trying the lock, so a release between our attempt and our wait still wakes us.
      const woken = this.wakeOn(names.id);
      const lockValue = randomUUID();
      const got = await this.redis.set(names.lock, lockValue, 'PX', this.lockMs, 'NX');
      if (got === 'OK') {
        woken.cancel();
        try {
          // Another instance may have stored it between our miss and our lock.
          const stored = await this.read(names, now());
          if (stored) return stored;
          const fresh = await exchange();
          await this.write(names, fresh, now());
          return fresh.token;
        } finally {
          await this.redis.eval(RELEASE_LOCK, 1, names.lock, lockValue).catch(() => undefined);
          await this.redis.publish(this.channel, names.id).catch(() => undefined);
        }
      }
      await woken.until(Math.max(1, Math.min(this.pollMs, giveUpAt - Date.now())));
      const stored = await this.read(names, now());
      if (stored) return stored;
      if (Date.now() >= giveUpAt) {
        const fresh = await exchange();
        await this.write(names, fresh, now());
        return fresh.token;
      }
    }
  }

  private listen(): Promise<void> {
    this.subscribed ??= (async () => {
      const sub = this.redis.duplicate();
      this.subscriber = sub;
      sub.on('message', (channel: string, id: string) => {
        if (channel !== this.channel) return;
        const set = this.waiters.get(id);
        if (set) for (const wake of [...set]) wake();
      });
      await sub.subscribe(this.channel);
    })();
    return this.subscribed;
  }

  private wakeOn(id: string): { until(ms: number): Promise<void>; cancel(): void } {
    let set = this.waiters.get(id);
    if (!set) this.waiters.set(id, (set = new Set()));
    let fired = false;
    let resolveWait: (() => void) | null = null;
    const wake = () => {
      fired = true;
      resolveWait?.();
    };
    set.add(wake);
    const cancel = () => {
      set.delete(wake);
      if (set.size === 0 && this.waiters.get(id) === set) this.waiters.delete(id);
    };
    return {
      cancel,
      until: (ms) =>
        new Promise<void>((resolve) => {
          if (fired) {
            cancel();
            return resolve();
          }
          const timer = setTimeout(() => {
            cancel();
            resolve();
          }, ms);
          resolveWait = () => {
            clearTimeout(timer);
            cancel();
            resolve();
          };
        }),
    };
  }

  private async read(names: Names, now: number): Promise<ProviderToken | null> {
    const raw = await this.redis.getBuffer(names.token);
    if (!raw) return null;
    const entry = this.decrypt(raw, names.token);
    if (!entry) {
      // Written under another key (rotation) or corrupted: a miss, and out of the way.
      await this.redis.del(names.token);
      return null;
    }
    return entry.refreshAt > now ? entry.token : null;
  }

  private async write(names: Names, entry: CachedToken, now: number): Promise<void> {
    const ttl = Math.floor(entry.refreshAt - now);
    if (ttl <= 0) return;
    await this.redis
      .multi()
      .set(names.token, this.encrypt(entry, names.token), 'PX', ttl)
      .sadd(names.index, names.member)
      .pexpire(names.index, INDEX_TTL_MS)
      .exec();
  }

  private encrypt(entry: CachedToken, aad: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.aesKey, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const plain = JSON.stringify({ t: entry.token.accessToken, s: entry.token.scopes, e: entry.token.expiresAt, r: entry.refreshAt });
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  private decrypt(raw: Buffer, aad: string): CachedToken | null {
    if (raw.length <= IV_BYTES + TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.aesKey, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      const v = Stored.parse(JSON.parse(plain));
      return { token: { accessToken: v.t, scopes: v.s, expiresAt: v.e }, refreshAt: v.r };
    } catch {
      return null;
    }
  }

  private name(kind: string, value: string): string {
    return createHmac('sha256', this.nameKey).update(`${kind}\u0000${value}`).digest('base64url').slice(0, 32);
  }

  private indexKey(userId: string): string {
    return `${this.prefix}u:${this.name('u', userId)}`;
  }

  private names(key: TokenCacheKey): Names {
    const id = this.name('k', tokenCacheKeyString(key));
    return {
      id,
      token: `${this.prefix}t:${id}`,
      lock: `${this.prefix}l:${id}`,
      index: this.indexKey(key.userId),
      member: `${this.name('c', key.connection)}:${id}`,
    };
  }
}

interface Names {
  id: string;
  token: string;
  lock: string;
  index: string;
  member: string;
}
