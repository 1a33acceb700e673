import { z } from 'zod';
import type { Intent } from '../agent/intent/schema.js';
import type { ProposedActionInput } from '../policy/action.js';
import { createContractCatalog, type ContractCatalog, type Provider } from './catalog.js';
import { DEFAULT_RESULT_BUDGET_CHARS } from './budget.js';
import { DEFAULT_RETRY_POLICY, silentLogger, type CallPolicyDeps, type ProviderLogger, type RetryPolicy } from './callPolicy.js';
import * as listed from './modules.js';
import { ResolvedContacts, type PersonCandidate } from '../people/index.js';
import type { ProviderTokenSource } from '../auth/tokenSource.js';
import type {
  ActionFacts,
  AnyDraft,
  DraftBuild,
  DraftBuildOptions,
  DraftBuilder,
  PointedItem,
  ProviderModule,
  WriteResult,
} from './providerModule.js';
import type { ProviderCallContext, ProviderFailure } from './result.js';

/**
 * The server side of the providers: every registered module, driven alike. The agent, the policy
 * and the write path call these functions and never branch on a provider themselves.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- modules differ in their tool and read types
type AnyModule = ProviderModule<any, any>;
type Listed = (typeof listed)[keyof typeof listed];
type ToolsOf<M> = M extends ProviderModule<infer T, infer _R, infer _S> ? T : never;
type ReadOf<M> = M extends ProviderModule<infer _T, infer R, infer _S> ? R : never;
type SettingsOf<M> = M extends ProviderModule<infer _T, infer _R, infer S> ? S : never;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The tools of every shipped provider, by tool name (`gmail`, `calendar`, …); each call takes `{ userId, subjectToken }`. */
export type ProviderTools = UnionToIntersection<ToolsOf<Listed>>;
/** What the agent read from the user's accounts for one request: each provider's part, and the failures. */
export type ProviderContext = UnionToIntersection<ReadOf<Listed>> & { failures: ProviderFailure[] };

export const SHIPPED_MODULES: readonly AnyModule[] = Object.values(listed) as AnyModule[];

type EnvKeysOf<S> = S extends { connectionEnv: infer C extends string; apiUrlEnv: infer U extends string } ? C | U : never;
/** The environment variables the shipped providers read (`<NAME>_CONNECTION`, their API root). */
export type ProviderEnvKey = EnvKeysOf<SettingsOf<Listed>>;

/**
 * The config schema's provider part: each provider's connection name (default: its contract's) and
 * API root (default: the real one), so a new provider brings its settings with it.
 */
export const PROVIDER_ENV_SHAPE = Object.fromEntries(
  SHIPPED_MODULES.flatMap((m) => [
    [m.settings.connectionEnv, z.string().default(m.contract.defaultConnection)],
    [m.settings.apiUrlEnv, z.string().url().default(m.settings.defaultApiUrl)],
  ]),
) as Record<ProviderEnvKey, z.ZodDefault<z.ZodString>>;

/** The validated provider settings as `createProviderTools` and the link checks take them. */
export function providerSettingsFromEnv(env: Record<ProviderEnvKey, string>): {
  connections: Record<Provider, string>;
  urls: Record<string, string>;
} {
  const connections = {} as Record<Provider, string>;
  const urls: Record<string, string> = {};
  for (const m of SHIPPED_MODULES) {
    connections[m.contract.id as Provider] = env[m.settings.connectionEnv as ProviderEnvKey];
    urls[m.apiUrlOption] = env[m.settings.apiUrlEnv as ProviderEnvKey];
  }
  return { connections, urls };
}

export interface ProviderToolsOptions {
  tokenSource: ProviderTokenSource;
  /** Auth0 connection names by provider; each defaults to its contract's `defaultConnection`. */
  connections?: Partial<Record<string, string>>;
  /** API roots by each module's `apiUrlOption` (e.g. `googleRootUrl`, `slackApiUrl`): the real ones or the sandbox's. */
  urls: Record<string, string>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  logger?: ProviderLogger;
  retry?: Partial<RetryPolicy>;
  /** Max characters of one tool result (it goes into a model prompt). */
  resultBudgetChars?: number;
  requestTimeoutMs?: number;
}

export type EditResult = { ok: true; fields: Record<string, unknown> } | { ok: false; message: string };

export interface ProviderRegistry {
  modules: readonly AnyModule[];
  catalog: ContractCatalog;
  createTools(opts: ProviderToolsOptions): Record<string, unknown>;
  fetchContext(
    tools: object,
    call: ProviderCallContext,
    intent: Intent,
    timezone: string,
    now: Date,
  ): Promise<{ failures: ProviderFailure[] } & Record<string, unknown>>;
  /**
   * The people a request names: a name → address map of the names that mean exactly one person,
   * with every candidate per name (`candidatesFor`, `ambiguous()`) so the caller can ask which.
   */
  lookupContacts(tools: object, call: ProviderCallContext, intent: Intent): Promise<ResolvedContacts>;
  buildDraft(intent: Intent, context: { failures: ProviderFailure[] }, opts: DraftBuildOptions, tools?: object): Promise<DraftBuild>;
  applyEdits(kind: string, fields: Record<string, unknown>, edits: Record<string, unknown> | undefined): EditResult;
  execute(tools: object, call: ProviderCallContext, draft: AnyDraft): Promise<WriteResult>;
  toAction(draft: AnyDraft, facts?: ActionFacts): ProposedActionInput;
  actionFacts(tools: object, call: ProviderCallContext, draft: AnyDraft): Promise<ActionFacts>;
  /** The provider (Auth0 connection) a draft kind writes through. */
  providerOfDraft(kind: string): string;
  /** The request as the providers read for it (each module may narrow what it reads). */
  readingIntent(intent: Intent): Intent;
  /** Every module's dependent reads (see `ProviderModule.readMore`), in parallel, into `read`. */
  readMore(
    tools: object,
    call: ProviderCallContext,
    intent: Intent,
    read: { failures: ProviderFailure[] },
    env: { timezone: string; now: Date },
    pointed?: PointedItem,
  ): Promise<void>;
  /** What an answer listed, by provider (undefined when none listed anything). */
  listedBy(intent: Intent, read: object, transcript: string): Record<string, unknown> | undefined;
  /** The request resolved against what the last answer listed: the first provider it points into. */
  pointAt(intent: Intent, transcript: string, listed: Record<string, unknown> | undefined): PointedItem;
  /** The draft kinds a write request can only produce, if a module can tell before building it. */
  draftKindsFor(intent: Intent): readonly string[] | undefined;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function joinWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** The shipped modules plus `extra` (tests register a provider here without shipping it). */
export function createProviderRegistry(opts: { extra?: readonly AnyModule[] } = {}): ProviderRegistry {
  const modules = [...SHIPPED_MODULES, ...(opts.extra ?? [])];
  const catalog = createContractCatalog(opts.extra?.map((m) => m.contract) ?? []);
  const byKind = new Map<string, AnyModule>();
  for (const m of modules) for (const kind of Object.keys(m.contract.drafts)) byKind.set(kind, m);
  const builders: Array<{ module: AnyModule; builder: DraftBuilder<object, object> }> = modules.flatMap((m) =>
    m.draftBuilders.map((builder: DraftBuilder<object, object>) => ({ module: m, builder })),
  );
  const ordered = [...builders.filter((b) => !b.builder.fallback), ...builders.filter((b) => b.builder.fallback)];
  const drafts = catalog.contracts.flatMap((c) => Object.values(c.drafts).map((d) => d.plural));

  const moduleOf = (kind: string): AnyModule => {
    const m = byKind.get(kind);
    if (!m) throw new Error(`no provider registered for draft kind ${kind}`);
    return m;
  };

  return {
    modules,
    catalog,

    createTools(o) {
      const policy: CallPolicyDeps = {
        tokenSource: o.tokenSource,
        now: o.now ?? Date.now,
        sleep: o.sleep ?? realSleep,
        logger: o.logger ?? silentLogger,
        retry: { ...DEFAULT_RETRY_POLICY, ...o.retry },
      };
      const tools: Record<string, unknown> = {};
      for (const m of modules) {
        const apiUrl = o.urls[m.apiUrlOption];
        if (!apiUrl) throw new Error(`no API URL for ${m.contract.id} (urls.${m.apiUrlOption})`);
        Object.assign(
          tools,
          m.createTools({
            policy,
            connection: o.connections?.[m.contract.id] ?? m.contract.defaultConnection,
            apiUrl,
            budgetChars: o.resultBudgetChars ?? DEFAULT_RESULT_BUDGET_CHARS,
            requestTimeoutMs: o.requestTimeoutMs ?? 15_000,
          }),
        );
      }
      return tools;
    },

    /** Independent reads run in parallel; one provider being down still lets the others answer. */
    async fetchContext(tools, call, intent, timezone, now) {
      const out: { failures: ProviderFailure[] } & Record<string, unknown> = { failures: [] };
      await Promise.all(modules.map((m) => m.fetchContext?.(tools, call, intent, { timezone, now }, out)));
      return out;
    },

    /** Every provider's sightings at once; the user's own history outranks names on inbound mail. */
    async lookupContacts(tools, call, intent) {
      const names = intent.entities.people;
      if (names.length === 0) return new ResolvedContacts();
      const found = await Promise.all(modules.map((m) => m.lookupContacts?.(tools, call, intent).catch((): PersonCandidate[] => [])));
      return ResolvedContacts.from(
        names,
        found.flatMap((c) => c ?? []),
      );
    },

    /** The first builder the request is for; mail-like fallbacks only when nothing specific applies. */
    async buildDraft(intent, context, o, tools = {}) {
      const hit = ordered.find((b) => b.builder.appliesTo(intent));
      if (!hit) return { ok: false, reason: `I can draft ${joinWords(drafts)}.` };
      return hit.builder.build(intent, context, o, tools);
    },

    /** Applies a person's edits and validates the result against the same schema the app used. */
    applyEdits(kind, fields, edits) {
      const contract = catalog.draftKind(kind);
      if (!contract) return { ok: false, message: `kind: unknown draft kind ${kind}` };
      const parsed = contract.schema.safeParse({ ...fields, ...(edits ?? {}) });
      if (!parsed.success) {
        const i = parsed.error.issues[0];
        return { ok: false, message: `${i?.path.join('.') || 'draft'}: ${i?.message ?? 'invalid'}` };
      }
      return { ok: true, fields: parsed.data };
    },

    execute: (tools, call, draft) => moduleOf(draft.kind).execute(tools, call, draft),
    toAction: (draft, facts = {}) => moduleOf(draft.kind).toAction(draft, facts),
    async actionFacts(tools, call, draft) {
      return (await moduleOf(draft.kind).actionFacts?.(tools, call, draft)) ?? {};
    },
    providerOfDraft: (kind) => moduleOf(kind).contract.id,
    listedBy(intent, read, transcript) {
      const out: Record<string, unknown> = {};
      for (const m of modules) {
        const items = m.listed?.(intent, read, transcript);
        if (items !== undefined) out[m.contract.id] = items;
      }
      return Object.keys(out).length ? out : undefined;
    },
    pointAt(intent, transcript, listed) {
      if (!listed) return { intent };
      for (const m of modules) {
        const items = listed[m.contract.id];
        const pointed = items === undefined ? undefined : m.pointAt?.(intent, transcript, items);
        if (pointed) return pointed;
      }
      return { intent };
    },
    readingIntent: (intent) => modules.reduce((i, m) => m.readingIntent?.(i) ?? i, intent),
    async readMore(tools, call, intent, read, env, pointed) {
      await Promise.all(modules.map((m) => m.readMore?.(tools, call, intent, read, env, pointed)));
    },
    draftKindsFor(intent) {
      for (const m of modules) {
        const kinds = m.draftKinds?.(intent);
        if (kinds) return kinds;
      }
      return undefined;
    },
  };
}

export const SHIPPED_REGISTRY = createProviderRegistry();

/** The tools of every shipped provider; each call takes `{ userId, subjectToken }`. */
export function createProviderTools(opts: ProviderToolsOptions): ProviderTools {
  return SHIPPED_REGISTRY.createTools(opts) as ProviderTools;
}
