import type { BridgeEvent } from '../bridge/contract.js';
import type { MainHandlers } from '../ipc/bridgeRegistry.js';
import type { TrayAction, TrayMenuState } from '../trayMenu.js';
import { type NotificationIntent, NotificationPlanner } from './notifications/notificationPlanner.js';
import { TrayStateTracker } from './trayState.js';

/**
 * What surrounds the popover: the tray (its menu and icon, "Pause listening") and OS notifications,
 * driven by the controller's events. Electron-free: main.ts plugs in Electron's Tray, Notification
 * and globalShortcut; the demo's desktop host plugs in its dev tray strip and the page's Web
 * Notifications. Both then behave the same, and this is where that behaviour is tested.
 */
export interface HotkeySourceLike {
  start(handlers: { onDown(): void; onUp?(): void }): boolean;
  stop(): void;
}

export interface DesktopShellPorts {
  controller: {
    handlers: Pick<MainHandlers, 'signIn' | 'signOut' | 'startListening' | 'stopListening'>;
    hotkeyDown(): void;
    hotkeyUp(): void;
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
  /** The push-to-talk shortcut; "Pause listening" releases it. Absent in the demo (no global shortcut). */
  hotkey?: HotkeySourceLike;
  hotkeyLabel: string;
  launchAtLogin?: { get(): boolean; toggle(): void };
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
  /** Registers the push-to-talk shortcut (unless paused); false when another app holds it. */
  startHotkey(): boolean;
  stopHotkey(): void;
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
  let hotkeyOn = false;

  const trayState = (): TrayMenuState => ({
    ...tracker.snapshot(now()),
    paused,
    hotkey: ports.hotkeyLabel,
    launchAtLogin: ports.launchAtLogin?.get() ?? false,
  });
  const refreshTray = () => ports.renderTray(trayState());
  const startHotkey = () => {
    // Nothing to register without a shortcut (the demo) or while paused.
    if (!ports.hotkey || paused) return true;
    if (!hotkeyOn) hotkeyOn = ports.hotkey.start({ onDown: () => ports.controller.hotkeyDown(), onUp: () => ports.controller.hotkeyUp() });
    return hotkeyOn;
  };
  const stopHotkey = () => {
    if (hotkeyOn) ports.hotkey?.stop();
    hotkeyOn = false;
  };
  const quietly = (what: string, run: () => unknown) =>
    Promise.resolve()
      .then(run)
      .then(
        () => undefined,
        (err: unknown) => log.warn({ action: what, error: err instanceof Error ? err.name : 'unknown' }, 'tray action failed'),
      );

  return {
    observe(event) {
      if (tracker.observe(event)) refreshTray();
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
            stopHotkey();
            // Pausing while the microphone is open closes it: "paused" must mean not listening.
            if (tracker.snapshot(now()).recording === 'listening') await quietly('pause', () => ports.controller.handlers.stopListening());
          } else if (!startHotkey()) log.warn({}, 'push-to-talk shortcut is taken by another app');
          return refreshTray();
        case 'signIn':
          return quietly('signIn', () => ports.controller.handlers.signIn());
        case 'signOut':
          return quietly('signOut', () => ports.controller.handlers.signOut());
        case 'toggleLaunchAtLogin':
          ports.launchAtLogin?.toggle();
          return refreshTray();
        case 'quit':
          return ports.quit?.();
      }
    },
    startHotkey,
    stopHotkey,
    get paused() {
      return paused;
    },
    trayState,
    refreshTray,
  };
}
