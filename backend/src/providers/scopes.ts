import { SHIPPED_CONTRACTS, type ProviderContract } from './catalog.js';

/**
 * Scope arithmetic over the providers' contracts: a grant satisfies a request when each requested
 * scope was granted or is covered by a broader granted one (`https://mail.google.com/` ⊇
 * `gmail.readonly`), never by exact strings alone. Pure; no I/O.
 */
interface ScopeRules {
  /** Scopes each granted scope covers, transitively closed, the scope itself included. */
  covers(granted: string): ReadonlySet<string>;
  /** Requested scopes the grant does not cover, in request order. */
  missing(requested: readonly string[], granted: readonly string[]): string[];
  /** A sentence for any scope a contract knows, else undefined. */
  words(scope: string): string | undefined;
}

function createScopeRules(contracts: readonly ProviderContract[]): ScopeRules {
  const direct = new Map<string, Set<string>>();
  const words = new Map<string, string>();
  for (const c of contracts) {
    for (const [broad, narrow] of Object.entries(c.scopeImplications ?? {})) {
      const set = direct.get(broad) ?? new Set<string>();
      for (const n of narrow) set.add(n);
      direct.set(broad, set);
    }
    for (const [scope, sentence] of Object.entries(c.scopeWords ?? {})) words.set(scope, sentence);
    for (const s of c.scopes) words.set(s.scope, s.description);
  }
  const closure = new Map<string, ReadonlySet<string>>();
  const covers = (granted: string): ReadonlySet<string> => {
    const known = closure.get(granted);
    if (known) return known;
    const out = new Set<string>([granted]);
    const queue = [granted];
    while (queue.length) {
      for (const n of direct.get(queue.pop() as string) ?? []) {
        if (!out.has(n)) {
          out.add(n);
          queue.push(n);
        }
      }
    }
    closure.set(granted, out);
    return out;
  };
  return {
    covers,
    missing(requested, granted) {
      const have = new Set<string>();
      for (const g of granted) for (const s of covers(g)) have.add(s);
      return requested.filter((s) => !have.has(s));
    },
    words: (scope) => words.get(scope),
  };
}

export const SHIPPED_SCOPE_RULES = createScopeRules(SHIPPED_CONTRACTS);

/**
 * Incremental consent: the provider scopes one request needs, not everything a provider could use.
 * Reads need the tools' read scopes; a write adds the scopes of the draft kinds it may produce
 * (all of the tools' kinds when not known yet). Connect asks for these; an INSUFFICIENT_SCOPE later
 * asks for the missing ones on top of what was granted (Token Vault's exchange takes no scope, so
 * the grant at connect is what bounds every call).
 */
export function scopesForRequest(
  tools: readonly string[],
  opts: { write?: boolean; draftKinds?: readonly string[] } = {},
  contracts: readonly ProviderContract[] = SHIPPED_CONTRACTS,
): string[] {
  const out = new Set<string>();
  for (const c of contracts) {
    for (const s of c.scopes) if (s.access === 'read' && tools.includes(s.tool)) out.add(s.scope);
    if (!opts.write) continue;
    for (const [kind, d] of Object.entries(c.drafts)) {
      if (!tools.includes(d.tool)) continue;
      if (opts.draftKinds && !opts.draftKinds.includes(kind)) continue;
      for (const scope of d.scopes ?? c.scopes.filter((s) => s.tool === d.tool && s.access === 'write').map((s) => s.scope)) out.add(scope);
    }
  }
  return [...out];
}
