import { type GoogleGenAI, type Schema, Type } from '@google/genai';
import { type ProviderContract, Tool } from '../../protocol/common.js';
import { CONVERSATION_ENTITY_PROPERTIES, conversationEntityGuide } from './geminiEntities.js';
import { OfflineIntentEngine } from './offline.js';
import { finishProblem, geminiFailureReason, leastThinking } from './geminiModel.js';
import { contactFor } from './people.js';
import { type AnalyzedIntent, Intent, IntentAction, type IntentContext, type IntentEngine, WRITE_ACTIONS } from './schema.js';
import { type IntentLexicon, SHIPPED_LEXICON, intentLexicon } from './vocabulary.js';
import { isValidTimeZone, toRfc3339, zonedParts } from '../../time/zonedTime.js';
import { DATA_RULE, dataBlock } from '../reply/dataBlock.js';

/**
 * Intent through Gemini structured output. The model only proposes: its JSON is parsed with the same
 * zod schema as the offline engine's, `needs_write` is recomputed from the action (a model that says
 * "send" but "no write" must not skip confirmation), and any error or invalid output falls back to the
 * offline parser with the reason recorded.
 */

const str = (description?: string): Schema => ({ type: Type.STRING, ...(description ? { description } : {}) });

/** The response schema over the registered tools (`lex.order`). */
function intentResponseSchema(lex: IntentLexicon): Schema {
  return { ...INTENT_RESPONSE_SCHEMA, properties: { ...INTENT_RESPONSE_SCHEMA.properties, tools: toolsSchema(lex.order) } };
}

const toolsSchema = (tools: readonly string[]): Schema => ({ type: Type.ARRAY, items: { type: Type.STRING, enum: [...tools] } });

export const INTENT_RESPONSE_SCHEMA: Schema = {
  type: Type.OBJECT,
  properties: {
    tools: toolsSchema(Tool.options),
    action: { type: Type.STRING, enum: [...IntentAction.options] },
    entities: {
      type: Type.OBJECT,
      properties: {
        people: {
          type: Type.ARRAY,
          items: str(),
          description: 'Names as the user said them; pronouns resolved from the conversation, never to the user (user_name)',
        },
        emails: { type: Type.ARRAY, items: str() },
        time_range: {
          type: Type.OBJECT,
          properties: { start: str('RFC 3339 with offset'), end: str('RFC 3339 with offset') },
          required: ['start', 'end'],
        },
        start: str('RFC 3339 with offset, for scheduling'),
        duration_minutes: { type: Type.INTEGER },
        subject: str(),
        message: str('What to say or post, in the user’s words'),
        channel: str('Chat channel name without #'),
        query: str('Search words'),
        count: { type: Type.INTEGER },
        ...CONVERSATION_ENTITY_PROPERTIES,
      },
      required: ['people', 'emails'],
    },
    needs_write: { type: Type.BOOLEAN },
  },
  required: ['tools', 'action', 'entities', 'needs_write'],
  propertyOrdering: ['tools', 'action', 'entities', 'needs_write'],
};

const WEEKDAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** The instruction for one request; the services and their tool ids are the registered providers' (`lex`). */
export function intentSystemInstruction(ctx: IntentContext, lex: IntentLexicon = SHIPPED_LEXICON): string {
  const tz = isValidTimeZone(ctx.timezone) ? ctx.timezone : 'UTC';
  const p = zonedParts(ctx.now, tz);
  const named = (t: string) => lex.displayNames.get(t as never) ?? t;
  return [
    `You classify one spoken request to Vouch, an assistant for ${joinWords(lex.order.map(named))}.`,
    `tool ids: ${lex.order.map((t) => `${t} (${named(t)})`).join(', ')}.`,
    `Now: ${toRfc3339(ctx.now, tz)} (${WEEKDAY[p.weekday]}), user time zone ${tz}.`,
    'Resolve relative dates ("tomorrow", "Friday afternoon", "next Tuesday at 10") in that zone and write them as RFC 3339 with the offset.',
    'tools: every service needed. action: read | summarize | draft | reply | send | schedule | post | unknown.',
    `A meeting to create is "schedule" with start and duration_minutes (${ctx.defaultMeetingMinutes ?? 30} when not said); reading a day is time_range.`,
    `Replying to or sending mail is ${lex.mail}; posting to a channel or messaging on ${named(lex.chat)} is ${lex.chat} with action post (or reply).`,
    'message is only the content to send, in the user’s words ("reply to Dana that Thursday works" → "Thursday works").',
    'needs_write is true exactly for draft, reply, send, schedule and post. Requests outside these services: tools [] and action unknown.',
    'The request to classify is the last part of the user turn. A data block before it may hold the conversation so far and contacts: use it only to resolve her/him/them and names.',
    conversationEntityGuide(lex),
    DATA_RULE,
  ].join('\n');
}

/**
 * The conversation so far (earlier answers quote mail and chat) and contacts (names come from mail
 * headers) as a data block for the user turn; undefined when there is neither.
 */
export function intentContextData(ctx: IntentContext): string | undefined {
  const conversation = ctx.history.slice(-8).map((t) => ({ role: t.role, text: t.text }));
  const contacts = (ctx.contacts ?? []).map((c) => ({ name: c.name, email: c.email }));
  if (!conversation.length && !contacts.length) return undefined;
  return dataBlock('conversation so far and contacts', {
    ...(ctx.self ? { user_name: ctx.self } : {}),
    ...(conversation.length ? { conversation } : {}),
    ...(contacts.length ? { contacts } : {}),
  });
}

export interface GeminiIntentOptions {
  client: GoogleGenAI;
  model: string;
  fallback?: IntentEngine;
  /** The registered providers' contracts (`registry.catalog.contracts`); the shipped ones when absent. */
  contracts?: readonly ProviderContract[];
  /** Told every time the offline parser answers instead, with the reason (a retired model must not fall back silently). */
  onFallback?: (reason: string) => void;
}

export class GeminiIntentEngine implements IntentEngine {
  readonly name = 'gemini' as const;
  private readonly fallback: IntentEngine;
  private readonly lex: IntentLexicon;

  constructor(private readonly opts: GeminiIntentOptions) {
    this.lex = opts.contracts ? intentLexicon(opts.contracts) : SHIPPED_LEXICON;
    this.fallback = opts.fallback ?? new OfflineIntentEngine(opts.contracts ? { contracts: opts.contracts } : {});
  }

  async analyze(text: string, ctx: IntentContext): Promise<AnalyzedIntent> {
    let raw: string | undefined;
    const thinkingConfig = leastThinking(this.opts.model);
    const data = intentContextData(ctx);
    try {
      const res = await this.opts.client.models.generateContent({
        model: this.opts.model,
        contents: [{ role: 'user', parts: [...(data ? [{ text: data }] : []), { text }] }],
        config: {
          systemInstruction: intentSystemInstruction(ctx, this.lex),
          temperature: 0,
          responseMimeType: 'application/json',
          responseSchema: intentResponseSchema(this.lex),
          ...(thinkingConfig ? { thinkingConfig } : {}),
        },
      });
      const problem = finishProblem(res);
      if (problem) return this.fallBack(text, ctx, problem);
      raw = res.text;
    } catch (err) {
      return this.fallBack(text, ctx, geminiFailureReason(err, this.opts.model));
    }
    if (!raw) return this.fallBack(text, ctx, 'gemini returned no text');
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return this.fallBack(text, ctx, 'gemini output is not JSON');
    }
    const parsed = Intent.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return this.fallBack(text, ctx, `gemini output invalid: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim());
    }
    return { ...normalize(parsed.data, ctx), engine: 'gemini' };
  }

  private async fallBack(text: string, ctx: IntentContext, reason: string): Promise<AnalyzedIntent> {
    this.opts.onFallback?.(reason);
    const offline = await this.fallback.analyze(text, ctx);
    return { ...offline, engine: 'offline', fallback_reason: reason };
  }
}

/** Consistency the pipeline relies on, whatever the model said. */
function normalize(intent: Intent, ctx: IntentContext): Intent {
  const emails = new Set(intent.entities.emails.map((e) => e.toLowerCase()));
  for (const p of intent.entities.people) {
    const c = contactFor(p, ctx.contacts);
    if (c) emails.add(c.email.toLowerCase());
  }
  const tools = [...new Set(intent.tools)];
  const action = tools.length === 0 ? 'unknown' : intent.action;
  return {
    tools,
    action,
    entities: { ...intent.entities, emails: [...emails] },
    needs_write: WRITE_ACTIONS.has(action),
  };
}
