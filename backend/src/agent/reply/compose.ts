import { type GoogleGenAI, type Schema, Type } from '@google/genai';
import { finishProblem, geminiFailureReason, leastThinking } from '../intent/geminiModel.js';
import { z } from 'zod';
import type { Intent } from '../intent/schema.js';
import { DATA_RULE, dataBlock } from './dataBlock.js';
import { asSentence, firstName } from './speech.js';

/**
 * The words inside a draft: an email's subject and body, a chat post's text, an event's title. The
 * offline composer turns "reply to Dana that Thursday works" into "Hi Dana,\n\nThursday works.\n\n
 * Best,\nAlex"; the Gemini composer writes it more fully and falls back to the offline one on any
 * error or invalid output. Either way the result lands in draft_ready, where the user can edit it.
 */

/** The shape of a draft's words, whatever provider sends them: a mail, a chat post, an event. */
export type DraftTextKind = 'email' | 'chat' | 'event';

export type DraftText =
  | { kind: 'email'; subject: string; body: string }
  | { kind: 'chat'; text: string }
  | { kind: 'event'; title: string; description?: string };

export interface DraftTextInput {
  intent: Intent;
  transcript: string;
  /** Who the email goes to, as a display name ("Dana Whitfield"); defaults to the first person said. */
  recipientName?: string;
  /** The user's name for the sign-off. */
  senderName?: string;
  /** Where a chat post goes, as the model is told: the provider's display name. */
  medium?: string;
  /** The thread being replied to, for "Re:" and for Gemini's context. */
  thread?: { subject: string; from: string; snippet: string };
  memory?: string[];
}

export interface DraftComposer {
  compose(kind: DraftTextKind, input: DraftTextInput): Promise<DraftText>;
}

/** "he/she/they" in a message to that person become "you" ("tell Sam his deck is great" → "Your deck is great."). */
export function addressDirectly(message: string): string {
  return message
    .replace(/\b(he|she|they)'(s|re|ll|d)\b/gi, (_m, _p, s: string) => `you'${s.toLowerCase() === 's' ? 're' : s}`)
    .replace(/\b(he|she|they) (is|are)\b/gi, 'you are')
    .replace(/\b(he|she|they) (was|were)\b/gi, 'you were')
    .replace(/\b(he|she|they) (has|have)\b/gi, 'you have')
    .replace(/\b(he|she|they)\b/gi, 'you')
    .replace(/\b(his|their)\b/gi, 'your')
    .replace(/\b(him|them)\b/gi, 'you');
}

function subjectFromMessage(message: string): string {
  const words = message.replace(/[.!?]+$/, '').split(/\s+/);
  const s = words.slice(0, 7).join(' ') + (words.length > 7 ? '…' : '');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export class OfflineDraftComposer implements DraftComposer {
  async compose(kind: DraftTextKind, input: DraftTextInput): Promise<DraftText> {
    const e = input.intent.entities;
    const recipient = input.recipientName ?? e.people[0];
    if (kind === 'chat') {
      return { kind, text: asSentence(e.message ?? e.subject ?? input.transcript) };
    }
    if (kind === 'event') {
      const others = e.people.map(firstName);
      const me = input.senderName ? firstName(input.senderName) : undefined;
      const title = e.subject
        ? e.subject.charAt(0).toUpperCase() + e.subject.slice(1)
        : others.length > 0
          ? me
            ? `${me} / ${others.join(' / ')}`
            : `Meeting with ${others.join(' and ')}`
          : 'Meeting';
      return { kind, title, description: 'Scheduled by voice with Vouch.' };
    }
    const message = e.message ? asSentence(addressDirectly(e.message)) : '';
    const greeting = recipient ? `Hi ${firstName(recipient)},` : 'Hi,';
    const signOff = input.senderName ? `Best,\n${firstName(input.senderName)}` : 'Best,';
    const body = [greeting, message || (e.subject ? `I wanted to follow up about ${e.subject}.` : ''), signOff]
      .filter(Boolean)
      .join('\n\n');
    let subject: string;
    if (input.thread?.subject) subject = /^re:/i.test(input.thread.subject) ? input.thread.subject : `Re: ${input.thread.subject}`;
    else if (e.subject) subject = e.subject.charAt(0).toUpperCase() + e.subject.slice(1);
    else subject = e.message ? subjectFromMessage(addressDirectly(e.message)) : 'Quick note';
    return { kind, subject, body };
  }
}

const EmailOut = z.object({ subject: z.string().min(1).max(998), body: z.string().min(1).max(100_000) });
const ChatOut = z.object({ text: z.string().min(1).max(40_000) });
const EventOut = z.object({ title: z.string().min(1).max(1024), description: z.string().max(8192).optional() });

const SCHEMAS: Record<DraftTextKind, Schema> = {
  email: { type: Type.OBJECT, properties: { subject: { type: Type.STRING }, body: { type: Type.STRING } }, required: ['subject', 'body'] },
  chat: { type: Type.OBJECT, properties: { text: { type: Type.STRING } }, required: ['text'] },
  event: { type: Type.OBJECT, properties: { title: { type: Type.STRING }, description: { type: Type.STRING } }, required: ['title'] },
};

export class GeminiDraftComposer implements DraftComposer {
  private readonly offline = new OfflineDraftComposer();
  constructor(private readonly o: { client: GoogleGenAI; model: string; onError?: (err: Error) => void }) {}

  async compose(kind: DraftTextKind, input: DraftTextInput): Promise<DraftText> {
    const thinking = leastThinking(this.o.model);
    try {
      const res = await this.o.client.models.generateContent({
        model: this.o.model,
        contents: [
          {
            role: 'user',
            parts: [
              {
                text: [
                  `Request: ${input.transcript}`,
                  `Intent: ${JSON.stringify(input.intent)}`,
                  // A display name can come from a mail header, so it is data too.
                  input.recipientName ? dataBlock('the recipient’s name', input.recipientName) : '',
                  input.senderName ? `Sender: ${input.senderName}` : '',
                  input.thread ? dataBlock('the email being replied to', input.thread) : '',
                  input.memory?.length ? dataBlock('earlier requests of the user that Vouch remembered', input.memory) : '',
                ]
                  .filter(Boolean)
                  .join('\n'),
              },
            ],
          },
        ],
        config: {
          systemInstruction:
            `Write the ${kind === 'email' ? 'email (subject and body with greeting and sign-off)' : kind === 'event' ? 'calendar event title (and a one-line description)' : `${input.medium ?? 'chat'} message text`} the user asked for. ` +
            'Say exactly what they asked to say, briefly, in their voice; add no facts, promises or dates they did not give.' +
            (input.thread ? ' Keep the subject of the thread being replied to, with "Re:".' : '') +
            ` ${DATA_RULE}`,
          temperature: 0.3,
          responseMimeType: 'application/json',
          responseSchema: SCHEMAS[kind],
          ...(thinking ? { thinkingConfig: thinking } : {}),
        },
      });
      const problem = finishProblem(res);
      if (problem) throw new Error(problem);
      const json = JSON.parse(res.text ?? '') as unknown;
      if (kind === 'email') return { kind, ...EmailOut.parse(json) };
      if (kind === 'chat') return { kind, ...ChatOut.parse(json) };
      const ev = EventOut.parse(json);
      return { kind, title: ev.title, ...(ev.description ? { description: ev.description } : {}) };
    } catch (err) {
      this.o.onError?.((err as { status?: unknown }).status === 404 ? new Error(geminiFailureReason(err, this.o.model)) : (err as Error));
      return this.offline.compose(kind, input);
    }
  }
}

const defaultComposer = new OfflineDraftComposer();

/** The pipeline's entry point: offline unless a Gemini composer is passed. */
export function composeDraftText(
  kind: DraftTextKind,
  input: DraftTextInput,
  composer: DraftComposer = defaultComposer,
): Promise<DraftText> {
  return composer.compose(kind, input);
}
