import type { ProviderContext } from './providerContext.js';
import type { ProviderContext as ReplyContext } from './reply/context.js';
import { addressOf } from './drafts.js';
import { TOOLS_OF_PROVIDER, type Tool } from '../protocol/index.js';

/**
 * What the reply writers see of the provider results: summaries without ids or headers, the newest
 * message of a summarized thread in place of its snippet, and failures as sentences.
 */
export function toReplyContext(ctx: ProviderContext): ReplyContext {
  const out: ReplyContext = {};
  if (ctx.events) {
    out.events = ctx.events.map((e) => ({
      title: e.title,
      start: e.start,
      end: e.end,
      ...(e.allDay ? { all_day: true } : {}),
      ...(e.attendees.length ? { attendees: e.attendees } : {}),
      ...(e.location ? { location: e.location } : {}),
    }));
  }
  if (ctx.threads) {
    out.threads = ctx.threads.map((t) => {
      const detail = ctx.thread?.threadId === t.threadId ? ctx.thread : undefined;
      const last = detail?.messages.at(-1);
      const fromEmail = addressOf(t.from);
      return {
        subject: t.subject,
        from: t.from.replace(/<[^>]*>/, '').replace(/"/g, '').trim() || t.from,
        ...(fromEmail ? { from_email: fromEmail } : {}),
        date: t.lastDate,
        snippet: last ? last.body.slice(0, 600) : t.snippet,
        unread: t.unread,
        message_count: t.messageCount,
      };
    });
  }
  if (ctx.messages) out.messages = ctx.messages.map((m) => ({ channel: ctx.channel ?? (m as { channel?: string }).channel ?? '', user: m.user, text: m.text }));
  // A failure names its provider; the reply names the provider's first tool (its main one).
  if (ctx.failures.length) out.errors = ctx.failures.map((f) => ({ tool: TOOLS_OF_PROVIDER[f.provider][0] as Tool, message: f.message }));
  return out;
}
