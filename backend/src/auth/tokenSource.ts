/**
 * How provider tools obtain credentials. The real implementation is the Token Vault client
 * (access-token exchange against Auth0 or the dev tenant); tools never see anything else, and
 * never return or log what they get.
 */
export interface ProviderTokenRequest {
  /** The Auth0 user id (`sub`) the token is for; part of the cache key. */
  userId: string;
  /** The user's Auth0 access token for the Vouch API: the Token Vault subject token. */
  subjectToken: string;
  /** Auth0 connection name, a provider contract's `defaultConnection` unless configured. */
  connection: string;
  /** Scopes the caller needs; the result says which were actually granted. */
  scopes: readonly string[];
  /**
   * Which connected account, when the person has several for one connection (sent as `login_hint`);
   * without it Auth0 answers with the account it picks.
   */
  account?: string;
}

export interface ProviderToken {
  accessToken: string;
  /** Scopes the provider granted, which may differ from what was asked. */
  scopes: string[];
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface ProviderTokenSource {
  getAccessToken(req: ProviderTokenRequest): Promise<ProviderToken>;
  /** Drops a cached token, e.g. after the provider answered 401 with it. */
  invalidate(req: { userId: string; connection: string }): void;
}
