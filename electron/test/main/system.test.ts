import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as oidcClient from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VouchSystem } from '../../../backend/standins/system.js';
import type { BridgeEvent } from '../../src/bridge/contract.js';
import { ScopesResponse } from '../../../backend/src/protocol/index.js';
import { createAuditClient } from '../../src/app/auditClient.js';
import { AppController } from '../../src/app/controller.js';
import { createPreauthClient } from '../../src/app/preauthClient.js';
import { createConnectFlow } from '../../src/app/connectFlow.js';
import { createUnlinkFlow } from '../../src/app/unlinkFlow.js';
import { createOidcAuthClient, discover } from '../../src/auth/oidc.js';
import { AuthSession } from '../../src/auth/session.js';
import { TokenStore } from '../../src/auth/tokenStore.js';
import { Backoff } from '../../src/link/backoff.js';
import { LinkClient } from '../../src/link/linkClient.js';
import { MemoryKv, StandInSafeStorage } from './helpers/standIns.js';
import { systemBrowser } from './helpers/systemBrowser.js';
import { reserveLoopbackPorts } from './helpers/ports.js';
import { ManualTimers } from './helpers/timers.js';

/**
 * The main process's logic (controller + session + link + connect flow) against the whole running
 * system: dev tenant, provider sandbox and the real backend, over real sockets. Only Electron and
 * the person are stand-ins (the headless "system browser" clicks through login and consent).
 */
let system: VouchSystem;
let ports: number[];

beforeAll(async () => {
  // This file's own callback ports, registered on its tenant and used by the app's loopback listener.
  ports = await reserveLoopbackPorts(4);
  const { startVouchSystem } = await import('../../../backend/standins/system.js');
  system = await startVouchSystem({
    dataDir: mkdtempSync(join(tmpdir(), 'vouch-electron-system-')),
    cibaIntervalSeconds: 1,
    desktopRedirectUris: ports.map((p) => `http://127.0.0.1:${p}/callback`),
  });
});
afterAll(async () => {
  await system?.stop();
});

/** A deterministic engine: "heard N samples", so the test can see the recorded audio got through. */
const countingStt = {
  load: async (onProgress?: (p: { fraction: number }) => void) => onProgress?.({ fraction: 1 }),
  transcribe: async (pcm: Float32Array) => ({ text: `  what is on my calendar ${pcm.length} ` }),
};

async function app() {
  const tenantHost = new URL(system.tenant.issuer).host;
  const sys = systemBrowser({ tenantHost });
  const config = await discover({
    issuer: system.tenant.issuer,
    clientId: system.tenant.desktopClientId,
    audience: system.tenant.apiAudience,
    allowHttp: true,
  });
  const timers = new ManualTimers();
  timers.current = Date.now();
  const tokenStore = new TokenStore(new StandInSafeStorage(), new MemoryKv());
  const session = new AuthSession(
    createOidcAuthClient({ config, audience: system.tenant.apiAudience, openExternal: sys.openExternal, loopbackPorts: ports }),
    tokenStore,
    timers,
  );
  const linkTimers = new ManualTimers(); // separate from the session's refresh timer
  const events: BridgeEvent[] = [];
  let n = 0;
  let controller!: AppController;
  const link = new LinkClient({
    url: system.wsUrl,
    getAccessToken: () => (session.state.signedIn ? session.getAccessToken() : Promise.resolve(undefined)),
    timezone: 'Europe/Paris',
    onFrame: (f) => controller.onFrame(f),
    onState: (s) => controller.onLinkState(s),
    onUnauthenticated: () => controller.onUnauthenticated(),
    timers: linkTimers,
    backoff: new Backoff({ baseMs: 100, capMs: 1000, random: () => 0.5 }),
  });
  controller = new AppController({
    session,
    link,
    stt: countingStt,
    connect: createConnectFlow({
      session,
      config,
      issuer: system.tenant.issuer,
      openExternal: sys.openExternal,
      allowHttp: true,
      loopbackPorts: ports,
    }),
    unlink: createUnlinkFlow({ session, config, issuer: system.tenant.issuer, openExternal: sys.openExternal, loopbackPorts: ports }),
    getAudit: async () => ({ entries: [], verified: { ok: true, count: 0 } }),
    emit: (e) => events.push(e),
    newId: () => `t-${Date.now().toString(36)}-${++n}`,
    timers,
  });
  return { controller, link, session, events, timers: linkTimers, sys, tokenStore, config };
}

const frames = (events: BridgeEvent[]) => events.flatMap((e) => (e.type === 'frame' ? [e.frame] : []));

describe('main process logic against the running Vouch system', { timeout: 20_000 }, () => {
  it('signs in through the system browser, goes online with session_auth, and the backend knows the user', async () => {
    const { controller, link, events } = await app();
    await controller.handlers.signIn();
    await expect.poll(() => link.state).toBe('online');
    const ready = frames(events).find((f) => f.type === 'session_ready');
    expect(ready).toMatchObject({ type: 'session_ready', user: { sub: 'auth0|alex' } });
    expect(events.filter((e) => e.type === 'link').map((e) => (e as { state: string }).state)).toEqual(['connecting', 'online']);
    expect(events.some((e) => e.type === 'auth' && e.state.signedIn)).toBe(true);
    // Nothing secret reaches the renderer.
    expect(JSON.stringify(events)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    link.stop();
  });

  it('reconnects after the backend restarts and resends the frame that was never acknowledged', async () => {
    const { controller, link, events, timers } = await app();
    await controller.handlers.signIn();
    await expect.poll(() => link.state).toBe('online');
    await system.backend.close();
    await timers.untilScheduled(); // the link noticed and scheduled a reconnect
    expect(link.state).toBe('offline');
    controller.handlers.listScopes(); // queued while the backend is down: not acknowledged
    expect(link.pendingCount).toBe(1);
    await system.restartBackend();
    timers.fireAll();
    await expect.poll(() => link.state).toBe('online');
    await expect.poll(() => frames(events).some((f) => f.type === 'scopes')).toBe(true);
    await expect.poll(() => link.pendingCount).toBe(0);
    expect(frames(events).filter((f) => f.type === 'session_ready')).toHaveLength(2);
    link.stop();
  });

  it('connects Google through Connected Accounts and tells the backend, which then lists the link', async () => {
    const { controller, link, events } = await app();
    await controller.handlers.signIn();
    await expect.poll(() => link.state).toBe('online');
    await controller.handlers.connectProvider('google');
    const progress = events.flatMap((e) => (e.type === 'connect_progress' ? [e.progress.state] : []));
    expect(progress).toEqual(['browser_open', 'completing', 'done']);
    await expect.poll(() => link.pendingCount).toBe(0); // account_connected acknowledged
    controller.handlers.listScopes();
    await expect
      .poll(() =>
        frames(events).some(
          (f) => (f.type === 'scopes' || f.type === 'providers_updated') && f.providers.some((p) => p.provider === 'google'),
        ),
      )
      .toBe(true);
    expect(JSON.stringify(events)).not.toMatch(/refresh_token|access_token/);

    // Disconnecting removes the account from Token Vault, not just from the backend's list.
    const before = system.tenant.stats.byOutcome.not_found ?? 0;
    await controller.handlers.revokeProvider('google');
    await expect
      .poll(() => frames(events).some((f) => f.type === 'providers_updated' && !f.providers.some((p) => p.provider === 'google')))
      .toBe(true);
    controller.handlers.sendTranscript("what's on my calendar tomorrow");
    await expect.poll(() => frames(events).some((f) => f.type === 'connections_required')).toBe(true);
    expect(system.tenant.stats.byOutcome.not_found).toBeGreaterThan(before);
    link.stop();
  });

  it('Connect asks only for what the request needs, and for more when a later request needs it (incremental consent)', async () => {
    const { controller, link, events } = await app();
    await controller.handlers.signIn();
    await expect.poll(() => link.state).toBe('online');
    const googleScopes = () => {
      const list = frames(events)
        .filter((f) => f.type === 'scopes' || f.type === 'providers_updated')
        .at(-1) as { providers: { provider: string; scopes: { scope: string }[] }[] } | undefined;
      return (list?.providers.find((p) => p.provider === 'google')?.scopes ?? [])
        .map((s) => s.scope)
        .filter((s) => s.startsWith('https://www.googleapis.com/auth/'))
        .sort();
    };
    const asked = () => frames(events).filter((f) => f.type === 'connections_required').length;

    controller.handlers.sendTranscript("what's on my calendar tomorrow");
    await expect.poll(asked).toBe(1);
    await controller.handlers.connectProvider('google');
    controller.handlers.listScopes();
    await expect.poll(googleScopes).toEqual(['https://www.googleapis.com/auth/calendar.readonly']);

    // A write needs more: the backend asks for what the grant lacks, and the new grant keeps the old one.
    controller.handlers.sendTranscript('reply to Dana that Thursday works');
    await expect.poll(asked).toBe(2);
    const lacking = (
      frames(events)
        .filter((f) => f.type === 'connections_required')
        .at(-1) as { scopes: { scope: string }[] }
    ).scopes.map((s) => s.scope);
    expect(lacking).not.toContain('https://www.googleapis.com/auth/calendar.readonly');
    expect(lacking.some((s) => s.includes('gmail'))).toBe(true);
    await controller.handlers.connectProvider('google');
    controller.handlers.listScopes();
    await expect.poll(googleScopes).toEqual(['https://www.googleapis.com/auth/calendar.readonly', ...lacking].sort());
    await controller.handlers.revokeProvider('google');
    link.stop();
  });

  it('push-to-talk: hotkey toggles a recording, the audio is transcribed on device and sent as a transcript', async () => {
    const { controller, link, events, session } = await app();
    await controller.handlers.signIn();
    await expect.poll(() => link.state).toBe('online');
    await controller.loadModel();
    controller.hotkeyDown(); // globalShortcut press: start
    controller.handlers.pushAudio(new Int16Array(1600).fill(1000).buffer);
    controller.handlers.pushAudio(new Int16Array(320).fill(-1000).buffer);
    (controller as unknown as { deps: { timers: ManualTimers } }).deps.timers.advance(1000);
    controller.hotkeyDown(); // second press: stop
    await expect.poll(() => events.some((e) => e.type === 'transcript')).toBe(true);
    const t = events.find((e) => e.type === 'transcript') as { id: string; text: string };
    expect(t.text).toBe('what is on my calendar 1920');
    expect(events.filter((e) => e.type === 'recording').map((e) => (e as { state: string }).state)).toEqual([
      'listening',
      'transcribing',
      'idle',
    ]);
    await expect.poll(() => link.pendingCount).toBe(0); // the backend acknowledged the transcript
    void session;
    link.stop();
  });

  it('signs out: the backend logs the session out, the tenant revokes the refresh token, nothing left in the store', async () => {
    const { controller, link, events, session, tokenStore, config } = await app();
    await controller.handlers.signIn();
    await expect.poll(() => link.state).toBe('online');
    const refreshToken = await tokenStore.loadRefreshToken();
    expect(refreshToken).toBeTruthy();
    const auditBefore = await createAuditClient({ backendUrl: system.backendUrl, getAccessToken: () => session.getAccessToken() })({
      limit: 100,
    });
    const logoutsBefore = auditBefore.entries.filter((e) => e.summary === 'Session logout').length;
    await controller.handlers.signOut();
    expect(link.state).toBe('offline');
    // The logout reached the backend before the link closed: it is in the person's audit log.
    const observer = await system.login();
    const auditAfter = await createAuditClient({ backendUrl: system.backendUrl, getAccessToken: async () => observer.access_token })({
      limit: 100,
    });
    expect(auditAfter.entries.filter((e) => e.summary === 'Session logout').length).toBe(logoutsBefore + 1);
    // The tenant no longer honours the refresh token, and the store holds nothing.
    await expect(oidcClient.refreshTokenGrant(config, refreshToken!)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(await tokenStore.loadRefreshToken()).toBeUndefined();
    expect(session.state).toEqual({ signedIn: false });
    expect(events.at(-1)).toEqual({ type: 'auth', state: { signedIn: false } });
    expect(() => controller.handlers.sendTranscript('hello')).toThrow('Sign in first');
  });

  it('the desktop HTTP clients read the real backend through the protocol HTTP schemas (pre-authorizations, audit, scopes)', async () => {
    const { controller, link, session } = await app();
    await controller.handlers.signIn();
    const getAccessToken = () => session.getAccessToken();
    const preauth = createPreauthClient({ backendUrl: system.backendUrl, getAccessToken });
    system.tenant.ciba.events.once('request', (p) => void system.tenant.ciba.approve(p.authReqId));
    const grant = await preauth.grant({ tool: 'slack', max_level: 'confirm', duration_minutes: 15 });
    expect(grant).toMatchObject({ tool: 'slack', max_level: 'confirm', max_score: 54 });
    expect(await preauth.list()).toContainEqual(grant);
    system.tenant.ciba.events.once('request', (p) => void system.tenant.ciba.deny(p.authReqId));
    await expect(preauth.grant({ tool: 'gmail', max_level: 'step_up', duration_minutes: 5 })).rejects.toMatchObject({
      code: 'APPROVAL_DENIED',
    });
    await preauth.revoke(grant.id);
    await preauth.revoke(grant.id); // 404: already inactive
    expect(await preauth.list()).not.toContainEqual(grant);

    const page = await createAuditClient({ backendUrl: system.backendUrl, getAccessToken })({ limit: 50 });
    expect(page.verified).toMatchObject({ ok: true });
    expect(page.entries.map((e) => e.kind)).toContain('preauthorization');

    const scopes = await fetch(new URL('scopes', system.backendUrl), { headers: { authorization: `Bearer ${await getAccessToken()}` } });
    expect(ScopesResponse.safeParse(await scopes.json()).success).toBe(true);
    link.stop();
  });
});
