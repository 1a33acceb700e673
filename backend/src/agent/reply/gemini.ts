import type { GoogleGenAI } from '@google/genai';
import { finishProblem, geminiFailureReason, leastThinking } from '../intent/geminiModel.js';
import { toRfc3339 } from '../../time/zonedTime.js';
import { type ReplyInput, type ReplyWriter, contextForPrompt } from './context.js';
import { DATA_RULE, dataBlock } from './dataBlock.js';
import { SHIPPED_REGISTRY } from '../../providers/registry.js';
import { OfflineReplyWriter, type ReplyProviders } from './offline.js';
import { spokenList, zoneOr } from './speech.js';
import { StreamWatchdog, type WatchdogTimers } from './streamWatchdog.js';

/**
 * Spoken answers from Gemini, streamed (`generateContentStream`, SSE): each text delta is yielded as it
 * arrives so the pipeline forwards it as `agent_stream` and feeds speech. The prompt carries only the
 * trimmed provider context and recalled memories. If the model fails before saying anything, the
 * offline templates answer instead; a failure mid-answer ends the stream where it is.
 *
 * Thinking is kept to the model's minimum (thinking tokens count against `maxOutputTokens`), and the
 * stream is bounded by time to first chunk and by idle gaps, not by its total length.
 */

export function replySystemInstruction(input: ReplyInput, providers: ReplyProviders = SHIPPED_REGISTRY): string {
  const tz = zoneOr(input.timezone);
  const tools = providers.catalog.contracts.flatMap((c) => Object.values(c.tools).map((t) => t.displayName));
  return [
    `You are Vouch, a voice assistant for ${spokenList(tools)}. Your words are read aloud.`,
    `Now: ${toRfc3339(input.now, tz)}, user time zone ${tz}. Say times in that zone ("2 PM", "tomorrow").`,
    'Answer in one to three short sentences, plain text, no markdown, lists or emoji.',
    'Use only the context given; if it has nothing, say so. Never invent emails, events or messages.',
    'If a draft was prepared, summarise it in one sentence and ask the user to confirm; never say it was sent.',
    // The same grounding rules as the templates: what was looked at, whose words, and a provider's limit.
    ...providers.modules.flatMap((m) => m.reply?.instructions ?? []),
    DATA_RULE,
    input.userName ? `The user is ${input.userName}.` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export function replyPrompt(input: ReplyInput, providers: ReplyProviders = SHIPPED_REGISTRY): string {
  return [
    `Request: ${input.transcript}`,
    `Intent: ${JSON.stringify(input.intent)}`,
    dataBlock(
      'what Vouch read from the user’s accounts',
      undefined,
      typeof input.context === 'string'
        ? JSON.stringify(input.context)
        : contextForPrompt(
            input.context,
            providers.modules.flatMap((m) => m.reply ?? []),
          ),
    ),
    input.memory.length ? dataBlock('earlier requests of the user that Vouch remembered', input.memory) : '',
  ]
    .filter(Boolean)
    .join('\n');
}

interface GeminiReplyOptions {
  client: GoogleGenAI;
  model: string;
  fallback?: ReplyWriter;
  onError?: (err: Error, phase: 'before_text' | 'mid_stream') => void;
  /** Longest wait for the first chunk, and between chunks (default 15 s each). */
  firstChunkTimeoutMs?: number;
  idleTimeoutMs?: number;
  timers?: WatchdogTimers;
  /** The providers whose reply parts shape the prompt (default: the shipped ones). */
  providers?: ReplyProviders;
}

export class GeminiReplyWriter implements ReplyWriter {
  readonly name = 'gemini';
  private readonly fallback: ReplyWriter;
  private readonly providers: ReplyProviders;

  constructor(private readonly o: GeminiReplyOptions) {
    this.providers = o.providers ?? SHIPPED_REGISTRY;
    this.fallback = o.fallback ?? new OfflineReplyWriter(this.providers);
  }

  async *stream(input: ReplyInput): AsyncGenerator<string> {
    let said = false;
    const watchdog = new StreamWatchdog(
      { firstChunkMs: this.o.firstChunkTimeoutMs ?? 15_000, idleMs: this.o.idleTimeoutMs ?? 15_000 },
      this.o.timers,
    );
    const thinkingConfig = leastThinking(this.o.model);
    try {
      const stream = await this.o.client.models.generateContentStream({
        model: this.o.model,
        contents: [{ role: 'user', parts: [{ text: replyPrompt(input, this.providers) }] }],
        config: {
          systemInstruction: replySystemInstruction(input, this.providers),
          temperature: 0.4,
          maxOutputTokens: 400,
          ...(thinkingConfig ? { thinkingConfig } : {}),
          // The client-wide timeout would bound the whole body; the watchdog bounds gaps instead.
          httpOptions: { timeout: 0 },
          abortSignal: watchdog.signal,
        },
      });
      let problem: string | undefined;
      for await (const chunk of stream) {
        watchdog.chunk();
        problem = finishProblem(chunk) ?? problem;
        const text = chunk.text;
        if (text) {
          said = true;
          yield text;
        }
      }
      if (problem) this.o.onError?.(new Error(problem), said ? 'mid_stream' : 'before_text');
      else if (!said) this.o.onError?.(new Error('gemini returned no text'), 'before_text');
      if (said) return;
    } catch (err) {
      const cause = watchdog.error ?? err;
      this.o.onError?.(new Error(geminiFailureReason(cause, this.o.model)), said ? 'mid_stream' : 'before_text');
      if (said) return;
    } finally {
      // Also when the consumer stops early: no timer may outlive the answer.
      watchdog.stop();
    }
    yield* this.fallback.stream(input);
  }
}
