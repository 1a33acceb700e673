import { SHIPPED_CATALOG, type ContractCatalog } from '../protocol/index.js';
import type { AnalyzedIntent, Intent, PendingIntent, PendingSlot } from './intent/schema.js';

/**
 * The slot a write still lacks after its draft could not be built, so the next utterance fills it
 * instead of starting over ("What should the email say?" → `message`). Pure: read from the intent
 * the draft was built from, the question the provider module asked and whom the tools write to
 * (their contracts).
 */
export function missingSlot(intent: Intent, question: string, catalog: ContractCatalog = SHIPPED_CATALOG): PendingSlot | undefined {
  // Only a question opens a slot; "I couldn't find an address for Sam." is an answer, not a question.
  if (!/\?\s*$/.test(question)) return undefined;
  const e = intent.entities;
  // "Which event: …?" asks which one, not when; only a when-question opens the time.
  if (intent.action === 'schedule') return !e.start && /\b(?:when|what time|what day)\b/i.test(question) ? 'start' : undefined;
  // A post to a channel (no mail in the request) lacks its channel before its words.
  const writesTo = (to: 'channel' | 'recipients') => intent.tools.some((t) => catalog.tool(t)?.writesTo === to);
  if (writesTo('channel') && !writesTo('recipients')) {
    if (!e.channel && e.people.length === 0) return 'channel';
    // "I couldn't find Dana in your Slack workspace. Who should I message?": the answer is the person instead.
    if (!e.channel && /\bwho\b/i.test(question)) return 'recipient';
    return e.message ? undefined : 'message';
  }
  if (e.people.length === 0 && e.emails.length === 0 && /\bwho\b/i.test(question)) return 'recipient';
  if (e.forward) return undefined;
  return e.message ? undefined : 'message';
}

/** The open question as the intent engine takes it back on the next turn. */
export function openQuestion(intent: AnalyzedIntent, slot: PendingSlot): PendingIntent {
  return { tools: intent.tools, action: intent.action, entities: intent.entities, missing: slot };
}

/**
 * Open questions per conversation (the socket's conversation key), cleared when answered, abandoned,
 * replaced by a new request or when the conversation ends. Bounded: the oldest is dropped first.
 */
export class OpenQuestions {
  private readonly open = new Map<string, PendingIntent>();

  constructor(private readonly max = 10_000) {}

  get(conversation: string): PendingIntent | undefined {
    return this.open.get(conversation);
  }

  set(conversation: string, question: PendingIntent): void {
    this.open.delete(conversation);
    this.open.set(conversation, question);
    if (this.open.size > this.max) this.open.delete(this.open.keys().next().value!);
  }

  clear(conversation: string): void {
    this.open.delete(conversation);
  }
}
