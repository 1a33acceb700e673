import { GeminiIntentEngine } from './gemini.js';
import { createGeminiClient } from './geminiClient.js';
import { DEFAULT_GEMINI_MODEL } from './geminiModel.js';
import { OfflineIntentEngine } from './offline.js';
import type { IntentEngine } from './schema.js';
import { SlotFillingEngine } from './slotFilling.js';

export * from './schema.js';
export { OfflineIntentEngine, parseIntent } from './offline.js';
export { GeminiIntentEngine, INTENT_RESPONSE_SCHEMA, intentSystemInstruction } from './gemini.js';
export { createGeminiClient, type GeminiSettings } from './geminiClient.js';
export { DEFAULT_GEMINI_MODEL, leastThinking, geminiFailureReason } from './geminiModel.js';
export { findPeople, lastMentionedPerson, contactFor, contactsMatching } from './people.js';
export { SlotFillingEngine } from './slotFilling.js';
export { CONVERSATION_ENTITY_PROPERTIES } from './geminiEntities.js';
export { resolveWhen, parseDuration, parseTime } from './when.js';
export { toRfc3339, zonedParts, zonedTimeToInstant, offsetMinutes } from '../../time/zonedTime.js';

/** Gemini when a key is configured (falling back to offline per request), otherwise offline. */
export function createIntentEngine(cfg: { geminiApiKey?: string; geminiBaseUrl?: string; geminiModel?: string } = {}): IntentEngine {
  if (!cfg.geminiApiKey) return new OfflineIntentEngine();
  const client = createGeminiClient({
    apiKey: cfg.geminiApiKey,
    ...(cfg.geminiBaseUrl ? { baseUrl: cfg.geminiBaseUrl } : {}),
    timeoutMs: 8_000,
  });
  return new SlotFillingEngine(new GeminiIntentEngine({ client, model: cfg.geminiModel ?? DEFAULT_GEMINI_MODEL }));
}
