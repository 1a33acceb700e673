import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOGLE_SCOPES } from '../../src/protocol/index.js';
import type { CachedToken } from '../../src/auth/tokenCache.js';
import { TokenVaultClient } from '../../src/auth/tokenVault.js';
import { connectRedis, type RedisClient } from '../../src/redis/client.js';
import { RedisTokenCache, TokenCacheKeyError } from '../../src/redis/tokenCache.js';
import type { VouchSystem } from '../../standins/system.js';
import { missing, TEST_REDIS_URL } from '../helpers/sharedServices.js';
import { linkAccount, startTestSystem } from '../helpers/system.js';

const skip = missing('TEST_REDIS_URL');
const KEY = randomBytes(32);
const read = [GOOGLE_SCOPES.gmailRead];

describe.skipIf(skip)('RedisTokenCache: the Token Vault cache shared by instances', () => {
  let system: VouchSystem;
  let subjectToken: string;
  const closers: (() => Promise<unknown>)[] = [];
  const prefix = `vouch-test-${randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    system = await startTestSystem();
    const session = await system.login('alex');
    await linkAccount(system, session, 'google');
    subjectToken = session.access_token;
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await system?.stop();
  });

  /** One backend instance's view: its own Redis connection, cache and Token Vault client. */
  async function instance(opts: { key?: Uint8Array; lockMs?: number; pollMs?: number; now?: () => number } = {}) {
    const redis = await connectRedis(TEST_REDIS_URL as string);
    const cache = new RedisTokenCache(redis, { key: opts.key ?? KEY, prefix, lockMs: opts.lockMs, pollMs: opts.pollMs });
    closers.push(
      () => redis.quit(),
      () => cache.close(),
    );
    const vault = new TokenVaultClient({
      issuer: system.tenant.issuer,
      clientId: system.tenant.apiClient.clientId,
      clientSecret: system.tenant.apiClient.clientSecret,
      cache,
      now: opts.now,
    });
    return { redis, cache, vault };
  }
  const req = () => ({ userId: 'auth0|alex', subjectToken, connection: 'google-oauth2', scopes: read });
  const exchanges = () => system.tenant.stats.tokenVaultExchanges;

  async function rawEntries(redis: RedisClient): Promise<{ key: string; value: Buffer; ttl: number }[]> {
    const keys = await redis.keys(`${prefix}tv:t:*`);
    return Promise.all(keys.map(async (key) => ({ key, value: (await redis.getBuffer(key)) as Buffer, ttl: await redis.pttl(key) })));
  }

  it('50 concurrent misses spread over two instances make one exchange', async () => {
    const a = await instance();
    const b = await instance();
    await a.vault.clearUser('auth0|alex');
    await a.cache.clearUser('auth0|alex');
    const before = exchanges();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).vault.getAccessToken(req())));
    expect(exchanges()).toBe(before + 1);
    expect(new Set(results.map((r) => r.accessToken)).size).toBe(1);

    // A third instance, started later, reuses it too.
    const c = await instance();
    expect((await c.vault.getAccessToken(req())).accessToken).toBe(results[0]?.accessToken);
    expect(exchanges()).toBe(before + 1);
  });

  it('stores the token encrypted, under opaque key names, with a TTL of expires_in minus the margin', async () => {
    const a = await instance();
    await a.cache.clearUser('auth0|alex');
    const token = await a.vault.getAccessToken(req());
    const entries = await rawEntries(a.redis);
    expect(entries).toHaveLength(1);
    const [entry] = entries as [{ key: string; value: Buffer; ttl: number }];
    expect(entry.value.includes(Buffer.from(token.accessToken))).toBe(false);
    expect(entry.value.includes(Buffer.from('gmail'))).toBe(false);
    const names = (await a.redis.keys(`${prefix}*`)).join(' ');
    expect(names).not.toMatch(/alex|google/);
    const lifetime = token.expiresAt - Date.now();
    const expected = lifetime - Math.min(60_000, lifetime / 2);
    expect(entry.ttl).toBeGreaterThan(expected - 5_000);
    expect(entry.ttl).toBeLessThanOrEqual(expected + 1_000);
  });

  it('a value moved under another key, or written with another key, is a miss and not an error', async () => {
    const a = await instance();
    await a.cache.clearUser('auth0|alex');
    await a.vault.getAccessToken(req());
    const wrongKey = await instance({ key: randomBytes(32) });
    const before = exchanges();
    await wrongKey.vault.getAccessToken(req());
    expect(exchanges()).toBe(before + 1);
    await wrongKey.cache.clearUser('auth0|alex'); // its entries live under names the others can't derive

    // Copy one user's ciphertext under another cache key: the AAD (the key name) makes it unreadable.
    await a.cache.clearUser('auth0|alex');
    await a.vault.getAccessToken(req());
    const other = { ...req(), connection: 'sign-in-with-slack', scopes: [GOOGLE_SCOPES.gmailSend] };
    const [alexEntry] = await rawEntries(a.redis);
    const filled: CachedToken = {
      token: { accessToken: 'placeholder', scopes: other.scopes, expiresAt: Date.now() + 3_600_000 },
      refreshAt: Date.now() + 3_000_000,
    };
    await a.cache.fill(other, Date.now, async () => filled);
    const otherKey = (await rawEntries(a.redis)).map((e) => e.key).find((k) => k !== alexEntry?.key) as string;
    await a.redis.set(otherKey, alexEntry?.value as Buffer);
    expect(await a.cache.get(other, Date.now())).toBeNull();
  });

  it('invalidate and clearUser on one instance reach the others', async () => {
    const a = await instance();
    const b = await instance();
    await a.cache.clearUser('auth0|alex');
    await a.vault.getAccessToken(req());
    let before = exchanges();
    await b.vault.getAccessToken(req());
    expect(exchanges()).toBe(before);

    a.vault.invalidate({ userId: 'auth0|alex', connection: 'google-oauth2' });
    // Same connection, issued after the invalidation's script: it cannot see the dropped token.
    expect(await a.cache.get(req(), Date.now())).toBeNull();
    await b.vault.getAccessToken(req());
    expect(exchanges()).toBe(before + 1);

    before = exchanges();
    await a.vault.getAccessToken(req());
    expect(exchanges()).toBe(before);
    await b.cache.clearUser('auth0|alex');
    await a.vault.getAccessToken(req());
    expect(exchanges()).toBe(before + 1);
    expect(await rawEntries(a.redis)).toHaveLength(1);
  });

  it('a token past its refresh time is exchanged again', async () => {
    let t = Date.now();
    const a = await instance({ now: () => t });
    await a.cache.clearUser('auth0|alex');
    const first = await a.vault.getAccessToken(req());
    const before = exchanges();
    t = first.expiresAt - 30_000; // inside the refresh margin
    await a.vault.getAccessToken(req());
    expect(exchanges()).toBe(before + 1);
  });

  it('a failed exchange is shared by the callers waiting on it and not cached', async () => {
    const a = await instance();
    const b = await instance();
    const before = exchanges();
    const unlinked = { userId: 'auth0|nobody-linked', subjectToken, connection: 'sign-in-with-slack', scopes: ['chat:write'] };
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).vault.getAccessToken(unlinked)));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    // One attempt per instance at most: the waiting instance retries once the holder has failed.
    expect(exchanges() - before).toBeGreaterThanOrEqual(1);
    expect(exchanges() - before).toBeLessThanOrEqual(2);
    expect(await rawEntries(a.redis)).not.toContainEqual(expect.objectContaining({ key: expect.stringContaining('nobody') }));
  });

  it('when the instance holding the lock is stuck or dead, another takes over once the lock expires', async () => {
    const stuck = await instance({ lockMs: 300, pollMs: 50 });
    const live = await instance({ lockMs: 300, pollMs: 50 });
    await stuck.cache.clearUser('auth0|alex');
    const k = req();
    let entered!: () => void;
    const holding = new Promise<void>((r) => (entered = r));
    void stuck.cache.fill(k, Date.now, () => {
      entered();
      return new Promise<CachedToken>(() => undefined); // never finishes, like a process that died mid-exchange
    });
    await holding;
    const before = exchanges();
    const token = await live.vault.getAccessToken(k);
    expect(token.accessToken).toMatch(/\S{20,}/);
    expect(exchanges()).toBe(before + 1);
  });

  it('refuses a key that is not 32 bytes', async () => {
    const redis = await connectRedis(TEST_REDIS_URL as string);
    closers.push(() => redis.quit());
    expect(() => new RedisTokenCache(redis, { key: randomBytes(16) })).toThrow(TokenCacheKeyError);
  });
});
