import type { RouteModule } from '../apiError.js';

/** One dependency the instance cannot serve without (the database, Redis). */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

const CHECK_TIMEOUT_MS = 2_000;

/**
 * `/ready`: whether a load balancer should send this instance traffic — every shared dependency
 * answers, and the instance is not draining for shutdown. `/health` stays plain liveness.
 */
export const readyRoutes =
  (checks: readonly ReadinessCheck[], draining: () => boolean): RouteModule =>
  (app) => {
    app.get('/ready', async (_req, reply) => {
      if (draining()) return reply.status(503).send({ status: 'draining' });
      const results = await Promise.all(
        checks.map(async (c) => {
          let timer: ReturnType<typeof setTimeout> | undefined;
          try {
            await Promise.race([
              c.check(),
              new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS))),
            ]);
            return [c.name, 'ok'] as const;
          } catch {
            // The reason stays in the logs' domain; a probe only needs which dependency failed.
            return [c.name, 'unreachable'] as const;
          } finally {
            clearTimeout(timer);
          }
        }),
      );
      const ok = results.every(([, r]) => r === 'ok');
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ready' : 'unavailable', checks: Object.fromEntries(results) });
    });
  };
