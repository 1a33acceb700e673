import { randomUUID } from 'node:crypto';
import type { AuditInput, AuditStore } from '../audit/index.js';
import type { CibaClient } from '../auth/ciba.js';
import { describeScope, scopesForTools } from '../auth/scopeCatalog.js';
import type { BackendCore } from '../backend.js';
import {
  actionFromDraft,
  type AuthorizationChecker,
  buildBindingMessage,
  decisionAuditData,
  evaluatePolicy,
  relationForAction,
  toolObject,
  toRiskSummary,
  userRef,
  type PolicyDecision,
  type PreauthStore,
  type RuleStore,
} from '../policy/index.js';
import { ActionStatus, DEFAULT_ERROR_MESSAGES, type Draft, type ErrorCode, type Provider, type ServerFrameOf, TOOL_PROVIDER, type Tool } from '../protocol/index.js';
import type { ProviderFailure, ProviderTools } from '../providers/index.js';
import type { ConversationHandler, SessionContext } from '../server/handlers.js';
import type { DraftRecord } from '../store/vouchStore.js';
import { addressOf, applyEdits, buildDraft, executeDraft } from './drafts.js';
import type { AnalyzedIntent, IntentEngine } from './intent/schema.js';
import type { ConversationBufferPort, LongTermMemoryPort, ReplyWriterPort } from './ports.js';
import type { DraftComposer } from './reply/compose.js';
import { fetchProviderContext } from './providerContext.js';
import { chunkText, speakAndStream, type SpeechOutput } from './speakAndStream.js';

export interface AgentPipelineDeps {
  core: BackendCore;
  tools: ProviderTools;
  intent: IntentEngine;
  reply: ReplyWriterPort;
  composer: DraftComposer;
  speech?: SpeechOutput;
  shortTerm: ConversationBufferPort;
  memory?: LongTermMemoryPort;
  audit: AuditStore;
  rules: RuleStore;
  preauth: PreauthStore;
  ciba: CibaClient;
  /** Roles and relationships (OpenFGA model): may this user use this tool this way at all? */
  authz: AuthorizationChecker;
  draftTtlMs: number;
  userDomain: (sub: string) => string;
}

interface PendingApproval {
  id: string;
  sub: string;
  draftId: string;
  controller: AbortController;
}

/**
 * The agent: transcript → intent → (connect and resume) → provider context → streamed reply with
 * parallel speech, or an editable draft → confirm → policy → (step-up) → the write, exactly once.
 */
export function createAgentPipeline(deps: AgentPipelineDeps): ConversationHandler & { approvals: Map<string, PendingApproval> } {
  const { core } = deps;
  const log = core.logger.child({ component: 'agent' });
  const handled = new Map<string, Set<string>>();
  const approvals = new Map<string, PendingApproval>();

  const audit = (sub: string, input: AuditInput) =>
    deps.audit.append(sub, input).catch((err: unknown) => log.error({ err: err instanceof Error ? err.message : String(err), kind: input.kind }, 'audit append failed'));

  const toUser = (sub: string) => (f: Parameters<SessionContext['send']>[0]) => core.channels.send(sub, f);

  function sendError(ctx: SessionContext, code: ErrorCode, message: string | undefined, extra: { request_id?: string; provider?: Provider } = {}) {
    ctx.send({ type: 'error', code, message: message ?? DEFAULT_ERROR_MESSAGES[code].message, action: DEFAULT_ERROR_MESSAGES[code].action, ...extra });
  }

  /** Providers the request needs that Token Vault does not (yet) hold an account for. */
  async function unlinkedProviders(ctx: SessionContext, tools: readonly Tool[]): Promise<Provider[]> {
    const providers = [...new Set(tools.map((t) => TOOL_PROVIDER[t]))];
    const missing: Provider[] = [];
    for (const p of providers) {
      if (core.links.isLinked(ctx.user.sub, p)) continue;
      const check = await core.links.check(ctx.user.sub, ctx.accessToken, p);
      if (!check.linked) missing.push(p);
    }
    return missing;
  }

  function requireConnection(ctx: SessionContext, requestId: string, transcript: string, providers: Provider[], tools: readonly Tool[], reason?: string) {
    core.store.savePending({ id: requestId, sub: ctx.user.sub, transcript, providers, createdAt: new Date(core.now()).toISOString() });
    const names = providers.map((p) => (p === 'google' ? 'Google' : 'Slack')).join(' and ');
    ctx.send({
      type: 'connections_required',
      request_id: requestId,
      providers,
      reason: reason ?? `To answer this, Vouch needs access to your ${names} account. You choose what to allow; Vouch never sees your password.`,
      scopes: scopesForTools(tools)
        .filter((s) => providers.includes(s.provider))
        .map((s) => ({ provider: s.provider, scope: s.scope, description: s.description })),
    });
  }

  /** Maps a provider failure onto what the person sees; a vanished link becomes a connect prompt. */
  function reportFailure(ctx: SessionContext, requestId: string, transcript: string, tools: readonly Tool[], f: ProviderFailure): boolean {
    if (f.code === 'FEDERATED_TOKEN_NOT_IN_VAULT') {
      core.links.forget(ctx.user.sub, f.provider);
      requireConnection(ctx, requestId, transcript, [f.provider], tools);
      return true;
    }
    if (f.code === 'INSUFFICIENT_SCOPE') {
      const scopes = (f.missingScopes ?? []).map(describeScope).join('; ');
      requireConnection(ctx, requestId, transcript, [f.provider], tools, `Vouch needs one more permission for this: ${scopes || 'an additional scope'}. Reconnect to grant it.`);
      return true;
    }
    sendError(ctx, f.code, f.message, { request_id: requestId, provider: f.provider });
    return false;
  }

  async function contactsFor(ctx: SessionContext, intent: AnalyzedIntent): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (!intent.tools.includes('gmail') && !intent.tools.includes('calendar')) return out;
    await Promise.all(
      intent.entities.people.map(async (name) => {
        const r = await deps.tools.gmail.searchThreads({ userId: ctx.user.sub, subjectToken: ctx.accessToken }, { from: name, maxResults: 3 });
        if (!r.ok) return;
        for (const t of r.value.threads) {
          const addr = addressOf(t.from);
          if (addr && t.from.toLowerCase().includes(name.toLowerCase())) {
            out.set(name.toLowerCase(), addr);
            return;
          }
        }
      }),
    );
    return out;
  }

  async function processTranscript(ctx: SessionContext, requestId: string, text: string): Promise<void> {
    const sub = ctx.user.sub;
    const now = new Date(core.now());
    const history = deps.shortTerm.history(ctx.id);
    const intent = await deps.intent.analyze(text, { now, timezone: ctx.timezone, history });
    void audit(sub, { kind: 'intent', data: { request_id: requestId, tools: intent.tools, action: intent.action, engine: intent.engine } });
    deps.shortTerm.add(ctx.id, { role: 'user', text });

    if (intent.action === 'unknown' || intent.tools.length === 0) {
      const answer = "I can read and summarize your email, check your calendar, look at Slack, and draft replies, events and posts for you to confirm. What would you like?";
      await speakAndStream({ requestId, deltas: chunkText(answer), send: ctx.send, speech: deps.speech, logger: log });
      deps.shortTerm.add(ctx.id, { role: 'assistant', text: answer });
      return;
    }

    const readDenied = await firstDeniedTool(sub, intent.tools, 'can_read');
    if (readDenied) return sendError(ctx, 'POLICY_DENIED', `Your role does not allow Vouch to use ${readDenied} for you.`, { request_id: requestId });

    const missing = await unlinkedProviders(ctx, intent.tools);
    if (missing.length) return requireConnection(ctx, requestId, text, missing, intent.tools);
    core.store.deletePending(requestId);

    const callCtx = { userId: sub, subjectToken: ctx.accessToken };
    const [context, contacts, recalled] = await Promise.all([
      fetchProviderContext(deps.tools, callCtx, intent, ctx.timezone, now),
      intent.needs_write ? contactsFor(ctx, intent) : Promise.resolve(new Map<string, string>()),
      deps.memory ? deps.memory.recall(sub, text, 3).catch(() => []) : Promise.resolve([]),
    ]);
    for (const f of context.failures) {
      void audit(sub, { kind: 'error', data: { request_id: requestId, code: f.code, provider: f.provider } });
      if (reportFailure(ctx, requestId, text, intent.tools, f)) return;
    }

    if (intent.needs_write) {
      const built = await buildDraft(intent, context, { timezone: ctx.timezone, now, transcript: text, userName: ctx.user.name, contacts, composer: deps.composer, memory: recalled });
      if (!built.ok) {
        await speakAndStream({ requestId, deltas: chunkText(built.reason), send: ctx.send, speech: deps.speech, logger: log });
        deps.shortTerm.add(ctx.id, { role: 'assistant', text: built.reason });
        return;
      }
      const draftId = `drf_${randomUUID()}`;
      const expiresAt = core.now() + deps.draftTtlMs;
      const record: DraftRecord = {
        id: draftId,
        sub,
        requestId,
        kind: built.draft.kind,
        fields: built.draft.fields,
        status: 'ready',
        expiresAt,
        createdAt: new Date(core.now()).toISOString(),
      };
      core.store.createDraft(record);
      const { decision } = await decide(ctx, built.draft);
      await speakAndStream({ requestId, deltas: chunkText(built.spoken), send: ctx.send, speech: deps.speech, logger: log });
      ctx.send({ type: 'draft_ready', draft_id: draftId, request_id: requestId, expires_at: new Date(expiresAt).toISOString(), risk: toRiskSummary(decision), ...built.draft } as ServerFrameOf<'draft_ready'>);
      deps.shortTerm.add(ctx.id, { role: 'assistant', text: built.spoken });
      return;
    }

    const { text: answer } = await speakAndStream({
      requestId,
      deltas: deps.reply.stream({ transcript: text, intent, context, memory: recalled, timezone: ctx.timezone, now, userName: ctx.user.name }),
      send: ctx.send,
      speech: deps.speech,
      logger: log,
      // Remembered before agent_done, so "what did I ask" right after already finds it.
      beforeDone: async (full) => {
        if (deps.memory) await deps.memory.remember(sub, `Asked: ${text}\nAnswered: ${full}`, { request_id: requestId });
      },
    });
    deps.shortTerm.add(ctx.id, { role: 'assistant', text: answer });
  }

  async function firstDeniedTool(sub: string, tools: readonly Tool[], relation: string): Promise<Tool | undefined> {
    for (const tool of tools) {
      if (!(await deps.authz.check({ user: userRef(sub), relation, object: toolObject(sub, tool) }))) return tool;
    }
    return undefined;
  }

  /** A Slack channel's size widens the blast radius; unknown, the policy counts one reader. */
  async function channelMembers(ctx: SessionContext, draft: Draft): Promise<number | undefined> {
    if (draft.kind !== 'slack_message') return undefined;
    const r = await deps.tools.slack.listChannels({ userId: ctx.user.sub, subjectToken: ctx.accessToken });
    const wanted = draft.fields.channel.replace(/^#/, '').toLowerCase();
    return r.ok ? r.value.channels.find((c) => c.name.toLowerCase() === wanted || c.id === draft.fields.channel)?.members : undefined;
  }

  async function decide(ctx: SessionContext, draft: Draft) {
    const sub = ctx.user.sub;
    const [rules, grants, members] = await Promise.all([deps.rules.list(sub), deps.preauth.listActive(sub, core.now()), channelMembers(ctx, draft)]);
    const action = actionFromDraft(draft, members === undefined ? {} : { channel_member_count: members });
    const decision: PolicyDecision = evaluatePolicy(action, { user: sub, userDomain: deps.userDomain(sub), rules, activePreauthorizations: grants, now: core.now() });
    // The relationship model is checked first in spirit: no score makes a forbidden write allowed.
    const allowed = await deps.authz.check({ user: userRef(sub), relation: relationForAction(action.action), object: toolObject(sub, action.tool) });
    if (allowed) return { action, decision };
    return { action, decision: { ...decision, level: 'deny' as const, decided_by: { kind: 'rule' as const, id: 'roles', effect: 'deny' as const, detail: `Your role does not allow ${action.action} with ${action.tool}` } } };
  }

  function reportWrite(sub: string, record: DraftRecord) {
    const send = toUser(sub);
    const r = record.result;
    if (!r) return;
    send({ type: 'action_result', draft_id: record.id, kind: record.kind, status: ActionStatus.parse(r.status), ...(r.ref ? { ref: r.ref } : {}), ...(r.detail ? { detail: r.detail } : {}), ...(r.code ? { code: r.code as ErrorCode } : {}) });
  }

  async function runWrite(ctx: SessionContext, draftId: string, fromStatus: DraftRecord['status'][]): Promise<void> {
    const sub = ctx.user.sub;
    const claim = core.store.claimDraft(draftId, sub, core.now(), fromStatus);
    if (!claim.claimed) return replayOutcome(ctx, draftId, claim.reason, claim.draft);
    const draft = claim.draft;
    // A fresh Token Vault token for every write, never one cached from reading.
    core.tokenVault.invalidate({ userId: sub, connection: core.links.connections[draft.kind === 'slack_message' ? 'slack' : 'google'] });
    const outcome = await executeDraft(deps.tools, { userId: sub, subjectToken: ctx.accessToken }, draft.kind, draft.fields);
    if (outcome.ok) {
      const result = { status: outcome.status, ref: outcome.ref };
      core.store.finishDraft(draftId, 'done', result);
      void audit(sub, { kind: 'write', data: { draft_id: draftId, kind: draft.kind, status: result.status, ref: outcome.ref } });
      reportWrite(sub, { ...draft, status: 'done', result });
    } else {
      const result = { status: 'failed', code: outcome.error.code, detail: outcome.error.message };
      core.store.finishDraft(draftId, 'failed', result);
      void audit(sub, { kind: 'write', data: { draft_id: draftId, kind: draft.kind, status: 'failed', code: outcome.error.code } });
      reportWrite(sub, { ...draft, status: 'failed', result });
      if (outcome.error.code === 'FEDERATED_TOKEN_NOT_IN_VAULT' || outcome.error.code === 'INSUFFICIENT_SCOPE') {
        sendError(ctx, outcome.error.code, outcome.error.message, { provider: outcome.error.provider });
      }
    }
  }

  /** The same confirmation again (a resend, a second click, after a restart) reports, never re-runs. */
  function replayOutcome(ctx: SessionContext, draftId: string, reason: 'not_found' | 'expired' | 'already_executed' | 'cancelled', draft?: DraftRecord) {
    if (reason === 'not_found') return sendError(ctx, 'DRAFT_NOT_FOUND', undefined);
    if (reason === 'expired') return ctx.send({ type: 'action_result', draft_id: draftId, status: 'expired', code: 'DRAFT_EXPIRED', detail: DEFAULT_ERROR_MESSAGES.DRAFT_EXPIRED.message });
    if (reason === 'cancelled') return ctx.send({ type: 'action_result', draft_id: draftId, status: 'cancelled' });
    if (draft?.result) return reportWrite(ctx.user.sub, draft);
    // Claimed by an earlier confirmation that is still running (or was cut off mid-write): never run again.
    ctx.send({ type: 'action_result', draft_id: draftId, status: draft?.status === 'awaiting_approval' ? 'awaiting_approval' : 'failed', detail: 'This action was already confirmed.' });
  }

  async function stepUp(ctx: SessionContext, record: DraftRecord, decision: ReturnType<typeof evaluatePolicy>): Promise<void> {
    const sub = ctx.user.sub;
    const approvalId = `apr_${randomUUID()}`;
    const bindingMessage = buildBindingMessage(actionFromDraft({ kind: record.kind, fields: record.fields } as Draft), approvalId.slice(4, 8).toUpperCase());
    let start;
    try {
      start = await deps.ciba.start({ sub, bindingMessage, requestedExpirySeconds: 300 });
    } catch (err) {
      core.store.setDraftStatus(record.id, 'ready');
      void audit(sub, { kind: 'approval', data: { draft_id: record.id, approval_id: approvalId, outcome: 'failed' } });
      return sendError(ctx, 'APPROVAL_FAILED', `Vouch could not ask for approval on your phone (${err instanceof Error ? err.message : 'error'}).`);
    }
    const controller = new AbortController();
    approvals.set(approvalId, { id: approvalId, sub, draftId: record.id, controller });
    toUser(sub)({ type: 'approval_required', id: approvalId, draft_id: record.id, risk: toRiskSummary(decision), binding_message: bindingMessage, expires_at: new Date(start.expiresAt).toISOString() });
    void audit(sub, { kind: 'approval', data: { draft_id: record.id, approval_id: approvalId, outcome: 'requested', binding_message: bindingMessage } });
    // The wait runs beside the socket's frame queue, so the person can still cancel while it lasts.
    void deps.ciba
      .waitForDecision(start, { signal: controller.signal })
      .catch(() => 'failed' as const)
      .then(async (outcome) => {
        approvals.delete(approvalId);
        const status = outcome === 'approved' ? 'approved' : outcome === 'denied' ? 'denied' : outcome === 'expired' ? 'expired' : outcome === 'cancelled' ? 'cancelled' : 'failed';
        toUser(sub)({ type: 'approval_update', id: approvalId, status });
        void audit(sub, { kind: 'approval', data: { draft_id: record.id, approval_id: approvalId, outcome: status } });
        if (outcome === 'approved') return runWrite(ctx, record.id, ['awaiting_approval']);
        const cancelled = core.store.cancelDraft(record.id, sub);
        const code: ErrorCode = outcome === 'denied' ? 'APPROVAL_DENIED' : outcome === 'expired' ? 'APPROVAL_EXPIRED' : 'APPROVAL_FAILED';
        if (cancelled.claimed) {
          toUser(sub)({ type: 'action_result', draft_id: record.id, kind: record.kind, status: outcome === 'denied' ? 'denied' : outcome === 'cancelled' ? 'cancelled' : 'expired', code, detail: DEFAULT_ERROR_MESSAGES[code].message });
        }
      })
      .catch((err: unknown) => log.error({ err: err instanceof Error ? err.message : String(err) }, 'approval follow-up failed'));
  }

  async function resumePending(ctx: SessionContext) {
    for (const p of core.store.listPending(ctx.user.sub)) {
      if (!p.providers.every((prov) => core.links.isLinked(ctx.user.sub, prov))) continue;
      core.store.deletePending(p.id);
      log.info({ request: p.id }, 'resuming a pending request');
      await processTranscript(ctx, p.id, p.transcript);
    }
  }

  const handler: ConversationHandler & { approvals: Map<string, PendingApproval> } = {
    approvals,
    async onSessionStarted(ctx) {
      await resumePending(ctx);
    },

    async onTranscript(ctx, f) {
      const seen = handled.get(ctx.user.sub) ?? new Set<string>();
      handled.set(ctx.user.sub, seen);
      if (seen.has(f.id)) return;
      seen.add(f.id);
      if (seen.size > 500) seen.delete(seen.values().next().value!);
      await processTranscript(ctx, f.id, f.text);
    },

    async onAccountConnected(ctx, f) {
      const check = await core.links.check(ctx.user.sub, ctx.accessToken, f.provider);
      void audit(ctx.user.sub, { kind: 'token_exchange', data: { purpose: 'link_check', provider: f.provider, outcome: check.linked ? 'issued' : check.error.code } });
      core.channels.send(ctx.user.sub, { type: 'providers_updated', providers: core.links.list(ctx.user.sub) });
      if (!check.linked) return sendError(ctx, check.error.code, check.error.message, { provider: f.provider });
      await resumePending(ctx);
    },

    async onActionConfirmed(ctx, f) {
      const sub = ctx.user.sub;
      const record = core.store.getDraft(f.draft_id);
      if (!record || record.sub !== sub) return sendError(ctx, 'DRAFT_NOT_FOUND', undefined);
      if (record.status !== 'ready' && !(record.status === 'awaiting_approval' && ![...approvals.values()].some((a) => a.draftId === record.id))) {
        return replayOutcome(ctx, record.id, record.status === 'cancelled' ? 'cancelled' : record.status === 'expired' ? 'expired' : 'already_executed', record);
      }
      if (record.expiresAt <= core.now()) {
        core.store.setDraftStatus(record.id, 'expired');
        return replayOutcome(ctx, record.id, 'expired');
      }
      const edited = applyEdits(record.kind, record.fields, f.edits);
      if (!edited.ok) return sendError(ctx, 'DRAFT_INVALID', `The draft is not valid: ${edited.message}.`);
      const draft = { kind: record.kind, fields: edited.fields } as Draft;
      const { action, decision } = await decide(ctx, draft);
      void audit(sub, { kind: 'policy_decision', data: { draft_id: record.id, ...decisionAuditData(action, decision) } });
      if (decision.level === 'deny') {
        core.store.cancelDraft(record.id, sub);
        return ctx.send({ type: 'action_result', draft_id: record.id, kind: record.kind, status: 'denied', code: 'POLICY_DENIED', detail: decision.decided_by.detail });
      }
      // Persist the edited fields before anything runs, so a restart executes what was confirmed.
      core.store.updateDraftFields(record.id, edited.fields);
      if (decision.level === 'step_up') {
        const claim = core.store.claimDraft(record.id, sub, core.now(), ['ready', 'awaiting_approval']);
        if (!claim.claimed) return replayOutcome(ctx, record.id, claim.reason, claim.draft);
        core.store.setDraftStatus(record.id, 'awaiting_approval');
        ctx.send({ type: 'action_result', draft_id: record.id, kind: record.kind, status: 'awaiting_approval' });
        return stepUp(ctx, { ...record, fields: edited.fields, status: 'awaiting_approval' }, decision);
      }
      await runWrite(ctx, record.id, ['ready']);
    },

    async onActionCancelled(ctx, f) {
      for (const a of approvals.values()) if (a.draftId === f.draft_id && a.sub === ctx.user.sub) a.controller.abort();
      const r = core.store.cancelDraft(f.draft_id, ctx.user.sub);
      if (r.claimed || r.reason === 'cancelled') return ctx.send({ type: 'action_result', draft_id: f.draft_id, status: 'cancelled' });
      replayOutcome(ctx, f.draft_id, r.reason, r.draft);
    },

    async onApprovalDecision(ctx, f) {
      const a = approvals.get(f.id);
      if (!a || a.sub !== ctx.user.sub) return sendError(ctx, 'NOT_FOUND', 'That approval is no longer waiting.');
      if (f.approve) return sendError(ctx, 'BAD_REQUEST', 'Approve this on your phone: the step-up must come from your second factor.');
      a.controller.abort();
    },

    async onRevoke(ctx, f) {
      void audit(ctx.user.sub, { kind: 'revoke', data: { provider: f.provider } });
    },

    async onLogout(ctx) {
      core.tokenVault.clearUser(ctx.user.sub);
      deps.shortTerm.clear(ctx.id);
      void audit(ctx.user.sub, { kind: 'session', data: { event: 'logout' } });
    },
  };
  return handler;
}

