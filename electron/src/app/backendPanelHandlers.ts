import type { AuditExport, AuditPage } from '../bridge/contract.js';
import type { AuthSession } from '../auth/session.js';
import type { MainHandlers } from '../ipc/bridgeRegistry.js';
import { BridgeError } from '../ipc/bridgeRegistry.js';
import { AccountSettingsError, type AccountSettingsClient } from './accountSettingsClient.js';
import type { MemoryClient } from './memoryClient.js';
import { PreauthError, type PreauthClient } from './preauthClient.js';
import { RuleRejectedError, type RulesClient } from './rulesClient.js';
import { requireSignedIn } from './signedIn.js';

/** The backend's HTTP clients behind the popover's panels. */
export interface BackendPanelClients {
  getAudit(q?: { cursor?: string; limit?: number }): Promise<AuditPage>;
  /** Time-boxed pre-authorizations on the backend (see preauthClient.ts). */
  preauth?: PreauthClient | undefined;
  /** The whole audit chain as JSON Lines. */
  exportAudit?(): Promise<AuditExport>;
  /** The person's policy rules on the backend. */
  rules?: RulesClient | undefined;
  /** Long-term memory on the backend (list / forget). */
  memory?: MemoryClient | undefined;
  /** The settings the backend keeps (my email domains, default meeting length). */
  accountSettings?: AccountSettingsClient | undefined;
}

export type BackendPanelHandlers = Pick<
  MainHandlers,
  | 'getAudit'
  | 'exportAudit'
  | 'listPreauthorizations'
  | 'grantPreauthorization'
  | 'revokePreauthorization'
  | 'cancelPreauthorizationRequest'
  | 'listMemory'
  | 'forgetMemory'
  | 'forgetAllMemory'
  | 'listRules'
  | 'saveRule'
  | 'deleteRule'
  | 'listEmailDomains'
  | 'addEmailDomain'
  | 'removeEmailDomain'
  | 'getMeetingPreferences'
  | 'setDefaultMeetingMinutes'
>;

/**
 * The handlers of the panels that show and change what the backend keeps for the signed-in person
 * (audit, pre-authorizations, memory, rules, account settings). Each refuses while signed out and
 * while its client is missing; failures reach the renderer as codes, never as the backend's errors.
 */
export function backendPanelHandlers(
  deps: BackendPanelClients,
  session: Pick<AuthSession, 'state'>,
  log: { warn(obj: Record<string, unknown>, msg: string): void },
): BackendPanelHandlers {
  /** Runs a call on one of the backend's HTTP clients; any failure reaches the renderer as `REQUEST_FAILED`. */
  async function withBackend<C, T>(op: string, client: C | undefined, run: (c: C) => Promise<T>): Promise<T> {
    requireSignedIn(session);
    if (!client) throw new BridgeError('UNAVAILABLE');
    try {
      return await run(client);
    } catch (err) {
      if (err instanceof BridgeError) throw err;
      log.warn({ op, error: err instanceof Error ? err.name : 'unknown' }, 'backend call failed');
      throw new BridgeError('REQUEST_FAILED');
    }
  }

  /** Runs a pre-authorization call; its coded failures reach the renderer, anything else is `REQUEST_FAILED`. */
  async function withPreauth<T>(op: string, run: (p: PreauthClient) => Promise<T>): Promise<T> {
    requireSignedIn(session);
    const client = deps.preauth;
    if (!client) throw new BridgeError('UNAVAILABLE', 'Allowing actions for a while is not available.');
    try {
      return await run(client);
    } catch (err) {
      log.warn(
        { op, error: err instanceof PreauthError ? err.code : err instanceof Error ? err.name : 'unknown' },
        'pre-authorization call failed',
      );
      throw new BridgeError(err instanceof PreauthError ? err.code : 'REQUEST_FAILED', undefined, { cause: err });
    }
  }

  /** The backend-kept settings; their coded failures and the backend's reasons reach the renderer. */
  const withAccountSettings = <T>(op: string, call: (c: AccountSettingsClient) => Promise<T>) =>
    withBackend(op, deps.accountSettings, async (c) => {
      try {
        return await call(c);
      } catch (err) {
        if (err instanceof AccountSettingsError) throw new BridgeError(err.code, err.message);
        throw err;
      }
    });

  /** The pre-authorization request waiting for the phone, to call off. */
  let preauthWait: AbortController | undefined;

  return {
    getAudit: async (q) => {
      requireSignedIn(session);
      return deps.getAudit(q);
    },
    exportAudit: () => withBackend('audit export', deps.exportAudit, (run) => run()),
    listPreauthorizations: () => withPreauth('list', (p) => p.list()),
    grantPreauthorization: (req) => {
      // One grant waits for the phone at a time; Cancel (below) ends the wait, and the backend then grants nothing.
      preauthWait?.abort();
      const wait = (preauthWait = new AbortController());
      return withPreauth('grant', (p) => p.grant(req, wait.signal)).finally(() => {
        if (preauthWait === wait) preauthWait = undefined;
      });
    },
    revokePreauthorization: (id) => withPreauth('revoke', (p) => p.revoke(id)),
    cancelPreauthorizationRequest: async () => {
      preauthWait?.abort();
      preauthWait = undefined;
    },
    // --- Manage what Vouch keeps (issue 15) ---
    listMemory: () => withBackend('memory list', deps.memory, (m) => m.list()),
    forgetMemory: (id) => withBackend('memory forget', deps.memory, (m) => m.forget(id)),
    forgetAllMemory: () => withBackend('memory forget all', deps.memory, (m) => m.forgetAll()),
    listRules: () => withBackend('rules list', deps.rules, (r) => r.list()),
    saveRule: (rule) =>
      withBackend('rules save', deps.rules, async (r) => {
        try {
          return await r.save(rule);
        } catch (err) {
          // The backend's own reason ("when.channel: a channel name such as #general") is for the person.
          if (err instanceof RuleRejectedError) throw new BridgeError('REQUEST_FAILED', err.message);
          throw err;
        }
      }),
    deleteRule: (id) => withBackend('rules delete', deps.rules, (r) => r.delete(id)),
    listEmailDomains: () => withAccountSettings('domains list', (c) => c.listDomains()),
    addEmailDomain: (domain) => withAccountSettings('domains add', (c) => c.addDomain(domain)),
    removeEmailDomain: (domain) => withAccountSettings('domains remove', (c) => c.removeDomain(domain)),
    getMeetingPreferences: () => withAccountSettings('preferences get', (c) => c.getPreferences()),
    setDefaultMeetingMinutes: (minutes) => withAccountSettings('preferences set', (c) => c.setDefaultMeetingMinutes(minutes)),
  };
}
