import type { MailAnalysisResult } from './mailReading.js';
import type { ProviderContext } from './providerContext.js';
import type { ProviderContext as ReplyContext } from './reply/context.js';
import { addressOf } from './drafts.js';
import { TOOLS_OF_PROVIDER, type Tool } from '../protocol/index.js';

/**
 * What the reply writers see of the provider results: summaries without ids or headers, the newest
 * message of a summarized thread in place of its snippet, and failures as sentences.
 */
export function toReplyContext(
  ctx: ProviderContext & { analysis?: MailAnalysisResult; quoted?: Array<NonNullable<ProviderContext['thread']>> },
): ReplyContext {
  const out: ReplyContext = {};
  if (ctx.analysis) out.mail_analysis = ctx.analysis;
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
      const detail = ctx.thread?.threadId === t.threadId ? ctx.thread : ctx.quoted?.find((q) => q.threadId === t.threadId);
      // Each message is quoted under its real sender: the user's own reply is never "from Dana".
      const last = detail?.messages.filter((m) => !m.fromSelf).at(-1);
      const mine = detail?.messages.at(-1)?.fromSelf ? detail.messages.at(-1) : undefined;
      const sender = last?.from ?? t.from;
      const fromEmail = addressOf(sender);
      return {
        subject: t.subject,
        from:
          sender
            .replace(/<[^>]*>/, '')
            .replace(/"/g, '')
            .trim() || sender,
        ...(fromEmail ? { from_email: fromEmail } : {}),
        date: last?.date ?? t.lastDate,
        snippet: last ? last.body.slice(0, 600) : t.snippet,
        unread: t.unread,
        message_count: t.messageCount,
        ...(mine ? { your_reply: mine.body.slice(0, 300) } : {}),
      };
    });
  }
  if (ctx.messages) out.messages = ctx.messages.map((m) => ({ channel: m.channel ?? ctx.channel ?? '', user: m.user, text: m.text }));
  if (ctx.searched !== undefined || ctx.dmWith !== undefined || ctx.limited) {
    out.slack = {
      ...(ctx.searched !== undefined ? { searched: ctx.searched } : {}),
      ...(ctx.dmWith ? { dm_with: ctx.dmWith } : {}),
      ...(ctx.limited ? { limited: ctx.limited.message } : {}),
    };
  }
  // A failure names its provider; the reply names the provider's first tool (its main one).
  if (ctx.failures.length)
    out.errors = ctx.failures.map((f) => ({ tool: TOOLS_OF_PROVIDER[f.provider][0] as Tool, message: f.message, code: f.code }));
  return out;
}
