import type { SafeStorageLike, TokenStore } from '../../auth/tokenStore.js';
import type { HistoryCipher } from './conversationHistory.js';

/** The app's history cipher: Electron's safeStorage under the token store's own persistence rule. */
export function keystoreHistoryCipher(safe: SafeStorageLike, tokenStore: Pick<TokenStore, 'persistence'>): HistoryCipher {
  return {
    persistence: () => tokenStore.persistence(),
    encryptStringAsync: (plain) => safe.encryptStringAsync(plain),
    decryptStringAsync: (sealed) => safe.decryptStringAsync(sealed),
  };
}
