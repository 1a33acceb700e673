import type { ProviderContext } from '../providerContext.js';
import type { AnalyzedIntent } from '../intent/schema.js';
import { SHIPPED_REGISTRY, type ProviderRegistry } from '../../providers/registry.js';

/**
 * What long-term memory keeps of one answered request: the user's own words and what Vouch did,
 * never the answer. Answers quote mail, chat and calendar entries that other people wrote; stored,
 * those would come back in later prompts as if the user had said them. Each provider's module says
 * what a read of its tools was (`reply.remembered`).
 */
export function rememberedExchange(
  transcript: string,
  intent: Pick<AnalyzedIntent, 'action' | 'tools'>,
  context: Partial<ProviderContext> & Pick<ProviderContext, 'failures'>,
  providers: Pick<ProviderRegistry, 'modules' | 'catalog'> = SHIPPED_REGISTRY,
): string {
  const verb = intent.action === 'summarize' ? 'summarized' : 'read';
  const done: string[] = [];
  const failed = new Set<string>(context.failures.map((f) => f.provider));
  for (const tool of intent.tools) {
    const provider = providers.catalog.providerOfTool(tool)?.id;
    const read = providers.modules.find((m) => m.contract.id === provider)?.reply?.remembered(tool, context as ProviderContext);
    if (!provider || !read) continue;
    if (failed.has(provider)) done.push(`could not read ${read.what}`);
    else done.push(`${verb} ${read.what} (${read.count} ${read.count === 1 ? read.one : read.many})`);
  }
  return `Asked: ${transcript}\nDid: ${done.length ? done.join('; ') : 'answered without reading anything'}`;
}
