import type { FastifyInstance } from 'fastify';
import type { Logger } from '../log.js';

/** WebSocket close code 1012 (Service Restart): the app reconnects at once, to another instance. */
const SERVICE_RESTART = 1012;

interface DrainOptions {
  app: FastifyInstance;
  logger: Logger;
  /** Resolves once the writes this instance started have finished. */
  writesDone: () => Promise<void>;
  /** How long to wait for them before closing anyway. */
  graceMs: number;
}

/**
 * A graceful stop: refuse new connections, tell every open socket to reconnect elsewhere (1012),
 * let the writes already under way finish (bounded by the grace period), then close the app (its
 * onClose hooks give back step-up leases and close the pools).
 */
export async function drainAndClose(o: DrainOptions): Promise<void> {
  const started = Date.now();
  // Stops accepting; the sockets already upgraded are not the HTTP server's any more.
  o.app.server.close();
  let sockets = 0;
  for (const client of o.app.websocketServer?.clients ?? []) {
    sockets++;
    client.close(SERVICE_RESTART, 'service restart');
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const inTime = await Promise.race([
    o.writesDone().then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), o.graceMs))),
  ]);
  clearTimeout(timer);
  if (!inTime) o.logger.warn({ graceMs: o.graceMs }, 'writes still running at the end of the grace period');
  await o.app.close();
  o.logger.info({ sockets, ms: Date.now() - started }, 'drained and closed');
}
