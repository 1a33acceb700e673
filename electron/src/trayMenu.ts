import type { TrayStatus } from './app/trayState.js';

/**
 * The tray menu as data, so what is shown in which state is testable without Electron. tray.ts turns
 * it into a `Menu`; the demo's dev tray strip renders the same items. Status lines first (who is
 * signed in, the backend, the speech model), then what a person does from the menu bar.
 */
export interface TrayMenuState extends TrayStatus {
  launchAtLogin: boolean;
  hotkey: string;
  /** "Pause listening": the push-to-talk shortcut is released until "Resume listening". */
  paused: boolean;
}

export type TrayAction =
  | 'open'
  | 'talk'
  | 'settings'
  | 'togglePause'
  | 'signIn'
  | 'signOut'
  | 'connectedAccounts'
  | 'audit'
  | 'introduction'
  | 'toggleLaunchAtLogin'
  | 'quit';

export interface TrayItem {
  label?: string;
  action?: TrayAction;
  type?: 'separator' | 'checkbox';
  checked?: boolean;
  enabled?: boolean;
}

export type TrayIcon = 'idle' | 'listening' | 'thinking' | 'attention' | 'offline';

export function trayMenu(s: TrayMenuState): TrayItem[] {
  const signedIn = s.auth.signedIn;
  const who = s.auth.signedIn ? `Signed in as ${s.auth.user.email ?? s.auth.user.name ?? 'you'}` : 'Not signed in';
  const backend = s.link === 'online' ? 'Backend online' : s.link === 'connecting' ? 'Connecting to the backend…' : 'Backend offline';
  return [
    { label: who, enabled: false },
    { label: backend, enabled: false },
    { label: speechLine(s.speech), enabled: false },
    ...(s.waiting > 0 ? [{ label: s.waiting === 1 ? '1 request needs you' : `${s.waiting} requests need you`, enabled: false }] : []),
    { type: 'separator' },
    { label: s.paused ? 'Talk (listening paused)' : `Talk (${s.hotkey})`, action: 'talk', enabled: signedIn && !s.paused },
    { label: 'Open Vouch', action: 'open' },
    { label: 'Settings…', action: 'settings' },
    { label: s.paused ? 'Resume listening' : 'Pause listening', action: 'togglePause' },
    { type: 'separator' },
    signedIn ? { label: 'Sign out', action: 'signOut' } : { label: 'Sign in…', action: 'signIn' },
    { label: 'Connected accounts…', action: 'connectedAccounts', enabled: signedIn },
    { label: 'Audit log…', action: 'audit', enabled: signedIn },
    { label: 'Introduction…', action: 'introduction' },
    { type: 'separator' },
    { label: 'Launch at login', action: 'toggleLaunchAtLogin', type: 'checkbox', checked: s.launchAtLogin },
    { type: 'separator' },
    { label: 'Quit Vouch', action: 'quit' },
  ];
}

function speechLine(speech: TrayMenuState['speech']): string {
  if (!speech) return 'Speech model: checking…';
  return speech.state.status === 'failed' ? 'Speech model unavailable' : speech.text;
}

/**
 * The icon: the microphone being open must show even with the popover closed, so listening wins;
 * then something waiting for the person, then work in progress, then a lost backend.
 */
export function trayIconName(s: Pick<TrayMenuState, 'recording' | 'link' | 'thinking' | 'waiting'>): TrayIcon {
  if (s.recording === 'listening') return 'listening';
  if (s.waiting > 0) return 'attention';
  if (s.recording === 'transcribing' || s.thinking) return 'thinking';
  return s.link === 'online' ? 'idle' : 'offline';
}
