import { createContext, useContext, type ReactNode } from 'react';
import type { VouchBridge } from '../../../electron/src/bridge/contract.js';

/**
 * The bridge reaches components through context rather than `window.vouch` directly, so component
 * tests can hand in a recording fake; main.tsx passes the real `window.vouch`.
 */
const BridgeContext = createContext<VouchBridge | null>(null);

export function BridgeProvider({ bridge, children }: { bridge: VouchBridge; children: ReactNode }) {
  return <BridgeContext.Provider value={bridge}>{children}</BridgeContext.Provider>;
}

export function useBridge(): VouchBridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge outside BridgeProvider');
  return bridge;
}
