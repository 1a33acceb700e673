import type { GoogleGenAI } from '@google/genai';
import { GeminiDraftComposer, OfflineDraftComposer, type DraftComposer } from './compose.js';
import type { ReplyWriter } from './context.js';
import { GeminiReplyWriter } from './gemini.js';
import { OfflineReplyWriter } from './offline.js';

export * from './context.js';
export { OfflineReplyWriter, offlineReply } from './offline.js';
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

/** Writer and composer for a configuration: Gemini when a client is given, otherwise templates. */
export function createReplyComponents(gemini?: { client: GoogleGenAI; model: string; onError?: (err: Error) => void }): {
  writer: ReplyWriter;
  composer: DraftComposer;
} {
  if (!gemini) return { writer: new OfflineReplyWriter(), composer: new OfflineDraftComposer() };
  return {
    writer: new GeminiReplyWriter({
      client: gemini.client,
      model: gemini.model,
      ...(gemini.onError ? { onError: (e) => gemini.onError?.(e) } : {}),
    }),
    composer: new GeminiDraftComposer(gemini),
  };
}
