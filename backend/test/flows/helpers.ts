import { TokenVaultClient } from '../../src/auth/tokenVault.js';
import { createProviderTools } from '../../src/providers/index.js';
import type { VouchSystem } from '../../standins/system.js';

/** Reads the sandbox through the official clients with a Token Vault token, as an observer would. */
export function observer(system: VouchSystem) {
  const vault = new TokenVaultClient({ issuer: system.tenant.issuer, clientId: system.tenant.apiClient.clientId, clientSecret: system.tenant.apiClient.clientSecret });
  return createProviderTools({ tokenSource: vault, urls: { googleRootUrl: `${system.sandboxUrl}/`, slackApiUrl: `${system.sandboxUrl}/slack/api/` } });
}
