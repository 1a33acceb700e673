import { HoldUnavailableError, type GlobalShortcutLike, type HotkeySource } from './hotkeySource.js';
import { hookComboOf, isComboDown, isComboRelease, type HookKeyEvent } from './uiohookKeys.js';

/**
 * Hold-to-talk through the uiohook-napi key hook (an optional dependency loaded from its N-API
 * prebuilds): key-down starts, key-up stops. The shortcut is also registered with `globalShortcut`,
 * which claims it from other apps and reports a conflict the same way as in toggle mode; its own
 * callback is ignored (the hook reports the press). Thin: matching lives in uiohookKeys.ts.
 */
export interface UiohookLike {
  on(event: 'keydown' | 'keyup', listener: (e: HookKeyEvent) => void): unknown;
  off(event: 'keydown' | 'keyup', listener: (e: HookKeyEvent) => void): unknown;
  start(): void;
  stop(): void;
}

/**
 * Why the hook cannot run here, before trying it (libuiohook blocks forever in `start()` when there is
 * no X display, and under Wayland it sees only X clients' keys); undefined when it may be tried.
 */
export function hookBlocker(platform: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (platform !== 'linux') return undefined;
  if (env.XDG_SESSION_TYPE === 'wayland' || (env.WAYLAND_DISPLAY && !env.DISPLAY))
    return 'Hold to talk needs an X11 session; under Wayland Vouch cannot see when keys are released.';
  if (!env.DISPLAY) return 'Hold to talk needs a display server (no DISPLAY is set).';
  return undefined;
}

/** Loads the hook once; a reason instead when the addon is missing or cannot load on this system. */
export async function loadUiohook(
  platform: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ hook: UiohookLike } | { unavailable: string }> {
  const blocked = hookBlocker(platform, env);
  if (blocked) return { unavailable: blocked };
  try {
    const mod = (await import('uiohook-napi')) as unknown as { uIOhook: UiohookLike };
    let started = false;
    const hook = mod.uIOhook;
    // One hook for the whole app: started on first use, stopped at quit.
    return {
      hook: {
        on: (e, l) => hook.on(e, l),
        off: (e, l) => hook.off(e, l),
        start: () => {
          if (!started) hook.start();
          started = true;
        },
        stop: () => {
          if (started) hook.stop();
          started = false;
        },
      },
    };
  } catch {
    return { unavailable: 'Hold to talk is not available: the key hook could not be loaded on this system.' };
  }
}

export function uiohookHoldSource(hook: UiohookLike, gs: GlobalShortcutLike, accelerator: string, platform: string): HotkeySource {
  const combo = hookComboOf(accelerator, platform);
  let registered = false;
  let held = false;
  let listeners: { down(e: HookKeyEvent): void; up(e: HookKeyEvent): void } | undefined;
  return {
    mode: 'hold',
    start(h) {
      if (!combo) throw new HoldUnavailableError('Hold to talk does not know this key; Vouch uses press to start, press again to stop.');
      registered = gs.register(accelerator, () => {});
      if (!registered) return false;
      listeners = {
        down: (e) => {
          if (isComboDown(combo, e) && !held) {
            held = true;
            h.onDown();
          }
        },
        up: (e) => {
          if (held && isComboRelease(combo, e)) {
            held = false;
            h.onUp?.();
          }
        },
      };
      hook.on('keydown', listeners.down);
      hook.on('keyup', listeners.up);
      try {
        hook.start();
      } catch (err) {
        this.stop();
        // macOS refuses the hook until the person allows Vouch under Accessibility (libuiohook: UIOHOOK_ERROR_AXAPI_DISABLED).
        throw new HoldUnavailableError(
          platform === 'darwin'
            ? 'Hold to talk needs Vouch to be allowed in System Settings → Privacy & Security → Accessibility.'
            : 'Hold to talk is not available: the key hook could not start on this system.',
          { cause: err },
        );
      }
      return true;
    },
    release() {
      held = false;
    },
    stop() {
      if (listeners) {
        hook.off('keydown', listeners.down);
        hook.off('keyup', listeners.up);
      }
      listeners = undefined;
      held = false;
      if (registered) gs.unregister(accelerator);
      registered = false;
    },
  };
}
