import Conf from 'conf';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AuthState, BridgeEvent, LinkState, RecordingState } from '../../../electron/src/bridge/contract.js';
import { composeDesktopApp, type DesktopApp, type DesktopSettings } from '../../../electron/src/app/composeDesktop.js';
import { createDesktopShell, type DesktopShell } from '../../../electron/src/app/desktopShell.js';
import { type TrayAction, trayIconName, trayMenu } from '../../../electron/src/trayMenu.js';
import { trayTooltip } from '../../../electron/src/trayTooltip.js';
import { createAppSpeechModel } from '../../../electron/src/stt/app-speech-model.js';
import type { SpeechModel } from '../../../electron/src/stt/speech-model.js';
import type { KeyValueStore } from '../../../electron/src/auth/tokenStore.js';
import { createExternalOpener } from '../../../electron/src/security.js';
import { openHistoryFile } from '../../../electron/src/app/history/historyFile.js';
import { devHistoryCipher } from './devHistoryCipher.js';
import { DevFileTokenStore } from './devTokenStore.js';
import { VOUCH_OWN_SHORTCUTS } from '../../../electron/src/hotkey/pushToTalkKeys.js';
import { xdgAutostart } from '../../../electron/src/loginItem/xdgAutostart.js';
import { fakeShortcuts, type FakeShortcuts } from './fakeShortcuts.js';
import { startPopoverServer } from './popoverServer.js';
import { createHostTransport, type HostTransport } from './transport.js';

/**
 * DEVELOPMENT ONLY: the "desktop host". The desktop app's real main-process logic (AppController,
 * link client, auth session, connect/unlink flows, the Whisper engine in its worker) running in
 * plain Node, with the OS pieces swapped for plain ones behind the app's ports: `conf` for
 * electron-store, a plain-text token file for safeStorage (DevFileTokenStore), no tray, and the
 * person's own browser as the "system browser" (the popover opens a tab; the loopback callback
 * lands here, as it does in the app). The browser popover attaches through the host transport.
 */
export interface DesktopHostOptions {
  settings: DesktopSettings;
  /** Where the host keeps its settings and the development token file. */
  dataDir: string;
  /** The popover's port (0: any free one). */
  port?: number;
  /**
   * A Whisper model folder (VOUCH_WHISPER_MODEL_DIR), used before a downloaded one. Without either,
   * the popover's "Speech model" row offers the download (into <dataDir>/models, with Node's fetch).
   */
  whisperModelDir?: string | undefined;
  /** The model host (VOUCH_MODEL_BASE_URL): a mirror, or a local server in tests. */
  modelBaseUrl?: string | undefined;
  /** Where resources/models/<name>.json (the pinned manifest) is read; tests pass one of their own. */
  modelResourcesDir?: string;
  /** Download at start when missing (VOUCH_MODEL_AUTO_DOWNLOAD=1); never by default, so tests and CI fetch nothing. */
  modelAutoDownload?: boolean;
  /** Hosts the "system browser" may be sent to besides the tenant's. */
  externalHosts?: string[];
  /** Vite's cache folder (tests keep theirs apart). */
  cacheDir?: string;
  log?: { info(obj: Record<string, unknown>, msg: string): void; warn(obj: Record<string, unknown>, msg: string): void };
  /** Told every URL the host opens in the browser (the demo prints it, in case the tab was blocked). */
  onOpenExternal?(url: string): void;
}

export interface DesktopHost {
  /** The popover's URL: no token, no secret in it. */
  url: string;
  origin: string;
  app: DesktopApp;
  speech: SpeechModel;
  transport: HostTransport;
  /** The tray and notifications around the popover, as in the app (the page's dev tray strip shows them). */
  shell: DesktopShell;
  /** The host's refresh-token store (tests check that sign-out empties it). */
  tokenStore: DevFileTokenStore;
  /** The push-to-talk shortcuts the host registered (no Electron here): tests press them. */
  shortcuts: FakeShortcuts;
  /** Launch at login writes an XDG autostart entry here (inside the data folder, never the person's own). */
  autostartFile: string;
  close(): Promise<void>;
}

export async function startDesktopHost(opts: DesktopHostOptions): Promise<DesktopHost> {
  const log = opts.log ?? { info() {}, warn() {} };
  mkdirSync(opts.dataDir, { recursive: true });
  // electron-store is conf with Electron's paths; the host gives conf a folder of its own.
  const conf = new Conf<Record<string, unknown>>({ cwd: resolve(opts.dataDir), configName: 'vouch-auth', configFileMode: 0o600 });
  const kv: KeyValueStore = { get: (k) => conf.get(k), set: (k, v) => conf.set(k, v), delete: (k) => conf.delete(k) };

  // What the popover last saw, replayed when it (re)attaches, as main.ts does on did-finish-load.
  const last: {
    auth?: AuthState;
    link?: LinkState;
    recording?: RecordingState;
    stt?: BridgeEvent;
    speech?: BridgeEvent;
    settings?: BridgeEvent;
  } = {};
  let transport: HostTransport | undefined;
  let shell: DesktopShell | undefined;
  const emit = (event: BridgeEvent) => {
    if (event.type === 'auth') last.auth = event.state;
    if (event.type === 'link') last.link = event.state;
    if (event.type === 'recording') last.recording = event.state;
    if (event.type === 'stt_model') last.stt = event;
    if (event.type === 'speech_model') last.speech = event;
    if (event.type === 'settings') last.settings = event;
    transport?.emit(event);
    shell?.observe(event);
  };

  const secret = randomBytes(32).toString('base64url');
  const server = await startPopoverServer({
    port: opts.port ?? 0,
    secret,
    transport: () => transport!,
    ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}),
  });

  const tenantHost = new URL(opts.settings.issuer).host;
  const openExternal = createExternalOpener(
    { hosts: [tenantHost, ...(opts.externalHosts ?? [])] },
    async (url) => {
      opts.onOpenExternal?.(url);
      if (!transport?.openInBrowser(url))
        log.warn({ host: new URL(url).host }, 'no popover attached to open the browser; open the printed link');
    },
    log,
  );

  // The app's own speech model assembly, with Node's fetch where the app injects Electron's net.fetch.
  const speech = await createAppSpeechModel({
    fetch: (url, init) => fetch(url, init),
    userDataDir: resolve(opts.dataDir),
    resourcesDir: opts.modelResourcesDir ?? join(import.meta.dirname, '../../../resources'),
    userSelectedDir: opts.whisperModelDir,
    env: { VOUCH_MODEL_BASE_URL: opts.modelBaseUrl },
  });
  const tokenStore = new DevFileTokenStore(kv);
  const settingsConf = new Conf<Record<string, unknown>>({ cwd: resolve(opts.dataDir), configName: 'vouch-settings' });
  const historyKeyFile = new Conf<Record<string, unknown>>({
    cwd: resolve(opts.dataDir),
    configName: 'vouch-history-key',
    configFileMode: 0o600,
  });
  // The OS pieces of the desktop settings: a registrar that refuses a known set of shortcuts, and an
  // XDG autostart entry in a folder of the host's own.
  const shortcuts = fakeShortcuts();
  const loginItem = xdgAutostart({ exec: process.execPath, env: { XDG_CONFIG_HOME: join(resolve(opts.dataDir), 'xdg-config') } });
  const app = await composeDesktopApp(opts.settings, {
    tokenStore,
    settingsStore: { get: (k) => settingsConf.get(k), set: (k, v) => settingsConf.set(k, v), delete: (k) => settingsConf.delete(k) },
    // The conversation across popover reloads and host restarts, sealed as the app seals it (dev key; see devHistoryCipher).
    history: {
      kv: openHistoryFile(({ clearInvalidConfig }) => {
        const file = new Conf<Record<string, unknown>>({
          cwd: resolve(opts.dataDir),
          configName: 'vouch-history',
          configFileMode: 0o600,
          clearInvalidConfig,
        });
        return { get: (k) => file.get(k), set: (k, v) => file.set(k, v), delete: (k) => file.delete(k) };
      }, log),
      cipher: devHistoryCipher({
        get: (k) => historyKeyFile.get(k),
        set: (k, v) => historyKeyFile.set(k, v),
        delete: (k) => historyKeyFile.delete(k),
      }),
    },
    openExternal,
    emit,
    speech,
    // Development only: the popover's typed path stands in for the app's native folder picker.
    chooseSpeechModelFolder: async (typed) => typed,
    desktop: {
      keys: {
        toggleSource: (accelerator) => shortcuts.source(accelerator, 'toggle'),
        holdSource: (accelerator) => shortcuts.source(accelerator, 'hold'),
        ownShortcuts: VOUCH_OWN_SHORTCUTS,
        mac: false,
      },
      defaultHotkey: 'CommandOrControl+Shift+Space',
      loginItem,
      // The demo's backend is the one the launcher started: shown, not editable.
      backend: { url: opts.settings.backendUrl, editable: false },
      mac: false,
      log,
    },
    log,
  });

  // The app's tray and notifications (app/desktopShell.ts); the page draws them (renderer/src/dev/).
  const trayMessage = () => {
    const state = desktop.trayState();
    const icon = trayIconName(state);
    return { type: 'tray', items: trayMenu(state), icon, tooltip: trayTooltip(icon, state.speech) } as const;
  };
  const desktop = createDesktopShell({
    controller: app.controller,
    emit,
    showPopover: () => transport?.sendShell({ type: 'show_popover' }),
    isPopoverVisible: () => transport?.popoverVisible ?? false,
    notify: (intent) => transport?.sendShell({ type: 'notify', intent }),
    renderTray: () => transport?.sendShell(trayMessage()),
    // The host's push-to-talk keys (fakeShortcuts) have the app's one owner: Pause lets go of them there too.
    pushToTalk: app.desktop,
    hotkeyLabel: 'Ctrl+Shift+Space',
    log,
  });
  shell = desktop;

  transport = createHostTransport({
    origin: server.origin,
    secret,
    handlers: app.controller.handlers,
    log,
    onAttach: (send) => {
      for (const e of [
        last.auth && ({ type: 'auth', state: last.auth } as const),
        last.link && ({ type: 'link', state: last.link } as const),
        last.recording && ({ type: 'recording', state: last.recording } as const),
        last.stt,
        last.speech,
        last.settings,
      ])
        if (e) send(e);
    },
    shell: {
      trayAction: (action) => {
        if (isTrayAction(action)) void desktop.trayAction(action);
      },
      notificationClick: (draftId) => desktop.openNotification(draftId ? { draftId } : {}),
      onAttach: (send) => send(trayMessage()),
    },
  });
  await app.controller.start();
  if (opts.modelAutoDownload) void speech.start().then(() => (speech.state.status === 'missing' ? speech.download() : undefined));

  return {
    url: `${server.origin}/`,
    origin: server.origin,
    app,
    speech,
    transport,
    shell: desktop,
    tokenStore,
    shortcuts,
    autostartFile: loginItem.file,
    close: async () => {
      app.desktop?.stop();
      speech.cancelDownload();
      app.link.stop();
      transport?.close();
      await server.close();
      await app.controller.dispose();
    },
  };
}

const TRAY_ACTIONS: ReadonlySet<string> = new Set<TrayAction>([
  'open',
  'talk',
  'settings',
  'togglePause',
  'signIn',
  'signOut',
  'connectedAccounts',
  'audit',
  'introduction',
  'toggleLaunchAtLogin',
  'quit',
]);
function isTrayAction(action: string): action is TrayAction {
  return TRAY_ACTIONS.has(action);
}
