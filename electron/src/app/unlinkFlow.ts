import type * as oidc from 'openid-client';
import { createMyAccountClient } from '../../../backend/src/auth/myAccountClient.js';
import { DEFAULT_CONNECTIONS } from '../../../backend/src/auth/scopeCatalog.js';
import type { Provider } from '../../../backend/src/protocol/index.js';
import { browserFallbackFor, getMyAccountToken } from '../auth/myAccountToken.js';
import type { AuthSession } from '../auth/session.js';

const UNLINK_SCOPES = 'read:me:connected_accounts delete:me:connected_accounts';

/**
 * Builds the controller's `unlink(provider)`: removes the provider's connected accounts from Token
 * Vault through the My Account API (so no one, the backend included, can get tokens for it any
 * more). The controller then tells the backend, which forgets the link and clears its cache.
 */
export function createUnlinkFlow(opts: {
  session: AuthSession;
  config: oidc.Configuration;
  issuer: string;
  meAudience?: string;
  openExternal(url: string): Promise<void>;
  connections?: Partial<Record<Provider, string>>;
  fetch?: typeof fetch;
}) {
  const meAudience = opts.meAudience ?? new URL('me/', opts.issuer).href;
  return async (provider: Provider): Promise<number> => {
    const token = await getMyAccountToken({
      session: opts.session,
      audience: meAudience,
      scope: UNLINK_SCOPES,
      browserFallback: browserFallbackFor({ config: opts.config, audience: meAudience, scope: UNLINK_SCOPES, openExternal: opts.openExternal }),
    });
    const client = createMyAccountClient({ issuer: opts.issuer, accessToken: token, ...(opts.fetch ? { fetch: opts.fetch } : {}) });
    const accounts = await client.listAccounts(opts.connections?.[provider] ?? DEFAULT_CONNECTIONS[provider]);
    for (const a of accounts) await client.deleteAccount(a.id);
    return accounts.length;
  };
}
