import Conf from 'conf';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type BridgeEvent } from '../../src/bridge/contract.js';
import { AppController } from '../../src/app/controller.js';
import { createDesktopShell } from '../../src/app/desktopShell.js';
import { SystemSettings } from '../../src/app/systemSettings.js';
import { SettingsStore } from '../../src/app/settings.js';
import type { AuthSession } from '../../src/auth/session.js';
import type { KeyValueStore } from '../../src/auth/tokenStore.js';
import { globalShortcutSource } from '../../src/hotkey/globalShortcutSource.js';
import type { GlobalShortcutLike } from '../../src/hotkey/hotkeySource.js';
import { PushToTalkKeys } from '../../src/hotkey/pushToTalkKeys.js';
import type { LinkClient } from '../../src/link/linkClient.js';
import { xdgAutostart } from '../../src/loginItem/xdgAutostart.js';
import type { TrayMenuState } from '../../src/trayMenu.js';
import { ManualTimers } from './helpers/timers.js';

/** Desktop settings end to end in the controller: a real settings file, a shortcut registrar, an XDG autostart folder. */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function world(opts: { dir?: string; taken?: string[]; backendEditable?: boolean } = {}) {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'vouch-desktop-'));
  if (!opts.dir) dirs.push(dir);
  const conf = new Conf<Record<string, unknown>>({ cwd: dir, configName: 'vouch-settings' });
  const kv: KeyValueStore = { get: (k) => conf.get(k), set: (k, v) => conf.set(k, v), delete: (k) => conf.delete(k) };
  const registered = new Map<string, () => void>();
  const gs: GlobalShortcutLike = {
    register: (acc, cb) => (opts.taken?.includes(acc) ? false : (registered.set(acc, cb), true)),
    unregister: (acc) => void registered.delete(acc),
  };
  const loginItem = xdgAutostart({ exec: '/opt/Vouch/vouch', env: { XDG_CONFIG_HOME: join(dir, 'xdg') } });
  const events: BridgeEvent[] = [];
  const observers: ((e: BridgeEvent) => void)[] = [];
  const session = { state: { signedIn: true, user: { sub: 'auth0|alex' } }, onChange: () => () => {}, restore: async () => false };
  const link = { send: () => '', setTimezone() {}, setVoice() {}, start() {} };
  let controller!: AppController;
  const desktop = new SystemSettings({
    keys: new PushToTalkKeys(
      { toggleSource: (acc) => globalShortcutSource(gs, acc), holdUnavailable: 'Hold to talk needs a display server.', mac: false },
      { onDown: () => controller.hotkeyDown(), onUp: () => controller.hotkeyUp(), onMode: (m) => controller.ptt.setMode(m) },
    ),
    defaultHotkey: 'CommandOrControl+Shift+Space',
    loginItem,
    backend: { url: 'https://vouch.example.com/', editable: opts.backendEditable ?? false },
    mac: false,
  });
  controller = new AppController({
    session: session as unknown as AuthSession,
    link: link as unknown as LinkClient,
    connect: async () => {},
    // A speech engine that is ready at once: the shortcut only records once speech can be recognised.
    stt: { load: async () => {}, transcribe: async () => ({ text: '' }) },
    getAudit: async () => ({ entries: [], verified: { ok: true, count: 0 } }),
    settings: new SettingsStore(kv),
    desktop,
    systemTimeZone: 'Europe/Paris',
    emit: (e) => {
      events.push(e);
      for (const o of observers) o(e);
    },
    newId: () => 't-1',
    timers: new ManualTimers(),
  });
  const lastSettings = () => events.filter((e) => e.type === 'settings').at(-1) as Extract<BridgeEvent, { type: 'settings' }>;
  return { dir, controller, desktop, registered, loginItem, lastSettings, observers };
}

describe('desktop settings applied by the controller', () => {
  it('registers the configured shortcut at start and reports what is in force', async () => {
    const { controller, registered, lastSettings } = world();
    await controller.start();
    await controller.loadModel();
    expect([...registered.keys()]).toEqual(['CommandOrControl+Shift+Space']);
    expect(lastSettings().desktop).toEqual({
      hotkey: { accelerator: 'CommandOrControl+Shift+Space', mode: 'toggle', holdUnavailable: 'Hold to talk needs a display server.' },
      loginItem: { available: true },
      backend: { url: 'https://vouch.example.com/', editable: false },
      mac: false,
    });
    registered.get('CommandOrControl+Shift+Space')!();
    expect(controller.ptt.state).toBe('listening');
  });

  it('a new shortcut is registered and kept across restarts; a taken one is refused in words and nothing changes', async () => {
    const first = world({ taken: ['CommandOrControl+Alt+T'] });
    await first.controller.start();
    expect(await first.controller.handlers.updateSettings({ hotkey: 'Alt+F9' })).toMatchObject({ hotkey: 'Alt+F9' });
    expect([...first.registered.keys()]).toEqual(['Alt+F9']);
    await expect(async () => first.controller.handlers.updateSettings({ hotkey: 'CommandOrControl+Alt+T' })).rejects.toMatchObject({
      code: 'REQUEST_FAILED',
      message: 'Ctrl+Alt+T is already used by another app, so Vouch cannot listen for it. Your shortcut stays Alt+F9.',
    });
    expect((await first.controller.handlers.getSettings()).hotkey).toBe('Alt+F9');
    const again = world({ dir: first.dir });
    await again.controller.start();
    expect([...again.registered.keys()]).toEqual(['Alt+F9']);
  });

  it('hold asked for where the hook is unavailable: stored, and toggle in force with the reason', async () => {
    const { controller, lastSettings } = world();
    await controller.start();
    await controller.handlers.updateSettings({ hotkeyMode: 'hold' });
    expect(lastSettings().settings.hotkeyMode).toBe('hold');
    expect(lastSettings().desktop?.hotkey).toMatchObject({ mode: 'toggle', holdUnavailable: expect.any(String) });
    expect(controller.ptt.mode).toBe('toggle');
  });

  it('launch at login writes and removes the autostart entry; at start the setting follows the system', async () => {
    const first = world();
    await first.controller.start();
    await first.controller.handlers.updateSettings({ launchAtLogin: true });
    expect(existsSync(first.loginItem.file)).toBe(true);
    await first.controller.handlers.updateSettings({ launchAtLogin: false });
    expect(existsSync(first.loginItem.file)).toBe(false);
    // Turned on outside Vouch: the next start shows it on.
    await first.loginItem.setEnabled(true);
    const again = world({ dir: first.dir });
    await again.controller.start();
    expect((await again.controller.handlers.getSettings()).launchAtLogin).toBe(true);
  });

  it('one change with a taken shortcut and launch at login: refused whole, the autostart entry is not left behind', async () => {
    const { controller, loginItem, registered } = world({ taken: ['Alt+F4'] });
    await controller.start();
    await expect(async () => controller.handlers.updateSettings({ launchAtLogin: true, hotkey: 'Alt+F4' })).rejects.toMatchObject({
      code: 'REQUEST_FAILED',
    });
    expect(existsSync(loginItem.file)).toBe(false);
    expect(await controller.handlers.getSettings()).toEqual(DEFAULT_SETTINGS);
    expect([...registered.keys()]).toEqual(['CommandOrControl+Shift+Space']);
  });

  it('launch at login the system will not take is refused in words', async () => {
    const { controller, dir } = world();
    await controller.start();
    // The autostart folder cannot be created: a file is in the way.
    writeFileSync(join(dir, 'xdg'), 'not a folder');
    await expect(async () => controller.handlers.updateSettings({ launchAtLogin: true })).rejects.toMatchObject({
      code: 'REQUEST_FAILED',
      message: 'Vouch could not add itself to the apps opened at login.',
    });
    expect((await controller.handlers.getSettings()).launchAtLogin).toBe(false);
  });

  it('the backend URL can be changed only where it is editable (development)', async () => {
    const packaged = world();
    await packaged.controller.start();
    await expect(async () => packaged.controller.handlers.updateSettings({ backendUrl: 'https://evil.example/' })).rejects.toMatchObject({
      code: 'REQUEST_FAILED',
    });
    expect((await packaged.controller.handlers.getSettings()).backendUrl).toBeNull();
    const dev = world({ backendEditable: true });
    await dev.controller.start();
    expect(await dev.controller.handlers.updateSettings({ backendUrl: 'http://127.0.0.1:9999/' })).toMatchObject({
      backendUrl: 'http://127.0.0.1:9999/',
    });
    expect(DEFAULT_SETTINGS.backendUrl).toBeNull();
  });

  it("the tray's Pause listening unregisters the shortcut Settings registered; one changed while paused stays off until Resume restores it", async () => {
    const { controller, desktop, registered, observers } = world({ taken: ['Alt+F4'] });
    const trays: TrayMenuState[] = [];
    const shell = createDesktopShell({
      controller,
      emit() {},
      showPopover() {},
      isPopoverVisible: () => false,
      notify() {},
      renderTray: (t) => void trays.push(t),
      pushToTalk: desktop,
    });
    observers.push((e) => shell.observe(e));
    await controller.start();
    await controller.loadModel();
    expect([...registered.keys()]).toEqual(['CommandOrControl+Shift+Space']);
    expect(trays.at(-1)).toMatchObject({ hotkey: 'Ctrl+Shift+Space', paused: false });

    await shell.trayAction('togglePause');
    expect([...registered.keys()]).toEqual([]);

    // Changed in Settings while paused: stored and shown, but listening is not switched back on.
    expect(await controller.handlers.updateSettings({ hotkey: 'Alt+F9' })).toMatchObject({ hotkey: 'Alt+F9' });
    expect([...registered.keys()]).toEqual([]);
    expect(trays.at(-1)).toMatchObject({ hotkey: 'Alt+F9', paused: true });
    // A conflict is still reported while paused, and the changed shortcut stays the one to restore.
    await expect(async () => controller.handlers.updateSettings({ hotkey: 'Alt+F4' })).rejects.toMatchObject({
      code: 'REQUEST_FAILED',
      message: 'Alt+F4 is already used by another app, so Vouch cannot listen for it. Your shortcut stays Alt+F9.',
    });
    expect([...registered.keys()]).toEqual([]);

    await shell.trayAction('togglePause');
    expect([...registered.keys()]).toEqual(['Alt+F9']);
    expect(trays.at(-1)).toMatchObject({ hotkey: 'Alt+F9', paused: false });
    registered.get('Alt+F9')!();
    expect(controller.ptt.state).toBe('listening');
  });
});
