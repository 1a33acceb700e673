import { z } from 'zod';
import { toReplyContext } from './agent/contextView.js';
import { GeminiIntentEngine } from './agent/intent/gemini.js';
import { createGeminiClient } from './agent/intent/geminiClient.js';
import { OfflineIntentEngine } from './agent/intent/offline.js';
import { ConversationStore, GeminiEmbedder, LocalEmbedder, LongTermMemory } from './agent/memory/index.js';
import { createAgentPipeline } from './agent/pipeline.js';
import { createReplyComponents } from './agent/reply/index.js';
import { createSpeechSynthesizer } from './agent/tts/index.js';
import { SqliteAuditStore } from './audit/index.js';
import { describeAuditEntry } from './audit/describe.js';
import { decodeAuditKey } from './audit/key.js';
import { CibaClient } from './auth/ciba.js';
import type { BackendCore } from './backend.js';
import { cibaCredentials } from './config.js';
import { createAuthorizationChecker, defaultTuples, parseRule, parseRules, PreauthRequest, SqlitePreauthStore, SqliteRuleStore, type ConfiguredChecker } from './policy/index.js';
import { createProviderTools } from './providers/index.js';
import { ApiError, type BackendServerDeps } from './server/app.js';
import type { ConversationHandler } from './server/handlers.js';

/**
 * The composition root: the agent pipeline with its engines (Gemini or offline), speech (Cartesia
 * or the offline voice), memory, provider tools over Token Vault, the policy and the audit chain.
 * Built once per backend; the HTTP routes below share the same stores.
 */
interface VouchServices {
  handler: ConversationHandler;
  audit: SqliteAuditStore;
  rules: SqliteRuleStore;
  preauth: SqlitePreauthStore;
  memory: LongTermMemory;
  ciba: CibaClient;
  authz: ConfiguredChecker;
}

const services = new WeakMap<BackendCore, VouchServices>();

function auditKey(core: BackendCore): Uint8Array {
  const raw = core.env.AUDIT_HMAC_KEY;
  if (!raw) throw new Error('AUDIT_HMAC_KEY is required: the audit chain is signed with it (32+ bytes)');
  return decodeAuditKey(raw).key;
}

function build(core: BackendCore): VouchServices {
  const existing = services.get(core);
  if (existing) return existing;
  const { env, logger } = core;
  const audit = new SqliteAuditStore(core.db, { key: auditKey(core), clock: core.now });
  const rules = new SqliteRuleStore(core.db);
  const preauth = new SqlitePreauthStore(core.db);
  const gemini = env.GEMINI_API_KEY ? createGeminiClient({ apiKey: env.GEMINI_API_KEY, baseUrl: env.GEMINI_BASE_URL }) : undefined;
  const offlineIntent = new OfflineIntentEngine();
  const intent = gemini ? new GeminiIntentEngine({ client: gemini, model: env.GEMINI_MODEL, fallback: offlineIntent, onFallback: (reason) => logger.warn({ reason }, 'gemini intent fell back to offline') }) : offlineIntent;
  const { writer, composer } = createReplyComponents(gemini ? { client: gemini, model: env.GEMINI_MODEL, onError: (e) => logger.warn({ reason: e.message }, 'gemini reply failed') } : undefined);
  const speech = createSpeechSynthesizer({
    ...(env.CARTESIA_API_KEY
      ? { cartesia: { apiKey: env.CARTESIA_API_KEY, ...(env.CARTESIA_BASE_URL ? { baseUrl: env.CARTESIA_BASE_URL } : {}), voiceId: env.CARTESIA_VOICE_ID, modelId: env.CARTESIA_MODEL } }
      : {}),
    log: logger,
  });
  const memory = new LongTermMemory({
    dataDir: env.DATA_DIR,
    embedder: gemini ? new GeminiEmbedder(gemini, env.GEMINI_EMBEDDING_MODEL) : new LocalEmbedder(),
  });
  const conversations = new ConversationStore();
  const tools = createProviderTools({
    tokenSource: core.tokens,
    connections: core.links.connections,
    urls: { googleRootUrl: env.GOOGLE_API_ROOT_URL, slackApiUrl: env.SLACK_API_URL },
    now: core.now,
    logger: logger.child({ component: 'providers' }),
  });
  // A real OpenFGA server when configured; otherwise the embedded checker over the same model,
  // where every signed-in person owns their own tools until someone writes other relationships.
  const authz = createAuthorizationChecker({ OPENFGA_API_URL: env.OPENFGA_API_URL, OPENFGA_STORE_ID: env.OPENFGA_STORE_ID, OPENFGA_MODEL_ID: env.OPENFGA_MODEL_ID }, []);
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
  const ciba = new CibaClient({ issuer: env.AUTH0_ISSUER_BASE_URL, ...cibaCredentials(env), now: core.now });
  const handler = createAgentPipeline({
    core,
    tools,
    intent,
    reply: {
      stream: (input) => writer.stream({ ...input, context: toReplyContext(input.context) }),
    },
    composer,
    speech: {
      synthesize: async (text, onAudio, signal) => {
        await speech.speak(text, onAudio, signal);
      },
    },
    shortTerm: {
      history: (key) => conversations.get(key).history(),
      add: (key, turn) => conversations.get(key).add(turn.role, turn.text),
      clear: (key) => conversations.end(key),
    },
    memory: {
      remember: async (user, text, meta) => {
        await memory.remember(user, text, meta);
      },
      recall: async (user, query, k) => (await memory.recall(user, query, k)).map((m) => m.text),
    },
    audit,
    rules,
    preauth,
    ciba,
    authz: authzChecker,
    draftTtlMs: env.DRAFT_TTL_S * 1000,
    userDomain: (sub) => core.store.getUser(sub)?.email?.split('@')[1] ?? env.DEFAULT_USER_DOMAIN,
  });
  core.onTokenExchange((e) => {
    // Cache hits are not exchanges; every real one is recorded, never with the token itself.
    if (e.cached) return;
    void audit
      .append(e.userId, { kind: 'token_exchange', data: { connection: e.connection, outcome: e.outcome, ...(e.scopes ? { scopes: e.scopes } : {}) } })
      .catch((err: unknown) => logger.error({ err: err instanceof Error ? err.message : String(err) }, 'audit append failed'));
  });
  const s = { handler, audit, rules, preauth, memory, ciba, authz };
  services.set(core, s);
  return s;
}

/** The relationship checker in use, so an operator (or a test) can write relationships. */
export function authorizationFor(core: BackendCore): ConfiguredChecker {
  return build(core).authz;
}

export async function createVouchHandler(core: BackendCore): Promise<ConversationHandler> {
  return build(core).handler;
}

const Cursor = z.coerce.number().int().min(0).optional();

/** The JSON API behind the JWT: audit, rules, pre-authorizations, memory. */
export function vouchRoutes(core: BackendCore): BackendServerDeps['routes'] {
  return async (app, requireUser) => {
    const s = build(core);

    app.get('/audit', async (req) => {
      const user = await requireUser(req);
      const q = z.object({ cursor: Cursor, limit: z.coerce.number().int().min(1).max(500).optional(), order: z.enum(['asc', 'desc']).optional() }).safeParse(req.query);
      if (!q.success) throw new ApiError(400, 'BAD_REQUEST', q.error.issues[0]?.message);
      const page = await s.audit.page(user.sub, { cursor: q.data.cursor ?? null, limit: q.data.limit, order: q.data.order ?? 'desc' });
      return {
        entries: page.entries.map((e) => ({ ...e, summary: describeAuditEntry(e) })),
        ...(page.next_cursor !== null ? { next_cursor: String(page.next_cursor) } : {}),
      };
    });
    app.get('/audit/verify', async (req) => {
      const user = await requireUser(req);
      return s.audit.verify(user.sub);
    });
    app.get('/audit/export', async (req, reply) => {
      const user = await requireUser(req);
      const lines: string[] = [];
      for await (const line of s.audit.exportJsonLines(user.sub)) lines.push(line);
      return reply.header('content-type', 'application/x-ndjson').header('content-disposition', 'attachment; filename="vouch-audit.jsonl"').send(lines.join(''));
    });

    app.get('/rules', async (req) => ({ rules: await s.rules.list((await requireUser(req)).sub) }));
    app.put('/rules', async (req) => {
      const user = await requireUser(req);
      const parsed = parseRules((req.body as { rules?: unknown } | undefined)?.rules ?? req.body);
      if (!parsed.ok) throw new ApiError(400, 'BAD_REQUEST', parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
      const rules = await s.rules.replaceAll(user.sub, parsed.rules);
      await s.audit.append(user.sub, { kind: 'rule_change', data: { change: 'replace_all', count: rules.length } });
      return { rules };
    });
    app.post('/rules', async (req, reply) => {
      const user = await requireUser(req);
      const parsed = parseRule(req.body);
      if (!parsed.ok) throw new ApiError(400, 'BAD_REQUEST', parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
      const rule = await s.rules.put(user.sub, parsed.rule);
      await s.audit.append(user.sub, { kind: 'rule_change', data: { change: 'put', id: rule.id } });
      return reply.status(201).send({ rule });
    });
    app.delete('/rules/:id', async (req, reply) => {
      const user = await requireUser(req);
      const id = String((req.params as { id: string }).id);
      if (!(await s.rules.delete(user.sub, id))) throw new ApiError(404, 'NOT_FOUND', 'No rule with that id.');
      await s.audit.append(user.sub, { kind: 'rule_change', data: { change: 'delete', id } });
      return reply.status(204).send();
    });

    app.get('/preauthorizations', async (req) => {
      const user = await requireUser(req);
      return { active: await s.preauth.listActive(user.sub, core.now()), all: await s.preauth.list(user.sub) };
    });
    // Granting needs a fresh step-up: the backend starts CIBA itself and only its own successful
    // poll becomes the proof; the request waits for the phone (bounded by the CIBA lifetime).
    app.post('/preauthorizations', async (req, reply) => {
      const user = await requireUser(req);
      const parsed = PreauthRequest.safeParse(req.body);
      if (!parsed.success) throw new ApiError(400, 'BAD_REQUEST', parsed.error.issues[0]?.message);
      const minutes = Math.round(parsed.data.duration_ms / 60_000);
      const start = await s.ciba.start({ sub: user.sub, bindingMessage: `Allow ${parsed.data.tool} actions for ${minutes} min`.slice(0, 64) });
      const outcome = await s.ciba.waitForDecision(start);
      await s.audit.append(user.sub, { kind: 'approval', data: { purpose: 'preauthorization', tool: parsed.data.tool, outcome } });
      if (outcome !== 'approved') throw new ApiError(403, outcome === 'expired' ? 'APPROVAL_EXPIRED' : 'APPROVAL_DENIED');
      const grant = await s.preauth.create(user.sub, parsed.data, { method: 'ciba', user: user.sub, auth_req_id: start.authReqId, approved_at: core.now() }, core.now());
      await s.audit.append(user.sub, { kind: 'preauthorization', data: { change: 'grant', id: grant.id, tool: grant.tool, max_level: grant.max_level, expires_at: grant.expires_at } });
      return reply.status(201).send({ preauthorization: grant });
    });
    app.delete('/preauthorizations/:id', async (req, reply) => {
      const user = await requireUser(req);
      const id = String((req.params as { id: string }).id);
      if (!(await s.preauth.revoke(user.sub, id, core.now()))) throw new ApiError(404, 'NOT_FOUND', 'No active pre-authorization with that id.');
      await s.audit.append(user.sub, { kind: 'preauthorization', data: { change: 'revoke', id } });
      return reply.status(204).send();
    });

    app.get('/memory', async (req) => {
      const user = await requireUser(req);
      return { items: await s.memory.list(user.sub) };
    });
    app.delete('/memory/:id', async (req, reply) => {
      const user = await requireUser(req);
      if (!(await s.memory.forget(user.sub, String((req.params as { id: string }).id)))) throw new ApiError(404, 'NOT_FOUND', 'Nothing remembered with that id.');
      return reply.status(204).send();
    });
    app.delete('/memory', async (req, reply) => {
      const user = await requireUser(req);
      await s.memory.forgetAll(user.sub);
      return reply.status(204).send();
    });
  };
}
