import type { AuditTrail } from '../audit/index.js';
import type { DraftService } from '../drafts/index.js';
import type { Logger } from '../log.js';
import { toRiskSummary } from '../policy/index.js';
import type { ServerFrameOf } from '../protocol/index.js';
import type { ProviderRegistry, ProviderTools } from '../providers/index.js';
import type { SessionContext } from '../server/handlers.js';
import type { ConnectionGate } from './connections.js';
import { buildDraft } from './drafts.js';
import type { AnalyzedIntent, IntentEngine } from './intent/schema.js';
import { rememberedExchange } from './memory/exchange.js';
import { sendError } from './outcomes.js';
import type { PolicyGate } from './policyGate.js';
import type { ConversationBufferPort, LongTermMemoryPort, ReplyWriterPort } from './ports.js';
import { fetchProviderContext } from './providerContext.js';
import type { DraftComposer } from './reply/compose.js';
import { chunkText, speakAndStream, type SpeechOutput } from './speakAndStream.js';

export interface AnswerDeps {
  intent: IntentEngine;
  tools: ProviderTools;
  registry: Pick<ProviderRegistry, 'lookupContacts'>;
  reply: ReplyWriterPort;
  composer: DraftComposer;
  speech?: SpeechOutput;
  shortTerm: ConversationBufferPort;
  memory?: LongTermMemoryPort;
  gate: ConnectionGate;
  policy: PolicyGate;
  drafts: DraftService;
  audit: AuditTrail;
  logger: Logger;
  now: () => number;
}

const HELP = 'I can read and summarize your email, check your calendar, look at Slack, and draft replies, events and posts for you to confirm. What would you like?';

/** transcript → intent → (connection gate) → provider context → a streamed answer with speech, or an editable draft. */
export class Answerer {
  constructor(private readonly deps: AnswerDeps) {}

  async answer(ctx: SessionContext, requestId: string, text: string): Promise<void> {
    const { deps } = this;
    const sub = ctx.user.sub;
    const now = new Date(deps.now());
    const intent = await deps.intent.analyze(text, { now, timezone: ctx.timezone, history: deps.shortTerm.history(ctx.id) });
    await deps.audit.note(sub, { kind: 'intent', data: { tools: intent.tools, action: intent.action, engine: intent.engine }, refs: { request_id: requestId } });
    deps.shortTerm.add(ctx.id, { role: 'user', text });
    if (intent.action === 'unknown' || intent.tools.length === 0) return this.say(ctx, requestId, HELP);

    const readDenied = await deps.policy.firstDeniedTool(sub, intent.tools, 'can_read');
    if (readDenied) return sendError(ctx, 'POLICY_DENIED', `Your role does not allow Vouch to use ${readDenied} for you.`, { request_id: requestId });
    const missing = await deps.gate.missing(ctx, intent.tools);
    if (missing.length) return deps.gate.require(ctx, requestId, text, missing, intent.tools);
    await deps.gate.clear(sub, requestId);

    const [context, contacts, recalled] = await Promise.all([
      fetchProviderContext(deps.tools, { userId: sub, subjectToken: ctx.accessToken }, intent, ctx.timezone, now),
      intent.needs_write ? this.contactsFor(ctx, intent) : Promise.resolve(new Map<string, string>()),
      deps.memory ? deps.memory.recall(sub, text, 3).catch(() => []) : Promise.resolve([]),
    ]);
    for (const f of context.failures) {
      await deps.audit.note(sub, { kind: 'error', data: { code: f.code, provider: f.provider }, refs: { request_id: requestId } });
      if (await deps.gate.reportFailure(ctx, requestId, text, intent.tools, f)) return;
    }

    if (intent.needs_write) {
      const call = { userId: sub, subjectToken: ctx.accessToken };
      const built = await buildDraft(intent, context, { timezone: ctx.timezone, now, transcript: text, userName: ctx.user.name, contacts, composer: deps.composer, memory: recalled, call }, deps.tools);
      if (!built.ok) return this.say(ctx, requestId, built.reason);
      const record = await deps.drafts.create(sub, requestId, built.draft);
      const { decision } = await deps.policy.decide(ctx, built.draft);
      await speakAndStream({ requestId, deltas: chunkText(built.spoken), send: ctx.send, speech: deps.speech, logger: deps.logger });
      ctx.send({ type: 'draft_ready', draft_id: record.id, request_id: requestId, expires_at: new Date(record.expiresAt).toISOString(), risk: toRiskSummary(decision), ...built.draft } as ServerFrameOf<'draft_ready'>);
      deps.shortTerm.add(ctx.id, { role: 'assistant', text: built.spoken });
      return;
    }

    const { text: answer } = await speakAndStream({
      requestId,
      deltas: deps.reply.stream({ transcript: text, intent, context, memory: recalled, timezone: ctx.timezone, now, userName: ctx.user.name }),
      send: ctx.send,
      speech: deps.speech,
      logger: deps.logger,
      // Remembered before agent_done, so "what did I ask" right after already finds it: the request and
      // what was done, never the answer (it quotes what others wrote).
      beforeDone: async () => {
        if (deps.memory) await deps.memory.remember(sub, rememberedExchange(text, intent, context), { request_id: requestId });
      },
    });
    deps.shortTerm.add(ctx.id, { role: 'assistant', text: answer });
  }

  private async say(ctx: SessionContext, requestId: string, text: string): Promise<void> {
    await speakAndStream({ requestId, deltas: chunkText(text), send: ctx.send, speech: this.deps.speech, logger: this.deps.logger });
    this.deps.shortTerm.add(ctx.id, { role: 'assistant', text });
  }

  /** Addresses for the people a request names, from whichever providers know them. */
  private contactsFor(ctx: SessionContext, intent: AnalyzedIntent): Promise<Map<string, string>> {
    return this.deps.registry.lookupContacts(this.deps.tools, { userId: ctx.user.sub, subjectToken: ctx.accessToken }, intent);
  }

}
