import type { DraftService } from '../drafts/index.js';
import { DRAFT_KIND_PROVIDER, type Draft, type Provider } from '../protocol/index.js';
import type { ProviderTools } from '../providers/index.js';
import type { DraftRecord } from '../store/vouchStore.js';
import { executeDraft } from './drafts.js';
import { type AuditFn, resultFrame, type UserSend } from './outcomes.js';

export interface WriterDeps {
  drafts: DraftService;
  tools: ProviderTools;
  /** Drops the cached Token Vault token, so every write runs on a fresh exchange. */
  invalidateToken: (sub: string, provider: Provider) => void;
  toUser: UserSend;
  audit: AuditFn;
}

export type WriteFailureNotice = (code: 'FEDERATED_TOKEN_NOT_IN_VAULT' | 'INSUFFICIENT_SCOPE', message: string, provider: Provider) => void;

/** Executes a draft the state machine moved to `executing`: one provider write, its result, its audit entry. */
export class Writer {
  constructor(private readonly deps: WriterDeps) {}

  async run(draft: DraftRecord, subjectToken: string, onAccountProblem?: WriteFailureNotice): Promise<void> {
    const { sub } = draft;
    // A fresh Token Vault token for every write, never one cached from reading.
    this.deps.invalidateToken(sub, DRAFT_KIND_PROVIDER[draft.kind as Draft['kind']]);
    const outcome = await executeDraft(this.deps.tools, { userId: sub, subjectToken }, draft.kind, draft.fields as Draft['fields']);
    if (outcome.ok) {
      const result = { status: outcome.status, ref: outcome.ref };
      await this.deps.drafts.finish(draft, 'done', result);
      this.deps.audit(sub, { kind: 'write', data: { draft_id: draft.id, kind: draft.kind, status: result.status, ref: outcome.ref } });
      this.deps.toUser(sub, resultFrame({ ...draft, status: 'done', result })!);
      return;
    }
    const result = { status: 'failed', code: outcome.error.code, detail: outcome.error.message };
    await this.deps.drafts.finish(draft, 'failed', result);
    this.deps.audit(sub, { kind: 'write', data: { draft_id: draft.id, kind: draft.kind, status: 'failed', code: outcome.error.code } });
    this.deps.toUser(sub, resultFrame({ ...draft, status: 'failed', result })!);
    if (outcome.error.code === 'FEDERATED_TOKEN_NOT_IN_VAULT' || outcome.error.code === 'INSUFFICIENT_SCOPE') {
      onAccountProblem?.(outcome.error.code, outcome.error.message, outcome.error.provider);
    }
  }
}
