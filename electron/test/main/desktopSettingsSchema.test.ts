import { describe, expect, it } from 'vitest';
import {
  acceleratorLabel,
  AppSettings,
  canonicalAccelerator,
  DEFAULT_SETTINGS,
  isAccelerator,
  parseAccelerator,
  SettingsPatch,
} from '../../src/bridge/contract.js';

describe('push-to-talk shortcuts in the settings contract', () => {
  it('parses accelerators into canonical modifiers and one key', () => {
    expect(parseAccelerator('CommandOrControl+Shift+Space')).toEqual({ modifiers: ['CommandOrControl', 'Shift'], key: 'Space' });
    expect(parseAccelerator('shift+cmdorctrl+k')).toEqual({ modifiers: ['CommandOrControl', 'Shift'], key: 'K' });
    expect(canonicalAccelerator('Shift+Ctrl+F9')).toBe('Control+Shift+F9');
    expect(parseAccelerator('Ctrl+Control+K')).toBeUndefined(); // the same modifier twice
    expect(parseAccelerator('Ctrl+Hyper+K')).toBeUndefined();
    expect(parseAccelerator('Ctrl+Shift')).toBeUndefined(); // no key
    expect(parseAccelerator('')).toBeUndefined();
  });

  it('accepts function keys alone and other keys only with a modifier besides Shift', () => {
    expect(isAccelerator('F9')).toBe(true);
    expect(isAccelerator('Alt+Space')).toBe(true);
    expect(isAccelerator('K')).toBe(false);
    expect(isAccelerator('Shift+K')).toBe(false);
    expect(isAccelerator('Space')).toBe(false);
  });

  it('labels shortcuts the way each system writes them', () => {
    expect(acceleratorLabel('CommandOrControl+Shift+Space', false)).toBe('Ctrl+Shift+Space');
    expect(acceleratorLabel('CommandOrControl+Shift+Space', true)).toBe('⌘⇧Space');
    expect(acceleratorLabel('Control+Alt+num1', false)).toBe('Ctrl+Alt+Num 1');
  });
});

describe('desktop settings fields', () => {
  it('defaults: the configured shortcut, toggle, the default microphone, no launch at login, the configured backend', () => {
    expect(AppSettings.parse(DEFAULT_SETTINGS)).toMatchObject({
      hotkey: null,
      hotkeyMode: 'toggle',
      microphoneId: null,
      launchAtLogin: false,
      backendUrl: null,
    });
  });

  it('accepts valid changes and refuses invalid ones', () => {
    expect(SettingsPatch.parse({ hotkey: 'Alt+F9', hotkeyMode: 'hold', microphoneId: 'abc123', launchAtLogin: true })).toBeTruthy();
    expect(SettingsPatch.parse({ backendUrl: 'https://vouch.example.com/' })).toBeTruthy();
    for (const bad of [
      { hotkey: 'A' },
      { hotkey: 'Ctrl+Nope' },
      { hotkeyMode: 'sometimes' },
      { microphoneId: 'x'.repeat(257) },
      { launchAtLogin: 'yes' },
      { backendUrl: 'file:///etc/passwd' },
      { backendUrl: 'not a url' },
    ])
      expect(SettingsPatch.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});
