import { parseIntent } from './offline.js';
import type { AnalyzedIntent, IntentContext, IntentEngine } from './schema.js';
import { fillPending } from './slots.js';

/**
 * Puts slot filling in front of any engine: when the conversation has an open question, the answer fills
 * it deterministically (no model call), and only a new request reaches the wrapped engine. The offline
 * engine does this itself; this gives the Gemini path the same behaviour.
 */
export class SlotFillingEngine implements IntentEngine {
  readonly name;

  constructor(private readonly inner: IntentEngine) {
    this.name = inner.name;
  }

  async analyze(text: string, ctx: IntentContext): Promise<AnalyzedIntent> {
    if (!ctx.pending) return this.inner.analyze(text, ctx);
    const fresh = { ...ctx, pending: undefined };
    const filled = fillPending(text, ctx, (t, c) => parseIntent(t, { ...c, pending: undefined }));
    if (filled) return { ...filled, engine: 'offline' };
    return { ...(await this.inner.analyze(text, fresh)), pending_outcome: 'replaced' };
  }
}
