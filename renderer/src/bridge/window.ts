import type { VouchBridge } from '../../../electron/src/bridge/contract.js';

/** `window.vouch`: set by Electron's preload, or in development by the desktop host's transport (see select.ts). */
declare global {
  interface Window {
    vouch: VouchBridge;
  }
}

export {};
