import { z } from 'zod';
import * as listed from './contracts.js';
import type {
  DraftContract,
  DraftFieldSpec,
  ProviderContract,
  ProviderHelp,
  ScopeSpec,
  SecretPattern,
  ToolSpec,
} from './providerContract.js';

/**
 * Everything the protocol, the policy and the renderer know about providers, derived from the
 * registered contracts: the Provider/Tool/DraftKind enums, the Draft union, the scope catalog and
 * the words the popover shows. Zod and plain data only.
 */

function isProviderContract(value: unknown): value is ProviderContract {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<ProviderContract>;
  return typeof v.id === 'string' && typeof v.defaultConnection === 'string' && typeof v.drafts === 'object' && Array.isArray(v.scopes);
}

type Listed = (typeof listed)[keyof typeof listed];
/** The shipped contracts' types, with their literal ids. */
type Shipped = Extract<Listed, { id: string; defaultConnection: string; drafts: object }>;

type ToolsOf<C> = C extends { tools: infer T } ? keyof T & string : never;
type DraftsOf<C> = C extends { drafts: infer D } ? D : never;
type DraftKindsOf<C> = C extends { drafts: infer D } ? keyof D & string : never;
type DraftOf<C> = C extends { drafts: infer D }
  ? { [K in keyof D & string]: { kind: K; fields: D[K] extends { schema: infer S extends z.ZodType } ? z.output<S> : never } }[keyof D &
      string]
  : never;
type OutcomesOf<C> = C extends { drafts: infer D }
  ? { [K in keyof D]: D[K] extends { outcome: infer O extends string } ? O : never }[keyof D]
  : never;

export type ProviderId = Shipped['id'];
export type ToolId = ToolsOf<Shipped>;
export type DraftKindId = DraftKindsOf<Shipped>;
export type ShippedDraft = DraftOf<Shipped>;
export type DraftOutcome = OutcomesOf<Shipped>;
export type ShippedDrafts = DraftsOf<Shipped>;

/** The contracts that ship, in a stable order (by the name they are listed under). */
export const SHIPPED_CONTRACTS: readonly ProviderContract[] = (Object.values(listed) as unknown[]).filter(isProviderContract);

const nonEmpty = <T extends string>(values: readonly string[]) => values as unknown as [T, ...T[]];

/** The accounts Vouch can act on; one per Auth0 connection. */
export const Provider = z.enum(nonEmpty<ProviderId>(SHIPPED_CONTRACTS.map((c) => c.id)));
export type Provider = z.infer<typeof Provider>;

/** The tools the agent can use; each belongs to one provider. */
export const Tool = z.enum(nonEmpty<ToolId>(SHIPPED_CONTRACTS.flatMap((c) => Object.keys(c.tools))));
export type Tool = z.infer<typeof Tool>;

export const DraftKind = z.enum(nonEmpty<DraftKindId>(SHIPPED_CONTRACTS.flatMap((c) => Object.keys(c.drafts))));
export type DraftKind = z.infer<typeof DraftKind>;

/** What a done write is called (`sent`, `created`, `posted`…): data in the result, not a draft state. */
export const DraftOutcome = z.enum(nonEmpty<DraftOutcome>(SHIPPED_CONTRACTS.flatMap((c) => Object.values(c.drafts).map((d) => d.outcome))));

/** One editable draft: its kind and its fields, validated by the kind's own schema. */
export type Draft = ShippedDraft;
export const Draft = z.discriminatedUnion(
  'kind',
  SHIPPED_CONTRACTS.flatMap((c) =>
    Object.entries(c.drafts).map(([kind, d]) => z.object({ kind: z.literal(kind), fields: d.schema })),
  ) as unknown as [z.ZodObject<{ kind: z.ZodLiteral<string>; fields: z.ZodType }>],
) as unknown as z.ZodType<Draft>;

/** A scope as the catalog lists it: with the provider it belongs to. */
export interface ScopeInfo {
  scope: string;
  provider: Provider;
  tool: Tool;
  access: 'read' | 'write';
  description: string;
}

/** A draft kind's contract, with the provider it belongs to. */
export type DraftKindContract = DraftContract & { kind: string; provider: string };

/**
 * Lookups over a set of contracts. The shipped catalog covers the shipped providers; tests build one
 * with an extra provider (`createContractCatalog([notes])`) to prove a new folder is all it takes.
 */
export interface ContractCatalog {
  contracts: readonly ProviderContract[];
  /** Every registered tool name, in registration order. */
  toolNames: readonly string[];
  provider(id: string): ProviderContract | undefined;
  providerOfTool(tool: string): ProviderContract | undefined;
  draftKind(kind: string): DraftKindContract | undefined;
  scopes(): readonly (ScopeSpec & { provider: string })[];
  /** A tool's names and whom its writes go to. */
  tool(tool: string): ToolSpec | undefined;
  /** Every provider's help words, joined in registration order. */
  help(): Required<ProviderHelp>;
  /** Every provider's credential formats. */
  secretPatterns(): readonly SecretPattern[];
}

export function createContractCatalog(extra: readonly ProviderContract[] = []): ContractCatalog {
  const contracts = [...SHIPPED_CONTRACTS, ...extra];
  const ids = new Set<string>();
  for (const c of contracts) {
    if (ids.has(c.id)) throw new Error(`provider ${c.id} is registered twice`);
    ids.add(c.id);
  }
  const kinds = new Map<string, DraftKindContract>();
  const tools = new Map<string, ProviderContract>();
  for (const c of contracts) {
    for (const tool of Object.keys(c.tools)) {
      if (tools.has(tool)) throw new Error(`tool ${tool} belongs to two providers`);
      tools.set(tool, c);
    }
    for (const [kind, d] of Object.entries(c.drafts)) {
      if (kinds.has(kind)) throw new Error(`draft kind ${kind} belongs to two providers`);
      kinds.set(kind, { ...d, kind, provider: c.id });
    }
  }
  const scopes = contracts.flatMap((c) => c.scopes.map((s) => ({ ...s, provider: c.id })));
  const help: Required<ProviderHelp> = {
    topics: contracts.flatMap((c) => c.help?.topics ?? []),
    abilities: contracts.flatMap((c) => c.help?.abilities ?? []),
    drafts: contracts.flatMap((c) => c.help?.drafts ?? []),
    examples: contracts.flatMap((c) => c.help?.examples ?? []),
  };
  const secretPatterns = contracts.flatMap((c) => c.secretPatterns ?? []);
  return {
    contracts,
    toolNames: [...tools.keys()],
    provider: (id) => contracts.find((c) => c.id === id),
    providerOfTool: (tool) => tools.get(tool),
    draftKind: (kind) => kinds.get(kind),
    scopes: () => scopes,
    tool: (tool) => (tools.get(tool)?.tools as Record<string, ToolSpec> | undefined)?.[tool],
    help: () => help,
    secretPatterns: () => secretPatterns,
  };
}

export const SHIPPED_CATALOG = createContractCatalog();

const byProvider = <V>(pick: (c: ProviderContract) => V) =>
  Object.fromEntries(SHIPPED_CONTRACTS.map((c) => [c.id, pick(c)])) as Record<Provider, V>;

export const TOOL_PROVIDER = Object.fromEntries(SHIPPED_CONTRACTS.flatMap((c) => Object.keys(c.tools).map((t) => [t, c.id]))) as Record<
  Tool,
  Provider
>;
export const DRAFT_KIND_PROVIDER = Object.fromEntries(
  SHIPPED_CONTRACTS.flatMap((c) => Object.keys(c.drafts).map((k) => [k, c.id])),
) as Record<DraftKind, Provider>;
export const DRAFT_KIND_TOOL = Object.fromEntries(
  SHIPPED_CONTRACTS.flatMap((c) => Object.entries(c.drafts).map(([k, d]) => [k, d.tool])),
) as Record<DraftKind, Tool>;

/** Auth0 connection names; overridable by config for tenants that named them differently. */
export const DEFAULT_CONNECTIONS: Record<Provider, string> = byProvider((c) => c.defaultConnection);
export const CONSENT_HOSTS: Record<Provider, readonly string[]> = byProvider((c) => c.consentHosts);
/** Scopes the identity provider itself needs on a connected account (some require openid/profile). */
export const CONNECT_BASE_SCOPES: Record<Provider, string[]> = byProvider((c) => [...c.connectBaseScopes]);
export const PROVIDER_DISPLAY_NAME: Record<Provider, string> = byProvider((c) => c.displayName);
export const PROVIDER_SERVICES: Record<Provider, string> = byProvider((c) => c.services);
/** Each provider's tools, in the order its contract lists them. */
export const TOOLS_OF_PROVIDER: Record<Provider, Tool[]> = byProvider((c) => Object.keys(c.tools) as Tool[]);
export const TOOL_DISPLAY_NAME = Object.fromEntries(
  SHIPPED_CONTRACTS.flatMap((c) => Object.entries(c.tools).map(([t, v]) => [t, v.displayName])),
) as Record<Tool, string>;

/**
 * The one list of provider scopes Vouch asks for, why, and in plain language. Tools name the exact
 * scopes each operation needs (least privilege); the connect sheet and the scopes panel show the
 * sentences; the dev tenant and the sandbox enforce the same strings.
 */
export const SCOPE_CATALOG: readonly ScopeInfo[] = SHIPPED_CATALOG.scopes() as readonly ScopeInfo[];

export type { DraftContract, DraftFieldSpec, ProviderContract, ProviderHelp, ScopeSpec, SecretPattern, ToolSpec };
