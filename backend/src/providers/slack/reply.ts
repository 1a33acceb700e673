import type { ProviderContext as ReplyContext } from '../../agent/reply/context.js';
import { firstName, plural, quote, spokenList } from '../../agent/reply/speech.js';
import type { Intent } from '../../agent/intent/schema.js';
import type { ProviderReplyPart, ReadContext } from '../providerModule.js';
import type { SlackLimit, SlackMessage } from './slackTools.js';

/** What a request read from Slack (filled by the module's `fetchContext`). */
export interface SlackReadContext {
  channel?: string;
  messages?: Array<SlackMessage & { channel?: string }>;
  /** Set when Slack gave less than was asked (rate limit, page cap); its message is for the reply as is. */
  limited?: SlackLimit;
  /** The search that ran, so an empty answer can say what was looked for. */
  searched?: string;
  /** Whose direct messages were read. */
  dmWith?: string;
}

/** The author of the person's own messages, as the reply writers (and the model) see it. */
const YOU = 'you';

/** One message as the reply writers see it. */
interface SlackMessageSummary {
  channel: string;
  /** Display name of the author; "you" for the person's own messages. */
  user: string;
  text: string;
  /** RFC 3339. */
  time?: string;
}

/** Slack's part of the reply context. */
interface SlackReplyContext {
  messages?: SlackMessageSummary[];
  /** How Slack was read when no channel history was: the search that ran, whose DMs, and Slack's own limit, in words. */
  slack?: { searched?: string; dm_with?: string; limited?: string };
}

/** What a Slack search looked for, in words: `NDA after:2026-11-24 in:#legal` → `"NDA" in #legal`. */
function searchedWords(query: string, intent: Intent): string {
  const words = query
    .replace(/\b(?:after|before|on|in|from):\S+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const channel = /\bin:#?([\w-]+)/.exec(query)?.[1];
  const since = /\bafter:/.test(query) ? (intent.entities.time_range ? ' in that time' : ' since yesterday') : '';
  const where = channel ? `#${channel}` : 'your Slack channels and DMs';
  return words ? `${where} for ${quote(words, 80)}${since}` : `${where}${since}`;
}

function slackRead(intent: Intent, ctx: SlackReplyContext): string[] {
  const msgs = ctx.messages ?? [];
  const s = ctx.slack;
  const where = intent.entities.channel ? `#${intent.entities.channel}` : s?.dm_with ? `your DMs with ${s.dm_with}` : 'Slack';
  const looked = s?.searched !== undefined ? searchedWords(s.searched, intent) : undefined;
  const out: string[] = [];
  if (msgs.length === 0) {
    // Never "nothing" without saying what was looked at.
    if (looked) out.push(`I searched ${looked} and found no messages.`);
    else out.push(`I read ${where} and found no new messages.`);
  } else {
    const latest = msgs.slice(-4);
    const many = new Set(latest.map((m) => m.channel)).size > 1 || (!intent.entities.channel && !s?.dm_with);
    const lines = latest.map((m, i) => {
      const chan = m.channel ? (m.channel.startsWith('DM with') ? ` (${m.channel})` : ` in #${m.channel.replace(/^#/, '')}`) : '';
      // The list opens a sentence: only its first "you" is capitalised.
      const who = m.user === YOU ? (i === 0 ? 'You' : 'you') : firstName(m.user);
      return `${who}${many ? chan : ''} said ${quote(m.text, 120)}`;
    });
    out.push(
      looked ? `I searched ${looked} and found ${plural(msgs.length, 'message')}.` : `In ${where}, ${plural(msgs.length, 'message')}.`,
    );
    out.push(`${spokenList(lines)}.`);
  }
  if (s?.limited) out.push(s.limited);
  return out;
}

export const slackReply: ProviderReplyPart<SlackReadContext> = {
  summarize(read: ReadContext<SlackReadContext>, out: ReplyContext & SlackReplyContext) {
    if (read.messages)
      out.messages = read.messages.map((m) => ({ channel: m.channel ?? read.channel ?? '', user: m.fromMe ? YOU : m.user, text: m.text }));
    if (read.searched !== undefined || read.dmWith !== undefined || read.limited) {
      out.slack = {
        ...(read.searched !== undefined ? { searched: read.searched } : {}),
        ...(read.dmWith ? { dm_with: read.dmWith } : {}),
        ...(read.limited ? { limited: read.limited.message } : {}),
      };
    }
  },

  speak: (_tool, intent, ctx) => slackRead(intent, ctx as SlackReplyContext),

  // The same grounding rules as the templates: what was looked at, and Slack's own limit.
  instructions: [
    'When Slack was searched (slack.searched), say what was searched; with no messages, say the search found none rather than "nothing new". If slack.limited is set, say it plainly.',
  ],

  forPrompt: (ctx, cut) => {
    const { messages } = ctx as SlackReplyContext;
    return messages ? { messages: messages.slice(0, 20).map((m) => ({ ...m, text: cut(m.text) })) } : {};
  },

  remembered: (_tool, read) => ({ what: 'Slack', count: read.messages?.length ?? 0, one: 'message', many: 'messages' }),
};
