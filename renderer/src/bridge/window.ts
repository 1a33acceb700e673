import type { VouchBridge } from '../../../electron/src/bridge/contract.js';

/** `window.vouch`: set by Electron's preload, or by the browser harness (see select.ts). */
declare global {
  interface Window {
    vouch: VouchBridge;
  }
}

export {};
