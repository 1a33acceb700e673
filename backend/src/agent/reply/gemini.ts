import type { GoogleGenAI } from '@google/genai';
import { toRfc3339 } from '../../time/zonedTime.js';
import { type ReplyInput, type ReplyWriter, contextForPrompt } from './context.js';
import { OfflineReplyWriter } from './offline.js';
import { zoneOr } from './speech.js';

/**
 * Spoken answers from Gemini, streamed (`generateContentStream`, SSE): each text delta is yielded as it
 * arrives so the pipeline forwards it as `agent_stream` and feeds speech. The prompt carries only the
 * trimmed provider context and recalled memories. If the model fails before saying anything, the
 * offline templates answer instead; a failure mid-answer ends the stream where it is.
 */

export function replySystemInstruction(input: ReplyInput): string {
  const tz = zoneOr(input.timezone);
  return [
    'You are Vouch, a voice assistant for Gmail, Google Calendar and Slack. Your words are read aloud.',
    `Now: ${toRfc3339(input.now, tz)}, user time zone ${tz}. Say times in that zone ("2 PM", "tomorrow").`,
    'Answer in one to three short sentences, plain text, no markdown, lists or emoji.',
    'Use only the context given; if it has nothing, say so. Never invent emails, events or messages.',
    'If a draft was prepared, summarise it in one sentence and ask the user to confirm; never say it was sent.',
    input.userName ? `The user is ${input.userName}.` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export function replyPrompt(input: ReplyInput): string {
  return [
    `Request: ${input.transcript}`,
    `Intent: ${JSON.stringify(input.intent)}`,
    `Context: ${contextForPrompt(input.context)}`,
    input.memory.length ? `Things the user asked you to remember:\n- ${input.memory.join('\n- ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export interface GeminiReplyOptions {
  client: GoogleGenAI;
  model: string;
  fallback?: ReplyWriter;
  onError?: (err: Error, phase: 'before_text' | 'mid_stream') => void;
}

export class GeminiReplyWriter implements ReplyWriter {
  readonly name = 'gemini';
  private readonly fallback: ReplyWriter;

  constructor(private readonly o: GeminiReplyOptions) {
    this.fallback = o.fallback ?? new OfflineReplyWriter();
  }

  async *stream(input: ReplyInput): AsyncGenerator<string> {
    let said = false;
    try {
      const stream = await this.o.client.models.generateContentStream({
        model: this.o.model,
        contents: [{ role: 'user', parts: [{ text: replyPrompt(input) }] }],
        config: { systemInstruction: replySystemInstruction(input), temperature: 0.4, maxOutputTokens: 400 },
      });
      for await (const chunk of stream) {
        const text = chunk.text;
        if (text) {
          said = true;
          yield text;
        }
      }
      if (said) return;
      this.o.onError?.(new Error('gemini returned no text'), 'before_text');
    } catch (err) {
      this.o.onError?.(err as Error, said ? 'mid_stream' : 'before_text');
      if (said) return;
    }
    yield* this.fallback.stream(input);
  }
}
