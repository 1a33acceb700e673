import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyValueStore, SafeStorageLike } from '../../../src/auth/tokenStore.js';

/** A safeStorage stand-in that really encrypts (AES-256-GCM with a per-instance key). */
export class StandInSafeStorage implements SafeStorageLike {
  private readonly key = randomBytes(32);
  constructor(public available = true) {}
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  encryptString(plain: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available');
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]);
  }
  decryptString(buf: Buffer): string {
    if (!this.available) throw new Error('Decryption is not available');
    const d = createDecipheriv('aes-256-gcm', this.key, buf.subarray(0, 12));
    d.setAuthTag(buf.subarray(12, 28));
    return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
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
