import type { VouchBridge } from '../../../electron/src/bridge/contract.js';
import type { DevShellChannel } from './hostWire.js';

/** `dev`: the desktop host's tray and notifications, for the dev tray strip (development only). */
export type PickedBridge = { bridge: VouchBridge; start?: () => void; dev?: DevShellChannel } | { error: string };

/**
 * Picks the bridge: Electron's preload (`window.vouch`) always wins. Only in development does
 * main.tsx pass `devBridge` (the desktop host's transport, see hostBridge.ts), so the packaged
 * renderer does not contain it.
 */
export function selectBridge(win: Window, devBridge?: (win: Window) => PickedBridge): PickedBridge {
  if (win.vouch) return { bridge: win.vouch };
  if (!devBridge) return { error: 'Vouch must be opened from the desktop app.' };
  return devBridge(win);
}
