import { parseAccelerator } from '../bridge/contract.js';

/**
 * From an Electron accelerator to what the uiohook key hook reports (pure; the hook itself is in
 * uiohookSource.ts). Keycodes are libuiohook's `VC_*` scan codes, as uiohook-napi's `UiohookKey`
 * exports them; they are written out here so this module (and its test) does not load the native
 * addon. uiohookKeys.test.ts checks the table against the package whenever the addon loads.
 */
export const UIOHOOK_KEYCODES: Readonly<Record<string, number>> = {
  Backspace: 14,
  Tab: 15,
  Enter: 28,
  Space: 57,
  PageUp: 3657,
  PageDown: 3665,
  End: 3663,
  Home: 3655,
  ArrowLeft: 57419,
  ArrowUp: 57416,
  ArrowRight: 57421,
  ArrowDown: 57424,
  Insert: 3666,
  Delete: 3667,
  0: 11,
  1: 2,
  2: 3,
  3: 4,
  4: 5,
  5: 6,
  6: 7,
  7: 8,
  8: 9,
  9: 10,
  A: 30,
  B: 48,
  C: 46,
  D: 32,
  E: 18,
  F: 33,
  G: 34,
  H: 35,
  I: 23,
  J: 36,
  K: 37,
  L: 38,
  M: 50,
  N: 49,
  O: 24,
  P: 25,
  Q: 16,
  R: 19,
  S: 31,
  T: 20,
  U: 22,
  V: 47,
  W: 17,
  X: 45,
  Y: 21,
  Z: 44,
  Numpad0: 82,
  Numpad1: 79,
  Numpad2: 80,
  Numpad3: 81,
  Numpad4: 75,
  Numpad5: 76,
  Numpad6: 77,
  Numpad7: 71,
  Numpad8: 72,
  Numpad9: 73,
  NumpadMultiply: 55,
  NumpadAdd: 78,
  NumpadSubtract: 74,
  NumpadDecimal: 83,
  NumpadDivide: 3637,
  F1: 59,
  F2: 60,
  F3: 61,
  F4: 62,
  F5: 63,
  F6: 64,
  F7: 65,
  F8: 66,
  F9: 67,
  F10: 68,
  F11: 87,
  F12: 88,
  F13: 91,
  F14: 92,
  F15: 93,
  F16: 99,
  F17: 100,
  F18: 101,
  F19: 102,
  F20: 103,
  F21: 104,
  F22: 105,
  F23: 106,
  F24: 107,
  Semicolon: 39,
  Equal: 13,
  Comma: 51,
  Minus: 12,
  Period: 52,
  Slash: 53,
  Backquote: 41,
  BracketLeft: 26,
  Backslash: 43,
  BracketRight: 27,
  Quote: 40,
  Ctrl: 29,
  CtrlRight: 3613,
  Alt: 56,
  AltRight: 3640,
  Shift: 42,
  ShiftRight: 54,
  Meta: 3675,
  MetaRight: 3676,
};

/** Accelerator key names that differ from uiohook's `UiohookKey` names. */
const HOOK_NAME: Readonly<Record<string, string>> = {
  Up: 'ArrowUp',
  Down: 'ArrowDown',
  Left: 'ArrowLeft',
  Right: 'ArrowRight',
  '-': 'Minus',
  '=': 'Equal',
  '[': 'BracketLeft',
  ']': 'BracketRight',
  '\\': 'Backslash',
  ';': 'Semicolon',
  "'": 'Quote',
  ',': 'Comma',
  '.': 'Period',
  '/': 'Slash',
  '`': 'Backquote',
  numdec: 'NumpadDecimal',
  numadd: 'NumpadAdd',
  numsub: 'NumpadSubtract',
  nummult: 'NumpadMultiply',
  numdiv: 'NumpadDivide',
};

type Modifier = 'ctrl' | 'alt' | 'shift' | 'meta';
const MODIFIER_KEYCODES: Readonly<Record<Modifier, readonly number[]>> = {
  ctrl: [UIOHOOK_KEYCODES.Ctrl!, UIOHOOK_KEYCODES.CtrlRight!],
  alt: [UIOHOOK_KEYCODES.Alt!, UIOHOOK_KEYCODES.AltRight!],
  shift: [UIOHOOK_KEYCODES.Shift!, UIOHOOK_KEYCODES.ShiftRight!],
  meta: [UIOHOOK_KEYCODES.Meta!, UIOHOOK_KEYCODES.MetaRight!],
};

/** A shortcut as the hook sees it: the key's scan code and exactly which modifiers are down. */
export interface HookCombo {
  keycode: number;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
}

/** The fields of a uiohook keyboard event the match reads. */
export interface HookKeyEvent {
  keycode: number;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

/** The hook's view of an accelerator on `platform` (CommandOrControl is ⌘ on macOS, Ctrl elsewhere); undefined if it has no key the hook knows. */
export function hookComboOf(accelerator: string, platform: string): HookCombo | undefined {
  const parsed = parseAccelerator(accelerator);
  if (!parsed) return undefined;
  const { key } = parsed;
  const name = HOOK_NAME[key] ?? (key.startsWith('num') ? `Numpad${key.slice(3)}` : key);
  const keycode = UIOHOOK_KEYCODES[name];
  if (keycode === undefined) return undefined;
  const mods = new Set(parsed.modifiers);
  const mac = platform === 'darwin';
  return {
    keycode,
    ctrl: mods.has('Control') || (!mac && mods.has('CommandOrControl')),
    meta: mods.has('Super') || (mac && mods.has('CommandOrControl')),
    alt: mods.has('Alt'),
    shift: mods.has('Shift'),
  };
}

/** The shortcut was pressed: its key, with exactly its modifiers (Ctrl+Shift+K is not Ctrl+K). */
export function isComboDown(combo: HookCombo, e: HookKeyEvent): boolean {
  return (
    e.keycode === combo.keycode &&
    e.ctrlKey === combo.ctrl &&
    e.altKey === combo.alt &&
    e.shiftKey === combo.shift &&
    e.metaKey === combo.meta
  );
}

/** While held, letting go of the key or of one of its modifiers ends the hold. */
export function isComboRelease(combo: HookCombo, e: Pick<HookKeyEvent, 'keycode'>): boolean {
  if (e.keycode === combo.keycode) return true;
  return (Object.keys(MODIFIER_KEYCODES) as Modifier[]).some((m) => combo[m] && MODIFIER_KEYCODES[m].includes(e.keycode));
}
