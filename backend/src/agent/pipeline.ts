import { createAuditTrail, type AuditStore } from '../audit/index.js';
import type { CibaClient } from '../auth/ciba.js';
import type { DraftService } from '../drafts/index.js';
import type { Logger } from '../log.js';
import type { AuthorizationChecker, PreauthStore, RuleStore } from '../policy/index.js';
import type { Provider, ServerFrame } from '../protocol/index.js';
import type { ProviderTools, ProviderRegistry } from '../providers/index.js';
import type { ConversationHandler } from '../server/handlers.js';
import type { LinkService } from '../server/links.js';
import type { PendingRequestStore } from '../store/vouchStore.js';
import { Answerer } from './answer.js';
import { Confirmer } from './confirm.js';
import type { IntentEngine } from './intent/schema.js';
import { PolicyGate } from './policyGate.js';
import { Resumer, TranscriptDeduper, type SharedAgentState } from './resume.js';
import type { AgentSettingsPort, ConversationBufferPort, LongTermMemoryPort, ReplyWriterPort } from './ports.js';
import type { DraftComposer } from './reply/compose.js';
import type { SpeechOutput } from './speakAndStream.js';
import { StepUp } from './stepUp.js';
import { Writer } from './write.js';

interface AgentPipelineDeps {
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
  /** The person's settings kept by the backend (settings/): other own domains, default meeting length. */
  settings?: AgentSettingsPort;
  logger: Logger;
  now: () => number;
  /**
   * Several instances: an account linked through any instance resumes the requests parked by this
   * instance's sockets, on those sockets, and transcripts are de-duplicated in the database.
   */
  shared?: SharedAgentState;
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
  const audit = createAuditTrail(deps.audit, log, deps.registry.catalog);
  // Requests parked for an account link (by the resumer's own gate) resume through the answerer built below.
  const resumer = new Resumer({
    links: deps.links,
    pending: deps.pending,
    toUser: deps.toUser,
    audit,
    logger: log,
    shared: deps.shared,
    now: deps.now,
    answer: (ctx, id, text): Promise<void> => answerer.answer(ctx, id, text),
  });
  const gate = resumer.gate;
  const policy = new PolicyGate({
    rules: deps.rules,
    preauth: deps.preauth,
    authz: deps.authz,
    tools: deps.tools,
    registry: deps.registry,
    userDomain: deps.userDomain,
    ...(deps.settings ? { insideDomains: deps.settings.insideDomains } : {}),
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
  const transcripts = new TranscriptDeduper(deps.shared?.transcripts, deps.now);

  const handler: ConversationHandler = {
    async onSessionStarted(ctx) {
      await stepUp.resume(ctx);
      await resumer.resumeParked(ctx);
    },
    async onTranscript(ctx, f) {
      if (await transcripts.firstTime(ctx.user.sub, f.id)) await answerer.answer(ctx, f.id, f.text);
    },
    onAccountConnected: (ctx, f) => resumer.accountConnected(ctx, f.provider),
    onActionConfirmed: (ctx, f) => confirmer.confirm(ctx, f),
    onActionCancelled: (ctx, f) => confirmer.cancel(ctx, f),
    onApprovalDecision: (ctx, f) => stepUp.decideInApp(ctx, f.id, f.approve),
  };
  return { handler, stepUp };
}
