import type { DraftKind, Tool } from '../../protocol/common.js';
import type { ProviderReplyPart } from '../../providers/providerModule.js';
import type { Intent } from '../intent/schema.js';

/**
 * What the pipeline fetched from the providers, trimmed to what a spoken answer needs. Writers get it
 * structured (the offline templates read fields; Gemini gets it as compact JSON), never raw API bodies
 * and never anything credential-like.
 */

/**
 * The reply context: each provider's summaries under the keys its module's reply part writes
 * (`events`, `threads`, `messages`, …; see `ProviderReplyPart`), plus what every answer may carry.
 */
export interface ProviderContext {
  /** A write the pipeline prepared (draft_ready was or will be sent). */
  draft?: { kind: DraftKind; to?: string; channel?: string; text?: string; title?: string; start?: string; duration_minutes?: number };
  /** Tools that could not be read, so the answer can say so instead of "nothing found". */
  errors?: Array<{ tool: Tool; message: string; code?: string }>;
  /** Anything else worth saying, already phrased. */
  notes?: string[];
  [part: string]: unknown;
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

/**
 * Compact JSON for a model prompt: each provider's reply part cuts its own long lists and snippets
 * (`forPrompt`), so a prompt stays small.
 */
export function contextForPrompt(
  ctx: ProviderContext | string,
  parts: readonly Pick<ProviderReplyPart, 'forPrompt'>[],
  maxSnippet = 300,
): string {
  if (typeof ctx === 'string') return ctx;
  const cut = (s: string) => (s.length > maxSnippet ? `${s.slice(0, maxSnippet)}…` : s);
  return JSON.stringify(Object.assign({ ...ctx }, ...parts.map((p) => p.forPrompt?.(ctx, cut) ?? {})));
}
