import { SHIPPED_CATALOG, type ContractCatalog } from '../protocol/index.js';
import type { AuditEntry } from './chain.js';

/** What each risk level meant for the person. */
const LEVEL_WORDS: Readonly<Record<string, string>> = {
  auto: 'low risk, allowed without asking',
  confirm: 'needed your confirmation',
  step_up: 'needed your approval on your phone',
  deny: 'not allowed',
};

const APPROVAL_WORDS: Readonly<Record<string, string>> = {
  requested: 'Asked your phone to approve',
  pending: 'Waiting for your phone',
  approved: 'Approved on your phone',
  denied: 'Declined on your phone',
  expired: 'Your phone was not answered in time',
  cancelled: 'Phone request cancelled',
  failed: 'Your phone could not be asked',
};

const PURPOSE_WORDS: Readonly<Record<string, string>> = {
  step_up: 'an action',
  preauthorization: 'a pre-approval',
  rule_change: 'a rule change',
  settings_change: 'a settings change',
};

/** Why Token Vault gave no token, as the person would put it. */
const TOKEN_FAILURE_WORDS: Readonly<Record<string, string>> = {
  FEDERATED_TOKEN_NOT_IN_VAULT: 'not connected',
  INSUFFICIENT_SCOPE: 'needs more permission for this',
  RATE_LIMITED: 'too many requests just now',
};

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

/** One plain sentence per audit entry for the Activity panel; the signed entry itself is unchanged. */
export function describeAuditEntry(e: Pick<AuditEntry, 'kind' | 'data'>, catalog: ContractCatalog = SHIPPED_CATALOG): string {
  const d = e.data as Record<string, unknown>;
  switch (e.kind) {
    case 'intent':
      return `Understood a request (${str(d.action) ?? 'unknown'}${Array.isArray(d.tools) && d.tools.length ? ` with ${d.tools.map((t) => catalog.tool(String(t))?.displayName ?? String(t)).join(', ')}` : ''})`;
    case 'token_exchange': {
      // The account by the name the person knows (the connection id is in the entry itself).
      const id = str(d.provider) ?? str(d.connection) ?? '';
      const contract = catalog.provider(id) ?? catalog.contracts.find((c) => c.defaultConnection === id);
      const account = contract?.displayName ?? (id || 'an account');
      if (d.outcome === 'issued') return `Got a short-lived ${account} token`;
      const why = TOKEN_FAILURE_WORDS[str(d.outcome) ?? ''];
      return why ? `${account}: ${why}` : `Could not get a token for ${account} (${str(d.outcome) ?? 'error'})`;
    }
    case 'policy_decision': {
      // Plain words for the decision: the score stays in the signed entry (and the export) for whoever audits it.
      const what = catalog.tool(str(d.tool) ?? '')?.displayName;
      const outcome = LEVEL_WORDS[str(d.level) ?? ''] ?? 'decided';
      return `${what ? `${what}: ` : ''}${outcome}`;
    }
    case 'approval': {
      const what = PURPOSE_WORDS[str(d.purpose) ?? ''];
      const outcome = APPROVAL_WORDS[str(d.outcome) ?? ''] ?? `Phone approval ${str(d.outcome) ?? 'updated'}`;
      return what ? `${outcome} (${what})` : outcome;
    }
    case 'write':
      // The provider's own noun for what it wrote ("Email sent"), from its contract.
      return d.status === 'failed'
        ? `A ${str(d.kind) ?? 'write'} failed (${str(d.code) ?? 'error'})`
        : `${catalog.draftKind(str(d.kind) ?? '')?.noun ?? 'Write'} ${str(d.status)}`;
    case 'error':
      return `Error ${str(d.code) ?? ''} from ${str(d.provider) ?? 'a provider'}`.trim();
    case 'revoke':
      return `Disconnected ${str(d.provider) ?? 'an account'}`;
    case 'preauthorization':
      return `Pre-authorization ${str(d.change) === 'revoke' ? 'revoked' : 'granted'}${d.tool ? ` for ${str(d.tool)}` : ''}`;
    case 'rule_change':
      return `Rules changed (${str(d.change) ?? 'update'})`;
    case 'settings_change': {
      const domain = str((d.refs as Record<string, unknown> | undefined)?.domain) ?? 'a domain';
      if (d.setting === 'inside_domains') {
        const what = d.change === 'remove' ? `${domain} no longer counts as your own domain` : `${domain} counts as your own domain`;
        return d.outcome === 'failed' ? `Not saved: ${what}` : what;
      }
      if (d.setting === 'default_meeting_minutes') return `Default meeting length set to ${str(d.minutes) ?? '?'} minutes`;
      return 'Settings changed';
    }
    case 'session':
      return `Session ${str(d.event) ?? 'event'}`;
    default:
      return e.kind;
  }
}
