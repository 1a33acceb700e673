import type { AuthState, LinkState, RecordingState } from './bridge/contract.js';

/**
 * The tray menu as data, so what is shown in which state is testable without Electron.
 * tray.ts turns it into a `Menu`.
 */
export interface TrayMenuState {
  auth: AuthState;
  link: LinkState;
  recording: RecordingState;
  launchAtLogin: boolean;
  hotkey: string;
}

export type TrayAction = 'open' | 'signIn' | 'signOut' | 'connectedAccounts' | 'audit' | 'introduction' | 'toggleLaunchAtLogin' | 'quit';

interface TrayItem {
  label?: string;
  action?: TrayAction;
  type?: 'separator' | 'checkbox';
  checked?: boolean;
  enabled?: boolean;
}

export function trayMenu(s: TrayMenuState): TrayItem[] {
  const who = s.auth.signedIn ? (s.auth.user.email ?? s.auth.user.name ?? 'Signed in') : 'Not signed in';
  const status = s.link === 'online' ? 'Online' : s.link === 'connecting' ? 'Connecting…' : 'Offline';
  return [
    { label: `Open Vouch (${s.hotkey})`, action: 'open' },
    { type: 'separator' },
    { label: `${who} · ${status}`, enabled: false },
    s.auth.signedIn ? { label: 'Sign out', action: 'signOut' } : { label: 'Sign in…', action: 'signIn' },
    { label: 'Connected accounts…', action: 'connectedAccounts', enabled: s.auth.signedIn },
    { label: 'Audit log…', action: 'audit', enabled: s.auth.signedIn },
    { label: 'Introduction…', action: 'introduction' },
    { type: 'separator' },
    { label: 'Launch at login', action: 'toggleLaunchAtLogin', type: 'checkbox', checked: s.launchAtLogin },
    { type: 'separator' },
    { label: 'Quit Vouch', action: 'quit' },
  ];
}

/** Tooltip / icon variant: the recording state must be visible even with the popover closed. */
export function trayIconName(s: Pick<TrayMenuState, 'recording' | 'link'>): 'idle' | 'listening' | 'offline' {
  if (s.recording !== 'idle') return 'listening';
  return s.link === 'online' ? 'idle' : 'offline';
}
