import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BackendEnv, parseTokenCacheKey, sharedStateConfig } from '../../src/config.js';

const base = { AUTH0_ISSUER_BASE_URL: 'https://tenant.example/', AUTH0_AUDIENCE: 'https://api.vouch.local' };
const key = randomBytes(32);

describe('shared-state configuration', () => {
  it('defaults to the embedded mode', () => {
    const env = BackendEnv.parse({ ...base, DATABASE_URL: '', REDIS_URL: '' });
    expect(sharedStateConfig(env)).toEqual({ databaseUrl: null, redisUrl: null, tokenCacheKey: null });
  });

  it('reads DATABASE_URL, REDIS_URL and a hex or base64 TOKEN_CACHE_KEY', () => {
    for (const encoded of [`hex:${key.toString('hex')}`, `base64:${key.toString('base64')}`]) {
      const env = BackendEnv.parse({
        ...base,
        DATABASE_URL: 'postgres://vouch@db:5432/vouch',
        REDIS_URL: 'rediss://cache:6380',
        TOKEN_CACHE_KEY: encoded,
      });
      expect(sharedStateConfig(env)).toEqual({
        databaseUrl: 'postgres://vouch@db:5432/vouch',
        redisUrl: 'rediss://cache:6380',
        tokenCacheKey: key,
      });
    }
  });

  it.each([
    ['DATABASE_URL', 'mysql://db/vouch'],
    ['DATABASE_URL', 'not a url'],
    ['REDIS_URL', 'http://cache:6379'],
    ['TOKEN_CACHE_KEY', key.toString('hex')],
    ['TOKEN_CACHE_KEY', `hex:${key.toString('hex').slice(2)}`],
    ['TOKEN_CACHE_KEY', `base64:${randomBytes(16).toString('base64')}`],
  ])('refuses %s=%s', (name, value) => {
    const r = BackendEnv.safeParse({ ...base, [name]: value });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]?.path).toEqual([name]);
  });

  it('requires TOKEN_CACHE_KEY with REDIS_URL, without echoing secrets', () => {
    const env = BackendEnv.parse({ ...base, REDIS_URL: 'redis://:s3cret@cache:6379' });
    expect(() => sharedStateConfig(env)).toThrow(/TOKEN_CACHE_KEY: required with REDIS_URL/);
    expect(() => sharedStateConfig(env)).not.toThrow(/s3cret/);
    expect(parseTokenCacheKey(`base64:${key.toString('base64').replace(/=$/, '')}`)).toEqual(key);
  });

  it('reads the instance id, the step-up lease and the shutdown grace, with defaults', () => {
    expect(BackendEnv.parse({ ...base, INSTANCE_ID: '' })).toMatchObject({
      INSTANCE_ID: undefined,
      STEP_UP_LEASE_MS: 30_000,
      SHUTDOWN_GRACE_MS: 20_000,
    });
    expect(BackendEnv.parse({ ...base, INSTANCE_ID: 'vouch-1.eu:a', STEP_UP_LEASE_MS: '1500', SHUTDOWN_GRACE_MS: '0' })).toMatchObject({
      INSTANCE_ID: 'vouch-1.eu:a',
      STEP_UP_LEASE_MS: 1500,
      SHUTDOWN_GRACE_MS: 0,
    });
    for (const bad of [{ INSTANCE_ID: 'a b' }, { INSTANCE_ID: 'x'.repeat(65) }, { STEP_UP_LEASE_MS: '10' }, { SHUTDOWN_GRACE_MS: '-1' }]) {
      expect(BackendEnv.safeParse({ ...base, ...bad }).success).toBe(false);
    }
  });
});
