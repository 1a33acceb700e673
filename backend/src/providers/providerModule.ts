import type { Intent } from '../agent/intent/schema.js';
import type { DraftComposer } from '../agent/reply/compose.js';
import type { ProviderContext as ReplyContext, ReplyInput } from '../agent/reply/context.js';
import type { PersonCandidate } from '../people/index.js';
import type { ProposedActionInput } from '../policy/action.js';
import type { CallPolicyDeps } from './callPolicy.js';
import type { ProviderContract } from './providerContract.js';
import type { ProviderCallContext, ProviderFailure } from './result.js';

/**
 * A provider's behaviour on the server: its tools (SDK calls), what it reads for a request, the
 * drafts it builds, the write it performs, and the facts it gives the risk policy. Its words, scopes
 * and draft schemas are in its `contract.ts`; the registry (`registry.ts`) drives all of them alike.
 */

/** A draft as the registry handles it: any registered kind, fields already validated by its schema. */
export interface AnyDraft {
  kind: string;
  fields: Record<string, unknown>;
}

export type DraftBuild<D extends AnyDraft = AnyDraft> = { ok: true; draft: D; spoken: string } | { ok: false; reason: string };

/** A confirmed write's result: the contract's outcome word (`sent`, `created`…) and the provider's id. */
export type WriteResult<S extends string = string> = { ok: true; status: S; ref: string } | { ok: false; error: ProviderFailure };

export interface DraftBuildOptions {
  timezone: string;
  now: Date;
  transcript: string;
  userName?: string;
  contacts: Map<string, string>;
  /** Writes the words (Gemini when keyed, templates otherwise); the module decides the structure. */
  composer: DraftComposer;
  /** Long-term memories recalled for this request (tone, facts the person told Vouch before). */
  memory?: string[];
  /** Who is acting, for builders that read more than the request's context (the event a change means, clashes). */
  call?: ProviderCallContext;
  /** The person's default meeting length (Settings), for a meeting asked for without one. */
  defaultMeetingMinutes?: number;
}

/** What every tool factory gets: the shared call policy, this provider's connection and its API root. */
export interface ModuleToolsOptions {
  policy: CallPolicyDeps;
  /** The Auth0 connection name for this provider. */
  connection: string;
  /** This provider's API root (the real one or a sandbox's). */
  apiUrl: string;
  budgetChars: number;
  requestTimeoutMs: number;
}

/** Turns a write request into a draft of one kind, when the request is for it. */
export interface DraftBuilder<Tools, Read extends object> {
  kind: string;
  appliesTo(intent: Intent): boolean;
  /** Tried only when no specific builder applied (mail is what "send a note" means by default). */
  fallback?: boolean;
  build(intent: Intent, context: Read & { failures: ProviderFailure[] }, opts: DraftBuildOptions, tools: Tools): Promise<DraftBuild>;
}

/** The read context of a request: what each provider contributed, and what failed. */
export type ReadContext<Read extends object> = Read & { failures: ProviderFailure[] };

/**
 * How answers speak about what a provider read (agent/reply): its summaries for the reply writers,
 * its template sentences, its rules for the model and what long-term memory keeps of a read.
 */
export interface ProviderReplyPart<Read extends object = object> {
  /**
   * Writes this provider's summaries into `out` (no ids or headers). `read` is the request's whole
   * read context: this provider's part, and what the agent added to it (e.g. a mail analysis).
   */
  summarize(read: ReadContext<Read> & Record<string, unknown>, out: ReplyContext): void;
  /** The offline writer's sentences about a read of one of this provider's tools. */
  speak(tool: string, intent: Intent, ctx: ReplyContext, input: ReplyInput): string[];
  /** Rules for the model about this provider's summaries (the Gemini writer's system instruction). */
  instructions?: readonly string[];
  /** This provider's summaries cut for a model prompt (`cut` shortens a long text). */
  forPrompt?(ctx: ReplyContext, cut: (s: string) => string): Record<string, unknown>;
  /** What long-term memory keeps of a read of one of its tools: what was read ("email") and how much (2 "threads"). */
  remembered(tool: string, read: ReadContext<Read>): { what: string; count: number; one: string; many: string };
}

/** A request resolved against what the last answer listed (see `ProviderModule.pointAt`). */
export interface PointedItem {
  intent: Intent;
  /** The listed item to read in full, as the module listed it. */
  item?: unknown;
}

/** The backend settings a provider brings: environment variable names and the real API root. */
export interface ProviderSettings<C extends string = string, U extends string = string> {
  /** Overrides the contract's `defaultConnection`, e.g. `NOTION_CONNECTION`. */
  connectionEnv: C;
  /** The API root (the real one or a sandbox's), e.g. `NOTION_API_URL`. */
  apiUrlEnv: U;
  defaultApiUrl: string;
}

export interface ProviderModule<
  Tools extends object = object,
  Read extends object = object,
  S extends ProviderSettings = ProviderSettings,
> {
  contract: ProviderContract;
  settings: S;
  /** The key of `ProviderToolsOptions.urls` holding this provider's API root, e.g. `notionApiUrl`. */
  apiUrlOption: string;
  createTools(opts: ModuleToolsOptions): Tools;
  /** Reads what the request needs into `out` (failures are collected there, never thrown). */
  fetchContext?(
    tools: Tools,
    call: ProviderCallContext,
    intent: Intent,
    env: { timezone: string; now: Date },
    out: ReadContext<Read>,
  ): Promise<void>;
  /**
   * Who the names a request mentions may be, as this provider saw them (sent mail, calendar guests,
   * workspace members, inbound senders); the registry decides between them (`people/`). Never throws.
   */
  lookupContacts?(tools: Tools, call: ProviderCallContext, intent: Intent): Promise<PersonCandidate[]>;
  draftBuilders: readonly DraftBuilder<Tools, Read>[];
  /** Performs the confirmed write. Called at most once per draft (the store's claim guarantees it). */
  execute(tools: Tools, call: ProviderCallContext, draft: AnyDraft): Promise<WriteResult>;
  /** The facts the risk policy scores, read from the draft. */
  toAction(draft: AnyDraft, facts: ActionFacts): ProposedActionInput;
  /** Facts only the provider can tell, fetched before scoring (e.g. how many people a channel reaches). */
  actionFacts?(tools: Tools, call: ProviderCallContext, draft: AnyDraft): Promise<ActionFacts>;
  /**
   * What an answer listed of this provider's items, in spoken order, kept for the next request of the
   * conversation; undefined when it listed none.
   */
  listed?(intent: Intent, read: ReadContext<Read>, transcript: string): unknown;
  /**
   * What a request points at among the items this provider listed last ("the second email", "move
   * it"): the request with the item named, and an item to read in full (`readMore`'s `pointed`);
   * undefined when it points at none.
   */
  pointAt?(intent: Intent, transcript: string, listed: unknown): PointedItem | undefined;
  /** The request as this provider reads for it (a forward reads the thread it forwards, not its recipients). */
  readingIntent?(intent: Intent): Intent;
  /**
   * Reads that depend on the first ones, into `out`: the item the person pointed at among the last
   * answer's (`pointed`, as that answer listed it), read in full; for an answer (not a draft) what
   * the reply needs beyond the list (e.g. a mailbox analysis, the threads it quotes). Failures go
   * into `out.failures`, never thrown.
   */
  readMore?(
    tools: Tools,
    call: ProviderCallContext,
    intent: Intent,
    out: ReadContext<Read>,
    env: { timezone: string; now: Date },
    pointed?: PointedItem,
  ): Promise<void>;
  /**
   * The draft kinds a write request can only produce, when the module can tell before building one
   * (connect then asks for those kinds' scopes alone); undefined when it cannot tell.
   */
  draftKinds?(intent: Intent): readonly string[] | undefined;
  /** How answers speak about what it read; without it, its reads go unmentioned. */
  reply?: ProviderReplyPart<Read>;
}

export interface ActionFacts {
  labels?: string[];
  channel_member_count?: number;
  /** A reply going to the thread's Reply-To instead of the person who wrote (see policy factors). */
  reply_to_redirect?: ReplyToRedirect;
  /** Recipients the user has never sent mail to (checked in their sent mail). */
  first_time_recipients?: string[];
}

export interface ReplyToRedirect {
  /** The address the message came from. */
  sender: string;
  /** Where its Reply-To sends the answer instead (the draft's recipients among them). */
  reply_to: string[];
  /** Whether the Reply-To is on another domain than the sender. */
  other_domain: boolean;
}

/** Checks a module's shape while keeping its tool and read-context types for the registry. */
export function defineProviderModule<Tools extends object, Read extends object, const S extends ProviderSettings = ProviderSettings>(
  module: ProviderModule<Tools, Read, S>,
): ProviderModule<Tools, Read, S> {
  return module;
}
