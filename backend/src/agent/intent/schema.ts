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

export const IntentEntities = z.object({
  /** Names as the user said them ("Dana"), pronouns already resolved from the conversation. */
  people: z.array(z.string().min(1).max(200)).max(20).default([]),
  /** Addresses said outright or looked up from the contacts the pipeline passed in. */
  emails: z.array(z.string().max(320)).max(20).default([]),
  time_range: z.object({ start: rfc3339, end: rfc3339 }).optional(),
  start: rfc3339.optional(),
  duration_minutes: z.number().int().positive().max(24 * 60).optional(),
  subject: z.string().max(998).optional(),
  /** What to say or post, in the user's words. */
  message: z.string().max(40_000).optional(),
  /** Slack channel name without '#'. */
  channel: z
    .string()
    .max(80)
    .transform((c) => c.replace(/^#/, ''))
    .optional(),
  /** Search words for a mailbox or channel ("NDA"). */
  query: z.string().max(500).optional(),
  count: z.number().int().positive().max(100).optional(),
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

/** An intent plus which engine produced it; a Gemini failure says why it fell back. */
export type AnalyzedIntent = Intent & { engine: IntentEngineName; fallback_reason?: string };

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
  contacts?: Contact[];
}

export interface IntentEngine {
  readonly name: IntentEngineName;
  analyze(text: string, ctx: IntentContext): Promise<AnalyzedIntent>;
}
