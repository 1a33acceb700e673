import type { ProviderContext } from './providerContext.js';
import type { ProviderContext as ReplyContext } from './reply/context.js';
import type { Tool } from '../protocol/index.js';
import type { ProviderRegistry } from '../providers/index.js';

/**
 * What the reply writers see of the provider results: each provider's own summaries (its module's
 * reply part: no ids or headers) and failures as sentences.
 */
export function toReplyContext(ctx: ProviderContext, providers: Pick<ProviderRegistry, 'modules' | 'catalog'>): ReplyContext {
  const out: ReplyContext = {};
  for (const m of providers.modules) m.reply?.summarize(ctx as typeof ctx & Record<string, unknown>, out);
  // A failure names its provider; the reply names the provider's first tool (its main one).
  if (ctx.failures.length)
    out.errors = ctx.failures.map((f) => ({
      tool: Object.keys(providers.catalog.provider(f.provider)?.tools ?? {})[0] as Tool,
      message: f.message,
      code: f.code,
    }));
  return out;
}
