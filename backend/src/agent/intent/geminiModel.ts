import type { GenerateContentResponse, ThinkingConfig, ThinkingLevel } from '@google/genai';

/**
 * What Vouch needs to know about the Gemini model it is configured with: the default id, the least
 * thinking each family accepts, and how to name a failure so a retired model is not mistaken for a
 * flaky network.
 *
 * Default: `gemini-3.8-flash`, the Flash model Google lists as generally available and current
 * (ai.google.dev "latest model" and the Gemini 3.8 Flash developer guide, read 2026-11-26);
 * `gemini-2.5-flash` was shut down per the deprecations page. Override with GEMINI_MODEL.
 */
export const DEFAULT_GEMINI_MODEL = 'gemini-3.8-flash';

/**
 * The least thinking the model supports, as exactly one of the two settings (the API refuses a
 * request carrying both). Flash models count thinking tokens against `maxOutputTokens`, so a spoken
 * reply capped at a few hundred tokens can come back empty if the model thinks first.
 *
 * - 2.5 Flash / Flash-Lite: `thinkingBudget: 0` turns thinking off.
 * - 2.5 Pro cannot turn it off; 128 is its documented minimum budget.
 * - 3-series and later: `thinkingLevel`. Flash-Lite and the first Gemini 3 Flash preview document
 *   MINIMAL; the other 3.x models document LOW as their lowest, and LOW is accepted by every 3.x
 *   model, so an id not known to take MINIMAL gets LOW (works whichever way a new model goes).
 * - Older or unknown families: no setting (they do not think, or we cannot know what they take).
 */
export function leastThinking(model: string): ThinkingConfig | undefined {
  const id = model.replace(/^models\//, '');
  if (/^gemini-2\.5-pro/.test(id)) return { thinkingBudget: 128 };
  if (/^gemini-2\.5-flash/.test(id)) return { thinkingBudget: 0 };
  const major = /^gemini-(\d+)(?:\.\d+)?-/.exec(id);
  if (major && Number(major[1]) >= 3) {
    const minimal = /flash-lite/.test(id) || /^gemini-3-flash-preview/.test(id);
    // String values of the SDK's ThinkingLevel enum; a type-only import keeps config loading SDK-free.
    return { thinkingLevel: (minimal ? 'MINIMAL' : 'LOW') as ThinkingLevel };
  }
  return undefined;
}

/** A failure reason for logs and `fallback_reason`; a 404 names the model, it is a configuration error. */
export function geminiFailureReason(err: unknown, model: string): string {
  const status = (err as { status?: unknown } | null)?.status;
  if (status === 404) return `gemini model not found: "${model}" is unknown or retired (set GEMINI_MODEL)`;
  return `gemini request failed: ${(err as Error)?.message ?? String(err)}`;
}

/** Why a response's text cannot be trusted whole, from its first candidate's finishReason; undefined when it finished normally. */
export function finishProblem(res: Pick<GenerateContentResponse, 'candidates'>): string | undefined {
  const reason = res.candidates?.[0]?.finishReason;
  if (reason === undefined || reason === 'STOP') return undefined;
  return reason === 'MAX_TOKENS' ? 'gemini output cut off at the token limit (MAX_TOKENS)' : `gemini stopped early: ${reason}`;
}
