import { createMyAccountClient } from '../auth/myAccountClient.js';
import { DEFAULT_CONNECTIONS } from '../../../backend/src/protocol/index.js';
import type { Provider } from '../../../backend/src/protocol/index.js';
import { type MyAccountFlowOptions, myAccountTokenFor } from '../auth/myAccountToken.js';

const UNLINK_SCOPES = 'read:me:connected_accounts delete:me:connected_accounts';

/**
 * Builds the controller's `unlink(provider)`: removes the provider's connected accounts from Token
 * Vault through the My Account API (so no one, the backend included, can get tokens for it any
 * more). The controller then tells the backend, which forgets the link and clears its cache.
 */
export function createUnlinkFlow(opts: MyAccountFlowOptions & { connections?: Partial<Record<Provider, string>>; fetch?: typeof fetch }) {
  return async (provider: Provider): Promise<number> => {
    const token = await myAccountTokenFor(opts, UNLINK_SCOPES);
    const client = createMyAccountClient({ issuer: opts.issuer, accessToken: token, ...(opts.fetch ? { fetch: opts.fetch } : {}) });
    const accounts = await client.listAccounts(opts.connections?.[provider] ?? DEFAULT_CONNECTIONS[provider]);
    for (const a of accounts) await client.deleteAccount(a.id);
    return accounts.length;
  };
}
