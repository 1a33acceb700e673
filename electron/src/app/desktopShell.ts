import type { BridgeEvent } from '../bridge/contract.js';
import type { MainHandlers } from '../ipc/bridgeRegistry.js';
import type { TrayAction, TrayMenuState } from '../trayMenu.js';
import { type NotificationIntent, NotificationPlanner } from './notifications/notificationPlanner.js';
import { TrayStateTracker } from './trayState.js';

/**
 * What surrounds the popover: the tray (its menu and icon, "Pause listening") and OS notifications,
 * driven by the controller's events. Electron-free: main.ts plugs in Electron's Tray and
 * Notification; the demo's desktop host plugs in its dev tray strip and the page's Web
 * Notifications. Both then behave the same, and this is where that behaviour is tested.
 * The shell registers no shortcut itself: the push-to-talk keys have one owner (SystemSettings,
 * which Settings changes), and "Pause listening" asks that owner to let go of them.
 */
export interface PushToTalkOwner {
  /** Unregisters the shortcut in force (toggle or hold) until `resume`. */
  pause(): void;
  /** Registers the shortcut set last again; false when another app holds it now. */
  resume(): boolean;
  /** The shortcut in force, as the tray shows it. */
  hotkeyLabel(): string;
}

export interface DesktopShellPorts {
  controller: {
    handlers: Pick<MainHandlers, 'signIn' | 'signOut' | 'startListening' | 'stopListening' | 'updateSettings'>;
    showOnboarding(): void;
  };
  /** Sends an event to the popover's page (the same sink the controller emits into). */
  emit(event: BridgeEvent): void;
  showPopover(): void;
  isPopoverVisible(): boolean;
  /** Shows one OS notification; its click must call `openNotification(intent)`. */
  notify(intent: NotificationIntent): void;
  /** Draws the tray's menu and icon (both derived from `state` by trayMenu / trayIconName). */
  renderTray(state: TrayMenuState): void;
  /** The push-to-talk keys' owner; "Pause listening" goes through it. Absent: Pause only disables Talk. */
  pushToTalk?: PushToTalkOwner | undefined;
  /** The tray's hotkey label when there is no owner to ask. */
  hotkeyLabel?: string;
  quit?(): void;
  systemTimeZone?: string;
  now?: () => number;
  log?: { warn(obj: Record<string, unknown>, msg: string): void };
}

export interface DesktopShell {
  /** Every event the controller emits passes through here too. */
  observe(event: BridgeEvent): void;
  trayAction(action: TrayAction): Promise<void>;
  /** A notification was clicked: the popover opens on its draft. */
  openNotification(intent: Pick<NotificationIntent, 'draftId'>): void;
  readonly paused: boolean;
  trayState(): TrayMenuState;
  refreshTray(): void;
}

export function createDesktopShell(ports: DesktopShellPorts): DesktopShell {
  const now = ports.now ?? Date.now;
  const planner = new NotificationPlanner({ systemTimeZone: ports.systemTimeZone, now });
  const tracker = new TrayStateTracker();
  const log = ports.log ?? { warn() {} };
  let paused = false;
  // Launch at login as Settings last reported it (the setting is applied to the system before it is stored).
  let launchAtLogin = false;

  const trayState = (): TrayMenuState => ({
    ...tracker.snapshot(now()),
    paused,
    hotkey: ports.pushToTalk?.hotkeyLabel() ?? ports.hotkeyLabel ?? '',
    launchAtLogin,
  });
  const refreshTray = () => ports.renderTray(trayState());
  const quietly = (what: string, run: () => unknown) =>
    Promise.resolve()
      .then(run)
      .then(
        () => undefined,
        (err: unknown) => log.warn({ action: what, error: err instanceof Error ? err.name : 'unknown' }, 'tray action failed'),
      );

  return {
    observe(event) {
      // The shortcut did nothing (no speech model yet): open the popover, where the reason is shown.
      if (event.type === 'talk_refused') ports.showPopover();
      const settingsChanged = event.type === 'settings';
      if (settingsChanged) launchAtLogin = event.settings.launchAtLogin;
      // A settings event may carry a new shortcut or launch at login: the tray shows them.
      if (tracker.observe(event) || settingsChanged) refreshTray();
      const intent = planner.observe(event, ports.isPopoverVisible());
      if (intent) ports.notify(intent);
    },
    openNotification(intent) {
      ports.showPopover();
      if (intent.draftId) ports.emit({ type: 'focus_draft', draftId: intent.draftId });
    },
    async trayAction(action) {
      switch (action) {
        case 'open':
        case 'connectedAccounts':
        case 'audit':
          return ports.showPopover();
        case 'settings':
          ports.showPopover();
          return ports.emit({ type: 'show_settings' });
        case 'introduction':
          ports.showPopover();
          return ports.controller.showOnboarding();
        case 'talk': {
          if (paused) return;
          ports.showPopover();
          const { recording } = tracker.snapshot(now());
          // Refused (no speech model yet): the popover, now open, shows why and offers the download.
          return quietly('talk', () =>
            recording === 'idle' ? ports.controller.handlers.startListening() : ports.controller.handlers.stopListening(),
          );
        }
        case 'togglePause':
          paused = !paused;
          if (paused) {
            ports.pushToTalk?.pause();
            // Pausing while the microphone is open closes it: "paused" must mean not listening.
            if (tracker.snapshot(now()).recording === 'listening') await quietly('pause', () => ports.controller.handlers.stopListening());
          } else if (ports.pushToTalk && !ports.pushToTalk.resume()) log.warn({}, 'push-to-talk shortcut is taken by another app');
          return refreshTray();
        case 'signIn':
          return quietly('signIn', () => ports.controller.handlers.signIn());
        case 'signOut':
          return quietly('signOut', () => ports.controller.handlers.signOut());
        case 'toggleLaunchAtLogin':
          // Through Settings, so the setting, the system (the login-item port) and the popover agree;
          // redrawn after, so a refused change does not leave the checkbox as clicked.
          await quietly('toggleLaunchAtLogin', () => ports.controller.handlers.updateSettings({ launchAtLogin: !launchAtLogin }));
          return refreshTray();
        case 'quit':
          return ports.quit?.();
      }
    },
    get paused() {
      return paused;
    },
    trayState,
    refreshTray,
  };
}
