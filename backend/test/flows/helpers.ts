import { TokenVaultClient } from '../../src/auth/tokenVault.js';
import { createProviderTools } from '../../src/providers/index.js';
import type { VouchSystem } from '../../standins/system.js';

/** Reads the sandbox through the official clients with a Token Vault token, as an observer would. */
export function observer(system: VouchSystem) {
  const vault = new TokenVaultClient({
    issuer: system.tenant.issuer,
    clientId: system.tenant.apiClient.clientId,
    clientSecret: system.tenant.apiClient.clientSecret,
  });
  return createProviderTools({
    tokenSource: vault,
    urls: { googleRootUrl: `${system.sandboxUrl}/`, slackApiUrl: `${system.sandboxUrl}/slack/api/` },
  });
}

/**
 * The texts of a channel's latest messages, newest first, as an observer checks what landed. Read
 * with search.messages: history allows a non-Marketplace app one request a minute, as Slack does.
 */
export async function channelTexts(
  system: VouchSystem,
  call: { userId: string; subjectToken: string },
  channel: string,
): Promise<string[]> {
  const r = await observer(system).slack.searchMessages(call, { query: `in:#${channel}`, count: 20 });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.matches.map((m) => m.text);
}
