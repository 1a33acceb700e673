import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyValueStore, LinuxStorageBackend, SafeStorageLike } from '../../../src/auth/tokenStore.js';

/**
 * A safeStorage stand-in that really encrypts (AES-256-GCM with a per-instance key), with Electron's
 * whole surface: the asynchronous API, the deprecated synchronous one, and the Linux backend name.
 * Like Electron, it reports encryption available with the `basic_text` backend.
 */
export class StandInSafeStorage implements SafeStorageLike {
  private key = randomBytes(32);
  /** Set to make the next decrypt report a rotated key (Electron's `shouldReEncrypt`). */
  rotated = false;
  constructor(
    public available = true,
    public backend: LinuxStorageBackend = 'gnome_libsecret',
  ) {}
  getSelectedStorageBackend(): LinuxStorageBackend {
    return this.backend;
  }
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return this.available;
  }
  encryptString(plain: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available');
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]);
  }
  async encryptStringAsync(plain: string): Promise<Buffer> {
    return this.encryptString(plain);
  }
  decryptString(buf: Buffer): string {
    if (!this.available) throw new Error('Decryption is not available');
    const d = createDecipheriv('aes-256-gcm', this.key, buf.subarray(0, 12));
    d.setAuthTag(buf.subarray(12, 28));
    return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
  }
  async decryptStringAsync(buf: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    const result = this.decryptString(buf);
    const shouldReEncrypt = this.rotated;
    if (this.rotated) {
      this.key = randomBytes(32);
      this.rotated = false;
    }
    return { result, shouldReEncrypt };
  }
}

/** electron-store's get/set/delete over a Map, with a JSON dump to inspect what hit the disk. */
export class MemoryKv implements KeyValueStore {
  readonly data = new Map<string, unknown>();
  get(key: string): unknown {
    return this.data.get(key);
  }
  set(key: string, value: unknown): void {
    this.data.set(key, structuredClone(value));
  }
  delete(key: string): void {
    this.data.delete(key);
  }
  dump(): string {
    return JSON.stringify(Object.fromEntries(this.data));
  }
}
