import type { AuditTrail } from '../audit/index.js';
import type { DraftService } from '../drafts/index.js';
import type { Logger } from '../log.js';
import { toRiskSummary, type PolicyDecision } from '../policy/index.js';
import { TOOL_DISPLAY_NAME, type ContractCatalog, type Draft, type ServerFrameOf } from '../protocol/index.js';
import type { ProviderRegistry, ProviderTools } from '../providers/index.js';
import type { SessionContext } from '../server/handlers.js';
import { morePermissionsReason, type ConnectionGate } from './connections.js';
import { ResolvedContacts, whichPersonQuestion } from '../people/index.js';
import { buildDraft } from './drafts.js';
import type { AnalyzedIntent, IntentEngine } from './intent/schema.js';
import { rememberedExchange } from './memory/exchange.js';
import { NOTE_PREFIX, noteText } from './memory/notes.js';
import { sendError } from './outcomes.js';
import type { PolicyGate } from './policyGate.js';
import type { AgentSettingsPort, ConversationBufferPort, LongTermMemoryPort, ReplyWriterPort } from './ports.js';
import { fetchProviderContext } from './providerContext.js';
import type { DraftComposer } from './reply/compose.js';
import { helpAnswer } from './reply/help.js';
import { ListedByConversation } from './listedItems.js';
import { missingSlot, openQuestion, OpenQuestions } from './openQuestion.js';
import { chunkText, speakAndStream, type SpeechOutput } from './speakAndStream.js';

interface AnswerDeps {
  intent: IntentEngine;
  tools: ProviderTools;
  registry: Pick<
    ProviderRegistry,
    'lookupContacts' | 'modules' | 'catalog' | 'draftKindsFor' | 'readingIntent' | 'readMore' | 'listedBy' | 'pointAt'
  >;
  reply: ReplyWriterPort;
  composer: DraftComposer;
  speech?: SpeechOutput;
  shortTerm: ConversationBufferPort;
  memory?: LongTermMemoryPort;
  /** The person's backend-kept settings (the default meeting length). */
  settings?: Pick<AgentSettingsPort, 'defaultMeetingMinutes'>;
  gate: ConnectionGate;
  policy: PolicyGate;
  drafts: DraftService;
  audit: AuditTrail;
  logger: Logger;
  now: () => number;
}

/** The person's own address out of the fields their draft kind's contract says never hold it (`notSelf`). */
function withoutSelf(draft: Draft, email: string | undefined, catalog: ContractCatalog): Draft {
  const fields = catalog.draftKind(draft.kind)?.notSelf ?? [];
  if (!email || fields.length === 0) return draft;
  const me = email.toLowerCase();
  const f = { ...(draft.fields as Record<string, unknown>) };
  for (const name of fields) if (Array.isArray(f[name])) f[name] = (f[name] as string[]).filter((a) => a.toLowerCase() !== me);
  return { ...draft, fields: f } as Draft;
}

/** The user's words said back to them: "my badge is 42" → "your badge is 42". */
function toYou(s: string): string {
  const swap: Record<string, string> = {
    i: 'you',
    "i'm": "you're",
    'i’m': 'you’re',
    me: 'you',
    my: 'your',
    mine: 'yours',
    myself: 'yourself',
    am: 'are',
  };
  return s.replace(/\b(?:i'm|i’m|i|me|my|mine|myself|am)\b/gi, (w) => swap[w.toLowerCase()] ?? w);
}

/** What Vouch says when a rule of the person's blocks the draft it just made. */
export function blockedSpoken(rule: string): string {
  return `I drafted it, but your rule “${rule.replace(/[.!]+$/, '')}” doesn’t allow it, so I won’t do it. To allow it, change that rule under Rules.`;
}

/**
 * What Vouch says with a new draft: a draft a rule blocks is not "ready to send" (say so, and what the
 * person can change), and one that will need the phone says so before the person presses Send.
 */
function draftSpoken(spoken: string, decision: PolicyDecision): string {
  if (decision.level === 'step_up') return `${spoken} When you confirm, your phone will be asked to approve it.`;
  if (decision.level !== 'deny') return spoken;
  if (decision.decided_by.kind === 'role')
    return `I drafted it, but ${decision.decided_by.detail.replace(/^Your/, 'your')}, so I won’t do it. Ask whoever manages your account if you need this.`;
  return blockedSpoken(decision.decided_by.detail);
}

/** transcript → intent → (connection gate) → provider context → a streamed answer with speech, or an editable draft. */
export class Answerer {
  /** The question each conversation left open ("What should the email say?"), filled by the next answer. */
  private readonly questions = new OpenQuestions();
  /** What each conversation's last answer listed, for "the second email" and "move it". */
  private readonly listed = new ListedByConversation();

  constructor(private readonly deps: AnswerDeps) {}

  async answer(ctx: SessionContext, requestId: string, text: string): Promise<void> {
    const { deps } = this;
    const sub = ctx.user.sub;
    const now = new Date(deps.now());
    const pending = this.questions.get(ctx.id);
    // Read for every request, so a new default applies to the very next one.
    const meetingMinutes = await deps.settings?.defaultMeetingMinutes(sub);
    // A request resumed after an account link is already the conversation's last turn: it is read against
    // the conversation as it was when asked ("tell her thursday works" still follows Dana's email), once.
    const said = deps.shortTerm.history(ctx.id);
    const resumed = said.at(-1)?.role === 'user' && said.at(-1)?.text === text;
    const analyzed = await deps.intent.analyze(text, {
      now,
      timezone: ctx.timezone,
      history: resumed ? said.slice(0, -1) : said,
      ...(ctx.user.name ? { self: ctx.user.name } : {}),
      ...(pending ? { pending } : {}),
      ...(meetingMinutes !== undefined ? { defaultMeetingMinutes: meetingMinutes } : {}),
    });
    const pointed = deps.registry.pointAt(analyzed, text, this.listed.get(ctx.id));
    const intent: AnalyzedIntent = { ...analyzed, ...pointed.intent };
    // Filled, abandoned or replaced: the question is closed; unfilled keeps it open and asks again below.
    if (intent.pending_outcome !== 'unfilled') this.questions.clear(ctx.id);
    await deps.audit.note(sub, {
      kind: 'intent',
      data: { tools: intent.tools, action: intent.action, engine: intent.engine },
      refs: { request_id: requestId },
    });
    if (!resumed) deps.shortTerm.add(ctx.id, { role: 'user', text });
    if (intent.entities.remember) return this.keep(ctx, requestId, intent.entities.remember);
    if (intent.entities.forget) return this.drop(ctx, requestId, intent.entities.forget);
    if (intent.pending_outcome === 'abandoned') return this.say(ctx, requestId, 'Okay, I’ve dropped that. Nothing was sent.');
    if (intent.action === 'unknown' || intent.tools.length === 0) return this.say(ctx, requestId, helpAnswer(deps.registry.catalog));

    const readDenied = await deps.policy.firstDeniedTool(sub, intent.tools, 'can_read');
    if (readDenied)
      return sendError(ctx, 'POLICY_DENIED', `Your role does not allow Vouch to use ${TOOL_DISPLAY_NAME[readDenied]} for you.`, {
        request_id: requestId,
      });
    const missing = await deps.gate.missing(ctx, intent.tools);
    if (missing.length) return deps.gate.require(ctx, requestId, text, missing, intent.tools, { write: intent.needs_write });
    // Connected with fewer permissions than this request needs: ask for exactly the extra ones.
    const draftKinds = deps.registry.draftKindsFor(intent);
    const lacking = await deps.gate.lacking(ctx, intent.tools, { write: intent.needs_write, ...(draftKinds ? { draftKinds } : {}) });
    if (lacking) {
      return deps.gate.require(ctx, requestId, text, [lacking.provider], intent.tools, {
        write: intent.needs_write,
        scopes: lacking.scopes,
        reason: morePermissionsReason(lacking.scopes),
      });
    }
    await deps.gate.clear(sub, requestId);

    const call = { userId: sub, subjectToken: ctx.accessToken };
    const [context, contacts, recalled] = await Promise.all([
      fetchProviderContext(deps.tools, call, deps.registry.readingIntent(intent), ctx.timezone, now),
      intent.needs_write ? this.contactsFor(ctx, intent) : Promise.resolve(new Map<string, string>()),
      deps.memory ? deps.memory.recall(sub, text, 3).catch(() => []) : Promise.resolve([]),
    ]);
    // What depends on the first reads: the item pointed at ("the second email"), and for an answer its extra reads.
    await deps.registry.readMore(deps.tools, call, intent, context, { timezone: ctx.timezone, now }, pointed);
    for (const f of context.failures) {
      await deps.audit.note(sub, { kind: 'error', data: { code: f.code, provider: f.provider }, refs: { request_id: requestId } });
      if (await deps.gate.reportFailure(ctx, requestId, text, intent.tools, f, { write: intent.needs_write })) return;
    }

    if (intent.needs_write) {
      const built = await buildDraft(
        intent,
        context,
        {
          timezone: ctx.timezone,
          now,
          transcript: text,
          userName: ctx.user.name,
          contacts,
          composer: deps.composer,
          memory: recalled,
          call,
          ...(meetingMinutes !== undefined ? { defaultMeetingMinutes: meetingMinutes } : {}),
        },
        deps.tools,
      );
      if (!built.ok) {
        // "Which Jordan do you mean: …?": the answer ("the second one", "Jordan Kim") picks one of these.
        const ambiguous = contacts instanceof ResolvedContacts ? contacts.ambiguous()[0] : undefined;
        if (ambiguous && built.reason === whichPersonQuestion(ambiguous.name, ambiguous.candidates)) {
          const candidates = ambiguous.candidates.map((c) => ({ name: c.name || c.address, email: c.address }));
          this.questions.set(ctx.id, { ...openQuestion(intent, 'person'), candidates });
          return this.say(ctx, requestId, built.reason);
        }
        const slot = missingSlot(intent, built.reason, deps.registry.catalog);
        if (slot) this.questions.set(ctx.id, openQuestion(intent, slot));
        return this.say(ctx, requestId, built.reason);
      }
      const draft = withoutSelf(built.draft, ctx.user.email, deps.registry.catalog);
      const record = await deps.drafts.create(sub, requestId, draft);
      const { decision } = await deps.policy.decide(ctx, draft);
      const spoken = draftSpoken(built.spoken, decision);
      await speakAndStream({
        requestId,
        deltas: chunkText(spoken),
        send: ctx.send,
        speech: deps.speech,
        voice: ctx.voice,
        logger: deps.logger,
      });
      ctx.send({
        type: 'draft_ready',
        draft_id: record.id,
        request_id: requestId,
        expires_at: new Date(record.expiresAt).toISOString(),
        risk: toRiskSummary(decision),
        ...draft,
      } as ServerFrameOf<'draft_ready'>);
      deps.shortTerm.add(ctx.id, { role: 'assistant', text: spoken });
      return;
    }

    this.listed.set(ctx.id, deps.registry.listedBy(intent, context, text));
    const { text: answer } = await speakAndStream({
      requestId,
      deltas: deps.reply.stream({
        transcript: text,
        intent,
        context,
        memory: recalled,
        timezone: ctx.timezone,
        now,
        userName: ctx.user.name,
      }),
      send: ctx.send,
      speech: deps.speech,
      voice: ctx.voice,
      logger: deps.logger,
      // Remembered before agent_done, so "what did I ask" right after already finds it: the request and
      // what was done, never the answer (it quotes what others wrote).
      beforeDone: async () => {
        if (deps.memory)
          await deps.memory.remember(sub, rememberedExchange(text, intent, context, deps.registry), { request_id: requestId });
      },
    });
    deps.shortTerm.add(ctx.id, { role: 'assistant', text: answer });
  }

  private async say(ctx: SessionContext, requestId: string, text: string): Promise<void> {
    await speakAndStream({
      requestId,
      deltas: chunkText(text),
      send: ctx.send,
      speech: this.deps.speech,
      voice: ctx.voice,
      logger: this.deps.logger,
    });
    this.deps.shortTerm.add(ctx.id, { role: 'assistant', text });
  }

  /** "remember that …": kept in long-term memory as the user's own words, and said back. */
  private async keep(ctx: SessionContext, requestId: string, fact: string): Promise<void> {
    const memory = this.deps.memory;
    if (!memory) return this.say(ctx, requestId, 'I can’t keep notes on this setup, so I didn’t save that.');
    try {
      // In the person's own words, as the Memory panel shows it ("Remember: my manager is Dana").
      await memory.remember(ctx.user.sub, noteText(fact), { request_id: requestId, kind: 'note' });
    } catch (err) {
      this.deps.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'keeping a note failed');
      return this.say(ctx, requestId, 'I couldn’t save that just now. Please try again in a moment.');
    }
    return this.say(ctx, requestId, `Got it. I’ll remember that ${toYou(fact.replace(/[.!]+$/, ''))}.`);
  }

  /** "forget that …": the matching note leaves long-term memory, and Vouch says which one (or that none matched). */
  private async drop(ctx: SessionContext, requestId: string, fact: string): Promise<void> {
    const forgetNote = this.deps.memory?.forgetNote;
    if (!forgetNote) return this.say(ctx, requestId, 'I don’t keep notes on this setup, so there is nothing to forget.');
    let gone: string | undefined;
    try {
      gone = await forgetNote(ctx.user.sub, fact);
    } catch (err) {
      this.deps.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'forgetting a note failed');
      return this.say(ctx, requestId, 'I couldn’t forget that just now. Please try again in a moment, or use Forget in the Memory tab.');
    }
    if (!gone)
      return this.say(ctx, requestId, 'I don’t have a note about that, so there was nothing to forget. The Memory tab lists what I keep.');
    return this.say(ctx, requestId, `Done. I’ve forgotten that ${toYou(gone.slice(NOTE_PREFIX.length).replace(/[.!]+$/, ''))}.`);
  }

  /** Addresses for the people a request names, from whichever providers know them. */
  private contactsFor(ctx: SessionContext, intent: AnalyzedIntent): Promise<Map<string, string>> {
    return this.deps.registry.lookupContacts(this.deps.tools, { userId: ctx.user.sub, subjectToken: ctx.accessToken }, intent);
  }
}
