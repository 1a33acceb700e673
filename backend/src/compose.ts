import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { toReplyContext } from './agent/contextView.js';
import { GeminiIntentEngine } from './agent/intent/gemini.js';
import { createGeminiClient } from './agent/intent/geminiClient.js';
import { OfflineIntentEngine } from './agent/intent/offline.js';
import { ConversationStore, GeminiEmbedder, LocalEmbedder, LongTermMemory } from './agent/memory/index.js';
import { createAgentPipeline, type AgentPipeline } from './agent/pipeline.js';
import { createReplyComponents } from './agent/reply/index.js';
import { createSpeechSynthesizer } from './agent/tts/index.js';
import { SqliteAuditStore } from './audit/index.js';
import { decodeAuditKey } from './audit/key.js';
import { CibaClient } from './auth/ciba.js';
import { createAccessTokenVerifier, type AccessTokenVerifier } from './auth/jwt.js';
import { TokenVaultClient } from './auth/tokenVault.js';
import { cibaCredentials, openFgaEnv, type BackendEnv } from './config.js';
import { DraftService } from './drafts/index.js';
import { CibaGuard } from './limits/cibaGuard.js';
import { InMemoryCounterStore, type CounterStore } from './limits/counterStore.js';
import { abuseLimitsFromEnv } from './limits/settings.js';
import { createLogger, type Logger } from './log.js';
import { createAuthorizationChecker, defaultTuples, SqlitePreauthStore, SqliteRuleStore, type ConfiguredChecker } from './policy/index.js';
import type { Provider } from './protocol/index.js';
import { createProviderTools } from './providers/index.js';
import { createBackendServer } from './server/app.js';
import { UserChannels } from './server/channels.js';
import { LinkService } from './server/links.js';
import { auditRoutes, healthRoutes, memoryRoutes, preauthorizationRoutes, ruleRoutes, scopeRoutes } from './server/routes/index.js';
import { SessionService } from './session/service.js';
import { openDatabase } from './store/sqlite.js';
import { SqliteVouchStore, type VouchStore } from './store/vouchStore.js';

export interface ComposeOptions {
  logger?: Logger;
  now?: () => number;
}

/** Every service of one backend process, built once by `composeVouch`. */
export interface VouchServices {
  config: BackendEnv;
  logger: Logger;
  now: () => number;
  store: VouchStore;
  verify: AccessTokenVerifier;
  tokenVault: TokenVaultClient;
  links: LinkService;
  channels: UserChannels;
  drafts: DraftService;
  audit: SqliteAuditStore;
  rules: SqliteRuleStore;
  preauth: SqlitePreauthStore;
  memory: LongTermMemory;
  /** Each open socket's short-term conversation. */
  conversations: ConversationStore;
  ciba: CibaGuard;
  /** The relationship checker in use, so an operator (or a test) can write relationships. */
  authz: ConfiguredChecker;
  agent: AgentPipeline;
  sessions: SessionService;
}

export interface Vouch {
  services: VouchServices;
  app: FastifyInstance;
}

export interface RunningBackend extends Vouch {
  url: string;
  wsUrl: string;
  close(): Promise<void>;
}

function auditKey(config: BackendEnv): Uint8Array {
  const raw = config.AUDIT_HMAC_KEY;
  if (!raw) throw new Error('AUDIT_HMAC_KEY is required: the audit chain is signed with it (32+ bytes)');
  return decodeAuditKey(raw).key;
}

/**
 * The composition root: builds every backend service once from the configuration — stores, Token
 * Vault, links, the draft state machine, policy, audit, engines (Gemini or offline), speech
 * (Cartesia or the offline voice), memory, the agent and the HTTP/WS server — and recovers drafts a
 * previous run left mid-way. Nothing else wires services; there are no module-level caches.
 */
export async function composeVouch(config: BackendEnv, opts: ComposeOptions = {}): Promise<Vouch> {
  const logger = opts.logger ?? createLogger({ level: config.LOG_LEVEL });
  const now = opts.now ?? Date.now;
  const db = openDatabase(join(config.DATA_DIR, 'vouch.sqlite'));
  const store = new SqliteVouchStore(db);
  const audit = new SqliteAuditStore(db, { key: auditKey(config), clock: now });
  const auditLater = (sub: string, input: Parameters<SqliteAuditStore['append']>[1]) =>
    void audit.append(sub, input).catch((err: unknown) => logger.error({ err: err instanceof Error ? err.message : String(err), kind: input.kind }, 'audit append failed'));
  const rules = new SqliteRuleStore(db);
  const preauth = new SqlitePreauthStore(db);
  const verify = createAccessTokenVerifier({ issuer: config.AUTH0_ISSUER_BASE_URL, audience: config.AUTH0_AUDIENCE, clockToleranceSeconds: config.JWT_CLOCK_TOLERANCE_S });
  const tokenVault = new TokenVaultClient({
    issuer: config.AUTH0_ISSUER_BASE_URL,
    clientId: config.AUTH0_CLIENT_ID,
    clientSecret: config.AUTH0_CLIENT_SECRET,
    now,
    // Cache hits are not exchanges; every real one is recorded, never with the token itself.
    onExchange: (e) => {
      if (!e.cached) auditLater(e.userId, { kind: 'token_exchange', data: { connection: e.connection, outcome: e.outcome, ...(e.scopes ? { scopes: e.scopes } : {}) } });
    },
  });
  const connections: Record<Provider, string> = { google: config.GOOGLE_CONNECTION, slack: config.SLACK_CONNECTION };
  const links = new LinkService(store, tokenVault, connections, now);
  const channels = new UserChannels();
  const drafts = new DraftService(store, { now, ttlMs: config.DRAFT_TTL_S * 1000 });
  // Rate limits, connection caps and phone-request limits count here; a shared store
  // (redis/counterStore.ts) makes them hold across instances.
  const counters: CounterStore = new InMemoryCounterStore(now);
  const limits = abuseLimitsFromEnv(config);
  const ciba = new CibaGuard(new CibaClient({ issuer: config.AUTH0_ISSUER_BASE_URL, ...cibaCredentials(config), now }), counters, limits.ciba);

  const gemini = config.GEMINI_API_KEY ? createGeminiClient({ apiKey: config.GEMINI_API_KEY, baseUrl: config.GEMINI_BASE_URL }) : undefined;
  const offlineIntent = new OfflineIntentEngine();
  const intent = gemini ? new GeminiIntentEngine({ client: gemini, model: config.GEMINI_MODEL, fallback: offlineIntent, onFallback: (reason) => logger.warn({ reason }, 'gemini intent fell back to offline') }) : offlineIntent;
  const { writer, composer } = createReplyComponents(gemini ? { client: gemini, model: config.GEMINI_MODEL, onError: (e) => logger.warn({ reason: e.message }, 'gemini reply failed') } : undefined);
  const speech = createSpeechSynthesizer({
    ...(config.CARTESIA_API_KEY
      ? { cartesia: { apiKey: config.CARTESIA_API_KEY, ...(config.CARTESIA_BASE_URL ? { baseUrl: config.CARTESIA_BASE_URL } : {}), voiceId: config.CARTESIA_VOICE_ID, modelId: config.CARTESIA_MODEL } }
      : {}),
    log: logger,
  });
  const memory = new LongTermMemory({ dataDir: config.DATA_DIR, embedder: gemini ? new GeminiEmbedder(gemini, config.GEMINI_EMBEDDING_MODEL) : new LocalEmbedder() });
  const conversations = new ConversationStore();
  const tools = createProviderTools({
    tokenSource: tokenVault,
    connections,
    urls: { googleRootUrl: config.GOOGLE_API_ROOT_URL, slackApiUrl: config.SLACK_API_URL },
    now,
    logger: logger.child({ component: 'providers' }),
  });
  // A real OpenFGA server when configured; otherwise the embedded checker over the same model,
  // where every signed-in person owns their own tools until someone writes other relationships.
  const authz = createAuthorizationChecker(openFgaEnv(config), []);
  const seeded = new Set<string>();
  const authzChecker = {
    check: async (req: { user: string; relation: string; object: string }) => {
      const sub = req.user.replace(/^user:/, '');
      if (authz.kind === 'embedded' && !seeded.has(sub)) {
        seeded.add(sub);
        authz.checker.write(defaultTuples(sub));
      }
      return authz.checker.check(req);
    },
  };
  const toUser = (sub: string, frame: Parameters<UserChannels['send']>[1]) => void channels.send(sub, frame);

  const agent = createAgentPipeline({
    links,
    pending: store,
    drafts,
    tools,
    invalidateToken: (sub, provider) => tokenVault.invalidate({ userId: sub, connection: connections[provider] }),
    toUser,
    intent,
    reply: { stream: (input) => writer.stream({ ...input, context: toReplyContext(input.context) }) },
    composer,
    speech: { synthesize: async (text, onAudio, signal) => void (await speech.speak(text, onAudio, signal)) },
    shortTerm: {
      history: (key) => conversations.get(key).history(),
      add: (key, turn) => conversations.get(key).add(turn.role, turn.text),
      clear: (key) => conversations.end(key),
    },
    memory: {
      remember: async (user, text, meta) => void (await memory.remember(user, text, meta)),
      recall: async (user, query, k) => (await memory.recall(user, query, k)).map((m) => m.text),
    },
    audit,
    rules,
    preauth,
    ciba,
    authz: authzChecker,
    userDomain: async (sub) => (await store.getUser(sub))?.email?.split('@')[1] ?? config.DEFAULT_USER_DOMAIN,
    logger,
    now,
  });
  const sessions = new SessionService({
    users: store,
    links,
    drafts,
    abortApprovals: (sub) => agent.stepUp.abortAll(sub),
    clearTokens: (sub) => tokenVault.clearUser(sub),
    endConversation: (id) => conversations.end(id),
    toUser,
    audit: auditLater,
  });

  const recovered = await drafts.recover();
  if (recovered.released || recovered.ended) logger.info(recovered, 'drafts recovered after a restart');

  const app = await createBackendServer({
    verify,
    sessions,
    channels,
    handler: agent.handler,
    logger,
    counters,
    limits: { ws: limits.ws, http: limits.http },
    routes: [
      healthRoutes(),
      scopeRoutes(sessions),
      auditRoutes(audit),
      ruleRoutes(rules, audit),
      preauthorizationRoutes({ preauth, ciba, audit, now }),
      memoryRoutes(memory),
    ],
    onClose: async () => {
      await agent.stepUp.stop();
      db.close();
    },
  });
  const services: VouchServices = { config, logger, now, store, verify, tokenVault, links, channels, drafts, audit, rules, preauth, memory, conversations, ciba, authz, agent, sessions };
  return { services, app };
}

/** Composes the backend and listens on the configured host and port. */
export async function startVouch(config: BackendEnv, opts: ComposeOptions = {}): Promise<RunningBackend> {
  const vouch = await composeVouch(config, opts);
  const { app, services } = vouch;
  await app.listen({ host: config.HOST, port: config.PORT });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://${config.HOST}:${port}`;
  services.logger.info({ url }, 'vouch backend listening');
  return { ...vouch, url, wsUrl: `ws://${config.HOST}:${port}/ws`, close: () => app.close() };
}
