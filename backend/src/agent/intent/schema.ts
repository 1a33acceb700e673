import { z } from 'zod';
import { Tool } from '../../protocol/common.js';

/**
 * What a transcript asks for. Both engines (Gemini and offline) produce exactly this shape, and Gemini's
 * output is parsed with it, so the pipeline never sees a field it did not expect.
 */

const rfc3339 = z.string().datetime({ offset: true });

export const IntentAction = z.enum(['read', 'summarize', 'draft', 'reply', 'send', 'schedule', 'post', 'unknown']);
export type IntentAction = z.infer<typeof IntentAction>;

/** Actions that end in a provider write (always through draft_ready → action_confirmed). */
export const WRITE_ACTIONS: ReadonlySet<IntentAction> = new Set(['draft', 'reply', 'send', 'schedule', 'post']);

export const CalendarOperation = z.enum(['create', 'move', 'cancel', 'decline', 'accept']);
export type CalendarOperation = z.infer<typeof CalendarOperation>;

export const ChatScope = z.enum(['search', 'catch_up', 'dm']);
export type ChatScope = z.infer<typeof ChatScope>;

/** `top_senders`: "who wrote most this week"; `did_reply`: "did Sam reply". */
export const MailAnalysis = z.enum(['top_senders', 'did_reply']);
export type MailAnalysis = z.infer<typeof MailAnalysis>;

export const IntentEntities = z.object({
  /** Names as the user said them ("Dana"), pronouns already resolved from the conversation. */
  people: z.array(z.string().min(1).max(200)).max(20).default([]),
  /** Addresses said outright or looked up from the contacts the pipeline passed in. */
  emails: z.array(z.string().max(320)).max(20).default([]),
  time_range: z.object({ start: rfc3339, end: rfc3339 }).optional(),
  start: rfc3339.optional(),
  duration_minutes: z
    .number()
    .int()
    .positive()
    .max(24 * 60)
    .optional(),
  subject: z.string().max(998).optional(),
  /** What to say or post, in the user's words. */
  message: z.string().max(40_000).optional(),
  /** A chat channel's name without '#'. */
  channel: z
    .string()
    .max(80)
    .transform((c) => c.replace(/^#/, ''))
    .optional(),
  /** Search words for a mailbox or channel ("NDA"). */
  query: z.string().max(500).optional(),
  count: z.number().int().positive().max(100).optional(),
  /**
   * What a `schedule` does to the calendar: a new event, or a change to an existing one (found by
   * `time_range`/`people`/`subject`). Absent means create.
   */
  operation: CalendarOperation.optional(),
  /** A reply to everyone on the thread, not only the sender. */
  reply_all: z.boolean().optional(),
  /** Send or draft an existing message on to `people`; the message is found by `sender`/`query`/`ordinal`. */
  forward: z.boolean().optional(),
  /** Leave the result in the mailbox's drafts instead of sending it. */
  save_as_draft: z.boolean().optional(),
  /** Where a chat service is read when no channel was named: a search, a catch-up across channels, or DMs. */
  chat_scope: ChatScope.optional(),
  /** "the second email" → 2; which item of the last list the request points at. */
  ordinal: z.number().int().positive().max(50).optional(),
  /** A company or team that sent or is discussed ("the invoice from Acme", "what did legal say"). */
  organization: z.string().min(1).max(200).optional(),
  /** Whose message a forward or a reply-check is about, when `people` are the recipients. */
  sender: z.string().min(1).max(200).optional(),
  /** A question about the mailbox rather than a list of it. */
  analysis: MailAnalysis.optional(),
  /** "remember that …": the fact to keep, in the user's words (tools [] and action unknown). */
  remember: z.string().min(1).max(2000).optional(),
  /** "forget that …": the note to drop, in the user's words (tools [] and action unknown). */
  forget: z.string().min(1).max(2000).optional(),
});
export type IntentEntities = z.infer<typeof IntentEntities>;

export const Intent = z.object({
  tools: z.array(Tool).max(3),
  action: IntentAction,
  entities: IntentEntities,
  needs_write: z.boolean(),
});
export type Intent = z.infer<typeof Intent>;

export type IntentEngineName = 'gemini' | 'offline';

/** The one piece a pending write still lacks; the assistant asked for it and the next answer fills it. */
export const PendingSlot = z.enum(['message', 'start', 'recipient', 'channel', 'subject', 'person']);
export type PendingSlot = z.infer<typeof PendingSlot>;

/**
 * The conversation's open question, carried by the pipeline between turns ("What should the email
 * say?" → missing `message`). `candidates` are the contacts to choose from when `missing` is `person`.
 */
export interface PendingIntent {
  tools: Intent['tools'];
  action: IntentAction;
  entities: IntentEntities;
  missing: PendingSlot;
  candidates?: Contact[];
}

/**
 * How an utterance related to a pending question: it `filled` the slot, `abandoned` the pending write
 * ("never mind"), `replaced` it with a new request, or answered without the piece asked for
 * (`unfilled`: the intent is the pending one, unchanged, so the pipeline asks again).
 */
export type PendingOutcome = 'filled' | 'abandoned' | 'replaced' | 'unfilled';

/** An intent plus which engine produced it; a Gemini failure says why it fell back. */
export type AnalyzedIntent = Intent & { engine: IntentEngineName; fallback_reason?: string; pending_outcome?: PendingOutcome };

export interface Turn {
  role: 'user' | 'assistant';
  text: string;
}

export interface Contact {
  name: string;
  email: string;
}

export interface IntentContext {
  now: Date;
  /** IANA zone, e.g. `Europe/Berlin`; relative dates resolve there. */
  timezone: string;
  /** Oldest first; used for "reply to her". */
  history: Turn[];
  /** The person's own name: "her/him" never means them, even where the conversation named them. */
  self?: string;
  contacts?: Contact[];
  /** An open question from the previous turn; when set, an answer fills it instead of starting over. */
  pending?: PendingIntent;
  /** The person's default meeting length (Settings), for a meeting asked for without one; 30 when unset. */
  defaultMeetingMinutes?: number;
}

export interface IntentEngine {
  readonly name: IntentEngineName;
  analyze(text: string, ctx: IntentContext): Promise<AnalyzedIntent>;
}
