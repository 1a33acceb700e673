import type { ProviderToken } from './tokenSource.js';

/**
 * Where the Token Vault client keeps provider tokens between exchanges, and how concurrent misses
 * for one key share a single exchange. The in-memory cache serves one backend process; a shared
 * implementation (redis/tokenCache.ts) lets several instances reuse each other's tokens and still
 * make one exchange for a burst of misses spread over all of them.
 */
/**
 * One entry per user and connection: Token Vault's exchange takes no scope parameter, so the token is
 * the same whatever a call needs; each call's scopes are checked against the token's granted list.
 */
export interface TokenCacheKey {
  userId: string;
  connection: string;
  /** The connected account asked for by login_hint; '' or absent for the connection's default. */
  account?: string;
}

export interface CachedToken {
  token: ProviderToken;
  /** Epoch ms after which the token is not handed out any more (its expiry minus a margin). */
  refreshAt: number;
}

export interface TokenCache {
  /** The token for `key` if one is held and `now` is before its refreshAt; otherwise null. */
  get(key: TokenCacheKey, now: number): Promise<ProviderToken | null>;
  /**
   * After a miss: runs `exchange` and keeps its result until refreshAt. Concurrent callers for one
   * key share one run (within this process; for a shared cache, across every process using it).
   * A failed exchange is not cached; each caller that shared it gets the error.
   */
  fill(key: TokenCacheKey, now: () => number, exchange: () => Promise<CachedToken>): Promise<ProviderToken>;
  /** Drops the token held for the user on that connection. */
  invalidate(userId: string, connection: string): Promise<void>;
  /** Drops every token held for the user (logout, revoke). */
  clearUser(userId: string): Promise<void>;
  /** Entries held in this process's memory (a shared cache holds none). */
  readonly localEntries: number;
}

export function tokenCacheKeyString(key: TokenCacheKey): string {
  return [key.userId, key.connection, (key.account ?? '').toLowerCase()].join('\u0000');
}

/** One process's cache: a Map, plus a map of exchanges in flight so a burst of misses makes one. */
export class InMemoryTokenCache implements TokenCache {
  private readonly entries = new Map<string, CachedToken>();
  private readonly inflight = new Map<string, Promise<ProviderToken>>();

  async get(key: TokenCacheKey, now: number): Promise<ProviderToken | null> {
    const hit = this.entries.get(tokenCacheKeyString(key));
    return hit && hit.refreshAt > now ? hit.token : null;
  }

  fill(key: TokenCacheKey, _now: () => number, exchange: () => Promise<CachedToken>): Promise<ProviderToken> {
    const k = tokenCacheKeyString(key);
    const running = this.inflight.get(k);
    if (running) return running;
    const p = exchange()
      .then((entry) => {
        this.entries.set(k, entry);
        return entry.token;
      })
      .finally(() => this.inflight.delete(k));
    this.inflight.set(k, p);
    return p;
  }

  async invalidate(userId: string, connection: string): Promise<void> {
    this.dropPrefix(`${userId}\u0000${connection}\u0000`);
  }

  async clearUser(userId: string): Promise<void> {
    this.dropPrefix(`${userId}\u0000`);
  }

  get localEntries(): number {
    return this.entries.size;
  }

  private dropPrefix(prefix: string): void {
    for (const k of this.entries.keys()) if (k.startsWith(prefix)) this.entries.delete(k);
  }
}
