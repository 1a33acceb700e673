import type { KeyValueStore } from '../../auth/tokenStore.js';
import { HistoryUnreadableError } from './conversationHistory.js';

/**
 * Opens the history's own key-value file (electron-store in the app, `conf` in the desktop host).
 * Both throw on a file that is not JSON; a damaged history is not worth a crash at start-up, so it is
 * logged as `HISTORY_UNREADABLE` and the file is opened again with `clearInvalidConfig`, which
 * starts it empty.
 */
export function openHistoryFile(
  open: (opts: { clearInvalidConfig: boolean }) => KeyValueStore,
  log: { warn(obj: Record<string, unknown>, msg: string): void },
): KeyValueStore {
  try {
    return open({ clearInvalidConfig: false });
  } catch (err) {
    const error = new HistoryUnreadableError('file', { cause: err });
    log.warn({ error: error.code, reason: error.reason }, 'conversation history file unreadable; starting empty');
    return open({ clearInvalidConfig: true });
  }
}
