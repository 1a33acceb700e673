import { describe, expect, it } from 'vitest';
import type { VouchBridge } from '../../electron/src/bridge/contract.js';
import { BrowserBridge } from '../src/bridge/browserBridge.js';
import { devBridgeFor } from '../src/bridge/devBridge.js';
import { selectBridge } from '../src/bridge/select.js';

/** What main.tsx passes in development only. */
const dev = devBridgeFor;
const win = (search: string, vouch?: VouchBridge) => ({ location: { search }, vouch }) as unknown as Window;

describe('selectBridge', () => {
  it('always prefers the Electron preload bridge', () => {
    const preload = {} as VouchBridge;
    expect(selectBridge(win('?ws=ws://x&token=t', preload), dev)).toEqual({ bridge: preload });
  });
  it('never uses the browser bridge outside the dev harness', () => {
    expect(selectBridge(win('?ws=ws://127.0.0.1:1/ws&token=t'))).toEqual({ error: 'Vouch must be opened from the desktop app.' });
  });
  it('in the dev harness, needs the socket URL and token', () => {
    expect(selectBridge(win('?ws=ws://127.0.0.1:1/ws'), dev)).toHaveProperty('error');
  });
  it('in the dev harness, builds the browser bridge and exposes it as window.vouch', () => {
    const w = win('?ws=ws://127.0.0.1:1/ws&token=t');
    const picked = selectBridge(w, dev);
    expect('bridge' in picked && picked.bridge).toBeInstanceOf(BrowserBridge);
    expect(w.vouch).toBe('bridge' in picked ? picked.bridge : null);
  });
});
