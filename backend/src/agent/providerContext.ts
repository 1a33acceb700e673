import { SHIPPED_REGISTRY, type ProviderContext, type ProviderTools } from '../providers/index.js';
import type { ProviderCallContext } from '../providers/result.js';
import type { Intent } from './intent/schema.js';

/**
 * What the agent read from the user's accounts for one request: compact summaries with ids, never a
 * credential. Each provider module contributes its part; the reply writer turns it into an answer.
 */
export type { ProviderContext };

/**
 * Fetches what a read request needs, with independent calls in parallel. Failures are collected,
 * not thrown: one provider being down still lets the others answer.
 */
export async function fetchProviderContext(
  tools: ProviderTools,
  ctx: ProviderCallContext,
  intent: Intent,
  timezone: string,
  now: Date,
): Promise<ProviderContext> {
  return (await SHIPPED_REGISTRY.fetchContext(tools, ctx, intent, timezone, now)) as ProviderContext;
}
