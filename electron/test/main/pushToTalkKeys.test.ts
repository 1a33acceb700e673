import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { globalShortcutSource } from '../../src/hotkey/globalShortcutSource.js';
import type { GlobalShortcutLike, HotkeyHandlers, HotkeySource } from '../../src/hotkey/hotkeySource.js';
import { PttMachine, type PttState } from '../../src/hotkey/pttMachine.js';
import { PushToTalkKeys, VOUCH_OWN_SHORTCUTS } from '../../src/hotkey/pushToTalkKeys.js';
import { uiohookHoldSource, type UiohookLike } from '../../src/hotkey/uiohookSource.js';
import type { HookKeyEvent } from '../../src/hotkey/uiohookKeys.js';
import { ManualTimers } from './helpers/timers.js';

/** A globalShortcut that other apps already own some shortcuts of. */
function registrar(takenByOthers: string[] = []) {
  const mine = new Map<string, () => void>();
  const gs: GlobalShortcutLike = {
    register: (acc, cb) => {
      if (takenByOthers.includes(acc) || mine.has(acc)) return false;
      mine.set(acc, cb);
      return true;
    },
    unregister: (acc) => void mine.delete(acc),
  };
  return { gs, mine, press: (acc: string) => mine.get(acc)?.() };
}

/** The key hook as uiohook-napi exposes it, driven by the test. */
function fakeHook(opts: { failStart?: boolean } = {}) {
  const em = new EventEmitter();
  const hook: UiohookLike & { started: boolean } = {
    started: false,
    on: (e, l) => em.on(e, l),
    off: (e, l) => em.off(e, l),
    start() {
      if (opts.failStart) throw new Error('no accessibility permission');
      this.started = true;
    },
    stop() {
      this.started = false;
    },
  };
  const ev = (keycode: number, mods: Partial<HookKeyEvent> = {}): HookKeyEvent => ({
    keycode,
    ctrlKey: false,
    altKey: false,
    shiftKey: false,
    metaKey: false,
    ...mods,
  });
  return {
    hook,
    down: (keycode: number, mods?: Partial<HookKeyEvent>) => em.emit('keydown', ev(keycode, mods)),
    up: (keycode: number, mods?: Partial<HookKeyEvent>) => em.emit('keyup', ev(keycode, mods)),
    listeners: () => em.listenerCount('keydown') + em.listenerCount('keyup'),
  };
}

const SPACE = 57;
const CTRL = 29;
const SHIFT = 42;
const K = 37;
const CTRL_SHIFT = { ctrlKey: true, shiftKey: true };

function setup(opts: { taken?: string[]; hookFails?: boolean; noHook?: boolean } = {}) {
  const timers = new ManualTimers();
  const reg = registrar(opts.taken);
  const hook = fakeHook({ failStart: opts.hookFails ?? false });
  const log: string[] = [];
  const states: PttState[] = [];
  const ptt = new PttMachine(
    { mode: 'toggle', timers },
    { onStart: () => log.push('start'), onStop: (r) => log.push(`stop:${r}`), onState: (s) => states.push(s) },
  );
  const keys = new PushToTalkKeys(
    {
      toggleSource: (acc) => globalShortcutSource(reg.gs, acc),
      holdSource: opts.noHook ? undefined : (acc) => uiohookHoldSource(hook.hook, reg.gs, acc, 'linux'),
      holdUnavailable: opts.noHook ? 'Hold to talk needs a display server (no DISPLAY is set).' : undefined,
      ownShortcuts: VOUCH_OWN_SHORTCUTS,
      mac: false,
    },
    { onDown: () => ptt.keyDown(), onUp: () => ptt.keyUp(), onMode: (m) => ptt.setMode(m) },
  );
  return { timers, reg, hook, log, states, ptt, keys };
}

describe('hold to talk over the key hook', () => {
  it('key down starts recording, key up stops it; auto-repeated key-downs are ignored', () => {
    const { keys, hook, ptt, log } = setup();
    expect(keys.apply('CommandOrControl+Shift+Space', 'hold')).toEqual({ ok: true });
    expect(ptt.mode).toBe('hold');
    expect(keys.status('x')).toEqual({ accelerator: 'CommandOrControl+Shift+Space', mode: 'hold' });
    hook.down(CTRL, { ctrlKey: true });
    hook.down(SHIFT, CTRL_SHIFT);
    hook.down(SPACE, CTRL_SHIFT);
    expect(ptt.state).toBe('listening');
    for (let i = 0; i < 5; i++) hook.down(SPACE, CTRL_SHIFT); // OS auto-repeat
    expect(log).toEqual(['start']);
    hook.up(SPACE, CTRL_SHIFT);
    expect(ptt.state).toBe('transcribing');
    expect(log).toEqual(['start', 'stop:key']);
  });

  it('letting go of a modifier first also ends the hold; other keys and combinations do nothing', () => {
    const { keys, hook, ptt, log } = setup();
    keys.apply('CommandOrControl+Shift+Space', 'hold');
    hook.down(SPACE, { ctrlKey: true }); // Ctrl+Space is another shortcut
    hook.down(K, CTRL_SHIFT);
    expect(ptt.state).toBe('idle');
    hook.down(SPACE, CTRL_SHIFT);
    hook.up(K, CTRL_SHIFT);
    expect(ptt.state).toBe('listening');
    hook.up(SHIFT, { ctrlKey: true });
    expect(log).toEqual(['start', 'stop:key']);
  });

  it('a hold cut short (screen locked, source stopped) stops the recording as a release would', () => {
    const { keys, hook, ptt, log } = setup();
    keys.apply('F9', 'hold');
    hook.down(67);
    expect(ptt.state).toBe('listening');
    keys.release();
    expect(log).toEqual(['start', 'stop:key']);
    ptt.transcriptionDone();
    hook.down(67);
    expect(ptt.state).toBe('listening');
    keys.stop(); // quitting while held
    expect(log).toEqual(['start', 'stop:key', 'start', 'stop:key']);
    expect(hook.listeners()).toBe(0);
    hook.up(67);
    expect(log).toHaveLength(4);
  });

  it('switching to toggle while held ends the hold; toggle then works with presses', () => {
    const { keys, hook, ptt, log, reg, timers } = setup();
    keys.apply('F9', 'hold');
    hook.down(67);
    keys.apply('F9', 'toggle');
    expect(ptt.mode).toBe('toggle');
    expect(log).toEqual(['start', 'stop:key']);
    ptt.transcriptionDone();
    hook.down(67); // the hook is detached: only the shortcut's presses count now
    expect(ptt.state).toBe('idle');
    timers.advance(1000);
    reg.press('F9');
    expect(ptt.state).toBe('listening');
  });

  it('falls back to toggle, saying why, when the hook is unavailable or cannot start', () => {
    const none = setup({ noHook: true });
    expect(none.keys.apply('F9', 'hold')).toEqual({ ok: true });
    expect(none.keys.status('x')).toEqual({
      accelerator: 'F9',
      mode: 'toggle',
      holdUnavailable: 'Hold to talk needs a display server (no DISPLAY is set).',
    });
    const failing = setup({ hookFails: true });
    expect(failing.keys.apply('F9', 'hold')).toEqual({ ok: true });
    expect(failing.ptt.mode).toBe('toggle');
    expect(failing.keys.status('x').holdUnavailable).toMatch(/could not start/);
    expect(failing.hook.listeners()).toBe(0);
    failing.reg.press('F9');
    expect(failing.ptt.state).toBe('listening');
  });
});

describe('changing the shortcut', () => {
  it('a shortcut another app owns is refused in words and the old one keeps working', () => {
    const { keys, reg, ptt } = setup({ taken: ['Alt+F4'] });
    keys.apply('CommandOrControl+Shift+Space', 'toggle');
    expect(keys.apply('Alt+F4', 'toggle')).toEqual({
      ok: false,
      reason: 'Alt+F4 is already used by another app, so Vouch cannot listen for it. Your shortcut stays Ctrl+Shift+Space.',
    });
    expect([...reg.mine.keys()]).toEqual(['CommandOrControl+Shift+Space']);
    reg.press('CommandOrControl+Shift+Space');
    expect(ptt.state).toBe('listening');
  });

  it('in hold mode too: the hook is given back to the old shortcut', () => {
    const { keys, reg, hook, ptt } = setup({ taken: ['Alt+F4'] });
    keys.apply('F9', 'hold');
    expect(keys.apply('Alt+F4', 'hold')).toMatchObject({ ok: false, reason: expect.stringMatching(/Your shortcut stays F9\.$/) });
    expect([...reg.mine.keys()]).toEqual(['F9']);
    hook.down(67);
    expect(ptt.state).toBe('listening');
    expect(keys.status('x')).toEqual({ accelerator: 'F9', mode: 'hold' });
  });

  it("one of Vouch's own shortcuts is refused before anything is registered", () => {
    const { keys, reg } = setup();
    keys.apply('F9', 'toggle');
    expect(keys.apply('CommandOrControl+Enter', 'toggle')).toEqual({
      ok: false,
      reason: "Ctrl+Enter is one of Vouch's own shortcuts (it sends the open draft). Choose another combination.",
    });
    expect([...reg.mine.keys()]).toEqual(['F9']);
  });

  it('an accelerator the system rejects outright is refused in words and the old one stays', () => {
    const reg = registrar();
    const keys = new PushToTalkKeys(
      {
        toggleSource: (acc) =>
          globalShortcutSource(
            {
              ...reg.gs,
              register: (a, cb) => {
                if (a === 'Alt+`') throw new Error('Error processing argument at index 0, conversion failure');
                return reg.gs.register(a, cb);
              },
            },
            acc,
          ),
        mac: false,
      },
      { onDown() {}, onUp() {}, onMode() {} },
    );
    keys.apply('F9', 'toggle');
    expect(keys.apply('Alt+`', 'toggle')).toEqual({
      ok: false,
      reason: 'Alt+` cannot be used as a shortcut on this system. Your shortcut stays F9.',
    });
    expect([...reg.mine.keys()]).toEqual(['F9']);
  });

  it('a new free shortcut replaces the old one', () => {
    const { keys, reg } = setup();
    keys.apply('F9', 'toggle');
    expect(keys.apply('Alt+Shift+K', 'toggle')).toEqual({ ok: true });
    expect([...reg.mine.keys()]).toEqual(['Alt+Shift+K']);
  });

  it('taken at start: nothing is registered and Settings shows the problem until a free one is chosen', () => {
    const { keys, reg } = setup({ taken: ['CommandOrControl+Shift+Space'] });
    expect(keys.apply('CommandOrControl+Shift+Space', 'toggle').ok).toBe(false);
    expect(keys.status('x').problem).toMatch(/already used by another app.*Choose another shortcut in Settings/);
    expect(keys.apply('F9', 'toggle')).toEqual({ ok: true });
    expect(keys.status('x')).toEqual({ accelerator: 'F9', mode: 'toggle' });
    expect([...reg.mine.keys()]).toEqual(['F9']);
  });
});

describe('hotkey source port', () => {
  it('on macOS a refused hook asks for the Accessibility permission', () => {
    const reg = registrar();
    const hook = fakeHook({ failStart: true });
    const src = uiohookHoldSource(hook.hook, reg.gs, 'F9', 'darwin');
    expect(() => src.start({ onDown() {} })).toThrow(/Privacy & Security → Accessibility/);
    expect(reg.mine.size).toBe(0);
    expect(hook.listeners()).toBe(0);
  });

  it('a hold source reports a taken shortcut like a toggle source, without attaching to the hook', () => {
    const reg = registrar(['F9']);
    const hook = fakeHook();
    const src: HotkeySource = uiohookHoldSource(hook.hook, reg.gs, 'F9', 'linux');
    const h: HotkeyHandlers = { onDown() {} };
    expect(src.start(h)).toBe(false);
    expect(hook.listeners()).toBe(0);
  });
});

describe("paused (the tray's Pause listening)", () => {
  it('pausing a hold in progress ends it and lets go of shortcut and hook; resume takes them back in hold', () => {
    const { keys, hook, ptt, log, reg } = setup();
    keys.apply('F9', 'hold');
    hook.down(67);
    expect(ptt.state).toBe('listening');
    keys.pause();
    expect(log).toEqual(['start', 'stop:key']);
    expect([...reg.mine.keys()]).toEqual([]);
    expect(hook.listeners()).toBe(0);
    ptt.transcriptionDone();
    hook.down(67); // the key no longer reaches Vouch
    expect(ptt.state).toBe('idle');
    expect(keys.resume()).toEqual({ ok: true });
    expect([...reg.mine.keys()]).toEqual(['F9']);
    expect(keys.status('x')).toEqual({ accelerator: 'F9', mode: 'hold' });
    hook.down(67);
    expect(ptt.state).toBe('listening');
  });

  it('a change while paused is checked but stays unregistered; resume registers the changed one; a taken one is refused', () => {
    const { keys, ptt, reg } = setup({ taken: ['Alt+F4'] });
    keys.apply('CommandOrControl+Shift+Space', 'toggle');
    keys.pause();
    expect(keys.apply('Alt+F9', 'toggle')).toEqual({ ok: true });
    expect([...reg.mine.keys()]).toEqual([]);
    expect(keys.status('x')).toEqual({ accelerator: 'Alt+F9', mode: 'toggle' });
    expect(keys.apply('Alt+F4', 'toggle')).toEqual({
      ok: false,
      reason: 'Alt+F4 is already used by another app, so Vouch cannot listen for it. Your shortcut stays Alt+F9.',
    });
    expect([...reg.mine.keys()]).toEqual([]);
    expect(keys.resume()).toEqual({ ok: true });
    expect([...reg.mine.keys()]).toEqual(['Alt+F9']);
    reg.press('Alt+F9');
    expect(ptt.state).toBe('listening');
  });

  it('taken by another app while paused: resume says so and Settings shows the problem', () => {
    const { keys, reg } = setup();
    keys.apply('F9', 'toggle');
    keys.pause();
    reg.gs.register('F9', () => {}); // another app took it meanwhile
    expect(keys.resume()).toMatchObject({ ok: false });
    expect(keys.status('x').problem).toMatch(/F9 is already used by another app/);
  });
});
