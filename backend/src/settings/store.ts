import { InsideDomain, MAX_INSIDE_DOMAINS, UserPreferences, VouchError } from '../protocol/index.js';

/** One domain the person counts as their own, beyond their sign-in address's domain. */
export interface InsideDomainRecord {
  domain: string;
  /** ISO-8601 UTC. */
  added_at: string;
}

/** Preferences the person has set; an unset one takes its default where it is used. */
export type StoredPreferences = Partial<UserPreferences>;

/**
 * Where the backend keeps each person's settings: the extra inside domains (a protection setting,
 * changed only through the routes that ask the phone and audit) and plain preferences. Async so a
 * networked store can implement it; writes validate with the protocol's schemas and reads
 * re-validate, so the policy never reads a domain the API would have refused.
 */
export interface UserSettingsStore {
  /** Oldest first. */
  listInsideDomains(user: string): Promise<InsideDomainRecord[]>;
  /** `added: false` when it was already listed. Throws `InsideDomainLimitError` past MAX_INSIDE_DOMAINS. */
  addInsideDomain(user: string, domain: string): Promise<{ added: boolean }>;
  removeInsideDomain(user: string, domain: string): Promise<boolean>;
  getPreferences(user: string): Promise<StoredPreferences>;
  /** Merges `patch` into what is stored; returns the stored preferences. */
  setPreferences(user: string, patch: StoredPreferences): Promise<StoredPreferences>;
}

export class InsideDomainLimitError extends VouchError {
  static override readonly code = 'INSIDE_DOMAIN_LIMIT_REACHED';
  constructor() {
    super(`at most ${MAX_INSIDE_DOMAINS} domains of your own`);
    this.name = 'InsideDomainLimitError';
  }
}

/** The stored form of a domain: what the API accepts, normalized. */
export function storedDomain(domain: string): string {
  return InsideDomain.parse(domain);
}

/**
 * Rows as read back: one the API would refuse today (a provider added to the public list since, a
 * hand-edited database) is left out, so it counts as outside, the safe side.
 */
export function readableDomains(rows: readonly InsideDomainRecord[]): InsideDomainRecord[] {
  return rows.flatMap((r) => {
    const parsed = InsideDomain.safeParse(r.domain);
    return parsed.success && parsed.data === r.domain ? [{ domain: r.domain, added_at: r.added_at }] : [];
  });
}

export function storedPreferences(value: unknown): StoredPreferences {
  return UserPreferences.partial().parse(value);
}

export class InMemoryUserSettingsStore implements UserSettingsStore {
  private readonly domains = new Map<string, InsideDomainRecord[]>();
  private readonly prefs = new Map<string, StoredPreferences>();

  constructor(private readonly now: () => number = Date.now) {}

  async listInsideDomains(user: string): Promise<InsideDomainRecord[]> {
    return structuredClone(this.domains.get(user) ?? []);
  }

  async addInsideDomain(user: string, input: string): Promise<{ added: boolean }> {
    const domain = storedDomain(input);
    const list = this.domains.get(user) ?? [];
    if (list.some((d) => d.domain === domain)) return { added: false };
    if (list.length >= MAX_INSIDE_DOMAINS) throw new InsideDomainLimitError();
    list.push({ domain, added_at: new Date(this.now()).toISOString() });
    this.domains.set(user, list);
    return { added: true };
  }

  async removeInsideDomain(user: string, domain: string): Promise<boolean> {
    const list = this.domains.get(user) ?? [];
    const i = list.findIndex((d) => d.domain === domain);
    if (i < 0) return false;
    list.splice(i, 1);
    return true;
  }

  async getPreferences(user: string): Promise<StoredPreferences> {
    return { ...this.prefs.get(user) };
  }

  async setPreferences(user: string, patch: StoredPreferences): Promise<StoredPreferences> {
    const next = storedPreferences({ ...this.prefs.get(user), ...storedPreferences(patch) });
    this.prefs.set(user, next);
    return { ...next };
  }
}
