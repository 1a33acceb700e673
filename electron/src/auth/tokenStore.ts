/**
 * Where the refresh token lives between runs: encrypted with the OS keystore through Electron's
 * `safeStorage` (Keychain / DPAPI / libsecret / KWallet) and kept as base64 in an
 * `electron-store`-like key-value file. Nothing is written when the keystore cannot protect it:
 * encryption unavailable, or Linux without a keyring, where Electron's `basic_text` backend
 * "encrypts" with a key hard-coded in Chromium (and reports encryption as available all the same).
 * The user then stays signed in for this run only. Access tokens are never persisted. The
 * non-secret profile is stored beside it so the tray can show who is signed in before the first
 * refresh completes. Uses Electron's asynchronous safeStorage API (the synchronous one is deprecated).
 */
export type LinuxStorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only: which password store Chromium picked. */
  getSelectedStorageBackend(): LinuxStorageBackend;
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

/** Why a sign-in lasts only for this run: no keystore at all, or Linux with no keyring (`basic_text`). */
export type NotPersistedReason = 'encryption_unavailable' | 'no_os_keyring';
export type PersistResult = { persisted: true } | { persisted: false; reason: NotPersistedReason };

/** Linux backends that do not protect the secret: a hard-coded key, or not known yet (before `ready`). */
const UNPROTECTED_BACKENDS: ReadonlySet<LinuxStorageBackend> = new Set(['basic_text', 'unknown']);

/**
 * What the session needs from a refresh-token store: the app's `TokenStore` (OS keystore), or a
 * development-only stand-in where there is no Electron (the browser demo's desktop host).
 */
export interface RefreshTokenStore {
  save(refreshToken: string, profile: StoredProfile): Promise<PersistResult>;
  loadRefreshToken(): Promise<string | undefined>;
  loadProfile(): StoredProfile | undefined;
  clear(): void;
}

export class TokenStore implements RefreshTokenStore {
  /** Bumped by clear(): a save that was encrypting meanwhile must not write the token back. */
  private epoch = 0;

  constructor(
    private readonly safe: SafeStorageLike,
    private readonly kv: KeyValueStore,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  /** Whether a refresh token saved now would be protected by the OS keystore, and if not, why. */
  async persistence(): Promise<PersistResult> {
    if (this.platform === 'linux') {
      let backend: LinuxStorageBackend;
      try {
        backend = this.safe.getSelectedStorageBackend();
      } catch {
        backend = 'unknown';
      }
      if (backend === 'basic_text') return { persisted: false, reason: 'no_os_keyring' };
      if (UNPROTECTED_BACKENDS.has(backend)) return { persisted: false, reason: 'encryption_unavailable' };
    }
    try {
      return (await this.safe.isAsyncEncryptionAvailable()) ? { persisted: true } : { persisted: false, reason: 'encryption_unavailable' };
    } catch {
      return { persisted: false, reason: 'encryption_unavailable' };
    }
  }

  async save(refreshToken: string, profile: StoredProfile): Promise<PersistResult> {
    const epoch = this.epoch;
    const status = await this.persistence();
    if (!status.persisted) {
      // Also drop anything an earlier run left that this keystore cannot vouch for.
      this.clear();
      return status;
    }
    const sealed = (await this.safe.encryptStringAsync(refreshToken)).toString('base64');
    if (epoch !== this.epoch) return { persisted: false, reason: 'encryption_unavailable' };
    this.kv.set(RT_KEY, sealed);
    this.kv.set(PROFILE_KEY, { sub: profile.sub, email: profile.email, name: profile.name });
    return { persisted: true };
  }

  /** The stored refresh token, or undefined (none, unreadable, or the keystore cannot protect it). */
  async loadRefreshToken(): Promise<string | undefined> {
    const sealed = this.kv.get(RT_KEY);
    if (typeof sealed !== 'string' || !sealed) return undefined;
    const status = await this.persistence();
    if (!status.persisted) {
      // A blob under Chromium's hard-coded key (an older build on a keyring-less Linux) protects
      // nothing: forget it. A keystore that is merely unavailable now may be back next run.
      if (status.reason === 'no_os_keyring') this.clear();
      return undefined;
    }
    try {
      const epoch = this.epoch;
      const { result, shouldReEncrypt } = await this.safe.decryptStringAsync(Buffer.from(sealed, 'base64'));
      // The keystore rotated its key or gained a stronger one: store the token under it.
      if (shouldReEncrypt) {
        const resealed = (await this.safe.encryptStringAsync(result)).toString('base64');
        if (epoch === this.epoch) this.kv.set(RT_KEY, resealed);
      }
      return result;
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
    this.epoch++;
    this.kv.delete(RT_KEY);
    this.kv.delete(PROFILE_KEY);
  }
}
