import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createLogger } from '../../src/log.js';
import { readyRoutes, type ReadinessCheck } from '../../src/server/routes/ready.js';
import { drainAndClose } from '../../src/server/shutdown.js';

const logger = createLogger({ level: 'silent' });
let apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.map((a) => a.close().catch(() => undefined)));
  apps = [];
});

async function server(register?: (app: FastifyInstance) => void): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify();
  apps.push(app);
  await app.register(websocket);
  app.register(async (scoped) => {
    scoped.get('/ws', { websocket: true }, () => undefined);
  });
  register?.(app);
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: `127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('graceful shutdown', () => {
  it('closes every socket with 1012, refuses new connections, and closes the app only after the writes under way', async () => {
    let closed = false;
    const { app, url } = await server((a) => void a.addHook('onClose', async () => void (closed = true)));
    const sockets = await Promise.all(
      [1, 2].map(async () => {
        const ws = new WebSocket(`ws://${url}/ws`);
        await new Promise((r) => ws.once('open', r));
        return { ws, closed: new Promise<number>((r) => ws.once('close', (code) => r(code))) };
      }),
    );
    const writes = deferred();
    const drained = drainAndClose({ app, logger, writesDone: () => writes.promise, graceMs: 60_000 });
    expect(await Promise.all(sockets.map((s) => s.closed))).toEqual([1012, 1012]);
    // Not accepting any more.
    const refused = new WebSocket(`ws://${url}/ws`);
    await expect(new Promise((resolve, reject) => (refused.once('open', resolve), refused.once('error', reject)))).rejects.toThrow();
    expect(closed).toBe(false);
    writes.resolve();
    await drained;
    expect(closed).toBe(true);
  });

  it('closes anyway once the grace period is over', async () => {
    const { app } = await server();
    await drainAndClose({ app, logger, writesDone: () => new Promise(() => undefined), graceMs: 20 });
    expect(app.server.listening).toBe(false);
  });
});

describe('/ready', () => {
  const ok: ReadinessCheck = { name: 'database', check: async () => undefined };
  const down: ReadinessCheck = {
    name: 'redis',
    check: async () => {
      throw new Error('ECONNREFUSED 127.0.0.1:6379 with secret=hunter2');
    },
  };

  it('is 200 when every dependency answers, 503 naming the one that does not (without its error), 503 while draining', async () => {
    let draining = false;
    const { app } = await server((a) => void readyRoutes([ok], () => draining)(a, async () => ({}) as never));
    const ready = await app.inject('/ready');
    expect([ready.statusCode, ready.json()]).toEqual([200, { status: 'ready', checks: { database: 'ok' } }]);
    draining = true;
    expect((await app.inject('/ready')).statusCode).toBe(503);

    const other = await server((a) => void readyRoutes([ok, down], () => false)(a, async () => ({}) as never));
    const res = await other.app.inject('/ready');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable', checks: { database: 'ok', redis: 'unreachable' } });
    expect(res.body).not.toContain('hunter2');
  });
});
