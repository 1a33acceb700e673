import { randomUUID } from 'node:crypto';
import type { BridgeEvent } from '../bridge/contract.js';
import { createOidcAuthClient, discover } from '../auth/oidc.js';
import { AuthSession, type SessionLog } from '../auth/session.js';
import type { KeyValueStore, RefreshTokenStore } from '../auth/tokenStore.js';
import type { PttMode, PttTimers } from '../hotkey/pttMachine.js';
import type { Backoff } from '../link/backoff.js';
import { LinkClient, type LinkTimers } from '../link/linkClient.js';
import { createAccountSettingsClient } from './accountSettingsClient.js';
import { createAuditClient, createAuditExporter } from './auditClient.js';
import { createConnectFlow } from './connectFlow.js';
import { ConversationHistory, type HistoryCipher } from './history/conversationHistory.js';
import { AppController } from './controller.js';
import { createMemoryClient } from './memoryClient.js';
import { createPreauthClient } from './preauthClient.js';
import { createRulesClient } from './rulesClient.js';
import { SettingsStore } from './settings.js';
import { SystemSettings, type SystemSettingsPorts } from './systemSettings.js';
import { PushToTalkKeys, type PushToTalkKeyPorts } from '../hotkey/pushToTalkKeys.js';
import type { SpeechModelPort, SttEngineLike } from './sttPort.js';
import { createUnlinkFlow } from './unlinkFlow.js';

/**
 * The desktop client's main-process logic, assembled from its Electron-free parts: the auth session,
 * the backend link, the Connected Accounts connect/unlink flows, the audit and pre-authorization
 * clients and the STT engine, behind one `AppController`. The OS pieces come in as ports (token
 * store, browser opener, event sink), so the same client runs in Electron and, for the browser demo
 * and its end-to-end suite, in plain Node (backend/standins/desktopHost/).
 */
export interface DesktopSettings {
  issuer: string;
  clientId: string;
  audience: string;
  backendUrl: string;
  wsUrl: string;
  /** http issuers on loopback only (the dev tenant). */
  allowHttp: boolean;
  /** Loopback callback ports, tried in order (default: DEFAULT_LOOPBACK_PORTS); each registered at the tenant. */
  loopbackPorts?: readonly number[];
}

interface DesktopPorts {
  tokenStore: RefreshTokenStore;
  /** Where the person's settings are kept (electron-store in the app, conf in the desktop host). */
  settingsStore?: KeyValueStore;
  /** The conversation history's file and keystore (the token store's persistence rule). */
  history?: { kv: KeyValueStore; cipher: HistoryCipher };
  /** The system browser (already behind the external-link policy). */
  openExternal(url: string): Promise<void>;
  emit(event: BridgeEvent): void;
  stt?: SttEngineLike | undefined;
  /** The speech model with its download (in place of `stt`; see ControllerDeps.speech). */
  speech?: SpeechModelPort | undefined;
  /** "Use a folder…": the app's native picker, or the typed path in the development host. */
  chooseSpeechModelFolder?(typed: string | undefined): Promise<string | undefined>;
  timers?: PttTimers & LinkTimers;
  pttMode?: PttMode;
  /** Push-to-talk keys and launch at login (Electron's in the app; fakes and an XDG file in a temp folder in the desktop host). */
  desktop?: Omit<SystemSettingsPorts, 'keys'> & { keys?: PushToTalkKeyPorts };
  timezone?: string;
  backoff?: Backoff;
  log?: SessionLog & { info(obj: Record<string, unknown>, msg: string): void };
}

export interface DesktopApp {
  controller: AppController;
  session: AuthSession;
  link: LinkClient;
  desktop?: SystemSettings | undefined;
}

const realTimers: PttTimers & LinkTimers = {
  now: () => Date.now(),
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout),
};

export async function composeDesktopApp(settings: DesktopSettings, ports: DesktopPorts): Promise<DesktopApp> {
  const timers = ports.timers ?? realTimers;
  const log = ports.log ?? { info() {}, warn() {} };
  const { openExternal } = ports;
  const config = await discover({
    issuer: settings.issuer,
    clientId: settings.clientId,
    audience: settings.audience,
    allowHttp: settings.allowHttp,
  });
  const loopback = settings.loopbackPorts ? { loopbackPorts: settings.loopbackPorts } : {};
  const session = new AuthSession(
    createOidcAuthClient({ config, audience: settings.audience, openExternal, ...loopback }),
    ports.tokenStore,
    timers,
    { log },
  );
  let controller!: AppController;
  const systemTimeZone = ports.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const link = new LinkClient({
    url: settings.wsUrl,
    getAccessToken: () => (session.state.signedIn ? session.getAccessToken() : Promise.resolve(undefined)),
    timezone: systemTimeZone,
    onFrame: (f) => controller.onFrame(f),
    onState: (s) => controller.onLinkState(s),
    onUnauthenticated: () => controller.onUnauthenticated(),
    timers,
    ...(ports.backoff ? { backoff: ports.backoff } : {}),
    log,
  });
  const getAccessToken = () => session.getAccessToken();
  const desktop =
    ports.desktop &&
    new SystemSettings({
      ...ports.desktop,
      keys:
        ports.desktop.keys &&
        new PushToTalkKeys(ports.desktop.keys, {
          onDown: () => controller.hotkeyDown(),
          onUp: () => controller.hotkeyUp(),
          onMode: (mode) => controller.ptt.setMode(mode),
        }),
    });
  controller = new AppController({
    session,
    link,
    stt: ports.stt,
    speech: ports.speech,
    ...(ports.chooseSpeechModelFolder ? { chooseSpeechModelFolder: ports.chooseSpeechModelFolder } : {}),
    connect: createConnectFlow({ session, config, issuer: settings.issuer, openExternal, allowHttp: settings.allowHttp, ...loopback }),
    unlink: createUnlinkFlow({ session, config, issuer: settings.issuer, openExternal, ...loopback }),
    getAudit: createAuditClient({ backendUrl: settings.backendUrl, getAccessToken }),
    preauth: createPreauthClient({ backendUrl: settings.backendUrl, getAccessToken }),
    memory: createMemoryClient({ backendUrl: settings.backendUrl, getAccessToken }),
    rules: createRulesClient({ backendUrl: settings.backendUrl, getAccessToken }),
    accountSettings: createAccountSettingsClient({ backendUrl: settings.backendUrl, getAccessToken }),
    ...(ports.settingsStore ? { settings: new SettingsStore(ports.settingsStore), systemTimeZone, desktop } : {}),
    ...(ports.history ? { history: new ConversationHistory({ ...ports.history, log }) } : {}),
    exportAudit: createAuditExporter({ backendUrl: settings.backendUrl, getAccessToken }),
    emit: ports.emit,
    newId: () => `t-${randomUUID()}`,
    timers,
    ...(ports.pttMode ? { pttMode: ports.pttMode } : {}),
    log,
  });
  return { controller, session, link, desktop };
}
