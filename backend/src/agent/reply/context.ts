import type { DraftKind, Tool } from '../../protocol/common.js';
import type { Intent } from '../intent/schema.js';

/**
 * What the pipeline fetched from the providers, trimmed to what a spoken answer needs. Writers get it
 * structured (the offline templates read fields; Gemini gets it as compact JSON), never raw API bodies
 * and never anything credential-like.
 */

export interface CalendarEventSummary {
  title: string;
  /** RFC 3339, or `YYYY-MM-DD` for all-day events. */
  start: string;
  end?: string;
  all_day?: boolean;
  attendees?: string[];
  location?: string;
}

export interface EmailThreadSummary {
  subject: string;
  /** Display name or address of the latest sender. */
  from: string;
  from_email?: string;
  /** RFC 3339 of the latest message. */
  date?: string;
  snippet: string;
  unread?: boolean;
  message_count?: number;
  /** The user's own latest reply in the thread (never attributed to `from`). */
  your_reply?: string;
}

export interface SlackMessageSummary {
  channel: string;
  /** Display name of the author. */
  user: string;
  text: string;
  /** RFC 3339. */
  time?: string;
}

export interface ProviderContext {
  events?: CalendarEventSummary[];
  threads?: EmailThreadSummary[];
  messages?: SlackMessageSummary[];
  /** How Slack was read when no channel history was: the search that ran, whose DMs, and Slack's own limit, in words. */
  slack?: { searched?: string; dm_with?: string; limited?: string };
  /** "Who wrote most" / "did X reply", computed from what Gmail returned. */
  mail_analysis?: {
    top_senders?: Array<{ name: string; threads: number }>;
    did_reply?: {
      person: string;
      subject: string;
      replied: boolean;
      you_wrote?: boolean;
      last_from?: string;
      last_date?: string;
      last_text?: string;
    };
  };
  /** A write the pipeline prepared (draft_ready was or will be sent). */
  draft?: { kind: DraftKind; to?: string; channel?: string; text?: string; title?: string; start?: string; duration_minutes?: number };
  /** Tools that could not be read, so the answer can say so instead of "nothing found". */
  errors?: Array<{ tool: Tool; message: string; code?: string }>;
  /** Anything else worth saying, already phrased. */
  notes?: string[];
}

export interface ReplyInput {
  transcript: string;
  intent: Intent;
  /** Structured results, or pre-written text from a caller that has its own formatting. */
  context: ProviderContext | string;
  /** Recalled long-term memories relevant to this request. */
  memory: string[];
  timezone: string;
  now: Date;
  /** The user's first name, for sign-offs. */
  userName?: string;
}

export interface ReplyWriter {
  readonly name: string;
  stream(input: ReplyInput): AsyncIterable<string>;
}

/** Compact JSON for a model prompt; long snippets are cut so a prompt stays small. */
export function contextForPrompt(ctx: ProviderContext | string, maxSnippet = 300): string {
  if (typeof ctx === 'string') return ctx;
  const cut = (s: string) => (s.length > maxSnippet ? `${s.slice(0, maxSnippet)}…` : s);
  return JSON.stringify({
    ...ctx,
    threads: ctx.threads?.slice(0, 10).map((t) => ({ ...t, snippet: cut(t.snippet) })),
    messages: ctx.messages?.slice(0, 20).map((m) => ({ ...m, text: cut(m.text) })),
    events: ctx.events?.slice(0, 20),
  });
}
