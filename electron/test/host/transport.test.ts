import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { fileURLToPath } from 'node:url';
import { startPopoverServer, type PopoverServer } from '../../../backend/standins/desktopHost/popoverServer.js';
import { cookieValue, createHostTransport, type HostTransport } from '../../../backend/standins/desktopHost/transport.js';
import { BRIDGE_METHODS, type BridgeEvent } from '../../src/bridge/contract.js';
import type { MainHandlers } from '../../src/ipc/bridgeRegistry.js';
import { HOST_BRIDGE_PATH, HOST_SECRET_COOKIE, type HostMessage } from '../../../renderer/src/bridge/hostWire.js';

/**
 * The desktop host's popover transport over real sockets: the popover document is the only thing
 * that carries the per-run secret (an HttpOnly, SameSite=Strict cookie, never the URL), and the
 * socket is refused without that secret or with another Origin, before any handler runs.
 */
const calls: Array<{ method: string; args: unknown[] }> = [];
const handlers = Object.fromEntries(
  BRIDGE_METHODS.filter((m) => m !== 'onEvent').map((method) => [
    method,
    (...args: unknown[]) => {
      calls.push({ method, args });
      return method === 'sendTranscript' ? { id: 't-1' } : undefined;
    },
  ]),
) as unknown as MainHandlers;

let server: PopoverServer;
let transport: HostTransport;
const secret = randomBytes(32).toString('base64url');
const refusals: string[] = [];
const shellCalls: string[] = [];

beforeAll(async () => {
  server = await startPopoverServer({
    port: 0,
    secret,
    transport: () => transport,
    cacheDir: fileURLToPath(new URL('../../../node_modules/.vite-host-test', import.meta.url)),
  });
  transport = createHostTransport({
    origin: server.origin,
    secret,
    handlers,
    log: { warn: (o, m) => refusals.push(`${m}:${String(o.reason)}`) },
    onAttach: (send) => send({ type: 'link', state: 'online' }),
    shell: {
      trayAction: (action) => void shellCalls.push(`tray:${action}`),
      notificationClick: (draftId) => void shellCalls.push(`click:${draftId ?? '-'}`),
      visibilityChanged: () => void shellCalls.push(`visible:${String(transport.popoverVisible)}`),
      onAttach: (send) => send({ type: 'tray', items: [{ label: 'Open Vouch', action: 'open' }], icon: 'idle', tooltip: 'Vouch' }),
    },
  });
});
afterAll(async () => {
  transport?.close();
  await server?.close();
});

const wsUrl = () => `${server.origin.replace('http', 'ws')}${HOST_BRIDGE_PATH}`;

/** Opens a socket with the given headers; resolves with the socket once open, or the HTTP status it was refused with. */
function attach(headers: Record<string, string>): Promise<{ ws: WebSocket; messages: HostMessage[] } | { refused: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(), { headers });
    const messages: HostMessage[] = [];
    ws.on('message', (d) => messages.push(JSON.parse(String(d)) as HostMessage));
    ws.once('open', () => resolve({ ws, messages }));
    ws.once('unexpected-response', (_req, res) => resolve({ refused: res.statusCode ?? 0 }));
    ws.once('error', reject);
  });
}

async function popoverCookie(): Promise<string> {
  const res = await fetch(`${server.origin}/`);
  expect(res.status).toBe(200);
  const set = res.headers.get('set-cookie') ?? '';
  expect(set).toContain('HttpOnly');
  expect(set).toContain('SameSite=Strict');
  return `${HOST_SECRET_COOKIE}=${cookieValue(set.split(';')[0], HOST_SECRET_COOKIE)}`;
}

const nextResult = async (messages: HostMessage[], id: number) => {
  await expect.poll(() => messages.some((m) => m.type === 'result' && m.id === id)).toBe(true);
  return (messages.find((m) => m.type === 'result' && m.id === id) as { result: unknown }).result;
};

describe('desktop host transport', () => {
  it('serves the popover with the secret in an HttpOnly SameSite=Strict cookie, and only on the document', async () => {
    const cookie = await popoverCookie();
    expect(cookie).toBe(`${HOST_SECRET_COOKIE}=${secret}`);
    const html = await (await fetch(`${server.origin}/`)).text();
    expect(html).not.toContain(secret);
    const asset = await fetch(`${server.origin}/src/main.tsx`);
    expect(asset.headers.get('set-cookie')).toBeNull();
  });

  it('attaches the popover it served: calls reach main’s handlers, results and events come back, audio arrives as an ArrayBuffer', async () => {
    const a = await attach({ origin: server.origin, cookie: await popoverCookie() });
    if (!('ws' in a)) throw new Error(`refused ${a.refused}`);
    await expect.poll(() => a.messages[0]).toEqual({ type: 'event', event: { type: 'link', state: 'online' } });
    a.ws.send(JSON.stringify({ type: 'call', id: 1, channel: 'vouch:sendTranscript', args: ['hello'] }));
    expect(await nextResult(a.messages, 1)).toEqual({ ok: true, value: { id: 't-1' } });
    a.ws.send(new Int16Array(160).buffer);
    await expect.poll(() => calls.find((c) => c.method === 'pushAudio')).toBeTruthy();
    const chunk = calls.find((c) => c.method === 'pushAudio')!.args[0];
    expect(chunk).toBeInstanceOf(ArrayBuffer);
    expect((chunk as ArrayBuffer).byteLength).toBe(320);
    // main's registry still validates every argument.
    a.ws.send(JSON.stringify({ type: 'call', id: 2, channel: 'vouch:revokeProvider', args: ['dropbox'] }));
    expect(await nextResult(a.messages, 2)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS' } });
    a.ws.send(JSON.stringify({ type: 'call', id: 3, channel: 'vouch:nothing', args: [] }));
    expect(await nextResult(a.messages, 3)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS' } });
    const event: BridgeEvent = { type: 'recording', state: 'listening' };
    transport.emit(event);
    await expect.poll(() => a.messages.at(-1)).toEqual({ type: 'event', event });
    expect(transport.openInBrowser('http://127.0.0.1:1/authorize')).toBe(true);
    await expect.poll(() => a.messages.at(-1)).toEqual({ type: 'open', url: 'http://127.0.0.1:1/authorize' });
    a.ws.close();
  });

  it('refuses a socket without the secret, with a wrong secret, from another origin, or with no Origin; no handler runs', async () => {
    const before = calls.length;
    const cookie = await popoverCookie();
    expect(await attach({ origin: server.origin })).toEqual({ refused: 403 });
    expect(await attach({ origin: server.origin, cookie: `${HOST_SECRET_COOKIE}=${randomBytes(32).toString('base64url')}` })).toEqual({
      refused: 403,
    });
    expect(await attach({ origin: server.origin, cookie: `${HOST_SECRET_COOKIE}=${secret.slice(0, -1)}` })).toEqual({ refused: 403 });
    // Another local site (same site for cookies: only the port differs) or a remote page, even with the cookie.
    const otherPort = new URL(server.origin);
    otherPort.port = String(Number(otherPort.port) + 1);
    expect(await attach({ origin: otherPort.origin, cookie })).toEqual({ refused: 403 });
    expect(await attach({ origin: 'https://evil.example', cookie })).toEqual({ refused: 403 });
    expect(await attach({ cookie })).toEqual({ refused: 403 });
    expect(calls.length).toBe(before);
    expect(refusals.filter((r) => r.startsWith('host transport connection refused'))).toHaveLength(6);
  });

  it('serves the popover under the renderer’s file limits: not the host’s token file, not the rest of the checkout', async () => {
    const repo = fileURLToPath(new URL('../../..', import.meta.url));
    const dir = join(repo, '.data', `host-fs-probe-${process.pid}`, 'desktop-host');
    mkdirSync(dir, { recursive: true });
    const tokenFile = join(dir, 'vouch-auth.json');
    writeFileSync(tokenFile, JSON.stringify({ devOnly: { plaintextRefreshToken: 'rt-that-must-not-leak' } }));
    try {
      for (const path of [tokenFile, join(repo, 'package.json'), join(repo, 'backend/src/config.ts')]) {
        for (const query of ['', '?raw', '?import&raw']) {
          const res = await fetch(`${server.origin}/@fs${path}${query}`);
          expect(await res.text()).not.toContain('rt-that-must-not-leak');
          expect([403, 404], `${path}${query}`).toContain(res.status);
        }
      }
    } finally {
      rmSync(join(repo, '.data', `host-fs-probe-${process.pid}`), { recursive: true, force: true });
    }
  });

  it('carries the tray and notifications: the tray on attach, visibility, tray actions and notification clicks reach the host', async () => {
    const a = await attach({ origin: server.origin, cookie: await popoverCookie() });
    if (!('ws' in a)) throw new Error('refused');
    await expect.poll(() => a.messages.find((m) => m.type === 'tray')).toMatchObject({ icon: 'idle' });
    // A page that has not said otherwise is an open popover.
    expect(transport.popoverVisible).toBe(true);
    a.ws.send(JSON.stringify({ type: 'visibility', visible: false }));
    a.ws.send(JSON.stringify({ type: 'tray_action', action: 'togglePause' }));
    a.ws.send(JSON.stringify({ type: 'notification_click', draftId: 'd-1' }));
    await expect.poll(() => shellCalls).toEqual(['visible:false', 'tray:togglePause', 'click:d-1']);
    expect(transport.popoverVisible).toBe(false);
    transport.sendShell({ type: 'notify', intent: { tag: 'vouch-draft-d-1', title: 'Sent', body: 'Email', draftId: 'd-1' } });
    await expect.poll(() => a.messages.at(-1)).toMatchObject({ type: 'notify', intent: { title: 'Sent' } });
    // A draft id that is not one is refused like any malformed message.
    const closed = new Promise<number>((r) => a.ws.once('close', (code) => r(code)));
    a.ws.send(JSON.stringify({ type: 'notification_click', draftId: '<script>' }));
    expect(await closed).toBe(1008);
    expect(shellCalls).toHaveLength(3);
    // Gone: no popover is open any more.
    expect(transport.popoverVisible).toBe(false);
  });

  it('closes a socket that sends something other than a call', async () => {
    const a = await attach({ origin: server.origin, cookie: await popoverCookie() });
    if (!('ws' in a)) throw new Error('refused');
    const closed = new Promise<number>((r) => a.ws.once('close', (code) => r(code)));
    a.ws.send(JSON.stringify({ type: 'call', id: 1, channel: 'vouch:signIn', args: [], extra: 'x' }));
    expect(await closed).toBe(1008);
  });
});
