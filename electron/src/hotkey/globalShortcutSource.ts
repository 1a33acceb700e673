import type { GlobalShortcutLike, HotkeySource } from './hotkeySource.js';

/**
 * The push-to-talk key source that works everywhere: Electron's `globalShortcut`, which reports
 * presses only (no key-up), hence the machine's toggle mode. Hold mode needs the key hook
 * (uiohookSource.ts), which not every system can run.
 */
export function globalShortcutSource(gs: GlobalShortcutLike, accelerator: string): HotkeySource {
  let registered = false;
  return {
    mode: 'toggle',
    start(h) {
      // register() returns false when another app already owns the accelerator.
      registered = gs.register(accelerator, () => h.onDown());
      return registered;
    },
    stop() {
      if (registered) gs.unregister(accelerator);
      registered = false;
    },
  };
}
