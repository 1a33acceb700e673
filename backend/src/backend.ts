import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createAccessTokenVerifier, type AccessTokenVerifier } from './auth/jwt.js';
import type { ProviderTokenSource } from './auth/tokenSource.js';
import { TokenVaultClient, type TokenVaultExchangeEvent } from './auth/tokenVault.js';
import type { BackendEnv } from './config.js';
import { createLogger, type Logger } from './log.js';
import type { Provider } from './protocol/index.js';
import { createBackendServer, type BackendServerDeps } from './server/app.js';
import { UserChannels } from './server/channels.js';
import type { ConversationHandler } from './server/handlers.js';
import { LinkService } from './server/links.js';
import { openDatabase } from './store/sqlite.js';
import { SqliteVouchStore, type VouchStore } from './store/vouchStore.js';

/** Everything a conversation handler may use; built once per backend process. */
export interface BackendCore {
  env: BackendEnv;
  logger: Logger;
  store: VouchStore;
  db: ReturnType<typeof openDatabase>;
  verify: AccessTokenVerifier;
  tokenVault: TokenVaultClient;
  tokens: ProviderTokenSource;
  links: LinkService;
  channels: UserChannels;
  now: () => number;
  /** Observes every Token Vault exchange (never the token), e.g. to audit it. */
  onTokenExchange(fn: (e: TokenVaultExchangeEvent) => void): void;
}

export interface StartBackendOptions {
  logger?: Logger;
  now?: () => number;
  /** Builds the conversation handler (the agent pipeline) from the core services. */
  handler: (core: BackendCore) => ConversationHandler | Promise<ConversationHandler>;
  routes?: (core: BackendCore) => BackendServerDeps['routes'];
  /** Observes Token Vault exchanges (never the token), e.g. for the audit log. */
  onExchange?: (e: TokenVaultExchangeEvent) => void;
  onClose?: () => Promise<void> | void;
}

export interface RunningBackend {
  url: string;
  wsUrl: string;
  app: FastifyInstance;
  core: BackendCore;
  close(): Promise<void>;
}

export async function startBackend(env: BackendEnv, opts: StartBackendOptions): Promise<RunningBackend> {
  const logger = opts.logger ?? createLogger({ level: env.LOG_LEVEL });
  const now = opts.now ?? Date.now;
  const db = openDatabase(join(env.DATA_DIR, 'vouch.sqlite'));
  const store = new SqliteVouchStore(db);
  const verify = createAccessTokenVerifier({ issuer: env.AUTH0_ISSUER_BASE_URL, audience: env.AUTH0_AUDIENCE, clockToleranceSeconds: env.JWT_CLOCK_TOLERANCE_S });
  let exchangeObserver: ((e: TokenVaultExchangeEvent) => void) | undefined = opts.onExchange;
  const tokenVault = new TokenVaultClient({
    issuer: env.AUTH0_ISSUER_BASE_URL,
    clientId: env.AUTH0_CLIENT_ID,
    clientSecret: env.AUTH0_CLIENT_SECRET,
    now,
    onExchange: (e) => exchangeObserver?.(e),
  });
  const connections: Record<Provider, string> = { google: env.GOOGLE_CONNECTION, slack: env.SLACK_CONNECTION };
  const links = new LinkService(store, tokenVault, connections, now);
  const channels = new UserChannels();
  const core: BackendCore = {
    env,
    logger,
    store,
    db,
    verify,
    tokenVault,
    tokens: tokenVault,
    links,
    channels,
    now,
    onTokenExchange: (fn) => {
      const previous = exchangeObserver;
      exchangeObserver = (e) => {
        previous?.(e);
        fn(e);
      };
    },
  };
  const handler = await opts.handler(core);
  const app = await createBackendServer({
    verify,
    store,
    links,
    channels,
    handler,
    logger,
    routes: opts.routes?.(core),
    onClose: async () => {
      await opts.onClose?.();
      db.close();
    },
  });
  await app.listen({ host: env.HOST, port: env.PORT });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const url = `http://${env.HOST}:${port}`;
  logger.info({ url }, 'vouch backend listening');
  return {
    url,
    wsUrl: `ws://${env.HOST}:${port}/ws`,
    app,
    core,
    close: async () => {
      exchangeObserver = undefined;
      await app.close();
    },
  };
}
