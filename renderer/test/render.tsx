import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { VouchBridge } from '../../electron/src/bridge/contract.js';
import { BridgeProvider } from '../src/bridge/context.js';

export function renderWith(bridge: VouchBridge, ui: ReactElement) {
  return render(<BridgeProvider bridge={bridge}>{ui}</BridgeProvider>);
}
