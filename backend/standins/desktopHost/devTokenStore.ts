import type { KeyValueStore, PersistResult, RefreshTokenStore, StoredProfile } from '../../../electron/src/auth/tokenStore.js';

/**
 * DEVELOPMENT ONLY. The desktop host's refresh-token store: the token in plain text in a
 * key-value file (`conf`, mode 0600) under the demo's data folder, where the app seals it with the
 * OS keystore (electron/src/auth/tokenStore.ts). It keeps the demo signed in across runs for a
 * dev-tenant user; it must never hold a real tenant's token, which is why it lives under
 * backend/standins/ and nothing in electron/ can import it.
 */
const RT_KEY = 'devOnly.plaintextRefreshToken';
const PROFILE_KEY = 'devOnly.profile';

export class DevFileTokenStore implements RefreshTokenStore {
  constructor(private readonly kv: KeyValueStore) {}

  async save(refreshToken: string, profile: StoredProfile): Promise<PersistResult> {
    this.kv.set(RT_KEY, refreshToken);
    this.kv.set(PROFILE_KEY, { sub: profile.sub, email: profile.email, name: profile.name });
    return { persisted: true };
  }

  async loadRefreshToken(): Promise<string | undefined> {
    const rt = this.kv.get(RT_KEY);
    return typeof rt === 'string' && rt ? rt : undefined;
  }

  loadProfile(): StoredProfile | undefined {
    const p = this.kv.get(PROFILE_KEY);
    if (!p || typeof p !== 'object' || typeof (p as StoredProfile).sub !== 'string') return undefined;
    return p as StoredProfile;
  }

  clear(): void {
    this.kv.delete(RT_KEY);
    this.kv.delete(PROFILE_KEY);
  }
}
