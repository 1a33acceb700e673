import { SHIPPED_REGISTRY, type ProviderRegistry } from '../../providers/registry.js';
import type { Intent } from '../intent/schema.js';
import type { ProviderContext, ReplyInput, ReplyWriter } from './context.js';
import { offlineHelp } from './help.js';
import { firstName, quote, spokenDay, spokenList, spokenTime } from './speech.js';

/**
 * Template answers that read (and sound) like a person wrote them, built only from what the providers
 * returned, so nothing is invented; each provider's reads are said by its module's reply part.
 * Sentences are yielded one at a time so the pipeline can stream them and start speech after the first.
 */

/** The providers the templates speak for: each one's reply part, and the contracts' words. */
export type ReplyProviders = Pick<ProviderRegistry, 'modules' | 'catalog'>;

/** The reply part of the provider a tool belongs to. */
function replyPartOf(providers: ReplyProviders, tool: string) {
  const provider = providers.catalog.providerOfTool(tool)?.id;
  return providers.modules.find((m) => m.contract.id === provider)?.reply;
}

function writeAnswer(intent: Intent, ctx: ProviderContext, input: ReplyInput): string[] {
  const d = ctx.draft;
  const who = d?.to ?? intent.entities.people[0] ?? intent.entities.emails[0];
  const message = d?.text ?? intent.entities.message;
  switch (intent.action) {
    case 'schedule': {
      const start = d?.start ?? intent.entities.start;
      const minutes = d?.duration_minutes ?? intent.entities.duration_minutes ?? 30;
      const withWho = intent.entities.people.length ? ` with ${spokenList(intent.entities.people)}` : '';
      if (!start) return [`When should I schedule the meeting${withWho}?`];
      const s = new Date(start);
      return [
        `I've drafted a ${minutes}-minute meeting${withWho} ${spokenDay(s, input.now, input.timezone)} at ${spokenTime(s, input.timezone)}.`,
        'Check it and confirm to send the invite.',
      ];
    }
    case 'post': {
      const channel = d?.channel ?? intent.entities.channel;
      const where = channel ? `#${channel}` : who ? who : undefined;
      if (!where) return ['Which channel should I post that in?'];
      if (!message) return [`What should I post in ${where}?`];
      return [`Ready to post in ${where}: ${quote(message)}.`, 'Confirm to post it.'];
    }
    default: {
      const kind = intent.action === 'reply' ? 'reply' : 'email';
      if (!who) return [`Who should I ${intent.action === 'reply' ? 'reply to' : 'send that to'}?`];
      if (!message && intent.action !== 'draft') return [`What would you like to say to ${who}?`];
      const body = message ? `: ${quote(message)}` : '';
      return [`Here's a draft ${kind} to ${firstName(who)}${body}.`, 'Have a look and confirm when you’re ready to send it.'];
    }
  }
}

export function offlineReply(input: ReplyInput, providers: ReplyProviders = SHIPPED_REGISTRY): string[] {
  const { intent } = input;
  if (intent.action === 'unknown' || intent.tools.length === 0) return offlineHelp(providers.catalog);
  const ctx: ProviderContext = typeof input.context === 'string' ? { notes: input.context ? [input.context] : [] } : input.context;
  const failed = new Set((ctx.errors ?? []).map((e) => e.tool));
  const out: string[] = [];
  if (intent.needs_write) {
    out.push(...writeAnswer(intent, ctx, input));
  } else {
    for (const tool of intent.tools) {
      if (failed.has(tool)) continue;
      if (typeof input.context === 'string') continue;
      out.push(...(replyPartOf(providers, tool)?.speak(tool, intent, ctx, input) ?? []));
    }
  }
  for (const tool of failed) {
    // A provider's own limit is said as it is (what happened and when to ask again), not as an outage.
    const limit = (ctx.errors ?? []).find((e) => e.tool === tool && e.code === 'RATE_LIMITED');
    const spec = providers.catalog.tool(tool);
    const name = spec?.spokenName ?? spec?.displayName ?? tool;
    out.push(limit ? `I couldn't read ${name} this time: ${limit.message}` : `I couldn't reach ${name} just now.`);
  }
  for (const note of ctx.notes ?? []) out.push(note);
  return out.length > 0 ? out : ['Done.'];
}

export class OfflineReplyWriter implements ReplyWriter {
  readonly name = 'offline';

  constructor(private readonly providers: ReplyProviders = SHIPPED_REGISTRY) {}

  async *stream(input: ReplyInput): AsyncGenerator<string> {
    const sentences = offlineReply(input, this.providers);
    for (const [i, s] of sentences.entries()) yield i === 0 ? s : ` ${s}`;
  }
}
