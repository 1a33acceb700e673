import { describe, expect, it } from 'vitest';
import { ACCELERATOR_KEYS } from '../../src/bridge/contract.js';
import { hookBlocker } from '../../src/hotkey/uiohookSource.js';
import { hookComboOf, isComboDown, isComboRelease, UIOHOOK_KEYCODES } from '../../src/hotkey/uiohookKeys.js';

describe('accelerator → uiohook key', () => {
  it('maps CommandOrControl to Ctrl off macOS and to ⌘ on macOS', () => {
    expect(hookComboOf('CommandOrControl+Shift+Space', 'linux')).toEqual({ keycode: 57, ctrl: true, meta: false, alt: false, shift: true });
    expect(hookComboOf('CommandOrControl+Shift+Space', 'darwin')).toEqual({
      keycode: 57,
      ctrl: false,
      meta: true,
      alt: false,
      shift: true,
    });
    expect(hookComboOf('Control+Alt+Super+F9', 'win32')).toEqual({ keycode: 67, ctrl: true, meta: true, alt: true, shift: false });
  });

  it('knows every key a recorded shortcut can end with', () => {
    for (const key of ACCELERATOR_KEYS) expect(hookComboOf(`Alt+${key}`, 'linux'), key).toBeDefined();
    expect(hookComboOf('Alt+Up', 'linux')?.keycode).toBe(UIOHOOK_KEYCODES.ArrowUp);
    expect(hookComboOf('Alt+num7', 'linux')?.keycode).toBe(UIOHOOK_KEYCODES.Numpad7);
    expect(hookComboOf('Alt+[', 'linux')?.keycode).toBe(UIOHOOK_KEYCODES.BracketLeft);
    expect(hookComboOf('Alt+Nope', 'linux')).toBeUndefined();
  });

  it('matches the exact combination down, and the key or a modifier going up', () => {
    const combo = hookComboOf('CommandOrControl+K', 'linux')!;
    const e = { keycode: 37, ctrlKey: true, altKey: false, shiftKey: false, metaKey: false };
    expect(isComboDown(combo, e)).toBe(true);
    expect(isComboDown(combo, { ...e, shiftKey: true })).toBe(false);
    expect(isComboDown(combo, { ...e, keycode: 38 })).toBe(false);
    expect(isComboRelease(combo, { keycode: 37 })).toBe(true);
    expect(isComboRelease(combo, { keycode: 3613 })).toBe(true); // right Ctrl
    expect(isComboRelease(combo, { keycode: 42 })).toBe(false); // Shift is not part of it
  });

  it('agrees with uiohook-napi’s own table where the addon loads', async () => {
    let UiohookKey: Record<string, number> | undefined;
    try {
      ({ UiohookKey } = (await import('uiohook-napi')) as unknown as { UiohookKey: Record<string, number> });
    } catch {
      // The addon is optional; the table above is then the only reference.
    }
    if (UiohookKey) for (const [name, code] of Object.entries(UIOHOOK_KEYCODES)) expect(UiohookKey[name], name).toBe(code);
  });
});

describe('whether the hook may be tried', () => {
  it('on Linux it needs an X display and no Wayland session; elsewhere it is tried', () => {
    expect(hookBlocker('linux', {})).toMatch(/needs a display server/);
    expect(hookBlocker('linux', { DISPLAY: ':0' })).toBeUndefined();
    expect(hookBlocker('linux', { DISPLAY: ':0', XDG_SESSION_TYPE: 'wayland' })).toMatch(/Wayland/);
    expect(hookBlocker('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toMatch(/Wayland/);
    expect(hookBlocker('darwin', {})).toBeUndefined();
    expect(hookBlocker('win32', {})).toBeUndefined();
  });
});
