import { CONNECT_BASE_SCOPES, DEFAULT_CONNECTIONS, SCOPE_CATALOG } from '../../../backend/src/protocol/index.js';
import type { Provider } from '../../../backend/src/protocol/index.js';
import type { ConnectProgress } from '../bridge/contract.js';
import { connectAccount } from '../auth/connectAccount.js';
import { MyAccountClient } from '../auth/myAccount.js';
import { type MyAccountFlowOptions, myAccountAudience, myAccountTokenFor } from '../auth/myAccountToken.js';

/**
 * Builds the controller's `connect(provider, onProgress, scopes)`: a My Account token (MRRT, or the
 * browser fallback), then the Connected Accounts round trip for the provider's Auth0 connection with
 * the scopes asked for (plus what the identity provider itself requires).
 */
export function createConnectFlow(opts: MyAccountFlowOptions & { connections?: Partial<Record<Provider, string>>; allowHttp?: boolean }) {
  const apiBase = new URL('v1/', myAccountAudience(opts)).href;
  return async (provider: Provider, onProgress: (p: ConnectProgress) => void, wanted: readonly string[] = []): Promise<void> => {
    // One My Account token per flow: connect and complete share it (each MRRT may rotate the RT).
    let token: Promise<string> | undefined;
    const getToken = () => (token ??= myAccountTokenFor(opts));
    // Least privilege: what the requests so far needed, else the provider's read scopes; a write asks for more when it needs it.
    const own = wanted.length ? wanted : SCOPE_CATALOG.filter((s) => s.provider === provider && s.access === 'read').map((s) => s.scope);
    const scopes = [...new Set([...CONNECT_BASE_SCOPES[provider], ...own])];
    await connectAccount({
      provider,
      connection: opts.connections?.[provider] ?? DEFAULT_CONNECTIONS[provider],
      scopes,
      myAccount: new MyAccountClient(apiBase, getToken),
      openExternal: opts.openExternal,
      onProgress,
      allowHttp: opts.allowHttp ?? false,
      ...(opts.loopbackPorts ? { loopbackPorts: opts.loopbackPorts } : {}),
    });
  };
}
