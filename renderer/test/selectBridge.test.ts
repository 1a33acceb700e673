import { describe, expect, it } from 'vitest';
import type { VouchBridge } from '../../electron/src/bridge/contract.js';
import { selectBridge } from '../src/bridge/select.js';

const win = (vouch?: VouchBridge) => ({ location: { href: 'http://127.0.0.1:1/' }, vouch }) as unknown as Window;

describe('selectBridge', () => {
  it('always prefers the Electron preload bridge', () => {
    const preload = {} as VouchBridge;
    let devCalled = false;
    expect(
      selectBridge(win(preload), () => {
        devCalled = true;
        return { error: 'unused' };
      }),
    ).toEqual({ bridge: preload });
    expect(devCalled).toBe(false);
  });
  it('never attaches to the desktop host outside development', () => {
    expect(selectBridge(win())).toEqual({ error: 'Vouch must be opened from the desktop app.' });
  });
  it('in development, uses the transport main.tsx passes', () => {
    const bridge = {} as VouchBridge;
    expect(selectBridge(win(), () => ({ bridge }))).toEqual({ bridge });
  });
});
