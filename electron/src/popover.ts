import { app, BrowserWindow, screen, type Rectangle } from 'electron';
import { POPOVER_WEB_PREFERENCES } from './popoverPrefs.js';
import { popoverPosition } from './popoverPosition.js';

/**
 * The popover: a frameless, non-resizable window under the tray icon, shown on demand and hidden
 * when it loses focus. The renderer runs with the full Electron hardening set; its only reach into
 * main is the preload bridge.
 */
const POPOVER_SIZE = { width: 380, height: 560 };

export function createPopover(opts: { preload: string; entryUrl: string }): BrowserWindow {
  const win = new BrowserWindow({
    ...POPOVER_SIZE,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    transparent: false,
    webPreferences: { ...POPOVER_WEB_PREFERENCES, preload: opts.preload, devTools: !app.isPackaged },
  });
  // Hide on blur, but not in the instant the tray click that opened it is still being processed
  // (menubar uses the same delay): otherwise a click on the icon would close and reopen it.
  let blurTimer: NodeJS.Timeout | undefined;
  win.on('blur', () => {
    blurTimer = setTimeout(() => {
      if (!win.isDestroyed() && !win.webContents.isDevToolsOpened()) win.hide();
    }, 100);
  });
  win.on('focus', () => clearTimeout(blurTimer));
  void win.loadURL(opts.entryUrl);
  return win;
}

export function showPopoverUnder(win: BrowserWindow, trayBounds: Rectangle): void {
  const display = screen.getDisplayMatching(trayBounds);
  const { x, y } = popoverPosition({
    tray: trayBounds,
    window: POPOVER_SIZE,
    display: { bounds: display.bounds, workArea: display.workArea },
  });
  win.setPosition(x, y, false);
  win.show();
  win.focus();
}
