import { createServer, type Server } from 'node:net';

/**
 * Free loopback ports for one test file's callback list: each test file registers its own, so
 * parallel workers never contend for the app's default ports. The OS picks them (port 0) and they
 * are released at once for the code under test to bind.
 */
export async function reserveLoopbackPorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<Server>((resolve, reject) => {
          const s = createServer();
          s.once('error', reject);
          s.listen(0, '127.0.0.1', () => resolve(s));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  return ports;
}

/** Holds a port so the code under test finds it busy. */
export async function occupy(port: number): Promise<{ release(): Promise<void> }> {
  const s = createServer();
  await new Promise<void>((resolve, reject) => {
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => resolve());
  });
  return { release: () => new Promise<void>((r) => s.close(() => r())) };
}
