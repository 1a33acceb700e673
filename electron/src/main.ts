/**
 * Electron main entry: thin wiring of OS pieces (tray, popover, hotkey, safeStorage, shell, IPC)
 * onto the plain, tested modules. Owns the token store, the session, the backend link and the STT
 * engine; the renderer only displays what it is sent through the bridge.
 */
import { app, BrowserWindow, globalShortcut, ipcMain, net, protocol, safeStorage, session as electronSession, shell, type WebContents } from 'electron';
import Store from 'electron-store';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import type { BridgeEvent, AuthState, LinkState, RecordingState } from './bridge/contract.js';
import { APP_SCHEME, type AppOrigin, devOrigin, isAppUrl, PACKAGED_ENTRY, PACKAGED_ORIGIN } from './appOrigin.js';
import { createAuditClient, createAuditExporter } from './app/auditClient.js';
import { createPreauthClient } from './app/preauthClient.js';
import { createConnectFlow } from './app/connectFlow.js';
import { createUnlinkFlow } from './app/unlinkFlow.js';
import { AppController } from './app/controller.js';
import { SettingsStore } from './app/settings.js';
import { createMemoryClient } from './app/memoryClient.js';
import { createRulesClient } from './app/rulesClient.js';
import type { SttEngineLike } from './app/sttPort.js';
import { createOidcAuthClient, discover } from './auth/oidc.js';
import { AuthSession } from './auth/session.js';
import { TokenStore } from './auth/tokenStore.js';
import { type DesktopConfig, loadConfig } from './config.js';
import { createDesktopLogger } from './log.js';
import { globalShortcutSource } from './hotkey/globalShortcutSource.js';
import { registerBridgeHandlers } from './ipc/bridgeRegistry.js';
import { EVENT_CHANNEL } from './ipc/channels.js';
import { createSenderPolicy } from './ipc/senderPolicy.js';
import { LinkClient } from './link/linkClient.js';
import { createPopover, showPopoverUnder } from './popover.js';
import { contentTypeFor, rendererFileFor } from './rendererFiles.js';
import { contentSecurityPolicy, createExternalOpener } from './security.js';
import { hardenSession, hardenWebContents } from './securityWiring.js';
import { createTray } from './tray.js';
import type { TrayAction } from './trayMenu.js';

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
  const settingsKv = { get: (k: string) => settingsFile.get(k), set: (k: string, v: unknown) => settingsFile.set(k, v), delete: (k: string) => settingsFile.delete(k) };
  const tokenStore = new TokenStore(safeStorage, { get: (k) => store.get(k), set: (k, v) => store.set(k, v), delete: (k) => store.delete(k) });
  const realTimers = {
    now: () => Date.now(),
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout),
  };
  const oidcConfig = await discover({ issuer: cfg.issuer, clientId: cfg.clientId, audience: cfg.audience, allowHttp: cfg.allowHttp });
  const session = new AuthSession(createOidcAuthClient({ config: oidcConfig, audience: cfg.audience, openExternal, loopbackPorts: cfg.loopbackPorts }), tokenStore, realTimers, { log });

  // What the renderer last saw, replayed when it (re)loads.
  const last: { auth?: AuthState; link?: LinkState; recording?: RecordingState; stt?: BridgeEvent } = {};
  let trayUpdate: ((s: Parameters<ReturnType<typeof createTray>['update']>[0]) => void) | undefined;
  const refreshTray = () =>
    trayUpdate?.({
      auth: last.auth ?? { signedIn: false },
      link: last.link ?? 'offline',
      recording: last.recording ?? 'idle',
      launchAtLogin: app.getLoginItemSettings().openAtLogin,
      hotkey: cfg.hotkey,
    });
  const emit = (event: BridgeEvent) => {
    if (event.type === 'auth') last.auth = event.state;
    if (event.type === 'link') last.link = event.state;
    if (event.type === 'recording') last.recording = event.state;
    if (event.type === 'stt_model') last.stt = event;
    if (event.type === 'auth' || event.type === 'link' || event.type === 'recording') refreshTray();
    if (popover && !popover.isDestroyed()) popover.webContents.send(EVENT_CHANNEL, event);
  };

  let controller!: AppController;
  const link = new LinkClient({
    url: cfg.wsUrl,
    getAccessToken: () => (session.state.signedIn ? session.getAccessToken() : Promise.resolve(undefined)),
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    onFrame: (f) => controller.onFrame(f),
    onState: (s) => controller.onLinkState(s),
    onUnauthenticated: () => controller.onUnauthenticated(),
    log,
  });
  const hotkey = globalShortcutSource(globalShortcut, cfg.hotkey);
  controller = new AppController({
    session,
    link,
    stt: await startSpeechModel(cfg, resourcesDir),
    connect: createConnectFlow({ session, config: oidcConfig, issuer: cfg.issuer, openExternal, allowHttp: cfg.allowHttp, loopbackPorts: cfg.loopbackPorts }),
    unlink: createUnlinkFlow({ session, config: oidcConfig, issuer: cfg.issuer, openExternal, loopbackPorts: cfg.loopbackPorts }),
    getAudit: createAuditClient({ backendUrl: cfg.backendUrl, getAccessToken: () => session.getAccessToken() }),
    preauth: createPreauthClient({ backendUrl: cfg.backendUrl, getAccessToken: () => session.getAccessToken() }),
    // Issue 15: the person's settings in electron-store (its own file), applied live by the controller.
    memory: createMemoryClient({ backendUrl: cfg.backendUrl, getAccessToken: () => session.getAccessToken() }),
    rules: createRulesClient({ backendUrl: cfg.backendUrl, getAccessToken: () => session.getAccessToken() }),
    exportAudit: createAuditExporter({ backendUrl: cfg.backendUrl, getAccessToken: () => session.getAccessToken() }),
    settings: new SettingsStore(settingsKv),
    systemTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    emit,
    newId: () => `t-${randomUUID()}`,
    timers: realTimers,
    pttMode: hotkey.mode,
    log,
  });

  registerBridgeHandlers({
    ipcMain,
    isTrustedSender: createSenderPolicy({ origin, trustedWebContentsId: () => (popover && !popover.isDestroyed() ? popover.webContents.id : undefined) }),
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
    ]) if (e) popover!.webContents.send(EVENT_CHANNEL, e);
  });

  const { tray, update } = createTray({
    resourcesDir,
    onClick: () => togglePopover(),
    onAction: (a) => void onTrayAction(a),
  });
  trayUpdate = update;
  refreshTray();

  const togglePopover = () => {
    if (!popover) return;
    if (popover.isVisible()) popover.hide();
    else showPopoverUnder(popover, tray.getBounds());
  };
  const onTrayAction = async (action: TrayAction) => {
    switch (action) {
      case 'open':
      case 'connectedAccounts':
      case 'audit':
        // The renderer decides which sheet to show; main only opens the popover.
        if (popover && !popover.isVisible()) showPopoverUnder(popover, tray.getBounds());
        return;
      case 'introduction':
        if (popover && !popover.isVisible()) showPopoverUnder(popover, tray.getBounds());
        return controller.showOnboarding();
      case 'signIn':
        return Promise.resolve(controller.handlers.signIn()).catch(() => {});
      case 'signOut':
        return controller.handlers.signOut();
      case 'toggleLaunchAtLogin':
        app.setLoginItemSettings({ openAtLogin: !app.getLoginItemSettings().openAtLogin });
        return refreshTray();
      case 'quit':
        return app.quit();
    }
  };

  if (!hotkey.start({ onDown: () => controller.hotkeyDown() })) log.warn({ accelerator: cfg.hotkey }, 'push-to-talk shortcut is taken by another app');
  app.on('second-instance', () => popover && showPopoverUnder(popover, tray.getBounds()));
  app.on('will-quit', () => {
    hotkey.stop();
    link.stop({ keepOutbox: true });
  });
  app.on('window-all-closed', () => {
    /* tray app: keep running */
  });

  await controller.start();
}

/**
 * The speech model, loaded and warmed in its worker at start when present. When missing, a packaged
 * app downloads it at once (through Electron's net.fetch); development and e2e runs only with
 * VOUCH_MODEL_AUTO_DOWNLOAD=1, so test runs never fetch 41 MB. The popover's "Speech model" row is
 * not wired yet: state changes are only logged here.
 */
async function startSpeechModel(cfg: DesktopConfig, resourcesDir: string): Promise<SttEngineLike | undefined> {
  try {
    const { createAppSpeechModel } = await import('./stt/app-speech-model.js');
    const speech = await createAppSpeechModel({
      fetch: (url, init) => net.fetch(url, init),
      userDataDir: app.getPath('userData'),
      resourcesDir,
      userSelectedDir: cfg.whisperModelDir,
      env: cfg.speechEnv,
    });
    speech.on('state', (s) => {
      if (s.status !== 'downloading' && s.status !== 'loading') log.info({ status: s.status, ...(s.status === 'failed' ? { code: s.code } : {}) }, 'speech model');
    });
    const autoDownload = cfg.modelAutoDownload;
    void speech
      .start()
      .then(() => (autoDownload && speech.state.status === 'missing' ? speech.download() : undefined))
      .catch(() => undefined);
    return speech.sttEngine;
  } catch (err) {
    log.warn({ error: err instanceof Error ? err.name : 'unknown' }, 'speech engine unavailable');
    return undefined;
  }
}
