import { ACCELERATOR_MODIFIERS, acceleratorLabel, isAccelerator } from '../../../electron/src/bridge/contract.js';

/**
 * "Change…" in Settings: the person presses the combination they want, and each keydown is turned
 * into an Electron accelerator here (pure: no DOM, the caller passes the event's fields). Keys are
 * read from `code`, the physical key, so a shortcut means the same keys whatever the keyboard
 * layout types; Ctrl on Windows and Linux and ⌘ on a Mac both become `CommandOrControl`.
 */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

export type RecordedKey =
  /** Escape on its own: recording stops, the shortcut stays as it was. */
  | { kind: 'cancel' }
  /** Only modifiers so far; `label` shows what is held (`Ctrl+Shift+…`). */
  | { kind: 'partial'; label: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'accelerator'; accelerator: string; label: string };

const MODIFIER_CODES = /^(Control|Shift|Alt|Meta|OS)(Left|Right)?$|^(AltGraph|Fn|FnLock|Hyper|Super)$/;

const NAMED: Record<string, string> = {
  Space: 'Space',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Enter: 'Enter',
  NumpadEnter: 'Enter',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backquote: '`',
  NumpadDecimal: 'numdec',
  NumpadAdd: 'numadd',
  NumpadSubtract: 'numsub',
  NumpadMultiply: 'nummult',
  NumpadDivide: 'numdiv',
};

/** The accelerator key name for a physical key, or undefined when shortcuts cannot use it. */
export function acceleratorKeyOf(code: string): string | undefined {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1];
  const digit = /^Digit([0-9])$/.exec(code);
  if (digit) return digit[1];
  const numpad = /^Numpad([0-9])$/.exec(code);
  if (numpad) return `num${numpad[1]}`;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code;
  return NAMED[code];
}

function modifiersOf(k: KeyPress, mac: boolean): string[] {
  const held = new Set<string>();
  if (mac) {
    if (k.metaKey) held.add('CommandOrControl');
    if (k.ctrlKey) held.add('Control');
  } else {
    if (k.ctrlKey) held.add('CommandOrControl');
    if (k.metaKey) held.add('Super');
  }
  if (k.altKey) held.add('Alt');
  if (k.shiftKey) held.add('Shift');
  return ACCELERATOR_MODIFIERS.filter((m) => held.has(m));
}

export function recordKey(k: KeyPress, mac: boolean): RecordedKey {
  const modifiers = modifiersOf(k, mac);
  if (k.key === 'Escape' && modifiers.length === 0) return { kind: 'cancel' };
  if (MODIFIER_CODES.test(k.code) || ['Control', 'Shift', 'Alt', 'Meta', 'AltGraph', 'OS'].includes(k.key)) {
    // The label of the modifiers with a placeholder key, the key then shown as "…" until it is pressed.
    const label = modifiers.length ? `${acceleratorLabel([...modifiers, 'A'].join('+'), mac).slice(0, -1)}…` : '…';
    return { kind: 'partial', label };
  }
  const key = acceleratorKeyOf(k.code);
  if (!key)
    return {
      kind: 'refused',
      reason: 'That key cannot be part of a shortcut. Try a combination such as Ctrl+Shift+Space, or a function key.',
    };
  const accelerator = [...modifiers, key].join('+');
  if (!isAccelerator(accelerator))
    return {
      kind: 'refused',
      reason: `${acceleratorLabel(accelerator, mac)} alone would type instead of talking. Hold ${mac ? '⌘, ⌃ or ⌥' : 'Ctrl or Alt'} with it, or use a function key such as F9.`,
    };
  return { kind: 'accelerator', accelerator, label: acceleratorLabel(accelerator, mac) };
}
