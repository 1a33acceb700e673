import { CONNECT_BASE_SCOPES, describeScope } from '../auth/scopeCatalog.js';
import type { ProviderTokenSource } from '../auth/tokenSource.js';
import { TokenVaultError } from '../auth/tokenVault.js';
import type { LinkedProvider, Provider } from '../protocol/index.js';
import type { LinkStore } from '../store/vouchStore.js';

type LinkCheck = { linked: true; scopes: string[] } | { linked: false; error: TokenVaultError };

/**
 * Which provider accounts a user has linked, as far as Token Vault says. The backend never stores
 * provider tokens; it remembers only that an exchange for a connection succeeded and which scopes
 * came back, and it forgets the link as soon as Token Vault says the account is gone.
 */
export class LinkService {
  constructor(
    private readonly store: LinkStore,
    private readonly tokens: ProviderTokenSource & { clearUser?(userId: string): void },
    readonly connections: Record<Provider, string>,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Asks Token Vault for a token for the connection: proof the account is linked. No scope is
   * required here; each tool asks for its own and a missing one surfaces as INSUFFICIENT_SCOPE.
   */
  async check(sub: string, subjectToken: string, provider: Provider, opts: { fresh?: boolean } = {}): Promise<LinkCheck> {
    const connection = this.connections[provider];
    // Just (re)connected: the grant may have changed (incremental consent), so a cached token's scopes are stale.
    if (opts.fresh) this.tokens.invalidate({ userId: sub, connection });
    try {
      const token = await this.tokens.getAccessToken({ userId: sub, subjectToken, connection, scopes: [] });
      await this.store.upsertLink(sub, { provider, connection, scopes: token.scopes, linkedAt: new Date(this.now()).toISOString() });
      return { linked: true, scopes: token.scopes };
    } catch (err) {
      const e = err instanceof TokenVaultError ? err : new TokenVaultError('TOKEN_EXCHANGE_FAILED', 'link check failed', { connection });
      if (e.code === 'FEDERATED_TOKEN_NOT_IN_VAULT') await this.store.removeLink(sub, provider);
      return { linked: false, error: e };
    }
  }

  /** A failed exchange for a connection means the link is gone; keep the store truthful. */
  async forget(sub: string, provider: Provider): Promise<void> {
    await this.store.removeLink(sub, provider);
    this.tokens.invalidate({ userId: sub, connection: this.connections[provider] });
  }

  async list(sub: string): Promise<LinkedProvider[]> {
    return (await this.store.listLinks(sub)).map((l) => ({
      provider: l.provider,
      connection: l.connection,
      linked_at: l.linkedAt,
      scopes: l.scopes
        .filter((s) => !CONNECT_BASE_SCOPES[l.provider].includes(s))
        .map((scope) => ({ scope, description: describeScope(scope) })),
    }));
  }

  async isLinked(sub: string, provider: Provider): Promise<boolean> {
    return (await this.store.listLinks(sub)).some((l) => l.provider === provider);
  }

  providerForConnection(connection: string): Provider | undefined {
    return (Object.entries(this.connections) as Array<[Provider, string]>).find(([, c]) => c === connection)?.[0];
  }
}
