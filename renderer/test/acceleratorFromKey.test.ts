import { describe, expect, it } from 'vitest';
import { acceleratorKeyOf, recordKey, type KeyPress } from '../src/hotkey/acceleratorFromKey.js';

const press = (code: string, mods: Partial<KeyPress> = {}, key = code): KeyPress => ({
  key,
  code,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('recording a shortcut from a keydown', () => {
  it('writes modifiers in one order, Ctrl as CommandOrControl off a Mac', () => {
    expect(recordKey(press('Space', { shiftKey: true, ctrlKey: true }, ' '), false)).toEqual({
      kind: 'accelerator',
      accelerator: 'CommandOrControl+Shift+Space',
      label: 'Ctrl+Shift+Space',
    });
    expect(recordKey(press('KeyK', { shiftKey: true, altKey: true, ctrlKey: true }, 'K'), false)).toMatchObject({
      accelerator: 'CommandOrControl+Alt+Shift+K',
    });
    expect(recordKey(press('KeyK', { metaKey: true, altKey: true }, 'k'), false)).toMatchObject({ accelerator: 'Alt+Super+K' });
  });

  it('on a Mac ⌘ is CommandOrControl and Control stays Control', () => {
    expect(recordKey(press('KeyJ', { metaKey: true, shiftKey: true }, 'J'), true)).toEqual({
      kind: 'accelerator',
      accelerator: 'CommandOrControl+Shift+J',
      label: '⌘⇧J',
    });
    expect(recordKey(press('KeyJ', { metaKey: true, ctrlKey: true }, 'j'), true)).toMatchObject({
      accelerator: 'CommandOrControl+Control+J',
    });
  });

  it('reads the physical key, whatever the layout types', () => {
    // An AZERTY keyboard types "a" on the key a QWERTY keyboard calls Q.
    expect(recordKey(press('KeyQ', { ctrlKey: true }, 'a'), false)).toMatchObject({ accelerator: 'CommandOrControl+Q' });
    expect(recordKey(press('Digit1', { altKey: true }, '&'), false)).toMatchObject({ accelerator: 'Alt+1' });
    expect(recordKey(press('BracketLeft', { ctrlKey: true }, '['), false)).toMatchObject({ accelerator: 'CommandOrControl+[' });
    expect(recordKey(press('Numpad5', { ctrlKey: true }, '5'), false)).toMatchObject({
      accelerator: 'CommandOrControl+num5',
      label: 'Ctrl+Num 5',
    });
    expect(recordKey(press('ArrowUp', { ctrlKey: true }, 'ArrowUp'), false)).toMatchObject({ accelerator: 'CommandOrControl+Up' });
  });

  it('function keys work alone', () => {
    expect(recordKey(press('F9'), false)).toEqual({ kind: 'accelerator', accelerator: 'F9', label: 'F9' });
    expect(recordKey(press('F24', { shiftKey: true }), false)).toMatchObject({ accelerator: 'Shift+F24' });
    expect(acceleratorKeyOf('F25')).toBeUndefined();
  });

  it('refuses a bare letter, digit or space, and Shift alone with one: they would type', () => {
    for (const k of [press('KeyA', {}, 'a'), press('Digit3', {}, '3'), press('Space', {}, ' '), press('KeyA', { shiftKey: true }, 'A')]) {
      const r = recordKey(k, false);
      expect(r.kind).toBe('refused');
      expect(r.kind === 'refused' && r.reason).toMatch(/alone would type instead of talking/);
    }
  });

  it('refuses keys shortcuts cannot use', () => {
    expect(recordKey(press('CapsLock', { ctrlKey: true }, 'CapsLock'), false)).toMatchObject({ kind: 'refused' });
    expect(recordKey(press('Escape', { ctrlKey: true }, 'Escape'), false)).toMatchObject({ kind: 'refused' });
  });

  it('Escape on its own cancels', () => {
    expect(recordKey(press('Escape', {}, 'Escape'), false)).toEqual({ kind: 'cancel' });
  });

  it('modifiers alone are a combination in progress', () => {
    expect(recordKey(press('ControlLeft', { ctrlKey: true }, 'Control'), false)).toEqual({ kind: 'partial', label: 'Ctrl+…' });
    expect(recordKey(press('ShiftRight', { ctrlKey: true, shiftKey: true }, 'Shift'), false)).toEqual({
      kind: 'partial',
      label: 'Ctrl+Shift+…',
    });
    expect(recordKey(press('MetaLeft', { metaKey: true }, 'Meta'), true)).toEqual({ kind: 'partial', label: '⌘…' });
  });
});
