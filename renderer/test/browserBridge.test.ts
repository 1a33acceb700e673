import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocketServer, type WebSocket as WsSocket } from 'ws';
import { parseAppFrame, type AppFrame } from '../../backend/src/protocol/index.js';
import type { BridgeEvent } from '../../electron/src/bridge/contract.js';
import { BrowserBridge } from '../src/bridge/browserBridge.js';

/** A stand-in backend speaking the real protocol: it records parsed app frames and answers on demand. */
async function fakeBackend() {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(wss, 'listening');
  const frames: AppFrame[] = [];
  const sockets: WsSocket[] = [];
  const waiters: Array<() => void> = [];
  wss.on('connection', (ws) => {
    sockets.push(ws);
    ws.on('message', (data, isBinary) => {
      if (isBinary) throw new Error('the app sent a binary frame');
      const parsed = parseAppFrame(data.toString());
      if (!parsed.ok) throw new Error(parsed.message);
      frames.push(parsed.frame);
      if (parsed.frame.type === 'session_auth') ws.send(JSON.stringify({ type: 'session_ready', user: { sub: 'auth0|demo', name: 'Demo' }, providers: [] }));
      else if (parsed.frame.frame_id && parsed.frame.type !== 'transcript') ws.send(JSON.stringify({ type: 'ack', frame_id: parsed.frame.frame_id }));
      waiters.splice(0).forEach((w) => w());
    });
  });
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/ws`;
  /** Resolves once `pred` holds for the recorded frames (checked on every new frame, no polling). */
  const until = (pred: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => (pred() ? resolve() : waiters.push(check));
      check();
    });
  return { wss, url, frames, sockets, until, close: () => new Promise((r) => wss.close(r)) };
}

const events = (bridge: BrowserBridge) => {
  const seen: BridgeEvent[] = [];
  bridge.onEvent((e) => seen.push(e));
  const next = (pred: (e: BridgeEvent) => boolean) =>
    new Promise<BridgeEvent>((resolve) => {
      const found = seen.find(pred);
      if (found) return resolve(found);
      const off = bridge.onEvent((e) => pred(e) && (off(), resolve(e)));
    });
  return { seen, next };
};

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

describe('BrowserBridge', () => {
  it('authenticates first, queues frames until session_ready, and reports link and auth', async () => {
    const be = await fakeBackend();
    const bridge = new BrowserBridge({ wsUrl: be.url, accessToken: 'tok-1', timezone: 'Europe/Paris' });
    cleanup.push(() => bridge.close(), be.close);
    const ev = events(bridge);
    bridge.start();
    // Sent before the socket is even open: it must wait for the session.
    const { id } = await bridge.sendTranscript("what's on my calendar tomorrow");
    await be.until(() => be.frames.length >= 2);
    expect(be.frames[0]).toEqual({ type: 'session_auth', access_token: 'tok-1', timezone: 'Europe/Paris' });
    expect(be.frames[1]).toMatchObject({ type: 'transcript', id, text: "what's on my calendar tomorrow" });
    expect(ev.seen).toContainEqual({ type: 'transcript', id, text: "what's on my calendar tomorrow" });
    expect(await ev.next((e) => e.type === 'auth')).toEqual({ type: 'auth', state: { signedIn: true, user: { sub: 'auth0|demo', name: 'Demo' } } });
    expect(ev.seen).toContainEqual({ type: 'link', state: 'online' });
  });

  it('passes valid server frames on and drops frames the protocol does not allow', async () => {
    const be = await fakeBackend();
    const bridge = new BrowserBridge({ wsUrl: be.url, accessToken: 't' });
    cleanup.push(() => bridge.close(), be.close);
    const ev = events(bridge);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    cleanup.push(() => warn.mockRestore());
    bridge.start();
    await ev.next((e) => e.type === 'auth');
    be.sockets[0]!.send(JSON.stringify({ type: 'agent_stream', request_id: 'r1', delta: 'x', access_token: 'leak' }));
    be.sockets[0]!.send('not json');
    be.sockets[0]!.send(JSON.stringify({ type: 'agent_stream', request_id: 'r1', delta: 'Hello' }));
    const got = await ev.next((e) => e.type === 'frame' && e.frame.type === 'agent_stream');
    expect(got).toEqual({ type: 'frame', frame: { type: 'agent_stream', request_id: 'r1', delta: 'Hello' } });
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('sends the app frames of each method, validated', async () => {
    const be = await fakeBackend();
    const bridge = new BrowserBridge({ wsUrl: be.url, accessToken: 't' });
    cleanup.push(() => bridge.close(), be.close);
    bridge.start();
    await bridge.confirmDraft('d-1', { subject: 'New' });
    await bridge.cancelDraft('d-2');
    await bridge.decideApproval('a-1', false);
    await bridge.listScopes();
    await bridge.revokeProvider('slack');
    await be.until(() => be.frames.length >= 6);
    const strip = ({ frame_id: _f, ...rest }: AppFrame) => rest;
    expect(be.frames.slice(1).map(strip)).toEqual([
      { type: 'action_confirmed', draft_id: 'd-1', edits: { subject: 'New' } },
      { type: 'action_cancelled', draft_id: 'd-2' },
      { type: 'approval_decision', id: 'a-1', approve: false },
      { type: 'list_scopes' },
      { type: 'revoke_provider', provider: 'slack' },
    ]);
    await expect(bridge.cancelDraft('bad id with spaces')).rejects.toThrow();
  });

  it('after a dropped socket, reconnects, re-authenticates and resends what was not acknowledged', async () => {
    const be = await fakeBackend();
    const bridge = new BrowserBridge({ wsUrl: be.url, accessToken: 't', retryMs: 10 });
    cleanup.push(() => bridge.close(), be.close);
    const ev = events(bridge);
    bridge.start();
    await ev.next((e) => e.type === 'auth');
    await bridge.cancelDraft('d-acked'); // acked by the fake
    const { id } = await bridge.sendTranscript('hello'); // never acked by the fake
    await be.until(() => be.frames.filter((f) => f.type === 'transcript').length === 1 && be.frames.some((f) => f.type === 'action_cancelled'));
    be.sockets[0]!.terminate();
    await be.until(() => be.frames.filter((f) => f.type === 'session_auth').length === 2 && be.frames.filter((f) => f.type === 'transcript').length === 2);
    expect(be.frames.filter((f) => f.type === 'transcript').map((f) => (f as { id: string }).id)).toEqual([id, id]);
    expect(be.frames.filter((f) => f.type === 'action_cancelled')).toHaveLength(1);
    expect(ev.seen).toContainEqual({ type: 'link', state: 'offline' });
  });

  it('runs Connected Accounts: connect → popup at connect_uri?ticket → complete → account_connected', async () => {
    const be = await fakeBackend();
    const calls: Array<{ url: string; body: unknown; auth: string | null }> = [];
    const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body));
      calls.push({ url: String(url), body, auth: new Headers(init?.headers).get('authorization') });
      if (String(url).endsWith('/connect'))
        return new Response(JSON.stringify({ connect_uri: 'http://tenant/connected-accounts/connect', auth_session: 'as-1', connect_params: { ticket: 'tk 1' }, expires_in: 300 }), { status: 201 });
      return new Response(JSON.stringify({ id: 'cac_1', connection: 'google-oauth2', access_type: 'offline', created_at: 'now' }), { status: 201 });
    }) as unknown as typeof globalThis.fetch;
    const opened: string[] = [];
    const closed = vi.fn();
    const bridge = new BrowserBridge({
      wsUrl: be.url,
      accessToken: 'api-token',
      myAccountToken: 'me-token',
      connectRedirectUri: 'http://harness/connect-callback.html',
      fetch,
      openWindow: (u) => (opened.push(u), { close: closed }),
      awaitConnectCallback: async () => ({ connect_code: 'cc-1' }),
    });
    cleanup.push(() => bridge.close(), be.close);
    const ev = events(bridge);
    bridge.start();
    await bridge.connectProvider('google');
    expect(calls[0]).toMatchObject({ url: '/__tenant/me/v1/connected-accounts/connect', auth: 'Bearer me-token', body: { connection: 'google-oauth2', redirect_uri: 'http://harness/connect-callback.html' } });
    expect(opened).toEqual(['http://tenant/connected-accounts/connect?ticket=tk%201']);
    expect(calls[1]).toMatchObject({ url: '/__tenant/me/v1/connected-accounts/complete', body: { connect_code: 'cc-1', auth_session: 'as-1', redirect_uri: 'http://harness/connect-callback.html' } });
    // PKCE: the verifier sent on complete hashes to the challenge sent on connect.
    const { code_challenge, code_challenge_method, scopes } = calls[0]!.body as Record<string, unknown>;
    const { code_verifier } = calls[1]!.body as { code_verifier: string };
    expect(code_challenge_method).toBe('S256');
    expect(code_challenge).toBe(createHash('sha256').update(code_verifier).digest('base64url'));
    expect(scopes).toContain('https://www.googleapis.com/auth/calendar.readonly');
    expect(closed).toHaveBeenCalled();
    await be.until(() => be.frames.some((f) => f.type === 'account_connected'));
    expect(be.frames.find((f) => f.type === 'account_connected')).toMatchObject({ provider: 'google' });
    const states = ev.seen.flatMap((e) => (e.type === 'connect_progress' ? [e.progress.state] : []));
    expect(states).toEqual(['browser_open', 'completing', 'done']);
  });

  it('reports a failed connect and does not tell the backend', async () => {
    const be = await fakeBackend();
    const bridge = new BrowserBridge({
      wsUrl: be.url,
      accessToken: 't',
      connectRedirectUri: 'http://harness/connect-callback.html',
      fetch: (async () => new Response('{}', { status: 401 })) as typeof globalThis.fetch,
      openWindow: () => null,
    });
    cleanup.push(() => bridge.close(), be.close);
    const ev = events(bridge);
    bridge.start();
    await expect(bridge.connectProvider('slack')).rejects.toMatchObject({ code: 'CONNECT_FAILED' });
    expect(ev.seen).toContainEqual({ type: 'connect_progress', progress: { provider: 'slack', state: 'failed', message: 'Connecting did not finish. Try again.' } });
    expect(be.frames.some((f) => f.type === 'account_connected')).toBe(false);
  });
});

describe('BrowserBridge pre-authorizations', () => {
  const soon = Date.now() + 23 * 60_000;
  const raw = (over: Record<string, unknown> = {}) => ({
    id: 'pa_1', user: 'auth0|demo', tool: 'gmail', max_level: 'confirm', max_score: 54, created_at: 1, expires_at: soon,
    granted_after_step_up: true, step_up_ref: 'ref-secret', revoked_at: null, ...over,
  });
  function withFetch(respond: (url: string, init: RequestInit) => Response) {
    const seen: Array<{ url: string; method: string; auth: string | null; body: unknown }> = [];
    const bridge = new BrowserBridge({
      wsUrl: 'ws://unused',
      accessToken: 'tok-1',
      fetch: (async (url: string, init: RequestInit = {}) => {
        seen.push({ url, method: init.method ?? 'GET', auth: new Headers(init.headers).get('authorization'), body: init.body ? JSON.parse(String(init.body)) : undefined });
        return respond(url, init);
      }) as unknown as typeof globalThis.fetch,
    });
    return { bridge, seen };
  }

  it('lists active grants as views, grants with duration_ms, revokes by id', async () => {
    const { bridge, seen } = withFetch((url, init) => {
      if (init.method === 'POST') return new Response(JSON.stringify({ preauthorization: raw({ id: 'pa_2', tool: 'slack' }) }), { status: 201 });
      if (init.method === 'DELETE') return new Response(null, { status: 204 });
      return new Response(JSON.stringify({ active: [raw(), raw({ id: 'pa_old', expires_at: Date.now() - 1 })], all: [] }), { status: 200 });
    });
    const list = await bridge.listPreauthorizations();
    expect(list).toEqual([{ id: 'pa_1', tool: 'gmail', max_level: 'confirm', max_score: 54, expires_at: new Date(soon).toISOString() }]);
    expect(JSON.stringify(list)).not.toContain('secret');
    await expect(bridge.grantPreauthorization({ tool: 'slack', max_level: 'confirm', duration_minutes: 15 })).resolves.toMatchObject({ id: 'pa_2', tool: 'slack' });
    await bridge.revokePreauthorization('pa_1');
    expect(seen).toEqual([
      { url: '/__backend/preauthorizations', method: 'GET', auth: 'Bearer tok-1', body: undefined },
      { url: '/__backend/preauthorizations', method: 'POST', auth: 'Bearer tok-1', body: { tool: 'slack', max_level: 'step_up', max_score: 54, duration_ms: 900_000 } },
      { url: '/__backend/preauthorizations/pa_1', method: 'DELETE', auth: 'Bearer tok-1', body: undefined },
    ]);
  });

  it('rejects a declined grant with its code and a readable message', async () => {
    const { bridge } = withFetch(() => new Response(JSON.stringify({ error: { code: 'APPROVAL_DENIED', message: 'x' } }), { status: 403 }));
    await expect(bridge.grantPreauthorization({ tool: 'gmail', max_level: 'step_up', duration_minutes: 60 })).rejects.toMatchObject({
      code: 'APPROVAL_DENIED',
      message: 'Declined on your phone. Nothing was allowed.',
    });
  });

  it('refuses a list the HTTP schema does not allow (an unknown tool), as the desktop client does', async () => {
    const { bridge } = withFetch(() => new Response(JSON.stringify({ active: [raw({ tool: 'drive' })], all: [] }), { status: 200 }));
    await expect(bridge.listPreauthorizations()).rejects.toMatchObject({ code: 'REQUEST_FAILED' });
  });
});
