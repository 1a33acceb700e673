import { type ProviderContract, SHIPPED_CONTRACTS, type Tool } from '../../protocol/common.js';
import { OTHER_SERVICES, type ToolKind, type ToolLanguage } from '../../providers/providerContract.js';

/**
 * The offline intent engine's provider words, gathered from the registered contracts' `intentVocabulary`.
 * The engine's rules are written per kind of service (mail, calendar, chat); which tool is which kind,
 * and the words that name it, come from here, so a provider brings its own language and the engine
 * names none.
 */

interface OtherTool {
  tool: Tool;
  /** Its names and words. */
  re: RegExp;
  /** Its verbs for making something ("save a note"): such a request is a draft. */
  make?: RegExp;
}

export interface IntentLexicon {
  /** Every tool with a vocabulary, in registration order: the order an intent lists its tools. */
  order: readonly Tool[];
  /** The tool the rules mean by each kind (the first registered of that kind), or a placeholder no intent keeps. */
  mail: Tool;
  calendar: Tool;
  chat: Tool;
  /** The names of the tools of these kinds as one regex group ("(?:gmail)"); a group that never matches when there are none. */
  names(...kinds: ToolKind[]): string;
  /** The lower-case words of every tool name: never a person's name. */
  nameWords: ReadonlySet<string>;
  /** Each kind's names and words, and mail's words that yield to a named service. */
  re: { mail: RegExp; mailWeak: RegExp; calendar: RegExp; chat: RegExp };
  others: readonly OtherTool[];
  /** How the person knows a tool ("Google Calendar"), for sentences that name them. */
  displayNames: ReadonlyMap<Tool, string>;
}

const NEVER = '(?!)';
const TOOL_KINDS: readonly ToolKind[] = ['mail', 'calendar', 'chat', 'other'];

function nameSource(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join(String.raw`\s+`);
}

function alternation(sources: readonly string[]): string {
  return sources.length ? `(?:${sources.join('|')})` : NEVER;
}

function build(contracts: readonly ProviderContract[]): IntentLexicon {
  const tools: Array<{ tool: Tool; lang: ToolLanguage }> = [];
  const displayNames = new Map<Tool, string>();
  for (const c of contracts) {
    for (const [tool, t] of Object.entries(c.tools)) displayNames.set(tool as Tool, (t as { displayName: string }).displayName);
    const vocab = (c.intentVocabulary ?? {}) as Readonly<Record<string, ToolLanguage | undefined>>;
    for (const tool of Object.keys(c.tools)) {
      const lang = vocab[tool];
      if (lang) tools.push({ tool: tool as Tool, lang });
    }
  }
  const ofKind = (kind: ToolKind) => tools.filter((t) => t.lang.kind === kind);
  const names = (...kinds: ToolKind[]) =>
    alternation(tools.filter((t) => kinds.includes(t.lang.kind)).flatMap((t) => t.lang.names.map(nameSource)));
  const wordsOf = (kind: ToolKind, weak = false) => {
    const own = ofKind(kind);
    const sources = weak
      ? own.flatMap((t) => t.lang.weakWords ?? [])
      : [...own.flatMap((t) => t.lang.names.map((n) => String.raw`\b${nameSource(n)}\b`)), ...own.flatMap((t) => t.lang.words)];
    // A provider's words may step aside for another service without naming it ("do I have anything in
    // #general" is no calendar question): OTHER_SERVICES stands for every other kind's names.
    const others = names(...TOOL_KINDS.filter((k) => k !== kind));
    return new RegExp(sources.length ? sources.map((s) => s.replaceAll(OTHER_SERVICES, others)).join('|') : NEVER, 'i');
  };
  // A kind nobody registered still has a tool id, so the rules read the same; no intent keeps it.
  const first = (kind: ToolKind) => ofKind(kind)[0]?.tool ?? (`\u0000${kind}` as Tool);
  return {
    order: tools.map((t) => t.tool),
    mail: first('mail'),
    calendar: first('calendar'),
    chat: first('chat'),
    names,
    nameWords: new Set(tools.flatMap((t) => t.lang.names.flatMap((n) => n.toLowerCase().split(/\s+/)))),
    re: { mail: wordsOf('mail'), mailWeak: wordsOf('mail', true), calendar: wordsOf('calendar'), chat: wordsOf('chat') },
    displayNames,
    others: ofKind('other').map(({ tool, lang }) => ({
      tool,
      re: new RegExp([...lang.names.map((n) => String.raw`\b${nameSource(n)}\b`), ...lang.words].join('|') || NEVER, 'i'),
      ...(lang.makeVerbs?.length ? { make: new RegExp(String.raw`^(?:${lang.makeVerbs.join('|')})\b`, 'i') } : {}),
    })),
  };
}

const built = new WeakMap<readonly ProviderContract[], IntentLexicon>();

/** The lexicon of these contracts (built once per list). */
export function intentLexicon(contracts: readonly ProviderContract[]): IntentLexicon {
  let lex = built.get(contracts);
  if (!lex) built.set(contracts, (lex = build(contracts)));
  return lex;
}

/** The shipped providers' lexicon: what the engine understands when it is not given a registry. */
export const SHIPPED_LEXICON: IntentLexicon = intentLexicon(SHIPPED_CONTRACTS);
