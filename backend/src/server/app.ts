import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { AuthError, type VerifiedUser } from '../auth/jwt.js';
import { ConnectionGauge, type ConnectionSlot } from '../limits/connectionGauge.js';
import { InMemoryCounterStore, type CounterStore } from '../limits/counterStore.js';
import { rateLimitStoreOver } from '../limits/rateLimitStore.js';
import { DEFAULT_WS_LIMITS, type HttpRateLimits, type WsLimits } from '../limits/settings.js';
import { DEFAULT_ERROR_MESSAGES } from '../protocol/index.js';
import { ApiError, type RouteModule } from './apiError.js';
import { attachWsSession, type WsSessionDeps } from './wsSession.js';

export { ApiError } from './apiError.js';

/** What each socket needs (see `WsSessionDeps`), plus the HTTP side's resources. */
interface BackendServerDeps extends Omit<WsSessionDeps, 'limits'> {
  /** Authenticated HTTP routes, one module per resource (audit, rules, memory, …). */
  routes: readonly RouteModule[];
  /** Where connection and request counts live; process memory when unset. */
  counters?: CounterStore;
  limits?: { ws?: Partial<WsLimits>; http?: HttpRateLimits };
  onClose?: () => Promise<void> | void;
}

const DEFAULT_HTTP_LIMITS: HttpRateLimits = { perIp: 600, perUser: 300, windowMs: 60_000 };

/** HTTP and WebSocket on one port: `/ws` and the resources' routes. */
export async function createBackendServer(deps: BackendServerDeps): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: deps.logger, bodyLimit: 256 * 1024 }) as unknown as FastifyInstance;
  const counters = deps.counters ?? new InMemoryCounterStore();
  const wsLimits: WsLimits = { ...DEFAULT_WS_LIMITS, ...deps.limits?.ws };
  const httpLimits = deps.limits?.http ?? DEFAULT_HTTP_LIMITS;
  await app.register(websocket, { options: { maxPayload: 1024 * 1024 } });

  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof ApiError) return reply.status(err.status).send({ error: { code: err.code, message: err.message } });
    const e = err as { statusCode?: number; validation?: unknown; message?: string };
    if (e.validation || (e.statusCode && e.statusCode < 500)) {
      return reply.status(e.statusCode ?? 400).send({ error: { code: 'BAD_REQUEST', message: e.message ?? 'bad request' } });
    }
    deps.logger.error({ err: e.message }, 'request failed');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: DEFAULT_ERROR_MESSAGES.INTERNAL.message } });
  });

  // A stopping server closes only the connections idle at that moment; one answering a long wait
  // (a phone approval) would otherwise be kept alive and hold the stop for the keep-alive timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // Answers carry the person's rules, audit trail and memory: no shared or browser cache may keep them.
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('cache-control', 'no-store');
    if (closing) reply.header('connection', 'close');
    return payload;
  });

  // One verification per request, whether the rate limiter or the route asks first.
  const verified = new WeakMap<FastifyRequest, Promise<VerifiedUser>>();
  const requireUser = (req: FastifyRequest): Promise<VerifiedUser> => {
    let user = verified.get(req);
    if (!user) {
      user = verifyRequest(req);
      verified.set(req, user);
    }
    return user;
  };
  const verifyRequest = async (req: FastifyRequest): Promise<VerifiedUser> => {
    const m = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '');
    if (!m) throw new ApiError(401, 'UNAUTHENTICATED', 'Send an Authorization: Bearer access token.');
    try {
      return await deps.verify(m[1]!);
    } catch (err) {
      throw new ApiError(401, 'UNAUTHENTICATED', `Sign-in was not accepted (${err instanceof AuthError ? err.reason : 'token invalid'}).`, {
        cause: err,
      });
    }
  };

  // Two limiters on every route (each registration keeps its own counts and its own "already ran"
  // mark): per client address, and per verified user so one account cannot spread a flood over addresses.
  const tooMany = (_req: FastifyRequest, ctx: { after: string }) =>
    new ApiError(429, 'RATE_LIMITED', `Too many requests; try again in ${ctx.after}.`);
  await app.register(rateLimit, {
    global: true,
    max: httpLimits.perIp,
    timeWindow: httpLimits.windowMs,
    store: rateLimitStoreOver(counters, 'http:ip:'),
    errorResponseBuilder: tooMany,
  });
  const ANONYMOUS = '-';
  await app.register(rateLimit, {
    global: true,
    max: httpLimits.perUser,
    timeWindow: httpLimits.windowMs,
    store: rateLimitStoreOver(counters, 'http:user:'),
    keyGenerator: async (req) => {
      if (!req.headers.authorization) return ANONYMOUS;
      return requireUser(req).then(
        (u) => u.sub,
        () => ANONYMOUS,
      );
    },
    // Requests without a valid token are the address limiter's; the route answers them 401.
    allowList: (_req, key) => key === ANONYMOUS,
    errorResponseBuilder: tooMany,
  });

  const gauge = new ConnectionGauge(counters, { total: wsLimits.maxConnections, perIp: wsLimits.maxConnectionsPerIp });
  app.register(async (scoped) => {
    scoped.get(
      '/ws',
      {
        websocket: true,
        // Counted before the upgrade, so a refused client never gets a socket at all.
        preValidation: async (req, reply) => {
          const opened = await gauge.open(req.ip);
          if (!opened.ok) {
            deps.logger.info({ refused: opened.refused }, 'app socket refused: connection cap');
            return reply.status(503).send({ error: { code: 'RATE_LIMITED', message: 'Too many open connections; try again later.' } });
          }
          const slot: ConnectionSlot = opened.slot;
          // The TCP socket closing is the one event every ending shares (refused upgrade, close, crash).
          req.raw.socket.once('close', () => void slot.release().catch(() => undefined));
        },
      },
      (socket) => {
        attachWsSession(socket, { ...deps, limits: wsLimits });
      },
    );
  });

  for (const routes of deps.routes) await routes(app, requireUser);

  app.addHook('onClose', async () => {
    gauge.close();
    await deps.onClose?.();
  });
  return app;
}
