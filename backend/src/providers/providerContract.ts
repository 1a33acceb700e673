import type { z } from 'zod';

/**
 * The shape of a provider's contract: what the app, the renderer and the policy may know about a
 * provider without running any of its code. Plain data and zod only (no Node, DOM or SDK APIs), so
 * the renderer can import it through the protocol.
 */

/** How the draft sheet edits one field: a line, a paragraph, a local date-time, or a list of addresses. */
export type DraftFieldKind = 'text' | 'textarea' | 'datetime' | 'addresses';

/** One editable field of a draft, in the order the sheet shows it. */
export interface DraftFieldSpec {
  /** The key in the draft's fields. */
  name: string;
  label: string;
  kind: DraftFieldKind;
  /** A short help text under the field. */
  hint?: string;
  /**
   * What the sheet says when the schema refuses the field: `empty` when nothing was entered,
   * `incomplete` when a date-time is not a whole date and time, `invalid` otherwise. An address
   * list names the first bad address itself.
   */
  messages?: { empty?: string; incomplete?: string; invalid?: string };
}

/** One kind of draft a provider writes (an email, an event, a channel message). */
export interface DraftContract<T extends string = string, O extends string = string> {
  /** The tool (inside the provider) that performs the write. */
  tool: T;
  /** The fields the draft carries; the sheet and the backend validate with this same schema. */
  schema: z.ZodType<Record<string, unknown>>;
  fields: readonly DraftFieldSpec[];
  /** A line under the fields, with `{field}` filled from the draft, e.g. "Times are in {timezone}." */
  note?: string;
  /** The draft sheet's title, e.g. "Review the email". */
  title: string;
  /** The confirm button, e.g. "Send". */
  confirmLabel: string;
  /** The word for a done write, e.g. `sent`; it is data in the result, not a draft state. */
  outcome: O;
  /** The outcome as the person reads it, e.g. "Sent". */
  outcomeLabel: string;
  /** What one such write is called in the activity list, e.g. "Email". */
  noun: string;
  /** What the agent says it can draft, e.g. "emails". */
  plural: string;
  /** The provider scopes performing this write needs (least privilege; asked for when such a draft is made). */
  scopes?: readonly string[];
  /**
   * Whom the write reaches, as the audit log records it: the fields holding recipient addresses,
   * and the field naming the channel it is posted in.
   */
  audience?: { recipients?: readonly string[]; channel?: string };
  /** Address-list fields that never hold the person's own address (a reply-all does not copy the person). */
  notSelf?: readonly string[];
}

/** How the agent speaks of a provider when it says what it can do (help answers, onboarding). */
export interface ProviderHelp {
  /** What the person can ask about, e.g. "email", "calendar": "I can help with your email, calendar and …". */
  topics: readonly string[];
  /** What Vouch does there, e.g. "check your calendar": "I can …, check your calendar, and draft …". */
  abilities: readonly string[];
  /** What it drafts for the person to confirm, e.g. "replies", "events". */
  drafts?: readonly string[];
  /** Requests to try, e.g. "what’s on my calendar tomorrow". */
  examples?: readonly string[];
}

/**
 * A credential format the provider issues, as a regular expression's source (and flags): the audit
 * log refuses or withholds any value matching it. `what` says what it looks like, never the value.
 */
export interface SecretPattern {
  source: string;
  flags?: string;
  what: string;
}

/** One tool of a provider: its names, and whom a write through it is addressed to. */
export interface ToolSpec {
  displayName: string;
  /** How an answer names it in a sentence ("I couldn't reach your calendar"); defaults to `displayName`. */
  spokenName?: string;
  /** A write through it goes to a channel (ask "which channel?") or to people by address (ask "who?"). */
  writesTo?: 'channel' | 'recipients';
}

/** A scope the provider may be asked for, with the sentence the person reads before granting it. */
export interface ScopeSpec<T extends string = string> {
  scope: string;
  tool: T;
  access: 'read' | 'write';
  description: string;
}

/** What kind of service a tool is to someone asking for it; the offline intent engine's rules are written per kind. */
export type ToolKind = 'mail' | 'calendar' | 'chat' | 'other';

/** Written inside an `intentVocabulary` word, it stands for the names of every service of another kind. */
export const OTHER_SERVICES = '{other services}';

/**
 * How people ask for one tool, for the offline intent engine. Plain data: `names` are words, the
 * others JavaScript regex sources matched case-insensitively, each carrying its own word boundaries.
 */
export interface ToolLanguage {
  kind: ToolKind;
  /** The service's own names ("notion", "google calendar"): said in a request, they pick this tool. */
  names: readonly string[];
  /** Other words that mean this tool ("inbox", "#general", "meeting"). */
  words: readonly string[];
  /** Words that mean this tool unless another service was named ("reply", "thread"). */
  weakWords?: readonly string[];
  /** Verbs that make something with this tool ("save", "jot down"): for kind `other`, such a request is a `draft`. */
  makeVerbs?: readonly string[];
}

/** One provider = one Auth0 connection, with its tools inside. */
export interface ProviderContract<
  P extends string = string,
  T extends string = string,
  D extends Record<string, DraftContract<T>> = Record<string, DraftContract<T>>,
> {
  id: P;
  /** The provider's name, e.g. "Notion". */
  displayName: string;
  /** What the person uses through it, e.g. "your Notion pages and databases". */
  services: string;
  /** Something to say to try the provider out, shown on the empty conversation. */
  examplePrompt: string;
  /** The Auth0 connection name a tenant uses unless configured otherwise. */
  defaultConnection: string;
  /**
   * Hosts of the provider's consent and account-permission pages (`host[:port]`, exact match): with the
   * tenant, the only places the desktop app sends the system browser to.
   */
  consentHosts: readonly string[];
  /** Scopes the identity provider itself needs on a connected account (e.g. openid, profile). */
  connectBaseScopes: readonly string[];
  tools: Readonly<Record<T, ToolSpec>>;
  scopes: readonly ScopeSpec<T>[];
  /**
   * Broader scopes the provider documents as covering narrower ones (a grant of the key satisfies a
   * request for each listed scope), e.g. Google's `https://mail.google.com/` covers `gmail.readonly`.
   */
  scopeImplications?: Readonly<Record<string, readonly string[]>>;
  /** Plain words for scopes a grant may carry that Vouch never asks for itself (`userinfo.email`). */
  scopeWords?: Readonly<Record<string, string>>;
  drafts: D;
  /** What the help answer and the onboarding say about the provider. */
  help?: ProviderHelp;
  /** Wording of the policy-rule conditions only this provider's actions carry, e.g. `{ channel: 'a chat channel' }`. */
  ruleConditions?: Readonly<Record<string, string>>;
  /** The provider's credential formats, refused by the audit log. */
  secretPatterns?: readonly SecretPattern[];
  /** How people ask for each tool, so the offline intent engine understands a new provider without an edit of its own. */
  intentVocabulary?: Readonly<Partial<Record<T, ToolLanguage>>>;
}

/** Checks a contract's shape while keeping its literal ids, so enums can be derived from it. */
export function defineProviderContract<
  const P extends string,
  const T extends string,
  const D extends Record<string, DraftContract<NoInfer<T>>>,
>(contract: ProviderContract<P, T, D>): ProviderContract<P, T, D> {
  return contract;
}
