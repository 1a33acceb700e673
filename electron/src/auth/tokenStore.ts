/**
 * Where the refresh token lives between runs: encrypted with the OS keystore through Electron's
 * `safeStorage` (Keychain / DPAPI / libsecret) and kept as base64 in an `electron-store`-like
 * key-value file. If encryption is unavailable (e.g. Linux without a secret service, where Electron
 * would fall back to a hard-coded key) nothing is written: the user stays signed in for this run
 * only. Access tokens are never persisted. The non-secret profile is stored beside it so the tray
 * can show who is signed in before the first refresh completes.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export interface StoredProfile {
  sub: string;
  email?: string;
  name?: string;
}

const RT_KEY = 'auth.refreshToken.v1';
const PROFILE_KEY = 'auth.profile.v1';

export type PersistResult = { persisted: true } | { persisted: false; reason: 'encryption_unavailable' };

export class TokenStore {
  constructor(
    private readonly safe: SafeStorageLike,
    private readonly kv: KeyValueStore,
  ) {}

  get canPersist(): boolean {
    try {
      return this.safe.isEncryptionAvailable();
    } catch {
      return false;
    }
  }

  save(refreshToken: string, profile: StoredProfile): PersistResult {
    if (!this.canPersist) {
      // Also drop anything left from an earlier run that could no longer be decrypted safely.
      this.clear();
      return { persisted: false, reason: 'encryption_unavailable' };
    }
    const sealed = this.safe.encryptString(refreshToken).toString('base64');
    this.kv.set(RT_KEY, sealed);
    this.kv.set(PROFILE_KEY, { sub: profile.sub, email: profile.email, name: profile.name });
    return { persisted: true };
  }

  /** The stored refresh token, or undefined (none, unreadable, or the keystore is unavailable). */
  loadRefreshToken(): string | undefined {
    const sealed = this.kv.get(RT_KEY);
    if (typeof sealed !== 'string' || !sealed) return undefined;
    if (!this.canPersist) return undefined;
    try {
      return this.safe.decryptString(Buffer.from(sealed, 'base64'));
    } catch {
      // Keystore changed (new OS user, reset keychain): the blob is useless; forget it.
      this.clear();
      return undefined;
    }
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
