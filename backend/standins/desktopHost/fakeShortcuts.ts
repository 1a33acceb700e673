import { canonicalAccelerator } from '../../../electron/src/bridge/contract.js';
import type { GlobalShortcutLike, HotkeySource } from '../../../electron/src/hotkey/hotkeySource.js';

/**
 * DEVELOPMENT ONLY: the desktop host has no Electron and no key hook, so its push-to-talk shortcuts
 * are kept by this registrar. It refuses a known set, as if other apps owned them, so the demo and
 * its system tests can show a conflict; presses arrive only through `press` (tests).
 */
export const SHORTCUTS_TAKEN_BY_OTHER_APPS: readonly string[] = [
  'CommandOrControl+Alt+T',
  'Alt+F4',
  'Alt+Tab',
  'CommandOrControl+Alt+Delete',
];

export interface FakeShortcuts extends GlobalShortcutLike {
  /** What is registered now. */
  registered(): string[];
  /** The person presses (and, in hold mode, releases) a registered shortcut. */
  press(accelerator: string): void;
  release(accelerator: string): void;
  /** A source for the hotkey-source port in the given mode. */
  source(accelerator: string, mode: 'toggle' | 'hold'): HotkeySource;
}

export function fakeShortcuts(taken: readonly string[] = SHORTCUTS_TAKEN_BY_OTHER_APPS): FakeShortcuts {
  const refused = new Set(taken.map((a) => canonicalAccelerator(a)));
  const mine = new Map<string, { down(): void; up?(): void }>();
  const registrar: FakeShortcuts = {
    register(accelerator, callback) {
      if (refused.has(canonicalAccelerator(accelerator)) || mine.has(accelerator)) return false;
      mine.set(accelerator, { down: callback });
      return true;
    },
    unregister: (accelerator) => void mine.delete(accelerator),
    registered: () => [...mine.keys()],
    press: (accelerator) => mine.get(accelerator)?.down(),
    release: (accelerator) => mine.get(accelerator)?.up?.(),
    source(accelerator, mode) {
      return {
        mode,
        start(h) {
          if (!registrar.register(accelerator, () => h.onDown())) return false;
          if (mode === 'hold') mine.get(accelerator)!.up = () => h.onUp?.();
          return true;
        },
        stop: () => registrar.unregister(accelerator),
      };
    },
  };
  return registrar;
}
