import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { AuthError, type VerifiedUser } from '../auth/jwt.js';
import { DEFAULT_ERROR_MESSAGES } from '../protocol/index.js';
import { ApiError, type RouteModule } from './apiError.js';
import { attachWsSession, type WsSessionDeps } from './wsSession.js';

export { ApiError } from './apiError.js';

/** What each socket needs (see `WsSessionDeps`), plus the HTTP side's resources. */
export interface BackendServerDeps extends WsSessionDeps {
  /** Authenticated HTTP routes, one module per resource (audit, rules, memory, …). */
  routes: readonly RouteModule[];
  onClose?: () => Promise<void> | void;
}

/** HTTP and WebSocket on one port: `/ws` and the resources' routes. */
export async function createBackendServer(deps: BackendServerDeps): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: deps.logger, bodyLimit: 256 * 1024 }) as unknown as FastifyInstance;
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

  const requireUser = async (req: FastifyRequest): Promise<VerifiedUser> => {
    const m = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '');
    if (!m) throw new ApiError(401, 'UNAUTHENTICATED', 'Send an Authorization: Bearer access token.');
    try {
      return await deps.verify(m[1]!);
    } catch (err) {
      throw new ApiError(401, 'UNAUTHENTICATED', `Sign-in was not accepted (${err instanceof AuthError ? err.reason : 'token invalid'}).`);
    }
  };

  app.register(async (scoped) => {
    scoped.get('/ws', { websocket: true }, (socket) => {
      attachWsSession(socket, deps);
    });
  });

  for (const routes of deps.routes) await routes(app, requireUser);

  app.addHook('onClose', async () => {
    await deps.onClose?.();
  });
  return app;
}
