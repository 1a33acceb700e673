import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { toReplyContext } from './agent/contextView.js';
import { GeminiIntentEngine } from './agent/intent/gemini.js';
import { createGeminiClient } from './agent/intent/geminiClient.js';
import { OfflineIntentEngine } from './agent/intent/offline.js';
import { SlotFillingEngine } from './agent/intent/slotFilling.js';
import { ConversationStore, forgetNote, GeminiEmbedder, LocalEmbedder, LongTermMemory } from './agent/memory/index.js';
import { createAgentPipeline, type AgentPipeline } from './agent/pipeline.js';
import { createReplyComponents } from './agent/reply/index.js';
import { createSpeechSynthesizer } from './agent/tts/index.js';
import { createAuditTrail, SqliteAuditStore, type AuditStore } from './audit/index.js';
import { decodeAuditKey } from './audit/key.js';
import { CibaClient } from './auth/ciba.js';
import { createAccessTokenVerifier, type AccessTokenVerifier } from './auth/jwt.js';
import { TokenVaultClient } from './auth/tokenVault.js';
import { cartesiaVoiceIds, cibaCredentials, openFgaEnv, sharedStateConfig, type BackendEnv } from './config.js';
import { DraftService } from './drafts/index.js';
import { CibaGuard } from './limits/cibaGuard.js';
import { InMemoryEventBus, type EventBus } from './events/eventBus.js';
import { UserDelivery } from './events/userDelivery.js';
import { InMemoryCounterStore, type CounterStore } from './limits/counterStore.js';
import { abuseLimitsFromEnv } from './limits/settings.js';
import { createLogger, type Logger } from './log.js';
import {
  createAuthorizationChecker,
  defaultTuples,
  SqlitePreauthStore,
  SqliteRuleStore,
  type ConfiguredChecker,
  type PreauthStore,
  type RuleStore,
} from './policy/index.js';
import { createProviderRegistry, createProviderTools } from './providers/index.js';
import { providerSettingsFromEnv } from './providers/registry.js';
import { connectRedis, RedisCounterStore, RedisEventBus, RedisTokenCache, type RedisClient } from './redis/index.js';
import { createBackendServer } from './server/app.js';
import { UserChannels } from './server/channels.js';
import { LinkService } from './server/links.js';
import {
  auditRoutes,
  healthRoutes,
  memoryRoutes,
  preauthorizationRoutes,
  readyRoutes,
  ruleRoutes,
  scopeRoutes,
  settingsRoutes,
  type ReadinessCheck,
} from './server/routes/index.js';
import { drainAndClose } from './server/shutdown.js';
import { SessionService } from './session/service.js';
import {
  createPostgresPool,
  migrate,
  PostgresAuditStore,
  PostgresLongTermMemory,
  PostgresPreauthStore,
  PostgresRuleStore,
  PostgresUserSettingsStore,
  PostgresVouchStore,
  type PgPool,
} from './store/postgres/index.js';
import { openDatabase } from './store/sqlite.js';
import { SqliteVouchStore, type VouchStore } from './store/vouchStore.js';
import { SqliteUserSettingsStore, type UserSettingsStore } from './settings/index.js';
import { DEFAULT_MEETING_MINUTES } from './protocol/index.js';

export interface ComposeOptions {
  logger?: Logger;
  now?: () => number;
  /** A certificate to trust at CARTESIA_BASE_URL (the local Cartesia stand-in's, which serves TLS with its own). */
  cartesiaCa?: string;
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
  audit: AuditStore;
  rules: RuleStore;
  preauth: PreauthStore;
  /** The person's backend-kept settings: other own domains, default meeting length. */
  settings: UserSettingsStore;
  memory: Pick<LongTermMemory, 'remember' | 'recall' | 'list' | 'forget' | 'forgetAll'>;
  /** Each open socket's short-term conversation. */
  conversations: ConversationStore;
  ciba: CibaGuard;
  /** The relationship checker in use, so an operator (or a test) can write relationships. */
  authz: ConfiguredChecker;
  agent: AgentPipeline;
  sessions: SessionService;
  /** Names this process in logs, step-up leases and bus events. */
  instanceId: string;
  /** `embedded`: SQLite and process memory; `shared`: PostgreSQL and/or Redis (see README, Two modes). */
  mode: { database: 'sqlite' | 'postgres'; redis: boolean };
  events: EventBus;
  /** Counters for rate limits and connection caps: per process, or in Redis across instances. */
  counters: CounterStore;
}

export interface Vouch {
  services: VouchServices;
  app: FastifyInstance;
  /** SIGTERM: stop accepting, send every socket 1012 (reconnect now), let writes finish, close. */
  shutdown(): Promise<void>;
}

export interface RunningBackend extends Vouch {
  url: string;
  wsUrl: string;
  close(): Promise<void>;
}

/** The stores one mode provides: SQLite on the data dir, or PostgreSQL (migrated at start). */
async function openStores(config: BackendEnv, key: Uint8Array, now: () => number, instanceId: string) {
  const url = sharedStateConfig(config).databaseUrl;
  if (url) {
    const pool: PgPool = createPostgresPool(url, { applicationName: `vouch:${instanceId}` });
    try {
      await migrate(pool);
    } catch (err) {
      await pool.end();
      throw err;
    }
    return {
      database: 'postgres' as const,
      store: new PostgresVouchStore(pool),
      audit: new PostgresAuditStore(pool, { key, clock: now }) as AuditStore,
      rules: new PostgresRuleStore(pool) as RuleStore,
      preauth: new PostgresPreauthStore(pool) as PreauthStore,
      settings: new PostgresUserSettingsStore(pool, now) as UserSettingsStore,
      check: { name: 'database', check: async () => void (await pool.query('SELECT 1')) } as ReadinessCheck,
      pool: pool as PgPool | undefined,
      close: () => pool.end(),
    };
  }
  const db = openDatabase(join(config.DATA_DIR, 'vouch.sqlite'));
  return {
    database: 'sqlite' as const,
    store: new SqliteVouchStore(db),
    audit: new SqliteAuditStore(db, { key, clock: now }) as AuditStore,
    rules: new SqliteRuleStore(db) as RuleStore,
    preauth: new SqlitePreauthStore(db) as PreauthStore,
    settings: new SqliteUserSettingsStore(db, now) as UserSettingsStore,
    check: undefined,
    pool: undefined as PgPool | undefined,
    close: async () => db.close(),
  };
}

/** What Redis provides when REDIS_URL is set: the shared token cache, the event bus and counters. */
async function openShared(config: BackendEnv, instanceId: string, now: () => number, logger: Logger) {
  const shared = sharedStateConfig(config);
  const onHandlerError = (err: unknown, event: { type: string }) =>
    logger.error({ err: err instanceof Error ? err.message : String(err), event: event.type }, 'event handler failed');
  if (!shared.redisUrl || !shared.tokenCacheKey) {
    return {
      redis: undefined,
      tokenCache: undefined as RedisTokenCache | undefined,
      events: new InMemoryEventBus({ instanceId, onHandlerError }) as EventBus,
      counters: new InMemoryCounterStore(now) as CounterStore,
    };
  }
  const redis: RedisClient = await connectRedis(shared.redisUrl, { name: `vouch:${instanceId}` });
  const events = await RedisEventBus.start(redis, {
    instanceId,
    onHandlerError,
    onInvalidMessage: (reason) => logger.warn({ reason }, 'invalid bus message dropped'),
  });
  return {
    redis,
    tokenCache: new RedisTokenCache(redis, { key: shared.tokenCacheKey }) as RedisTokenCache | undefined,
    events: events as EventBus,
    counters: new RedisCounterStore(redis) as CounterStore,
  };
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
  const instanceId = config.INSTANCE_ID ?? `${hostname()}-${randomUUID().slice(0, 8)}`;
  // Every line this process logs names it: with N instances behind a balancer, logs are told apart.
  const logger = (opts.logger ?? createLogger({ level: config.LOG_LEVEL })).child({ instance: instanceId });
  const now = opts.now ?? Date.now;
  const stores = await openStores(config, auditKey(config), now, instanceId);
  const { store, audit, rules, preauth, settings } = stores;
  const sharedState = await openShared(config, instanceId, now, logger).catch(async (err: unknown) => {
    await stores.close();
    throw err;
  });
  const { redis, tokenCache, events, counters } = sharedState;
  const multiInstance = stores.database === 'postgres' && redis !== undefined;
  // After-the-fact entries (token exchanges, sign-out, revokes): never dropped for text that looks like a secret.
  const auditTrail = createAuditTrail(audit, logger);
  const auditLater = (sub: string, input: Parameters<AuditStore['append']>[1]) => void auditTrail.note(sub, input);
  const verify = createAccessTokenVerifier({
    issuer: config.AUTH0_ISSUER_BASE_URL,
    audience: config.AUTH0_AUDIENCE,
    clockToleranceSeconds: config.JWT_CLOCK_TOLERANCE_S,
  });
  const tokenVault = new TokenVaultClient({
    issuer: config.AUTH0_ISSUER_BASE_URL,
    clientId: config.AUTH0_CLIENT_ID,
    clientSecret: config.AUTH0_CLIENT_SECRET,
    now,
    ...(tokenCache
      ? {
          cache: tokenCache,
          onCacheError: (err: unknown) => logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'token cache error'),
        }
      : {}),
    // Cache hits are not exchanges; every real one is recorded, never with the token itself.
    onExchange: (e) => {
      if (!e.cached)
        auditLater(e.userId, {
          kind: 'token_exchange',
          data: { connection: e.connection, outcome: e.outcome, ...(e.scopes ? { scopes: e.scopes } : {}) },
        });
    },
  });
  const providerSettings = providerSettingsFromEnv(config);
  const { connections } = providerSettings;
  const registry = createProviderRegistry();
  const links = new LinkService(store, tokenVault, connections, now);
  const channels = new UserChannels();
  const drafts = new DraftService(store, { now, ttlMs: config.DRAFT_TTL_S * 1000 });
  // Rate limits, connection caps and phone-request limits count in `counters`: in memory, or in
  // Redis with REDIS_URL so they hold across instances.
  const limits = abuseLimitsFromEnv(config);
  const ciba = new CibaGuard(
    new CibaClient({ issuer: config.AUTH0_ISSUER_BASE_URL, ...cibaCredentials(config), now }),
    counters,
    limits.ciba,
  );

  const gemini = config.GEMINI_API_KEY ? createGeminiClient({ apiKey: config.GEMINI_API_KEY, baseUrl: config.GEMINI_BASE_URL }) : undefined;
  // The intent engines understand every registered provider's words (its contract's intentVocabulary).
  const offlineIntent = new OfflineIntentEngine({ contracts: registry.catalog.contracts });
  // Slot filling sits in front of Gemini: an answer to "What should the email say?" never reaches the model.
  const intent = gemini
    ? new SlotFillingEngine(
        new GeminiIntentEngine({
          client: gemini,
          model: config.GEMINI_MODEL,
          fallback: offlineIntent,
          contracts: registry.catalog.contracts,
          onFallback: (reason) => logger.warn({ reason }, 'gemini intent fell back to offline'),
        }),
      )
    : offlineIntent;
  const { writer, composer } = createReplyComponents(
    gemini
      ? { client: gemini, model: config.GEMINI_MODEL, onError: (e) => logger.warn({ reason: e.message }, 'gemini reply failed') }
      : undefined,
    registry,
  );
  const speech = createSpeechSynthesizer({
    ...(config.CARTESIA_API_KEY
      ? {
          cartesia: {
            apiKey: config.CARTESIA_API_KEY,
            ...(config.CARTESIA_BASE_URL ? { baseUrl: config.CARTESIA_BASE_URL } : {}),
            voiceId: config.CARTESIA_VOICE_ID,
            voiceIds: cartesiaVoiceIds(config),
            ...(opts.cartesiaCa ? { wsOptions: { ca: opts.cartesiaCa } } : {}),
            modelId: config.CARTESIA_MODEL,
          },
        }
      : {}),
    log: logger,
  });
  const embedder = gemini ? new GeminiEmbedder(gemini, config.GEMINI_EMBEDDING_MODEL) : new LocalEmbedder();
  // Shared mode keeps memories in a table every instance reads; embedded, a vectra index on disk.
  const memory = stores.pool
    ? new PostgresLongTermMemory(stores.pool, { embedder })
    : new LongTermMemory({ dataDir: config.DATA_DIR, embedder });
  const conversations = new ConversationStore();
  const tools = createProviderTools({
    tokenSource: tokenVault,
    connections,
    urls: providerSettings.urls,
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
  // With Redis, frames for a user reach their sockets on every instance.
  const delivery = new UserDelivery(channels, redis ? events : undefined, (err) =>
    logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'event publish failed'),
  );
  const toUser = (sub: string, frame: Parameters<UserChannels['send']>[1]) => delivery.send(sub, frame);
  const announce = (event: Parameters<EventBus['publish']>[0]) =>
    void events
      .publish(event)
      .catch((err: unknown) =>
        logger.warn({ err: err instanceof Error ? err.message : String(err), event: event.type }, 'event publish failed'),
      );

  const signInDomain = async (sub: string) => (await store.getUser(sub))?.email?.split('@')[1];
  const agent = createAgentPipeline({
    links,
    pending: store,
    drafts,
    tools,
    registry,
    invalidateToken: (sub, provider) => tokenVault.invalidate({ userId: sub, connection: connections[provider] }),
    toUser,
    intent,
    reply: { stream: (input) => writer.stream({ ...input, context: toReplyContext(input.context, registry) }) },
    composer,
    speech: { synthesize: async (text, onAudio, signal, voice) => void (await speech.speak(text, onAudio, signal, voice)) },
    shortTerm: {
      history: (key) => conversations.get(key).history(),
      add: (key, turn) => conversations.get(key).add(turn.role, turn.text),
      clear: (key) => conversations.end(key),
    },
    memory: {
      remember: async (user, text, meta) => void (await memory.remember(user, text, meta)),
      recall: async (user, query, k) => (await memory.recall(user, query, k)).map((m) => m.text),
      forgetNote: (user, fact) => forgetNote(memory, user, fact),
    },
    audit,
    rules,
    preauth,
    ciba,
    authz: authzChecker,
    userDomain: async (sub) => (await signInDomain(sub)) ?? config.DEFAULT_USER_DOMAIN,
    settings: {
      insideDomains: async (sub) => (await settings.listInsideDomains(sub)).map((d) => d.domain),
      // A preference never blocks a request: unreadable, the meeting gets the usual length.
      defaultMeetingMinutes: (sub) =>
        settings.getPreferences(sub).then(
          (p) => p.default_meeting_minutes ?? DEFAULT_MEETING_MINUTES,
          (err: unknown) => {
            logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'preferences unreadable');
            return DEFAULT_MEETING_MINUTES;
          },
        ),
    },
    logger,
    now,
    ...(multiInstance ? { shared: { events, transcripts: store } } : {}),
    stepUpLease: { instanceId, leaseMs: config.STEP_UP_LEASE_MS },
  });
  // Logout and revoke on another instance: stop this instance's waits, drop what it holds locally.
  events.subscribe('user_logged_out', (e, meta) => {
    if (meta.origin === events.instanceId) return;
    tokenVault.clearUser(e.user);
    void agent.stepUp.abortAll(e.user);
  });
  events.subscribe('provider_revoked', (e, meta) => {
    if (meta.origin !== events.instanceId) tokenVault.invalidate({ userId: e.user, connection: e.connection });
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
    ...(redis ? { announce } : {}),
  });

  // One instance on its own database may tidy up after a previous run; sharing one, only what expired.
  const recovered = stores.database === 'postgres' ? await drafts.recoverShared() : await drafts.recover();
  if (recovered.released || recovered.ended) logger.info(recovered, 'drafts recovered after a restart');

  let draining = false;
  const checks: ReadinessCheck[] = [
    ...(stores.check ? [stores.check] : []),
    ...(redis ? [{ name: 'redis', check: async () => void (await redis.ping()) }] : []),
  ];
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
      readyRoutes(checks, () => draining),
      scopeRoutes(sessions),
      auditRoutes(audit),
      ruleRoutes({ rules, audit, ciba }),
      settingsRoutes({ settings, audit, ciba, signInDomain: async (sub) => (await signInDomain(sub)) ?? config.DEFAULT_USER_DOMAIN }),
      preauthorizationRoutes({ preauth, ciba, audit, now }),
      memoryRoutes(memory),
    ],
    onClose: async () => {
      await agent.stepUp.stop();
      delivery.close();
      await events.close();
      await tokenCache?.close();
      if (redis) await redis.quit().catch(() => redis.disconnect());
      await stores.close();
    },
  });
  const services: VouchServices = {
    config,
    logger,
    now,
    store,
    verify,
    tokenVault,
    links,
    channels,
    drafts,
    audit,
    rules,
    preauth,
    settings,
    memory,
    conversations,
    ciba,
    authz,
    agent,
    sessions,
    instanceId,
    mode: { database: stores.database, redis: redis !== undefined },
    events,
    counters,
  };
  let shuttingDown: Promise<void> | undefined;
  const shutdown = () => {
    draining = true;
    shuttingDown ??= drainAndClose({ app, logger, writesDone: () => drafts.idle(), graceMs: config.SHUTDOWN_GRACE_MS });
    return shuttingDown;
  };
  return { services, app, shutdown };
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
