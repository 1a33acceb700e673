import { parseIntent } from './offline.js';
import type { AnalyzedIntent, Intent, IntentContext, IntentEngine } from './schema.js';
import { fillPending, inferPending } from './slots.js';

/** The user's last request, parsed offline, for a question the assistant asked about it. */
function previousRequest(ctx: IntentContext): Intent | undefined {
  for (let i = ctx.history.length - 1; i >= 0; i--) {
    const t = ctx.history[i];
    if (t?.role === 'user') return parseIntent(t.text, { ...ctx, history: ctx.history.slice(0, i), pending: undefined });
  }
  return undefined;
}

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
    const parse = (t: string, c: IntentContext) => parseIntent(t, { ...c, pending: undefined, history: [] });
    const pending = ctx.pending ?? inferPending(ctx, () => previousRequest(ctx));
    if (!pending) return this.inner.analyze(text, ctx);
    const fresh = { ...ctx, pending: undefined };
    const filled = fillPending(text, { ...ctx, pending }, parse);
    if (filled && (ctx.pending || filled.pending_outcome !== 'unfilled')) return { ...filled, engine: 'offline' };
    const next = await this.inner.analyze(text, fresh);
    return ctx.pending ? { ...next, pending_outcome: 'replaced' } : next;
  }
}
