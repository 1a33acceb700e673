import { type Schema, Type } from '@google/genai';
import { CalendarOperation, ChatScope, MailAnalysis } from './schema.js';
import type { IntentLexicon } from './vocabulary.js';

/**
 * The optional entities added for calendar changes, mail flags, chat scope, references and memory, as
 * Gemini response-schema properties. The enums come from schema.ts, so both engines share one vocabulary
 * and Gemini's output is still parsed by the same zod schema.
 */
export const CONVERSATION_ENTITY_PROPERTIES: Record<string, Schema> = {
  operation: {
    type: Type.STRING,
    enum: [...CalendarOperation.options],
    description: 'For schedule: create a new event, or move/cancel/decline/accept an existing one (found by time_range, people, subject)',
  },
  reply_all: { type: Type.BOOLEAN, description: 'Reply to everyone on the thread' },
  forward: { type: Type.BOOLEAN, description: 'Forward an existing message to people (action send, or draft)' },
  save_as_draft: { type: Type.BOOLEAN, description: 'Leave it in the mailbox drafts without sending (action draft)' },
  chat_scope: {
    type: Type.STRING,
    enum: [...ChatScope.options],
    description: 'Chat with no channel named: search (a topic or person), catch_up (what is new), dm (direct messages)',
  },
  ordinal: { type: Type.INTEGER, description: '"the second email" → 2, over the list the conversation just showed' },
  organization: { type: Type.STRING, description: 'A company or team as sender or topic ("Acme", "legal")' },
  sender: { type: Type.STRING, description: 'Whose message a forward starts from, when people are the recipients' },
  analysis: {
    type: Type.STRING,
    enum: [...MailAnalysis.options],
    description: 'top_senders: who wrote most; did_reply: did someone reply',
  },
  remember: { type: Type.STRING, description: '"remember that …": the fact to keep; tools [] and action unknown' },
  forget: { type: Type.STRING, description: '"forget that …": the remembered fact to drop; tools [] and action unknown' },
};

/** One paragraph for the system instruction, in the same words as the offline engine's rules; tools named as `lex` says. */
export function conversationEntityGuide(lex: IntentLexicon): string {
  return [
    'A change to an existing event is action schedule with operation move|cancel|decline|accept (create for a new one); for move, start is the new time.',
    '"Write back" is reply; "reply all" is reply with reply_all; forwarding is send (or draft) with forward; "save as a draft, don\'t send" is draft with save_as_draft.',
    `${lex.chat} with no channel: chat_scope search, catch_up or dm. "Who wrote me most" and "did X reply" are ${lex.mail} read with analysis.`,
    '"Remember that …" is tools [] and action unknown with remember set; "forget that …" the same with forget set.',
  ].join(' ');
}
