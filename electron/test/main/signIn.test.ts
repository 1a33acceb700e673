import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../../backend/standins/devtenant/index.js';
import { connectAccount, ConnectError } from '../../src/auth/connectAccount.js';
import { LoopbackError, loopbackCallbackUrls, openLoopback } from '../../src/auth/loopback.js';
import { MyAccountClient, MyAccountError } from '../../src/auth/myAccount.js';
import { browserFallbackFor, getMyAccountToken } from '../../src/auth/myAccountToken.js';
import { createOidcAuthClient, discover, signInWithBrowser } from '../../src/auth/oidc.js';
import { AuthSession } from '../../src/auth/session.js';
import { TokenStore } from '../../src/auth/tokenStore.js';
import { occupy, reserveLoopbackPorts } from './helpers/ports.js';
import { MemoryKv, StandInSafeStorage } from './helpers/standIns.js';
import { systemBrowser } from './helpers/systemBrowser.js';
import { ManualTimers } from './helpers/timers.js';
import { startUpstream } from './helpers/upstream.js';

let tenant: DevTenant;
let upstream: Awaited<ReturnType<typeof startUpstream>>;
/** This file's callback ports, registered exactly on its tenant. */
let ports: number[];

beforeAll(async () => {
  upstream = await startUpstream();
  ports = await reserveLoopbackPorts(4);
  tenant = await startDevTenant({
    dataDir: mkdtempSync(join(tmpdir(), 'vouch-electron-tenant-')),
    upstreams: [upstream.connection],
    accessTokenTtlSeconds: 120,
    desktopRedirectUris: loopbackCallbackUrls(ports),
  });
});
afterAll(async () => {
  await tenant?.close();
  await upstream?.close();
});

const tenantHost = () => new URL(tenant.issuer).host;
const serverCfg = () => ({ issuer: tenant.issuer, clientId: tenant.desktopClientId, audience: tenant.apiAudience, allowHttp: true });

describe('system-browser sign-in (authorization code + PKCE, loopback redirect)', () => {
  it('signs in end to end against the dev tenant and gets an API token for the audience', async () => {
    const config = await discover(serverCfg());
    const sys = systemBrowser({ tenantHost: tenantHost() });
    const tokens = await signInWithBrowser({ config, openExternal: sys.openExternal, audience: tenant.apiAudience, loopbackPorts: ports });

    // What went to the browser: PKCE S256, state, nonce, audience, the first registered loopback callback.
    const auth = new URL(sys.opened[0]!);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(auth.searchParams.get('state')).toBeTruthy();
    expect(auth.searchParams.get('nonce')).toBeTruthy();
    expect(auth.searchParams.get('audience')).toBe(tenant.apiAudience);
    expect(auth.searchParams.get('scope')).toBe('openid profile email offline_access');
    const redirect = new URL(auth.searchParams.get('redirect_uri')!);
    expect(redirect.href).toBe(`http://127.0.0.1:${ports[0]}/callback`);
    expect(tenant.desktopRedirectUris).toContain(redirect.href);
    expect(auth.searchParams.has('code_verifier')).toBe(false);

    // The loopback page told the person they can close the tab.
    expect(sys.landings[0]!.status).toBe(200);
    expect(sys.landings[0]!.body).toContain('close this tab');

    const at = decodeJwt(tokens.access_token);
    expect(at.aud).toBe(tenant.apiAudience);
    expect(at.sub).toBe('auth0|alex');
    expect(tokens.refresh_token).toBeTruthy();
    expect(tokens.claims()?.sub).toBe('auth0|alex');

    // The listener is gone after one round trip.
    await expect(fetch(redirect)).rejects.toThrow();
  });

  it('ignores a callback with the wrong state and completes with the right one', async () => {
    const config = await discover(serverCfg());
    const sys = systemBrowser({ tenantHost: tenantHost() });
    const forged: number[] = [];
    const openExternal = async (url: string) => {
      const redirect = new URL(new URL(url).searchParams.get('redirect_uri')!);
      const forgedUrl = new URL(redirect);
      forgedUrl.search = new URLSearchParams({ code: 'attacker-code', state: 'not-the-state' }).toString();
      forged.push((await fetch(forgedUrl)).status);
      await sys.openExternal(url);
    };
    const tokens = await signInWithBrowser({ config, openExternal, audience: tenant.apiAudience, loopbackPorts: ports });
    expect(forged).toEqual([400]);
    expect(decodeJwt(tokens.access_token).sub).toBe('auth0|alex');
  });

  it('takes the next registered port when the first is busy, and says so plainly when none is free', async () => {
    const config = await discover(serverCfg());
    const busy = await occupy(ports[0]!);
    try {
      const sys = systemBrowser({ tenantHost: tenantHost() });
      const tokens = await signInWithBrowser({
        config,
        openExternal: sys.openExternal,
        audience: tenant.apiAudience,
        loopbackPorts: ports,
      });
      expect(new URL(new URL(sys.opened[0]!).searchParams.get('redirect_uri')!).port).toBe(String(ports[1]));
      expect(decodeJwt(tokens.access_token).sub).toBe('auth0|alex');
      const none = await openLoopback({ expectedState: 's', ports: [ports[0]!] }).catch((e: unknown) => e);
      expect(none).toBeInstanceOf(LoopbackError);
      expect((none as LoopbackError).reason).toBe('no_free_port');
    } finally {
      await busy.release();
    }
  });

  it('times out (injected timer) when the browser never comes back, and closes the listener', async () => {
    const timers = new ManualTimers();
    const loop = await openLoopback({ expectedState: 's', timeoutMs: 1000, timers });
    timers.advance(1000);
    await expect(loop.result).rejects.toBeInstanceOf(LoopbackError);
    await expect(fetch(`${loop.redirectUri}?state=s&code=x`)).rejects.toThrow();
  });

  it('refuses an http issuer that is not loopback', async () => {
    await expect(discover({ issuer: 'http://tenant.example.com/', clientId: 'x', audience: 'y', allowHttp: true })).rejects.toThrow(
      /https/,
    );
  });
});

describe('AuthSession with the encrypted token store', () => {
  it('persists the refresh token encrypted, restores on the next start, and signs out clearing everything', async () => {
    const config = await discover(serverCfg());
    const safe = new StandInSafeStorage();
    const kv = new MemoryKv();
    const timers = new ManualTimers();
    timers.current = Date.now();
    const sys = systemBrowser({ tenantHost: tenantHost() });
    const client = createOidcAuthClient({ config, audience: tenant.apiAudience, openExternal: sys.openExternal, loopbackPorts: ports });
    const session = new AuthSession(client, new TokenStore(safe, kv), timers);
    const state = await session.signIn();
    expect(state).toEqual({ signedIn: true, user: { sub: 'auth0|alex', email: 'alex@example.com', name: expect.any(String) } });
    expect(session.persisted).toBe(true);
    expect(kv.data.size).toBeGreaterThan(0);
    const firstToken = await session.getAccessToken();
    for (const v of kv.data.values()) expect(JSON.stringify(v)).not.toContain(firstToken);

    // Next app start: restore from the store without a browser.
    const restartTimers = new ManualTimers();
    restartTimers.current = Date.now();
    const restarted = new AuthSession(
      createOidcAuthClient({
        config,
        audience: tenant.apiAudience,
        openExternal: async () => {
          throw new Error('no browser on restore');
        },
      }),
      new TokenStore(safe, kv),
      restartTimers,
    );
    expect(await restarted.restore()).toBe(true);
    const restoredToken = await restarted.getAccessToken();
    expect(decodeJwt(restoredToken).aud).toBe(tenant.apiAudience);

    await restarted.signOut();
    expect(kv.data.size).toBe(0);
    expect(restarted.state).toEqual({ signedIn: false });
    await expect(restarted.getAccessToken()).rejects.toThrow('not signed in');
    expect(restartTimers.scheduled.size).toBe(0); // no refresh timer left behind
  });

  it('refreshes the access token before it expires (timer on an injected clock)', async () => {
    const config = await discover(serverCfg());
    const timers = new ManualTimers();
    timers.current = Date.now();
    const sys = systemBrowser({ tenantHost: tenantHost() });
    const session = new AuthSession(
      createOidcAuthClient({ config, audience: tenant.apiAudience, openExternal: sys.openExternal, loopbackPorts: ports }),
      new TokenStore(new StandInSafeStorage(), new MemoryKv()),
      timers,
      { refreshMarginMs: 30_000 },
    );
    await session.signIn();
    const first = await session.getAccessToken();
    // Tenant TTL is 120 s: the refresh is due 30 s before expiry, at 90 s (89 s when the tenant's
    // whole-second expires_in was rounded down across a second boundary).
    const pending = [...timers.scheduled.values()];
    expect(pending).toHaveLength(1);
    const due = pending[0]!.delay;
    expect([89_000, 90_000]).toContain(due);
    timers.advance(due - 1);
    expect(await session.getAccessToken()).toBe(first);
    const changed = new Promise<void>((r) => session.onChange(() => r()));
    timers.advance(1);
    await changed;
    const second = await session.getAccessToken();
    expect(second).not.toBe(first);
    expect(decodeJwt(second).aud).toBe(tenant.apiAudience);
    expect([89_000, 90_000]).toContain([...timers.scheduled.values()][0]!.delay);
  });

  it('stays signed in for this run only when encryption is unavailable', async () => {
    const config = await discover(serverCfg());
    const kv = new MemoryKv();
    const sys = systemBrowser({ tenantHost: tenantHost() });
    const session = new AuthSession(
      createOidcAuthClient({ config, audience: tenant.apiAudience, openExternal: sys.openExternal, loopbackPorts: ports }),
      new TokenStore(new StandInSafeStorage(false), kv),
      new ManualTimers(),
    );
    await session.signIn();
    expect(session.persisted).toBe(false);
    expect(kv.data.size).toBe(0);
    expect(session.state).toMatchObject({ signedIn: true, sessionOnly: 'encryption_unavailable' });
  });

  it('stays signed in for this run only on Linux without a keyring, and tells the popover why', async () => {
    const config = await discover(serverCfg());
    const kv = new MemoryKv();
    const sys = systemBrowser({ tenantHost: tenantHost() });
    const states: unknown[] = [];
    const session = new AuthSession(
      createOidcAuthClient({ config, audience: tenant.apiAudience, openExternal: sys.openExternal, loopbackPorts: ports }),
      new TokenStore(new StandInSafeStorage(true, 'basic_text'), kv, 'linux'),
      new ManualTimers(),
    );
    session.onChange((s) => states.push(s));
    await session.signIn();
    expect(session.persisted).toBe(false);
    expect(kv.data.size).toBe(0);
    expect(states.at(-1)).toMatchObject({ signedIn: true, sessionOnly: 'no_os_keyring' });
  });
});

describe('Connected Accounts from the desktop', () => {
  async function signedIn() {
    const config = await discover(serverCfg());
    const sys = systemBrowser({ tenantHost: tenantHost() });
    const session = new AuthSession(
      createOidcAuthClient({ config, audience: tenant.apiAudience, openExternal: sys.openExternal, loopbackPorts: ports }),
      new TokenStore(new StandInSafeStorage(), new MemoryKv()),
      new ManualTimers(),
    );
    await session.signIn();
    return { config, sys, session };
  }

  it('MRRT to /me/, connect with PKCE, browser consent, loopback connect_code, complete', async () => {
    const { sys, session } = await signedIn();
    const fallbacks: string[] = [];
    const meToken = await getMyAccountToken({
      session,
      audience: tenant.meAudience,
      browserFallback: async () => 'unused',
      onFallback: (r) => fallbacks.push(r),
    });
    expect(fallbacks).toEqual([]);
    expect(decodeJwt(meToken).aud).toBe(tenant.meAudience);

    const requests: Array<{ path: string; body: Record<string, unknown> }> = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      requests.push({ path: new URL(String(input)).pathname, body: JSON.parse(String(init?.body)) });
      return fetch(input, init);
    };
    const myAccount = new MyAccountClient(new URL('me/v1/', tenant.issuer).href, async () => meToken, recordingFetch);
    const progress: string[] = [];
    const done = await connectAccount({
      provider: 'google',
      connection: 'google-oauth2',
      scopes: ['openid', 'profile', 'https://www.googleapis.com/auth/gmail.readonly'],
      myAccount,
      openExternal: sys.openExternal,
      onProgress: (p) => progress.push(p.state),
      allowHttp: true,
      loopbackPorts: ports,
    });
    expect(done.connection).toBe('google-oauth2');
    expect(done.id).toMatch(/^cac_/);
    expect(progress).toEqual(['browser_open', 'completing', 'done']);

    const [connect, complete] = requests;
    expect(connect!.path).toBe('/me/v1/connected-accounts/connect');
    expect(connect!.body.code_challenge_method).toBe('S256');
    // The registered sign-in callback is reused; the tenant refuses any URL not on the application.
    expect(tenant.desktopRedirectUris).toContain(connect!.body.redirect_uri);
    expect(complete!.path).toBe('/me/v1/connected-accounts/complete');
    expect(complete!.body.redirect_uri).toBe(connect!.body.redirect_uri);
    expect(String(complete!.body.code_verifier).length).toBeGreaterThanOrEqual(43);
    const browserTo = new URL(sys.opened.at(-1)!);
    expect(browserTo.pathname).toBe('/connected-accounts/connect');
    expect(browserTo.searchParams.get('ticket')).toBeTruthy();
    expect(sys.landings.at(-1)!.body).toContain('connected');
    // Nothing the app saw carries the provider's tokens.
    expect(JSON.stringify({ done, requests })).not.toContain('upstream-rt');
  });

  it('falls back to a browser round trip when the refresh exchange is refused by policy', async () => {
    const fallbacks: string[] = [];
    const session = {
      hasRefreshToken: true,
      tokenForAudience: async () => {
        throw Object.assign(new Error('refused'), { error: 'access_denied' });
      },
    };
    const token = await getMyAccountToken({
      session,
      audience: tenant.meAudience,
      browserFallback: async () => 'from-browser',
      onFallback: (r) => fallbacks.push(r),
    });
    expect(token).toBe('from-browser');
    expect(fallbacks).toEqual(['access_denied']);
  });

  it('without a refresh-token policy for /me/ (the audience is ignored), falls back to a browser sign-in for /me/', async () => {
    const strict = await startDevTenant({
      dataDir: mkdtempSync(join(tmpdir(), 'vouch-electron-nomrrt-')),
      desktopRedirectUris: loopbackCallbackUrls(ports),
      desktopRefreshTokenPolicies: [],
    });
    try {
      const config = await discover({
        issuer: strict.issuer,
        clientId: strict.desktopClientId,
        audience: strict.apiAudience,
        allowHttp: true,
      });
      const sys = systemBrowser({ tenantHost: new URL(strict.issuer).host });
      const session = new AuthSession(
        createOidcAuthClient({ config, audience: strict.apiAudience, openExternal: sys.openExternal, loopbackPorts: ports }),
        new TokenStore(new StandInSafeStorage(), new MemoryKv()),
        new ManualTimers(),
      );
      await session.signIn();
      const fallbacks: string[] = [];
      const meToken = await getMyAccountToken({
        session,
        audience: strict.meAudience,
        browserFallback: browserFallbackFor({ config, audience: strict.meAudience, openExternal: sys.openExternal, loopbackPorts: ports }),
        onFallback: (r) => fallbacks.push(r),
      });
      expect(fallbacks).toEqual(['audience_not_in_refresh_policy']);
      expect(decodeJwt(meToken).aud).toBe(strict.meAudience);
      expect(new URL(sys.opened.at(-1)!).searchParams.get('audience')).toBe(strict.meAudience);
      const list = await fetch(new URL('me/v1/connected-accounts/accounts', strict.issuer), {
        headers: { authorization: `Bearer ${meToken}` },
      });
      expect(list.status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it('a connect_code is single-use: replaying complete fails with 409', async () => {
    const { sys, session } = await signedIn();
    const meToken = await getMyAccountToken({ session, audience: tenant.meAudience, browserFallback: async () => 'unused' });
    let completeBody: unknown;
    const spyFetch: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/complete')) completeBody = JSON.parse(String(init?.body));
      return fetch(input, init);
    };
    const myAccount = new MyAccountClient(new URL('me/v1/', tenant.issuer).href, async () => meToken, spyFetch);
    await connectAccount({
      provider: 'google',
      connection: 'google-oauth2',
      myAccount,
      openExternal: sys.openExternal,
      allowHttp: true,
      loopbackPorts: ports,
    });
    const replay = await myAccount.complete(completeBody as never).catch((e: unknown) => e);
    expect(replay).toBeInstanceOf(MyAccountError);
    expect((replay as MyAccountError).status).toBeGreaterThanOrEqual(400);
  });

  it('refuses a connect_uri that is not https (outside loopback dev)', async () => {
    const { browserUrl } = await import('../../src/auth/connectAccount.js');
    expect(() => browserUrl('http://evil.example/connect', 't', true)).toThrow(ConnectError);
    expect(() => browserUrl('javascript:alert(1)', 't', true)).toThrow(ConnectError);
    expect(browserUrl('https://t.auth0.com/connected-accounts/connect', 'a b', false)).toBe(
      'https://t.auth0.com/connected-accounts/connect?ticket=a+b',
    );
  });
});
