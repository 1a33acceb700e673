/**
 * Electron main entry: thin wiring of OS pieces (tray, popover, hotkey, safeStorage, shell, IPC,
 * net.fetch, the folder picker) onto the composition the desktop host shares (app/composeDesktop.ts).
 * Owns the token store, the session, the backend link and the speech model; the renderer only
 * displays what it is sent through the bridge.
 */
import {
  app,
  BrowserWindow,
  dialog,
  globalShortcut,
  ipcMain,
  net,
  powerMonitor,
  protocol,
  safeStorage,
  session as electronSession,
  shell,
  type WebContents,
} from 'electron';
import Store from 'electron-store';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import {
  AppSettings,
  type BridgeEvent,
  type AuthState,
  type LinkState,
  type RecordingState,
  type SpeechModelEvent,
} from './bridge/contract.js';
import { composeDesktopApp } from './app/composeDesktop.js';
import { createDesktopShell, type DesktopShell } from './app/desktopShell.js';
import { APP_SCHEME, type AppOrigin, devOrigin, isAppUrl, PACKAGED_ENTRY, PACKAGED_ORIGIN } from './appOrigin.js';
import { TokenStore } from './auth/tokenStore.js';
import { openHistoryFile } from './app/history/historyFile.js';
import { keystoreHistoryCipher } from './app/history/keystoreCipher.js';
import { type DesktopConfig, loadConfig, withBackendFromSettings } from './config.js';
import { createDesktopLogger } from './log.js';
import { globalShortcutSource } from './hotkey/globalShortcutSource.js';
import { VOUCH_OWN_SHORTCUTS } from './hotkey/pushToTalkKeys.js';
import { loadUiohook, uiohookHoldSource } from './hotkey/uiohookSource.js';
import { electronLoginItem } from './loginItem/electronLoginItem.js';
import { xdgAutostart } from './loginItem/xdgAutostart.js';
import { registerBridgeHandlers } from './ipc/bridgeRegistry.js';
import { EVENT_CHANNEL } from './ipc/channels.js';
import { createSenderPolicy } from './ipc/senderPolicy.js';
import { createOsNotifier } from './notifications/osNotifications.js';
import { createPopover, showPopoverUnder } from './popover.js';
import { contentTypeFor, rendererFileFor } from './rendererFiles.js';
import { contentSecurityPolicy, createExternalOpener } from './security.js';
import { hardenSession, hardenWebContents } from './securityWiring.js';
import type { SpeechModel } from './stt/speech-model.js';
import { createTray } from './tray.js';

const here = dirname(fileURLToPath(import.meta.url));
// Structured, content-free logging: objects carry kinds and codes, never tokens or transcripts.
// Until the log file is open (start()), only start-up failures are written, to stderr.
let log: Pick<Logger, 'info' | 'warn' | 'error'> = {
  info: () => {},
  warn: (o: unknown, m?: string) => console.warn(m, JSON.stringify(o)),
  error: (o: unknown, m?: string) => console.error(m, JSON.stringify(o)),
} as unknown as Pick<Logger, 'info' | 'warn' | 'error'>;

// Must run before `ready`: a standard, secure scheme gives the renderer a real origin (getUserMedia
// requires a secure context; `file://` has an opaque origin we could not check senders against).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// The only read of the environment: validated once (packaged builds refuse plain http to remote hosts).
let cfg: DesktopConfig | undefined;
try {
  cfg = loadConfig(process.env, app.isPackaged);
} catch (err) {
  log.error({ error: err instanceof Error ? err.message : 'unknown' }, 'invalid configuration');
  app.exit(1);
}

// Development and e2e runs may point at a throwaway profile (never honoured in packaged builds).
if (cfg?.userDataDir) app.setPath('userData', cfg.userDataDir);

if (!cfg) {
  // exiting: app.exit above
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const config = cfg;
  void app
    .whenReady()
    .then(() => start(config))
    .catch((err: unknown) => {
      log.warn({ error: err instanceof Error ? err.name : 'unknown' }, 'start-up failed');
      app.quit();
    });
}

async function start(cfg: DesktopConfig): Promise<void> {
  log = createDesktopLogger({ dir: join(app.getPath('userData'), 'logs'), level: cfg.logLevel, echo: !app.isPackaged }).logger;
  const rendererDir = join(here, '../renderer');
  const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(here, '../../resources');
  const dev = cfg.rendererDevUrl ? devOrigin(cfg.rendererDevUrl) : undefined;
  const origin: AppOrigin = dev ?? PACKAGED_ORIGIN;
  const entryUrl = dev ? cfg.rendererDevUrl! : PACKAGED_ENTRY;
  const csp = contentSecurityPolicy([]);
  if (process.platform === 'darwin') app.dock?.hide(); // menu-bar app (LSUIElement in the bundle too)
  // Windows shows an app's notifications under its AppUserModelID: electron-builder's appId.
  if (process.platform === 'win32') app.setAppUserModelId('app.vouch.desktop');

  // Serve the built renderer from vouch://app/ with path confinement.
  protocol.handle(APP_SCHEME, async (req) => {
    const file = rendererFileFor(req.url, rendererDir, PACKAGED_ORIGIN);
    if (!file || !existsSync(file)) return new Response('not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).href);
    return new Response(res.body, { status: 200, headers: { 'content-type': contentTypeFor(file), 'content-security-policy': csp } });
  });

  const openExternal = createExternalOpener({ hosts: cfg.externalHosts }, (url) => shell.openExternal(url), log);

  let popover: BrowserWindow | undefined;
  const isPopover = (wc: WebContents | null) => !!wc && !!popover && !popover.isDestroyed() && wc.id === popover.webContents.id;
  hardenSession(electronSession.defaultSession, { origin, isPopover, csp, isRendererUrl: (u) => isAppUrl(u, origin) });
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents, openExternal));

  // Token store: refresh token sealed by the OS keystore, in electron-store's JSON file.
  const store = new Store<Record<string, unknown>>({ name: 'vouch-auth' });
  const settingsFile = new Store<Record<string, unknown>>({ name: 'vouch-settings' });
  const settingsKv = {
    get: (k: string) => settingsFile.get(k),
    set: (k: string, v: unknown) => settingsFile.set(k, v),
    delete: (k: string) => settingsFile.delete(k),
  };
  const tokenStore = new TokenStore(safeStorage, {
    get: (k) => store.get(k),
    set: (k, v) => store.set(k, v),
    delete: (k) => store.delete(k),
  });

  // Development only: a backend chosen in Settings, from the next start (packaged builds use the configured one).
  const storedBackend = AppSettings.shape.backendUrl.safeParse(
    (settingsFile.get('settings') as { backendUrl?: unknown } | undefined)?.backendUrl,
  );
  if (storedBackend.success) {
    try {
      cfg = withBackendFromSettings(cfg, process.env, app.isPackaged, storedBackend.data);
    } catch (err) {
      log.warn(
        { error: err instanceof Error ? err.message : 'unknown' },
        'the backend URL from Settings is not usable; using the configured one',
      );
    }
  }

  // What the renderer last saw, replayed when it (re)loads.
  const last: {
    auth?: AuthState;
    link?: LinkState;
    recording?: RecordingState;
    stt?: BridgeEvent;
    speech?: SpeechModelEvent;
    settings?: Extract<BridgeEvent, { type: 'settings' }>;
  } = {};
  // The tray and OS notifications (app/desktopShell.ts) follow every event too.
  let desktopShell: DesktopShell | undefined;
  const emit = (event: BridgeEvent) => {
    if (event.type === 'auth') last.auth = event.state;
    if (event.type === 'link') last.link = event.state;
    if (event.type === 'recording') last.recording = event.state;
    if (event.type === 'stt_model') last.stt = event;
    if (event.type === 'speech_model') last.speech = event;
    if (event.type === 'settings') last.settings = event;
    if (popover && !popover.isDestroyed()) popover.webContents.send(EVENT_CHANNEL, event);
    desktopShell?.observe(event);
  };

  // The same composition as the desktop host (app/composeDesktop.ts); only the OS pieces are Electron's.
  // Hold to talk needs the key hook (an optional native addon); without it, toggle, and Settings says why.
  const hook = await loadUiohook(process.platform, cfg.desktopEnv);
  if ('unavailable' in hook) log.info({ reason: hook.unavailable }, 'hold to talk unavailable');
  const mac = process.platform === 'darwin';
  const loginItem =
    process.platform === 'linux'
      ? xdgAutostart({
          exec: cfg.desktopEnv.APPIMAGE ?? process.execPath,
          // An unpackaged run is the Electron binary plus the app's folder.
          args: app.isPackaged ? [] : [app.getAppPath()],
          env: cfg.desktopEnv,
        })
      : electronLoginItem(app);
  // One settings file: the person's settings (SettingsStore) and the remembered speech model folder.
  const speechModelDir = settingsFile.get('speechModelDir');
  const speech = await createSpeechModel(cfg, resourcesDir, typeof speechModelDir === 'string' ? speechModelDir : undefined);
  const {
    controller,
    link,
    desktop: systemSettings,
  } = await composeDesktopApp(
    {
      issuer: cfg.issuer,
      clientId: cfg.clientId,
      audience: cfg.audience,
      backendUrl: cfg.backendUrl,
      wsUrl: cfg.wsUrl,
      allowHttp: cfg.allowHttp,
      loopbackPorts: cfg.loopbackPorts,
    },
    {
      tokenStore,
      openExternal,
      emit,
      speech,
      // A page never names a path: "Use a folder…" always asks with the native picker, and the folder is
      // remembered once a model loads from it.
      chooseSpeechModelFolder: async () => {
        const picked = await (popover && !popover.isDestroyed()
          ? dialog.showOpenDialog(popover, { title: 'Choose a speech model folder', properties: ['openDirectory'] })
          : dialog.showOpenDialog({ title: 'Choose a speech model folder', properties: ['openDirectory'] }));
        const dir = picked.canceled ? undefined : picked.filePaths[0];
        if (dir && speech) {
          const remember = (state: SpeechModel['state']) => {
            if (state.status === 'ready' && state.modelDir === dir) settingsFile.set('speechModelDir', dir);
            if (state.status === 'ready' || state.status === 'failed') speech.off('state', remember);
          };
          speech.on('state', remember);
        }
        return dir;
      },
      settingsStore: settingsKv,
      // The conversation, per person, sealed by the same keystore under the token store's rule.
      history: {
        kv: openHistoryFile(({ clearInvalidConfig }) => {
          const file = new Store<Record<string, unknown>>({ name: 'vouch-history', clearInvalidConfig });
          return { get: (k) => file.get(k), set: (k, v) => file.set(k, v), delete: (k) => file.delete(k) };
        }, log),
        cipher: keystoreHistoryCipher(safeStorage, tokenStore),
      },
      desktop: {
        keys: {
          toggleSource: (accelerator) => globalShortcutSource(globalShortcut, accelerator),
          holdSource:
            'hook' in hook ? (accelerator) => uiohookHoldSource(hook.hook, globalShortcut, accelerator, process.platform) : undefined,
          holdUnavailable: 'unavailable' in hook ? hook.unavailable : undefined,
          ownShortcuts: VOUCH_OWN_SHORTCUTS,
          mac,
        },
        defaultHotkey: cfg.hotkey,
        loginItem,
        backend: { url: cfg.backendUrl, editable: !app.isPackaged },
        mac,
        log,
      },
      log,
    },
  );

  registerBridgeHandlers({
    ipcMain,
    isTrustedSender: createSenderPolicy({
      origin,
      trustedWebContentsId: () => (popover && !popover.isDestroyed() ? popover.webContents.id : undefined),
    }),
    handlers: controller.handlers,
    log,
  });

  popover = createPopover({ preload: join(here, '../preload/index.cjs'), entryUrl });
  popover.webContents.on('did-finish-load', () => {
    for (const e of [
      last.auth && { type: 'auth', state: last.auth },
      last.link && { type: 'link', state: last.link },
      last.recording && { type: 'recording', state: last.recording },
      last.stt,
      last.speech,
      last.settings,
    ])
      if (e) popover!.webContents.send(EVENT_CHANNEL, e);
  });

  const { tray, update } = createTray({
    resourcesDir,
    onClick: () => togglePopover(),
    onAction: (a) => void desktop.trayAction(a),
  });

  const showPopover = () => {
    if (popover && !popover.isDestroyed() && !popover.isVisible()) showPopoverUnder(popover, tray.getBounds());
  };
  const togglePopover = () => {
    if (!popover) return;
    if (popover.isVisible()) popover.hide();
    else showPopoverUnder(popover, tray.getBounds());
  };
  const desktop = createDesktopShell({
    controller,
    emit,
    showPopover,
    isPopoverVisible: () => !!popover && !popover.isDestroyed() && popover.isVisible(),
    notify: createOsNotifier((intent) => desktop.openNotification(intent)),
    renderTray: update,
    // The one owner of the push-to-talk shortcut (registered at controller.start, changed from
    // Settings): "Pause listening" lets go of it and Resume restores the one set last.
    pushToTalk: systemSettings,
    hotkeyLabel: cfg.hotkey,
    quit: () => app.quit(),
    log,
  });
  desktopShell = desktop;
  const replay: (BridgeEvent | undefined)[] = [
    last.auth && { type: 'auth', state: last.auth },
    last.link && { type: 'link', state: last.link },
    last.speech,
    last.settings,
  ];
  for (const e of replay) if (e) desktop.observe(e);
  desktop.refreshTray();

  // A hold whose key-up is lost (the screen locked, the computer slept) must not keep the microphone open.
  powerMonitor.on('lock-screen', () => systemSettings?.releaseHeldKey());
  powerMonitor.on('suspend', () => systemSettings?.releaseHeldKey());
  app.on('second-instance', () => popover && showPopoverUnder(popover, tray.getBounds()));
  app.on('will-quit', () => {
    systemSettings?.stop();
    if ('hook' in hook) hook.hook.stop();
    link.stop({ keepOutbox: true });
  });
  app.on('window-all-closed', () => {
    /* tray app: keep running */
  });

  await controller.start();
  // A packaged app fetches a missing model at once; development and e2e runs only with
  // VOUCH_MODEL_AUTO_DOWNLOAD=1, so test runs never fetch 41 MB.
  if (speech && cfg.modelAutoDownload) void speech.start().then(() => (speech.state.status === 'missing' ? speech.download() : undefined));
}

/**
 * The speech model (downloads through Electron's net.fetch: the OS proxy and certificate store).
 * AppController loads it at start when present and shows its state in the popover's row and the tray.
 */
async function createSpeechModel(
  cfg: DesktopConfig,
  resourcesDir: string,
  rememberedDir: string | undefined,
): Promise<SpeechModel | undefined> {
  try {
    const { createAppSpeechModel } = await import('./stt/app-speech-model.js');
    const speech = await createAppSpeechModel({
      fetch: (url, init) => net.fetch(url, init),
      userDataDir: app.getPath('userData'),
      resourcesDir,
      userSelectedDir: cfg.whisperModelDir ?? rememberedDir,
      env: cfg.speechEnv,
    });
    speech.on('state', (s) => {
      if (s.status !== 'downloading' && s.status !== 'loading')
        log.info({ status: s.status, ...(s.status === 'failed' ? { code: s.code } : {}) }, 'speech model');
    });
    return speech;
  } catch (err) {
    log.warn({ error: err instanceof Error ? err.name : 'unknown' }, 'speech engine unavailable');
    return undefined;
  }
}
