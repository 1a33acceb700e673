/**
 * Who a spoken name means. Candidates come from the person's own history (people they sent mail to,
 * calendar guests, members of a workspace they belong to) and, last, from the display names of people
 * who wrote to them — a name anyone can put on an email. Pure: the providers gather, this decides.
 */

/**
 * How the person knows a candidate address; each provider module names its sightings with one of
 * these. Every source but `inbound` is something the person did or belongs to.
 */
type ContactSource = 'sent' | 'calendar' | 'workspace' | 'inbound';

const VERIFIED_SOURCES: ReadonlySet<ContactSource> = new Set(['sent', 'calendar', 'workspace']);

/** One sighting of a name with an address, from one provider. */
export interface PersonCandidate {
  /** The name as that source shows it (may be empty: a bare address). */
  name: string;
  address: string;
  source: ContactSource;
}

/** One person a name resolved to: the address, the best name seen for it, and every source that saw it. */
interface PersonMatch {
  name: string;
  address: string;
  sources: ContactSource[];
  /** Seen in the person's own history (sent mail, calendar, a workspace), not only on inbound mail. */
  verified: boolean;
}

const SOURCE_RANK: Record<ContactSource, number> = { sent: 0, calendar: 1, workspace: 2, inbound: 3 };

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9']+/)
    .filter(Boolean);
}

/**
 * Whether a spoken name means this candidate: every word of the name is a whole word of the
 * candidate's display name or of the address's local part (`jordan` → "Jordan Lee", `dana.w@…`),
 * case-insensitively. A full address matches only itself. Partial words ("Dan" for "Dana") do not.
 */
export function nameMatches(query: string, candidate: Pick<PersonCandidate, 'name' | 'address'>): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return false;
  if (q.includes('@')) return q === candidate.address.toLowerCase();
  const wanted = tokens(q);
  if (wanted.length === 0) return false;
  const local = candidate.address.toLowerCase().split('@')[0] ?? '';
  const have = new Set([...tokens(candidate.name), ...tokens(local)]);
  return wanted.every((w) => have.has(w));
}

/**
 * Everyone `query` may mean, best first. When anyone matches from the person's own history, people
 * known only from inbound mail are dropped: a look-alike sender never outranks someone they wrote to.
 */
export function resolvePerson(query: string, candidates: readonly PersonCandidate[]): PersonMatch[] {
  const byAddress = new Map<string, { match: PersonMatch; rank: number; count: number }>();
  for (const c of candidates) {
    if (!c.address.includes('@') || !nameMatches(query, c)) continue;
    const key = c.address.trim().toLowerCase();
    const entry = byAddress.get(key);
    if (!entry) {
      byAddress.set(key, {
        match: { name: c.name.trim(), address: c.address.trim(), sources: [c.source], verified: VERIFIED_SOURCES.has(c.source) },
        rank: SOURCE_RANK[c.source],
        count: 1,
      });
      continue;
    }
    entry.count += 1;
    if (!entry.match.sources.includes(c.source)) entry.match.sources.push(c.source);
    if (VERIFIED_SOURCES.has(c.source)) entry.match.verified = true;
    if (!entry.match.name && c.name.trim()) entry.match.name = c.name.trim();
    entry.rank = Math.min(entry.rank, SOURCE_RANK[c.source]);
  }
  const all = [...byAddress.values()];
  const trusted = all.some((e) => e.match.verified) ? all.filter((e) => e.match.verified) : all;
  return trusted
    .sort((a, b) => a.rank - b.rank || b.count - a.count || a.match.address.localeCompare(b.match.address))
    .map((e) => ({ ...e.match, sources: [...e.match.sources].sort((x, y) => SOURCE_RANK[x] - SOURCE_RANK[y]) }));
}

/** "Dana Whitfield (dana@northwind.io)": how a person is named aloud and on screen — always with the address. */
export function describePerson(p: Pick<PersonMatch, 'name' | 'address'>): string {
  return p.name && p.name.toLowerCase() !== p.address.toLowerCase() ? `${p.name} (${p.address})` : p.address;
}

/** "jordan" → "Jordan" (a name heard in lower case is said back as a name); "McKenzie" stays. */
function spokenName(query: string): string {
  return query.trim().replace(/\S+/g, (w) => (w === w.toLowerCase() ? w.charAt(0).toUpperCase() + w.slice(1) : w));
}

/**
 * The question to ask when a name fits several people, each named with the address it would go to.
 * Worded "Which <Name> do you mean" so the intent engine's follow-up (`inferPending`) takes the answer
 * as the person slot.
 */
export function whichPersonQuestion(query: string, matches: readonly PersonMatch[]): string {
  const options = matches.slice(0, 4).map(describePerson);
  const list = options.length <= 2 ? options.join(' or ') : `${options.slice(0, -1).join(', ')} or ${options.at(-1)}`;
  return `Which ${spokenName(query)} do you mean: ${list}?`;
}

/**
 * The names of one request resolved: a Map of name (lower case) → address for every name that means
 * exactly one person (what draft builders read), plus every candidate per name so the caller can ask
 * "which one?" when a name is ambiguous.
 */
export class ResolvedContacts extends Map<string, string> {
  private readonly matches = new Map<string, PersonMatch[]>();

  static from(names: readonly string[], candidates: readonly PersonCandidate[]): ResolvedContacts {
    const out = new ResolvedContacts();
    for (const name of names) {
      const key = name.trim().toLowerCase();
      if (!key || out.matches.has(key)) continue;
      const found = resolvePerson(name, candidates);
      out.matches.set(key, found);
      if (found.length === 1) out.set(key, (found[0] as PersonMatch).address);
    }
    return out;
  }

  /** Everyone the name may mean, best first (empty when nobody matched). */
  candidatesFor(name: string): PersonMatch[] {
    return this.matches.get(name.trim().toLowerCase()) ?? [];
  }

  /** The single person a name means, when it means exactly one. */
  personFor(name: string): PersonMatch | undefined {
    const found = this.candidatesFor(name);
    return found.length === 1 ? found[0] : undefined;
  }

  /**
   * Every candidate of every name as `{ name, email }` (the intent engine's `Contact`), for its
   * `IntentContext.contacts`: the follow-up to "Which Jordan…?" is matched against these.
   */
  asContacts(): Array<{ name: string; email: string }> {
    return [...this.matches.values()].flat().map((p) => ({ name: p.name || p.address, email: p.address }));
  }

  /** Names that fit more than one person: ask which before drafting. */
  ambiguous(): Array<{ name: string; candidates: PersonMatch[] }> {
    return [...this.matches].filter(([, found]) => found.length > 1).map(([name, candidates]) => ({ name, candidates }));
  }
}

/** The richer view of a contacts map when the registry built it; a plain map has no candidates. */
export function candidatesOf(contacts: ReadonlyMap<string, string>, name: string): PersonMatch[] | undefined {
  return contacts instanceof ResolvedContacts ? contacts.candidatesFor(name) : undefined;
}
