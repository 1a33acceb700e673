import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { HistoryCipher } from '../../../electron/src/app/history/conversationHistory.js';
import type { KeyValueStore } from '../../../electron/src/auth/tokenStore.js';

/**
 * DEVELOPMENT ONLY. The desktop host's stand-in for the OS keystore that seals the conversation
 * history in the app: AES-256-GCM under a random key kept in a key file of its own (mode 0600) in
 * the host's data folder, as the development refresh token is (DevFileTokenStore). Under the dev
 * store's rule it always persists. The history file itself holds no readable words; whoever can read
 * the data folder can read both, exactly as with the dev token, which is why it lives under
 * backend/standins/.
 */
const KEY = 'devOnly.historyKey';

export function devHistoryCipher(keyKv: KeyValueStore): HistoryCipher {
  const stored = keyKv.get(KEY);
  let key = typeof stored === 'string' ? Buffer.from(stored, 'base64') : Buffer.alloc(0);
  if (key.length !== 32) {
    key = randomBytes(32);
    keyKv.set(KEY, key.toString('base64'));
  }
  return {
    persistence: async () => ({ persisted: true }),
    encryptStringAsync: async (plain) => {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptStringAsync: async (sealed) => {
      const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return { result: Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8'), shouldReEncrypt: false };
    },
  };
}
