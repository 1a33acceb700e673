import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { AuthError, type VerifiedUser } from '../auth/jwt.js';
import { DEFAULT_ERROR_MESSAGES, type ErrorCode } from '../protocol/index.js';
import { attachWsSession, type WsSessionDeps } from './wsSession.js';

/** What each socket needs (see `WsSessionDeps`), plus the HTTP side's extras. */
export interface BackendServerDeps extends WsSessionDeps {
  /** Extra authenticated HTTP routes (audit, rules, memory, …). */
  routes?: (app: FastifyInstance, requireUser: (req: FastifyRequest) => Promise<VerifiedUser>) => void | Promise<void>;
  onClose?: () => Promise<void> | void;
}

/** An HTTP error with a stable code, rendered as `{error: {code, message}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message?: string,
  ) {
    super(message ?? DEFAULT_ERROR_MESSAGES[code].message);
  }
}

/** HTTP and WebSocket on one port: `/health`, `/ws`, and the JWT-protected JSON API. */
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

  app.get('/health', async () => ({ status: 'ok' }));

  app.get('/scopes', async (req) => {
    const user = await requireUser(req);
    return { providers: deps.links.list(user.sub) };
  });

  app.register(async (scoped) => {
    scoped.get('/ws', { websocket: true }, (socket) => {
      attachWsSession(socket, deps);
    });
  });

  if (deps.routes) await deps.routes(app, requireUser);

  app.addHook('onClose', async () => {
    await deps.onClose?.();
  });
  return app;
}
