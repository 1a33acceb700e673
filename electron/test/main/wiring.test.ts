import { describe, expect, it } from 'vitest';
import { PACKAGED_ORIGIN } from '../../src/appOrigin.js';
import { loadConfig } from '../../src/config.js';
import { globalShortcutSource } from '../../src/hotkey/globalShortcutSource.js';
import { POPOVER_WEB_PREFERENCES } from '../../src/popoverPrefs.js';
import { rendererFileFor } from '../../src/rendererFiles.js';

describe('popover webPreferences', () => {
  it('pins the hardening flags', () => {
    expect(POPOVER_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
    expect(Object.isFrozen(POPOVER_WEB_PREFERENCES)).toBe(true);
  });
});

describe('rendererFileFor (vouch://app/ → out/renderer)', () => {
  const root = '/opt/vouch/out/renderer';
  it('maps app URLs into the renderer directory', () => {
    expect(rendererFileFor('vouch://app/', root, PACKAGED_ORIGIN)).toBe(`${root}/index.html`);
    expect(rendererFileFor('vouch://app/assets/index-1.js?x=1', root, PACKAGED_ORIGIN)).toBe(`${root}/assets/index-1.js`);
  });
  it('never resolves outside the renderer directory', () => {
    // The URL parser already folds literal `..`; what is left must still be confined.
    for (const u of ['vouch://app/../../etc/passwd', 'vouch://app/%2e%2e/%2e%2e/etc/passwd']) {
      const f = rendererFileFor(u, root, PACKAGED_ORIGIN);
      expect(f === undefined || f.startsWith(`${root}/`), u).toBe(true);
    }
  });
  it('refuses encoded traversal, backslashes, NUL, bad escapes and other origins', () => {
    for (const bad of [
      'vouch://app/..%2f..%2fetc%2fpasswd',
      'vouch://app/a%5c..%5c..%5cx',
      'vouch://app/%00',
      'vouch://app/%E0%A4%A',
      'vouch://evil/index.html',
      'vouch://app.evil/index.html',
      'https://app/index.html',
    ]) {
      expect(rendererFileFor(bad, root, PACKAGED_ORIGIN), bad).toBeUndefined();
    }
  });
});

describe('globalShortcut hotkey source (toggle)', () => {
  it('registers the accelerator, forwards presses, and reports a taken shortcut', () => {
    const registered = new Map<string, () => void>();
    const gs = {
      register: (a: string, cb: () => void) => (registered.has(a) ? false : (registered.set(a, cb), true)),
      unregister: (a: string) => void registered.delete(a),
    };
    let presses = 0;
    const src = globalShortcutSource(gs, 'Ctrl+Shift+Space');
    expect(src.mode).toBe('toggle');
    expect(src.start({ onDown: () => presses++ })).toBe(true);
    registered.get('Ctrl+Shift+Space')!();
    expect(presses).toBe(1);
    expect(globalShortcutSource(gs, 'Ctrl+Shift+Space').start({ onDown() {} })).toBe(false);
    src.stop();
    expect(registered.size).toBe(0);
  });
});

describe('desktop config', () => {
  it('derives the WebSocket URL and ignores the dev renderer URL when packaged', () => {
    const c = loadConfig({ VOUCH_BACKEND_URL: 'https://api.vouch.app/', VOUCH_RENDERER_DEV_URL: 'http://localhost:5173/' }, true);
    expect(c.wsUrl).toBe('wss://api.vouch.app/ws');
    expect(c.rendererDevUrl).toBeUndefined();
    expect(loadConfig({ VOUCH_RENDERER_DEV_URL: 'http://localhost:5173/' }, false).rendererDevUrl).toBe('http://localhost:5173/');
  });
});
