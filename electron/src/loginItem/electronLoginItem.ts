import type { LoginItemPort } from './loginItemPort.js';

/** The part of Electron's `app` that launch at login uses on macOS and Windows. */
export interface LoginItemApp {
  getLoginItemSettings(): { openAtLogin: boolean };
  setLoginItemSettings(settings: { openAtLogin: boolean }): void;
}

/** macOS and Windows: Electron registers the app itself (Login Items; the Run registry key). */
export function electronLoginItem(app: LoginItemApp): LoginItemPort {
  return {
    isEnabled: async () => app.getLoginItemSettings().openAtLogin,
    setEnabled: async (openAtLogin) => app.setLoginItemSettings({ openAtLogin }),
  };
}
