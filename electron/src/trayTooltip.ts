import type { SpeechModelEvent } from './bridge/contract.js';

/**
 * The tray icon's tooltip: what the icon shows (listening, offline), else the speech model's line
 * while it is not ready ("Vouch: Downloading speech model — 12 of 41 MB"), so a download started
 * from the popover can be followed with the popover closed. Pure; tray.ts only sets it.
 */
export function trayTooltip(icon: 'idle' | 'listening' | 'offline', speech?: Omit<SpeechModelEvent, 'type'>): string {
  if (icon === 'listening') return 'Vouch: listening…';
  if (speech && speech.state.status !== 'ready' && speech.state.status !== 'missing') return `Vouch: ${speech.text}`;
  return icon === 'offline' ? 'Vouch: offline' : 'Vouch';
}
