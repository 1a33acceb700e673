import { describe, expect, it } from 'vitest';
import { TokenStore } from '../../src/auth/tokenStore.js';
import { MemoryKv, StandInSafeStorage } from './helpers/standIns.js';

const RT = 'v1.MRrt-very-secret-refresh-token';

describe('TokenStore', () => {
  it('round-trips the refresh token encrypted, never in plain text', async () => {
    const safe = new StandInSafeStorage();
    const kv = new MemoryKv();
    const store = new TokenStore(safe, kv, 'linux');
    expect(await store.save(RT, { sub: 'auth0|alex', email: 'alex@example.com' })).toEqual({ persisted: true });
    expect(kv.dump()).not.toContain(RT);
    expect(kv.dump()).not.toContain('very-secret');
    // A fresh store over the same file and keystore (next app start) reads it back.
    const again = new TokenStore(safe, kv, 'linux');
    expect(await again.loadRefreshToken()).toBe(RT);
    expect(again.loadProfile()).toEqual({ sub: 'auth0|alex', email: 'alex@example.com' });
  });

  it('refuses to persist when encryption is unavailable, and writes nothing', async () => {
    const kv = new MemoryKv();
    const store = new TokenStore(new StandInSafeStorage(false), kv, 'darwin');
    expect(await store.save(RT, { sub: 'auth0|alex' })).toEqual({ persisted: false, reason: 'encryption_unavailable' });
    expect(kv.data.size).toBe(0);
    expect(await store.loadRefreshToken()).toBeUndefined();
  });

  it("on Linux without a keyring (basic_text, Chromium's hard-coded key) refuses to persist, though encryption reports available", async () => {
    const safe = new StandInSafeStorage(true, 'basic_text');
    expect(safe.isEncryptionAvailable()).toBe(true);
    const kv = new MemoryKv();
    const store = new TokenStore(safe, kv, 'linux');
    expect(await store.save(RT, { sub: 'auth0|alex' })).toEqual({ persisted: false, reason: 'no_os_keyring' });
    expect(kv.data.size).toBe(0);
  });

  it('on Linux refuses while the backend is unknown (asked before the app is ready)', async () => {
    const kv = new MemoryKv();
    const store = new TokenStore(new StandInSafeStorage(true, 'unknown'), kv, 'linux');
    expect(await store.save(RT, { sub: 'auth0|alex' })).toEqual({ persisted: false, reason: 'encryption_unavailable' });
    expect(kv.data.size).toBe(0);
  });

  it('forgets a token an older build wrote under basic_text, instead of using it', async () => {
    const safe = new StandInSafeStorage(true, 'gnome_libsecret');
    const kv = new MemoryKv();
    await new TokenStore(safe, kv, 'linux').save(RT, { sub: 's' });
    safe.backend = 'basic_text';
    expect(await new TokenStore(safe, kv, 'linux').loadRefreshToken()).toBeUndefined();
    expect(kv.data.size).toBe(0);
  });

  it('consults the Linux backend only on Linux', async () => {
    const safe = new StandInSafeStorage(true, 'basic_text');
    safe.getSelectedStorageBackend = () => {
      throw new Error('getSelectedStorageBackend is Linux-only');
    };
    expect(await new TokenStore(safe, new MemoryKv(), 'win32').save(RT, { sub: 's' })).toEqual({ persisted: true });
  });

  it('a keystore that became unavailable yields no token (and no plaintext fallback)', async () => {
    const safe = new StandInSafeStorage();
    const kv = new MemoryKv();
    await new TokenStore(safe, kv, 'linux').save(RT, { sub: 's' });
    safe.available = false;
    expect(await new TokenStore(safe, kv, 'linux').loadRefreshToken()).toBeUndefined();
  });

  it('forgets a blob that no longer decrypts (keystore reset)', async () => {
    const kv = new MemoryKv();
    await new TokenStore(new StandInSafeStorage(), kv, 'linux').save(RT, { sub: 's' });
    const other = new TokenStore(new StandInSafeStorage(), kv, 'linux'); // different key
    expect(await other.loadRefreshToken()).toBeUndefined();
    expect(kv.data.size).toBe(0);
  });

  it('re-encrypts under a rotated keystore key when Electron asks for it', async () => {
    const safe = new StandInSafeStorage();
    const kv = new MemoryKv();
    await new TokenStore(safe, kv, 'linux').save(RT, { sub: 's' });
    safe.rotated = true;
    expect(await new TokenStore(safe, kv, 'linux').loadRefreshToken()).toBe(RT);
    expect(await new TokenStore(safe, kv, 'linux').loadRefreshToken()).toBe(RT);
  });

  it('a save still encrypting when the user signs out writes nothing afterwards', async () => {
    const kv = new MemoryKv();
    const store = new TokenStore(new StandInSafeStorage(), kv, 'linux');
    const saving = store.save(RT, { sub: 's' });
    store.clear();
    await saving;
    expect(kv.data.size).toBe(0);
  });

  it('clear removes everything', async () => {
    const kv = new MemoryKv();
    const store = new TokenStore(new StandInSafeStorage(), kv, 'linux');
    await store.save(RT, { sub: 's' });
    store.clear();
    expect(kv.data.size).toBe(0);
    expect(store.loadProfile()).toBeUndefined();
  });
});
