import type { ProviderContext } from './providerContext.js';
import type { AnalyzedIntent, Turn } from './intent/schema.js';

/** Writes the spoken/streamed answer for a read request (Gemini when keyed, templates otherwise). */
export interface ReplyWriterPort {
  stream(input: {
    transcript: string;
    intent: AnalyzedIntent;
    context: ProviderContext;
    memory: string[];
    timezone: string;
    now: Date;
    userName?: string;
  }): AsyncIterable<string>;
}

/** Long-term memory the pipeline consults when drafting and feeds after each exchange. */
export interface LongTermMemoryPort {
  remember(user: string, text: string, meta?: Record<string, string>): Promise<void>;
  recall(user: string, query: string, k: number): Promise<string[]>;
  /** "forget that …": removes the matching note; its text, or undefined when none matches. */
  forgetNote?(user: string, fact: string): Promise<string | undefined>;
}

/** Short-term conversation per session, so "reply to her" resolves. */
export interface ConversationBufferPort {
  history(sessionKey: string): Turn[];
  add(sessionKey: string, turn: Turn): void;
  clear(sessionKey: string): void;
}

/** What the agent reads of the person's backend-kept settings (settings/). */
export interface AgentSettingsPort {
  /** Their own domains beyond the sign-in address's: recipients there are not outside. */
  insideDomains(sub: string): Promise<readonly string[]>;
  /** How long a meeting asked for without a length lasts. */
  defaultMeetingMinutes(sub: string): Promise<number>;
}
