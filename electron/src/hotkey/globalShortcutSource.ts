/**
 * The push-to-talk key source used by default: Electron's `globalShortcut`, which reports presses
 * only (no key-up), hence the machine's toggle mode. A key-up-capable hook (uiohook-napi) would
 * implement the same interface with `onUp` and run the machine in hold mode; it is not bundled
 * because it is a native addon that needs an Electron-ABI rebuild, the macOS Accessibility
 * permission, and does not work under Wayland, while a toggle works everywhere.
 */
interface HotkeySource {
  readonly mode: 'toggle' | 'hold';
  start(handlers: { onDown(): void; onUp?(): void }): boolean;
  stop(): void;
}

interface GlobalShortcutLike {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

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
