/**
 * The hotkey-source port: where push-to-talk key presses come from. `toggle` sources report presses
 * only (Electron's `globalShortcut`); `hold` sources also report the release (the uiohook key hook).
 */
export interface HotkeyHandlers {
  onDown(): void;
  onUp?(): void;
}

export interface HotkeySource {
  readonly mode: 'toggle' | 'hold';
  /** Starts listening; false when the shortcut is already taken (by another app). Throws when the source itself cannot run. */
  start(handlers: HotkeyHandlers): boolean;
  stop(): void;
  /** Forget a key the source believes is held (its release was lost: the screen locked, the computer slept). */
  release?(): void;
}

/** A hold source that cannot run here; `message` is for the person (Settings shows it next to the fallback). */
export class HoldUnavailableError extends Error {
  override name = 'HoldUnavailableError';
}

/** The part of Electron's `globalShortcut` the sources use (a fake registrar in the desktop host). */
export interface GlobalShortcutLike {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}
