import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { HeadlessSession } from '../../standins/devtenant/signInHeadless.js';
import type { VouchSystem } from '../../standins/system.js';
import { startTestSystem } from '../helpers/system.js';
import { TestClient } from '../helpers/wsClient.js';

/**
 * The app socket under attack, over real sockets against the running system. Limits are configured
 * short (milliseconds, a few frames) so each attack shows its effect without waiting out real defaults.
 */
const LIMITS = {
  WS_AUTH_TIMEOUT_MS: '300',
  WS_PING_INTERVAL_MS: '100',
  WS_PONG_TIMEOUT_MS: '150',
  WS_MAX_BAD_FRAMES: '20',
  WS_MAX_FRAMES_PER_MINUTE: '60',
  WS_MAX_CONNECTIONS_PER_IP: '3',
  WS_MAX_CONNECTIONS: '5',
};

let system: VouchSystem;
let alex: HeadlessSession;
beforeAll(async () => {
  system = await startTestSystem({ env: LIMITS });
  alex = await system.login('alex');
});
afterAll(async () => {
  await system.stop();
});

/** A client that sends but never reads: its socket is paused, so every reply waits at the server. */
async function slowReader(url: string): Promise<{ ws: WebSocket; resume: () => void }> {
  const ws = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const tcp = (ws as unknown as { _socket: import('node:net').Socket })._socket;
  tcp.pause();
  return { ws, resume: () => tcp.resume() };
}

describe('app socket abuse', () => {
  it('closes an unauthenticated slow reader flooding 4 MB of frames with 1008 after a few errors, instead of buffering a reply to each', async () => {
    const { ws, resume } = await slowReader(system.wsUrl);
    let errors = 0;
    ws.on('message', () => (errors += 1));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('error', () => undefined);
    // 4 MB of small unauthenticated frames: each used to cost a ~150-byte error reply held for a peer that never reads.
    const frame = JSON.stringify({ type: 'transcript', id: 'x', text: 'y'.repeat(20) });
    const count = Math.ceil((4 * 1024 * 1024) / frame.length);
    for (let i = 0; i < count; i++) ws.send(frame);
    resume();
    expect(await closed).toBe(1008);
    expect(errors).toBeLessThanOrEqual(Number(LIMITS.WS_MAX_BAD_FRAMES));
  });

  it('closes a socket that never signs in once the sign-in deadline passes', async () => {
    const c = await TestClient.connect(system.wsUrl);
    expect(await c.ended()).toBe(1008);
  });

  it('closes a signed-in socket that floods frames with 1008 rather than answering each', async () => {
    const c = await TestClient.connect(system.wsUrl);
    expect(await c.auth(alex.access_token)).toMatchObject({ type: 'session_ready' });
    for (let i = 0; i < 200; i++) c.send({ type: 'list_scopes' });
    expect(await c.ended()).toBe(1008);
    expect(c.frames.filter((f) => f.type === 'scopes').length).toBeLessThanOrEqual(Number(LIMITS.WS_MAX_FRAMES_PER_MINUTE));
  });

  it('cuts a peer that does not answer pings', async () => {
    const c = await TestClient.connect(system.wsUrl, { autoPong: false });
    expect(await c.auth(alex.access_token)).toMatchObject({ type: 'session_ready' });
    expect(await c.ended()).toBe(1006);
  });

  it('keeps a signed-in peer that answers pings past several heartbeats', async () => {
    const c = await TestClient.connect(system.wsUrl);
    expect(await c.auth(alex.access_token)).toMatchObject({ type: 'session_ready' });
    let pings = 0;
    await new Promise<void>((resolve) => c.ws.on('ping', () => ++pings === 4 && resolve()));
    c.send({ type: 'list_scopes' });
    expect(await c.next('scopes')).toMatchObject({ type: 'scopes' });
    await c.close();
  });

  // Last in the file: it holds the per-address places that the tests above use.
  it('caps open sockets per client address and in all; a refused client gets no socket, and closing frees a place', async () => {
    const open = async (localAddress: string) => {
      const c = await TestClient.connect(system.wsUrl, { localAddress });
      expect(await c.auth(alex.access_token)).toMatchObject({ type: 'session_ready' });
      return c;
    };
    const refused = (localAddress: string) => expect(TestClient.connect(system.wsUrl, { localAddress })).rejects.toThrow(/503/);
    const first = [await open('127.0.0.1'), await open('127.0.0.1'), await open('127.0.0.1')];
    await refused('127.0.0.1');
    // Another address still gets in, up to the total.
    const second = [await open('127.0.0.2'), await open('127.0.0.2')];
    await refused('127.0.0.3');
    await first[0]!.close();
    const again = await waitForPlace(() => TestClient.connect(system.wsUrl, { localAddress: '127.0.0.3' }));
    expect(await again.auth(alex.access_token)).toMatchObject({ type: 'session_ready' });
    for (const c of [...first.slice(1), ...second, again]) await c.close();
  });
});

/** The server frees a place when it sees the TCP close, a moment after the client's close resolves. */
async function waitForPlace(connect: () => Promise<TestClient>): Promise<TestClient> {
  for (let i = 0; ; i++) {
    try {
      return await connect();
    } catch (err) {
      if (i > 50 || !/503/.test(String(err))) throw err;
      await new Promise<void>((r) => setImmediate(r));
    }
  }
}

describe('a peer that does not read', () => {
  let loose: VouchSystem;
  beforeAll(async () => {
    // Frame and error budgets out of the way, so only the send-buffer cap stands between the flood and memory.
    loose = await startTestSystem({
      env: { WS_MAX_BAD_FRAMES: '10000000', WS_MAX_FRAMES_PER_MINUTE: '10000000', WS_MAX_BUFFERED_BYTES: '65536' },
    });
  });
  afterAll(async () => {
    await loose.stop();
  });

  it('is cut once its unsent replies pass the cap, never written to beyond it', async () => {
    const { ws } = await slowReader(loose.wsUrl);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('error', () => undefined);
    // Tiny frames, each answered with a far larger error: the kernel's buffers fill, then the server's would.
    let sent = 0;
    const flood = () => {
      if (ws.readyState !== WebSocket.OPEN) return;
      for (let i = 0; i < 5000; i++) ws.send('x');
      sent += 5000;
      if (sent < 1_000_000) setImmediate(flood);
    };
    flood();
    expect(await closed).toBe(1006);
  });
});
