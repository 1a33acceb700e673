import type { GoogleGenAI } from '@google/genai';
import { GeminiDraftComposer, OfflineDraftComposer, type DraftComposer } from './compose.js';
import type { ReplyWriter } from './context.js';
import { GeminiReplyWriter } from './gemini.js';
import { OfflineReplyWriter, type ReplyProviders } from './offline.js';

export * from './context.js';
export { OfflineReplyWriter, offlineReply, type ReplyProviders } from './offline.js';
export { helpAnswer, offlineHelp } from './help.js';
export { GeminiReplyWriter, replyPrompt, replySystemInstruction } from './gemini.js';
export {
  composeDraftText,
  addressDirectly,
  GeminiDraftComposer,
  OfflineDraftComposer,
  type DraftComposer,
  type DraftText,
  type DraftTextInput,
  type DraftTextKind,
} from './compose.js';

/**
 * Writer and composer for a configuration: Gemini when a client is given, otherwise templates; either
 * speaks for `providers` (default: the shipped ones).
 */
export function createReplyComponents(
  gemini?: { client: GoogleGenAI; model: string; onError?: (err: Error) => void },
  providers?: ReplyProviders,
): {
  writer: ReplyWriter;
  composer: DraftComposer;
} {
  if (!gemini) return { writer: new OfflineReplyWriter(providers), composer: new OfflineDraftComposer() };
  return {
    writer: new GeminiReplyWriter({
      client: gemini.client,
      model: gemini.model,
      ...(providers ? { providers } : {}),
      ...(gemini.onError ? { onError: (e) => gemini.onError?.(e) } : {}),
    }),
    composer: new GeminiDraftComposer(gemini),
  };
}
