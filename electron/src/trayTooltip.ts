import type { SpeechModelEvent } from './bridge/contract.js';
import type { TrayIcon } from './trayMenu.js';

/**
 * The tray icon's tooltip: what the icon shows (listening, offline), else the speech model's line
 * while it is not ready ("Vouch: Downloading speech model — 12 of 41 MB"), so a download started
 * from the popover can be followed with the popover closed. Pure; tray.ts only sets it.
 */
export function trayTooltip(icon: TrayIcon, speech?: Omit<SpeechModelEvent, 'type'>): string {
  if (icon === 'listening') return 'Vouch: listening…';
  if (icon === 'attention') return 'Vouch: a request needs you';
  if (icon === 'thinking') return 'Vouch: working…';
  if (speech && speech.state.status !== 'ready' && speech.state.status !== 'missing') return `Vouch: ${speech.text}`;
  return icon === 'offline' ? 'Vouch: offline' : 'Vouch';
}
