import { createAuditTrail, type AuditStore } from '../audit/index.js';
import type { CibaClient } from '../auth/ciba.js';
import type { DraftService } from '../drafts/index.js';
import type { Logger } from '../log.js';
import type { AuthorizationChecker, PreauthStore, RuleStore } from '../policy/index.js';
import type { Provider, ServerFrame } from '../protocol/index.js';
import type { ProviderTools, ProviderRegistry } from '../providers/index.js';
import type { ConversationHandler, SessionContext } from '../server/handlers.js';
import type { LinkService } from '../server/links.js';
import type { EventBus } from '../events/eventBus.js';
import type { PendingRequestStore, TranscriptLedger } from '../store/vouchStore.js';
import { Answerer } from './answer.js';
import { Confirmer } from './confirm.js';
import { ConnectionGate } from './connections.js';
import type { IntentEngine } from './intent/schema.js';
import { sendError } from './outcomes.js';
import { PolicyGate } from './policyGate.js';
import type { ConversationBufferPort, LongTermMemoryPort, ReplyWriterPort } from './ports.js';
import type { DraftComposer } from './reply/compose.js';
import type { SpeechOutput } from './speakAndStream.js';
import { StepUp } from './stepUp.js';
import { Writer } from './write.js';

export interface AgentPipelineDeps {
  links: LinkService;
  pending: PendingRequestStore;
  drafts: DraftService;
  tools: ProviderTools;
  /** The provider modules: contacts and policy facts come from them, so no unit names a provider. */
  registry: ProviderRegistry;
  invalidateToken: (sub: string, provider: Provider) => void;
  toUser: (sub: string, frame: ServerFrame) => void;
  intent: IntentEngine;
  reply: ReplyWriterPort;
  composer: DraftComposer;
  speech?: SpeechOutput;
  shortTerm: ConversationBufferPort;
  memory?: LongTermMemoryPort;
  audit: AuditStore;
  rules: RuleStore;
  preauth: PreauthStore;
  ciba: Pick<CibaClient, 'start' | 'waitForDecision'>;
  authz: AuthorizationChecker;
  userDomain: (sub: string) => Promise<string>;
  logger: Logger;
  now: () => number;
  /**
   * Several instances: an account linked through any instance resumes the requests parked by this
   * instance's sockets, on those sockets, and transcripts are de-duplicated in the database.
   */
  shared?: { events: EventBus; transcripts: TranscriptLedger };
  /** Phone-request leases (see StepUp). */
  stepUpLease?: { instanceId: string; leaseMs: number };
}

export interface AgentPipeline {
  handler: ConversationHandler;
  /** The step-up waits in this process, so logging out can stop them. */
  stepUp: StepUp;
}

/**
 * The agent as a router: each frame goes to one small unit — the answer (transcript → reply or
 * draft), the connection gate and its resume, the confirmation (claim → policy → write or step-up).
 * Draft state changes only through the DraftService.
 */
export function createAgentPipeline(deps: AgentPipelineDeps): AgentPipeline {
  const log = deps.logger.child({ component: 'agent' });
  // Actions wait for their entry (and do not happen without one); results are noted after the fact.
  const audit = createAuditTrail(deps.audit, log);
  // Requests parked by this instance's sockets, so a link made through another instance resumes them here.
  const parkedHere = new Map<string, SessionContext>();
  const parkKey = (sub: string, id: string) => `${sub}\u0000${id}`;
  const gate = new ConnectionGate({
    links: deps.links,
    pending: deps.pending,
    now: deps.now,
    onParked: deps.shared
      ? (ctx, id) => {
          parkedHere.set(parkKey(ctx.user.sub, id), ctx);
          if (parkedHere.size > 10_000) parkedHere.delete(parkedHere.keys().next().value!);
        }
      : undefined,
  });
  const policy = new PolicyGate({
    rules: deps.rules,
    preauth: deps.preauth,
    authz: deps.authz,
    tools: deps.tools,
    registry: deps.registry,
    userDomain: deps.userDomain,
    now: deps.now,
  });
  const writer = new Writer({ drafts: deps.drafts, tools: deps.tools, invalidateToken: deps.invalidateToken, toUser: deps.toUser, audit });
  const stepUp = new StepUp({
    drafts: deps.drafts,
    ciba: deps.ciba,
    writer,
    toUser: deps.toUser,
    audit,
    logger: log,
    userDomain: deps.userDomain,
    now: deps.now,
    ...(deps.stepUpLease ?? {}),
  });
  const confirmer = new Confirmer({ drafts: deps.drafts, policy, stepUp, writer, audit });
  const answerer = new Answerer({ ...deps, gate, policy, audit, logger: log });
  const handled = new Map<string, Set<string>>();

  async function resumeParked(ctx: SessionContext): Promise<void> {
    for (const p of await gate.takeResumable(ctx.user.sub)) {
      log.info({ request: p.id }, 'resuming a pending request');
      await answerer.answer(ctx, p.id, p.transcript);
    }
  }

  /** The bus told every instance an account was linked: resume what this instance's sockets parked. */
  async function resumeParkedHere(sub: string, fallback?: SessionContext): Promise<void> {
    const mine = (id: string) => parkedHere.has(parkKey(sub, id));
    for (const p of await gate.takeResumable(sub, mine)) {
      const parker = parkedHere.get(parkKey(sub, p.id));
      parkedHere.delete(parkKey(sub, p.id));
      const ctx = parker?.isOpen?.() !== false ? parker : fallback;
      if (!ctx) {
        // Its socket is gone: back on the list for the user's next session.
        await deps.pending.savePending(p);
        continue;
      }
      log.info({ request: p.id }, 'resuming a pending request parked on this instance');
      await answerer.answer(ctx, p.id, p.transcript);
    }
  }
  deps.shared?.events.subscribe('account_connected', (e) => {
    void resumeParkedHere(e.user).catch((err: unknown) =>
      log.error({ err: err instanceof Error ? err.message : String(err) }, 'resuming parked requests failed'),
    );
  });

  const handler: ConversationHandler = {
    async onSessionStarted(ctx) {
      await stepUp.resume(ctx);
      await resumeParked(ctx);
    },
    async onTranscript(ctx, f) {
      if (deps.shared) {
        // The ledger is shared: a frame resent to another instance after a reconnect is answered once.
        if (await deps.shared.transcripts.markTranscript(ctx.user.sub, f.id, deps.now())) await answerer.answer(ctx, f.id, f.text);
        return;
      }
      const seen = handled.get(ctx.user.sub) ?? new Set<string>();
      handled.set(ctx.user.sub, seen);
      if (seen.has(f.id)) return;
      seen.add(f.id);
      if (seen.size > 500) seen.delete(seen.values().next().value!);
      await answerer.answer(ctx, f.id, f.text);
    },
    async onAccountConnected(ctx, f) {
      const check = await deps.links.check(ctx.user.sub, ctx.accessToken, f.provider);
      await audit.note(ctx.user.sub, {
        kind: 'token_exchange',
        data: { purpose: 'link_check', provider: f.provider, outcome: check.linked ? 'issued' : check.error.code },
      });
      deps.toUser(ctx.user.sub, { type: 'providers_updated', providers: await deps.links.list(ctx.user.sub) });
      if (!check.linked) return sendError(ctx, check.error.code, check.error.message, { provider: f.provider });
      if (deps.shared) {
        // Requests parked here (by any of the user's sockets, this one included) resume on their
        // socket; every other instance does the same for its own when the event reaches it.
        await resumeParkedHere(ctx.user.sub, ctx);
        await deps.shared.events.publish({
          type: 'account_connected',
          user: ctx.user.sub,
          provider: f.provider,
          connection: deps.links.connections[f.provider],
        });
        return;
      }
      await resumeParked(ctx);
    },
    onActionConfirmed: (ctx, f) => confirmer.confirm(ctx, f),
    onActionCancelled: (ctx, f) => confirmer.cancel(ctx, f),
    async onApprovalDecision(ctx, f) {
      if (f.approve) {
        return stepUp.isWaiting(ctx.user.sub, f.id)
          ? sendError(ctx, 'BAD_REQUEST', 'Approve this on your phone: the step-up must come from your second factor.')
          : sendError(ctx, 'NOT_FOUND', 'That approval is no longer waiting.');
      }
      if (!stepUp.decline(ctx.user.sub, f.id)) sendError(ctx, 'NOT_FOUND', 'That approval is no longer waiting.');
    },
  };
  return { handler, stepUp };
}
