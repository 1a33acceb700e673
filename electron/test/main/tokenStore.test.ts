import { describe, expect, it } from 'vitest';
import { TokenStore } from '../../src/auth/tokenStore.js';
import { MemoryKv, StandInSafeStorage } from './helpers/standIns.js';

const RT = 'v1.MRrt-very-secret-refresh-token';

describe('TokenStore', () => {
  it('round-trips the refresh token encrypted, never in plain text', () => {
    const safe = new StandInSafeStorage();
    const kv = new MemoryKv();
    const store = new TokenStore(safe, kv);
    expect(store.save(RT, { sub: 'auth0|alex', email: 'alex@example.com' })).toEqual({ persisted: true });
    expect(kv.dump()).not.toContain(RT);
    expect(kv.dump()).not.toContain('very-secret');
    // A fresh store over the same file and keystore (next app start) reads it back.
    const again = new TokenStore(safe, kv);
    expect(again.loadRefreshToken()).toBe(RT);
    expect(again.loadProfile()).toEqual({ sub: 'auth0|alex', email: 'alex@example.com' });
  });

  it('refuses to persist when encryption is unavailable, and writes nothing', () => {
    const kv = new MemoryKv();
    const store = new TokenStore(new StandInSafeStorage(false), kv);
    expect(store.save(RT, { sub: 'auth0|alex' })).toEqual({ persisted: false, reason: 'encryption_unavailable' });
    expect(kv.data.size).toBe(0);
    expect(store.loadRefreshToken()).toBeUndefined();
  });

  it('a keystore that became unavailable yields no token (and no plaintext fallback)', () => {
    const safe = new StandInSafeStorage();
    const kv = new MemoryKv();
    new TokenStore(safe, kv).save(RT, { sub: 's' });
    safe.available = false;
    expect(new TokenStore(safe, kv).loadRefreshToken()).toBeUndefined();
  });

  it('forgets a blob that no longer decrypts (keystore reset)', () => {
    const kv = new MemoryKv();
    new TokenStore(new StandInSafeStorage(), kv).save(RT, { sub: 's' });
    const other = new TokenStore(new StandInSafeStorage(), kv); // different key
    expect(other.loadRefreshToken()).toBeUndefined();
    expect(kv.data.size).toBe(0);
  });

  it('clear removes everything', () => {
    const kv = new MemoryKv();
    const store = new TokenStore(new StandInSafeStorage(), kv);
    store.save(RT, { sub: 's' });
    store.clear();
    expect(kv.data.size).toBe(0);
    expect(store.loadProfile()).toBeUndefined();
  });
});
