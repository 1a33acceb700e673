import type { Logger } from '../log.js';
import type { ContractCatalog } from '../protocol/common.js';
import { DEFAULT_ERROR_MESSAGES, type ErrorCode } from '../protocol/errors.js';
import { VouchError, type VouchErrorOptions } from '../protocol/vouchError.js';
import type { AuditData, AuditEntry, AuditInput } from './chain.js';
import { createSecretScanner, withholdSecrets } from './secrets.js';
import type { AuditStore } from './store.js';

/** Nothing could be written to the audit log, so the action it was to record must not happen. */
export class AuditUnavailableError extends VouchError {
  static override readonly code = 'AUDIT_UNAVAILABLE' satisfies ErrorCode;
  declare readonly code: 'AUDIT_UNAVAILABLE';
  override name = 'AuditUnavailableError';
  constructor(
    readonly kind: AuditInput['kind'],
    options?: VouchErrorOptions,
  ) {
    super(DEFAULT_ERROR_MESSAGES.AUDIT_UNAVAILABLE.message, options);
  }
}

/**
 * How actions reach the audit log. `record` comes first and the action only runs once it resolved;
 * `note` is for what already happened (a result, a phone decision). Neither drops an entry quietly:
 * free text that looks like a credential is withheld from the entry (and the entry says where),
 * recipients, channels and ids go verbatim in the typed `refs`, and a store that cannot append makes
 * `record` reject (so the action does not happen) and `note` log an error.
 */
export interface AuditTrail {
  record(sub: string, input: AuditInput): Promise<AuditEntry>;
  note(sub: string, input: AuditInput): Promise<void>;
}

type TrailLogger = Pick<Logger, 'warn' | 'error'>;

/** `providers`: whose credential formats are withheld besides the generic ones (default: the shipped providers'). */
export function createAuditTrail(
  store: Pick<AuditStore, 'append'>,
  logger?: TrailLogger,
  providers?: Pick<ContractCatalog, 'secretPatterns'>,
): AuditTrail {
  const scanner = providers ? createSecretScanner(providers.secretPatterns()) : undefined;
  const prepare = (input: AuditInput): AuditInput => {
    const { value, withheld } = withholdSecrets(input.data, 'data', scanner);
    if (!withheld.length) return input;
    // Where, never what: the log line and the entry both name paths only.
    logger?.warn({ kind: input.kind, withheld: withheld.map((w) => w.path) }, 'audit free text withheld: it looks like a credential');
    return { ...input, data: { ...(value as AuditData), withheld: withheld.map((w) => `${w.path}: ${w.reason}`) } };
  };
  const record = async (sub: string, input: AuditInput): Promise<AuditEntry> => {
    try {
      return await store.append(sub, prepare(input));
    } catch (err) {
      logger?.error(
        { err: err instanceof Error ? err.message : String(err), kind: input.kind },
        'audit append failed; the action was not taken',
      );
      throw new AuditUnavailableError(input.kind, { cause: err });
    }
  };
  return {
    record,
    async note(sub, input) {
      try {
        await store.append(sub, prepare(input));
      } catch (err) {
        logger?.error(
          { err: err instanceof Error ? err.message : String(err), kind: input.kind, refs: input.refs ?? null },
          'audit append failed after the fact',
        );
      }
    },
  };
}
