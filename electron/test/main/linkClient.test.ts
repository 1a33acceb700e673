import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ServerFrame } from '../../../backend/src/protocol/index.js';
import type { LinkState } from '../../src/bridge/contract.js';
import { Backoff } from '../../src/link/backoff.js';
import { LinkClient } from '../../src/link/linkClient.js';
import { ManualTimers } from './helpers/timers.js';

/**
 * A real WebSocket server on an ephemeral port speaking the backend's session protocol: it answers
 * session_auth with session_ready (for the token it expects) and acks frames. Tests can make it drop
 * a connection before acking, to exercise resend.
 */
async function startStandInBackend() {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  const received: Array<Record<string, unknown>> = [];
  const sockets: WebSocket[] = [];
  let dropBeforeAck: ((f: Record<string, unknown>) => boolean) | undefined;
  let holdLogout = false;
  let waiters: Array<() => void> = [];
  const notify = () => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };
  wss.on('connection', (ws) => {
    sockets.push(ws);
    ws.on('message', (data) => {
      const f = JSON.parse(String(data)) as Record<string, unknown>;
      received.push(f);
      if (f.type === 'session_auth') {
        if (f.access_token === 'good-token') ws.send(JSON.stringify({ type: 'session_ready', user: { sub: 'auth0|alex' }, providers: [] }));
        else ws.send(JSON.stringify({ type: 'error', code: 'UNAUTHENTICATED', message: 'no' }));
      } else if (dropBeforeAck?.(f)) {
        dropBeforeAck = undefined;
        ws.terminate();
      } else if (f.frame_id) {
        ws.send(JSON.stringify({ type: 'ack', frame_id: f.frame_id }));
        // As the backend does: the logout's work, then the close.
        if (f.type === 'logout' && !holdLogout) ws.close(1000, 'logged out');
      }
      notify();
    });
    notify();
  });
  return {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`,
    received,
    sockets,
    /** Acknowledge a logout but never finish it (no close). */
    holdLogouts() {
      holdLogout = true;
    },
    dropNext(pred: (f: Record<string, unknown>) => boolean) {
      dropBeforeAck = pred;
    },
    async until(cond: () => boolean) {
      while (!cond()) await new Promise<void>((r) => waiters.push(r));
    },
    send(raw: string) {
      for (const s of sockets) if (s.readyState === s.OPEN) s.send(raw);
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of wss.clients) s.terminate();
        wss.close(() => r());
      }),
  };
}

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

function client(url: string, extra: Partial<ConstructorParameters<typeof LinkClient>[0]> = {}) {
  const timers = new ManualTimers();
  const frames: ServerFrame[] = [];
  const states: LinkState[] = [];
  const warnings: Array<Record<string, unknown>> = [];
  let n = 0;
  const link = new LinkClient({
    url,
    getAccessToken: async () => 'good-token',
    timezone: 'Europe/Paris',
    onFrame: (f) => frames.push(f),
    onState: (s) => states.push(s),
    timers,
    backoff: new Backoff({ baseMs: 100, capMs: 1000, random: () => 0.5 }),
    newFrameId: () => `fid-${++n}`,
    log: { info() {}, warn: (o) => warnings.push(o) },
    ...extra,
  });
  cleanup.push(() => link.stop());
  return { link, timers, frames, states, warnings };
}

// Client-side conditions are awaited with expect.poll (it re-checks on an interval, no fixed sleeps);
// server-side ones with the server's own notification.
describe('LinkClient against a real WebSocket server', { timeout: 10_000 }, () => {
  it('sends session_auth with token and timezone first, goes online on session_ready', async () => {
    const server = await startStandInBackend();
    cleanup.push(server.close);
    const { link, frames, states } = client(server.url);
    link.start();
    await expect.poll(() => frames.length > 0).toBe(true);
    expect(server.received[0]).toEqual({ type: 'session_auth', access_token: 'good-token', timezone: 'Europe/Paris' });
    expect(frames[0]!.type).toBe('session_ready');
    expect(states).toEqual(['connecting', 'online']);
  });

  it('logout waits for the backend to finish and close before stopping, and does not reconnect', async () => {
    const server = await startStandInBackend();
    cleanup.push(server.close);
    const { link, states, timers } = client(server.url);
    link.start();
    await expect.poll(() => states.includes('online')).toBe(true);
    expect(await link.logout()).toBe(true);
    expect(server.received.at(-1)).toMatchObject({ type: 'logout' });
    expect(link.state).toBe('offline');
    expect(timers.scheduled.size).toBe(0); // no reconnect scheduled, no timeout left behind
  });

  it('logout gives up after its timeout when the backend never closes, and stops anyway', async () => {
    const server = await startStandInBackend();
    cleanup.push(server.close);
    server.holdLogouts();
    const { link, states, timers } = client(server.url);
    link.start();
    await expect.poll(() => states.includes('online')).toBe(true);
    const done = link.logout(2_000);
    await server.until(() => server.received.some((f) => f.type === 'logout'));
    timers.advance(2_000);
    expect(await done).toBe(false);
    expect(link.state).toBe('offline');
  });

  it('logout while offline resolves false at once and sends nothing', async () => {
    const server = await startStandInBackend();
    cleanup.push(server.close);
    const { link } = client(server.url);
    expect(await link.logout()).toBe(false);
    expect(server.received).toEqual([]);
  });

  it('a new time zone reconnects an open session and sends it with session_auth', async () => {
    const server = await startStandInBackend();
    cleanup.push(server.close);
    const { link, states } = client(server.url);
    link.start();
    await expect.poll(() => states.filter((s) => s === 'online').length).toBe(1);
    link.setTimezone('Europe/Paris'); // unchanged: nothing happens
    link.setTimezone('Asia/Tokyo');
    await expect.poll(() => states.filter((s) => s === 'online').length).toBe(2);
    expect(server.received.filter((f) => f.type === 'session_auth').map((f) => f.timezone)).toEqual(['Europe/Paris', 'Asia/Tokyo']);
  });

  it('a new reply voice is sent with session_auth on the open socket, without reconnecting', async () => {
    const server = await startStandInBackend();
    cleanup.push(server.close);
    const { link, states, frames } = client(server.url);
    link.start();
    await expect.poll(() => states.filter((s) => s === 'online').length).toBe(1);
    link.setVoice('warm');
    link.setVoice('warm'); // unchanged: nothing more happens
    await expect.poll(() => frames.filter((f) => f.type === 'session_ready').length).toBe(2);
    expect(server.received.filter((f) => f.type === 'session_auth').map((f) => f.voice)).toEqual([undefined, 'warm']);
    expect(states).toEqual(['connecting', 'online']);
  });

  it('a voice set before the link starts goes with the first session_auth', async () => {
    const server = await startStandInBackend();
    cleanup.push(server.close);
    const { link, states } = client(server.url);
    link.setVoice('deep');
    link.start();
    await expect.poll(() => states.filter((s) => s === 'online').length).toBe(1);
    expect(server.received.filter((f) => f.type === 'session_auth').map((f) => f.voice)).toEqual(['deep']);
  });

  it('tags frames with frame_id and settles them on ack', async () => {
    const server = await startStandInBackend();
    cleanup.push(server.close);
    const { link, states } = client(server.url);
    link.start();
    await expect.poll(() => states.includes('online')).toBe(true);
    const id = link.send({ type: 'transcript', id: 't-1', text: 'hello' });
    expect(id).toBe('fid-1');
    await server.until(() => server.received.some((f) => f.frame_id === 'fid-1'));
    await expect.poll(() => link.pendingCount).toBe(0);
    expect(server.received.find((f) => f.frame_id === 'fid-1')).toEqual({
      type: 'transcript',
      id: 't-1',
      text: 'hello',
      frame_id: 'fid-1',
    });
  });

  it('reconnects with backoff after a drop and resends the unacknowledged frame after session_ready', async () => {
    const server = await startStandInBackend();
    cleanup.push(server.close);
    const { link, timers, states } = client(server.url);
    link.start();
    await expect.poll(() => states.includes('online')).toBe(true);
    server.dropNext((f) => f.type === 'account_connected');
    link.send({ type: 'account_connected', provider: 'google' });
    await timers.untilScheduled(); // the drop was noticed and a reconnect scheduled
    expect(link.state).toBe('offline');
    expect(link.pendingCount).toBe(1);
    expect(timers.delays).toEqual([50]); // full jitter with random 0.5 of a 100 ms ceiling
    // Sent while offline: queued, not lost.
    link.send({ type: 'transcript', id: 't-2', text: 'and then' });
    timers.fireAll();
    await server.until(
      () => server.received.filter((f) => f.frame_id === 'fid-1').length === 2 && server.received.some((f) => f.frame_id === 'fid-2'),
    );
    // Re-auth first, then the resend in original order, with the same frame ids.
    const afterSecondAuth = server.received.slice(server.received.findLastIndex((f) => f.type === 'session_auth'));
    expect(afterSecondAuth.map((f) => f.frame_id ?? f.type)).toEqual(['session_auth', 'fid-1', 'fid-2']);
    await expect.poll(() => link.pendingCount).toBe(0);
    expect(states).toEqual(['connecting', 'online', 'offline', 'connecting', 'online']);
  });

  it('reconnects at once, without backoff, when the backend closes with 1012 (Service Restart)', async () => {
    const server = await startStandInBackend();
    cleanup.push(server.close);
    const { link, timers, states } = client(server.url);
    link.start();
    await expect.poll(() => states.includes('online')).toBe(true);
    for (const s of server.sockets) s.close(1012, 'service restart');
    await timers.untilScheduled();
    expect(timers.delays).toEqual([0]);
    timers.fireAll();
    await expect.poll(() => states.filter((s) => s === 'online').length).toBe(2);
    // An ordinary drop afterwards still backs off.
    for (const s of server.sockets) if (s.readyState === s.OPEN) s.close(1011, 'oops');
    await expect.poll(() => timers.delays.length).toBe(2);
    expect(timers.delays[1]).toBeGreaterThan(0);
  });

  it('backs off with growing ceilings while the backend is down, and resets after session_ready', async () => {
    const server = await startStandInBackend();
    const url = server.url;
    await server.close(); // nothing listens on this port now
    const { link, timers } = client(url);
    link.start();
    for (let i = 0; i < 4; i++) {
      await timers.untilScheduled();
      timers.fireAll();
    }
    await timers.untilScheduled();
    expect(timers.delays).toEqual([50, 100, 200, 400, 500]);
    link.stop();
    expect(timers.scheduled.size).toBe(0);
  });

  it('drops invalid server frames with a reason only (no content) and keeps going', async () => {
    const server = await startStandInBackend();
    cleanup.push(server.close);
    const { link, frames, states, warnings } = client(server.url);
    link.start();
    await expect.poll(() => states.includes('online')).toBe(true);
    server.send('{"type":"agent_stream","request_id":"r1","delta":"secret text","extra":"x"}');
    server.send('not json at all sk-live-SECRET');
    server.send(JSON.stringify({ type: 'agent_done', request_id: 'r1' }));
    await expect.poll(() => frames.length).toBe(2);
    expect(frames.map((f) => f.type)).toEqual(['session_ready', 'agent_done']);
    expect(warnings.length).toBe(2);
    expect(JSON.stringify(warnings)).not.toMatch(/secret|SECRET/);
  });

  it('reports UNAUTHENTICATED so the session can refresh, and stays offline when signed out', async () => {
    const server = await startStandInBackend();
    cleanup.push(server.close);
    let unauth = 0;
    const { link, frames } = client(server.url, { getAccessToken: async () => 'stale-token', onUnauthenticated: () => unauth++ });
    link.start();
    await expect.poll(() => frames.length > 0).toBe(true);
    expect(frames[0]).toMatchObject({ type: 'error', code: 'UNAUTHENTICATED' });
    expect(unauth).toBe(1);

    const signedOut = client(server.url, { getAccessToken: async () => undefined });
    signedOut.link.start();
    await expect.poll(() => signedOut.states).toEqual(['connecting', 'offline']);
    expect(server.sockets.length).toBe(1);
  });

  it('stop() forgets queued frames (they belong to the signed-out session)', async () => {
    const server = await startStandInBackend();
    cleanup.push(server.close);
    const { link } = client(server.url);
    link.send({ type: 'transcript', id: 't-9', text: 'queued' });
    expect(link.pendingCount).toBe(1);
    link.stop();
    expect(link.pendingCount).toBe(0);
  });
});
