import type { ProviderContext } from '../providerContext.js';
import type { AnalyzedIntent } from '../intent/schema.js';

/**
 * What long-term memory keeps of one answered request: the user's own words and what Vouch did,
 * never the answer. Answers quote mail, chat and calendar entries that other people wrote; stored,
 * those would come back in later prompts as if the user had said them.
 */
export function rememberedExchange(
  transcript: string,
  intent: Pick<AnalyzedIntent, 'action' | 'tools'>,
  context: Pick<ProviderContext, 'threads' | 'thread' | 'events' | 'messages' | 'failures'>,
): string {
  const verb = intent.action === 'summarize' ? 'summarized' : 'read';
  const count = (n: number | undefined, one: string, many: string) => `${n ?? 0} ${(n ?? 0) === 1 ? one : many}`;
  const done: string[] = [];
  const failed = new Set(context.failures.map((f) => f.provider));
  for (const tool of intent.tools) {
    if (failed.has(tool === 'slack' ? 'slack' : 'google')) {
      done.push(`could not read ${NAMES[tool]}`);
      continue;
    }
    if (tool === 'gmail')
      done.push(`${verb} ${NAMES.gmail} (${count(context.threads?.length ?? (context.thread ? 1 : 0), 'thread', 'threads')})`);
    else if (tool === 'calendar') done.push(`${verb} ${NAMES.calendar} (${count(context.events?.length, 'event', 'events')})`);
    else done.push(`${verb} ${NAMES.slack} (${count(context.messages?.length, 'message', 'messages')})`);
  }
  return `Asked: ${transcript}\nDid: ${done.length ? done.join('; ') : 'answered without reading anything'}`;
}

const NAMES = { gmail: 'email', calendar: 'the calendar', slack: 'Slack' } as const;
