import { AuditUnavailableError, type AuditRefs, type AuditTrail } from '../audit/index.js';
import type { DraftService } from '../drafts/index.js';
import {
  DEFAULT_ERROR_MESSAGES,
  DRAFT_KIND_PROVIDER,
  SHIPPED_CATALOG,
  type ContractCatalog,
  type Draft,
  type Provider,
} from '../protocol/index.js';
import type { ProviderTools } from '../providers/index.js';
import type { DraftRecord } from '../store/vouchStore.js';
import { executeDraft } from './drafts.js';
import { resultFrame, type UserSend } from './outcomes.js';

interface WriterDeps {
  drafts: DraftService;
  tools: ProviderTools;
  /** Drops the cached Token Vault token, so every write runs on a fresh exchange. */
  invalidateToken: (sub: string, provider: Provider) => void;
  toUser: UserSend;
  audit: AuditTrail;
}

/**
 * Whom a write reaches, for the audit log: addresses or the channel exactly as the draft holds them,
 * in the fields its kind's contract names (`audience`).
 */
export function writeRefs(draft: { id: string; kind: string; fields: unknown }, catalog: ContractCatalog = SHIPPED_CATALOG): AuditRefs {
  const audience = catalog.draftKind(draft.kind)?.audience;
  const f = draft.fields as Record<string, unknown>;
  const recipients = (audience?.recipients ?? []).flatMap((name) => (Array.isArray(f[name]) ? (f[name] as string[]) : []));
  const channel = audience?.channel ? f[audience.channel] : undefined;
  return {
    draft_id: draft.id,
    ...(recipients.length ? { recipients: recipients.slice(0, 100) } : {}),
    ...(typeof channel === 'string' && channel ? { channel } : {}),
  };
}

type WriteFailureNotice = (code: 'FEDERATED_TOKEN_NOT_IN_VAULT' | 'INSUFFICIENT_SCOPE', message: string, provider: Provider) => void;

/** Executes a draft the state machine moved to `executing`: one provider write, its result, its audit entry. */
export class Writer {
  constructor(private readonly deps: WriterDeps) {}

  async run(draft: DraftRecord, subjectToken: string, onAccountProblem?: WriteFailureNotice): Promise<void> {
    const { sub } = draft;
    const refs = writeRefs(draft);
    // Appended before the provider is called: a write the log cannot record is not made.
    try {
      await this.deps.audit.record(sub, { kind: 'write', data: { kind: draft.kind, status: 'requested' }, refs });
    } catch (err) {
      if (!(err instanceof AuditUnavailableError)) throw err;
      const result = { status: 'failed', code: 'AUDIT_UNAVAILABLE', detail: DEFAULT_ERROR_MESSAGES.AUDIT_UNAVAILABLE.message };
      await this.deps.drafts.finish(draft, 'failed', result);
      this.deps.toUser(sub, resultFrame({ ...draft, status: 'failed', result })!);
      return;
    }
    // A fresh Token Vault token for every write, never one cached from reading.
    this.deps.invalidateToken(sub, DRAFT_KIND_PROVIDER[draft.kind as Draft['kind']]);
    const outcome = await executeDraft(this.deps.tools, { userId: sub, subjectToken }, draft.kind, draft.fields as Draft['fields']);
    if (outcome.ok) {
      const result = { status: outcome.status, ref: outcome.ref };
      await this.deps.drafts.finish(draft, 'done', result);
      await this.deps.audit.note(sub, { kind: 'write', data: { kind: draft.kind, status: result.status, ref: outcome.ref }, refs });
      this.deps.toUser(sub, resultFrame({ ...draft, status: 'done', result })!);
      return;
    }
    const result = { status: 'failed', code: outcome.error.code, detail: outcome.error.message };
    await this.deps.drafts.finish(draft, 'failed', result);
    await this.deps.audit.note(sub, { kind: 'write', data: { kind: draft.kind, status: 'failed', code: outcome.error.code }, refs });
    this.deps.toUser(sub, resultFrame({ ...draft, status: 'failed', result })!);
    if (outcome.error.code === 'FEDERATED_TOKEN_NOT_IN_VAULT' || outcome.error.code === 'INSUFFICIENT_SCOPE') {
      onAccountProblem?.(outcome.error.code, outcome.error.message, outcome.error.provider);
    }
  }
}
