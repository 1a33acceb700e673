import { describe, expect, it } from 'vitest';
import { DesktopConfigError, loadConfig, withBackendFromSettings } from '../../src/config.js';
import { createExternalOpener } from '../../src/security.js';

const remote = { VOUCH_ISSUER: 'https://tenant.eu.auth0.com/', VOUCH_BACKEND_URL: 'https://api.vouch.app/' };

describe('desktop config: transport', () => {
  it('packaged builds reach a remote backend and tenant only over https/wss', () => {
    const c = loadConfig(remote, true);
    expect(c.wsUrl).toBe('wss://api.vouch.app/ws');
    expect(c.allowHttp).toBe(false);
    expect(() => loadConfig({ ...remote, VOUCH_BACKEND_URL: 'http://api.vouch.app/' }, true)).toThrow(DesktopConfigError);
    expect(() => loadConfig({ ...remote, VOUCH_BACKEND_URL: 'http://api.vouch.app/' }, true)).toThrow(
      /VOUCH_BACKEND_URL must be an https: URL/,
    );
    expect(() => loadConfig({ ...remote, VOUCH_ISSUER: 'http://tenant.eu.auth0.com/' }, true)).toThrow(
      /VOUCH_ISSUER must be an https: URL/,
    );
    // A look-alike of loopback is still remote.
    expect(() => loadConfig({ ...remote, VOUCH_BACKEND_URL: 'http://127.0.0.1.nip.io/' }, true)).toThrow(DesktopConfigError);
    expect(() => loadConfig({ ...remote, VOUCH_BACKEND_URL: 'ftp://api.vouch.app/' }, false)).toThrow(/http\(s\) URL/);
    expect(() => loadConfig({ ...remote, VOUCH_BACKEND_URL: 'https://u:p@api.vouch.app/' }, true)).toThrow(/credentials/);
  });

  it('plain http/ws stays allowed on loopback (the local demo), packaged or not', () => {
    const local = { VOUCH_ISSUER: 'http://127.0.0.1:8788/', VOUCH_BACKEND_URL: 'http://localhost:8787/' };
    const c = loadConfig(local, true);
    expect(c.wsUrl).toBe('ws://localhost:8787/ws');
    expect(c.allowHttp).toBe(true);
    expect(loadConfig({ ...local, VOUCH_BACKEND_URL: 'http://[::1]:8787/' }, true).wsUrl).toBe('ws://[::1]:8787/ws');
    // Development builds are not held to TLS (a colleague's machine on the LAN).
    expect(loadConfig({ ...remote, VOUCH_BACKEND_URL: 'http://10.0.0.5:8787/' }, false).wsUrl).toBe('ws://10.0.0.5:8787/ws');
  });

  it('development-only settings are ignored when packaged; electron-vite dev provides the renderer URL', () => {
    const dev = { ELECTRON_RENDERER_URL: 'http://localhost:5173', VOUCH_USER_DATA_DIR: '/tmp/profile', VOUCH_LOG_LEVEL: 'debug' };
    expect(loadConfig(dev, false)).toMatchObject({
      rendererDevUrl: 'http://localhost:5173',
      userDataDir: '/tmp/profile',
      logLevel: 'debug',
    });
    expect(loadConfig({ ...dev, VOUCH_RENDERER_DEV_URL: 'http://127.0.0.1:5174/' }, false).rendererDevUrl).toBe('http://127.0.0.1:5174/');
    const packaged = loadConfig({ ...remote, ...dev }, true);
    expect(packaged.rendererDevUrl).toBeUndefined();
    expect(packaged.userDataDir).toBeUndefined();
    expect(() => loadConfig({ VOUCH_LOG_LEVEL: 'loud' }, false)).toThrow(/VOUCH_LOG_LEVEL/);
  });
});

describe('desktop config: the backend chosen in Settings', () => {
  it('a development build uses it from the next start (WebSocket URL derived); a packaged build ignores it', () => {
    const env = { VOUCH_BACKEND_URL: 'http://127.0.0.1:8787/' };
    const dev = loadConfig(env, false);
    expect(withBackendFromSettings(dev, env, false, 'http://127.0.0.1:9999/')).toMatchObject({
      backendUrl: 'http://127.0.0.1:9999/',
      wsUrl: 'ws://127.0.0.1:9999/ws',
    });
    expect(withBackendFromSettings(dev, env, false, null)).toBe(dev);
    const packaged = loadConfig(env, true);
    expect(withBackendFromSettings(packaged, env, true, 'https://elsewhere.example/')).toBe(packaged);
  });

  it('an unusable stored URL is a clear error (the caller keeps the configured one)', () => {
    const env = {};
    expect(() => withBackendFromSettings(loadConfig(env, false), env, false, 'ftp://nope/')).toThrow(DesktopConfigError);
  });
});

describe('desktop config: what the system browser may open', () => {
  it('the configured tenant, the providers’ consent hosts and VOUCH_EXTERNAL_HOSTS, nothing else', async () => {
    const c = loadConfig({ ...remote, VOUCH_EXTERNAL_HOSTS: ' Help.Vouch.App , ' }, true);
    expect(c.externalHosts).toEqual(expect.arrayContaining(['tenant.eu.auth0.com', 'accounts.google.com', 'slack.com', 'help.vouch.app']));
    const opened: string[] = [];
    const warnings: Array<Record<string, unknown>> = [];
    const open = createExternalOpener({ hosts: c.externalHosts }, async (u) => void opened.push(u), { warn: (o) => warnings.push(o) });

    await open('https://tenant.eu.auth0.com/authorize?client_id=vouch-desktop&state=s');
    await open('https://tenant.eu.auth0.com/connected-accounts/connect?ticket=t');
    await open('https://accounts.google.com/o/oauth2/v2/auth?x=1');
    await open('https://slack.com/oauth/v2/authorize');
    await open('https://help.vouch.app/privacy');
    for (const bad of [
      'https://tenant.eu.auth0.com.evil.test/authorize',
      'https://evil.test/',
      'http://tenant.eu.auth0.com/authorize',
      'https://other-tenant.eu.auth0.com/authorize',
      'file:///Applications/Calculator.app',
      'javascript:alert(1)',
    ]) {
      await expect(open(bad), bad).rejects.toThrow(/outside the allowlist/);
    }
    expect(opened).toHaveLength(5);
    expect(warnings).toHaveLength(6);
    // Refusals log where, never the whole URL (its query may carry a code or ticket).
    expect(JSON.stringify(warnings)).not.toContain('authorize');
  });

  it('the local dev tenant (http on loopback) is openable in development', async () => {
    const c = loadConfig({}, false);
    const opened: string[] = [];
    const open = createExternalOpener({ hosts: c.externalHosts }, async (u) => void opened.push(u));
    await open('http://127.0.0.1:8788/authorize?x=1');
    await expect(open('http://127.0.0.1:9999/elsewhere')).rejects.toThrow();
    expect(opened).toEqual(['http://127.0.0.1:8788/authorize?x=1']);
  });
});
