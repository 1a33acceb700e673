import {
  ApiErrorBody,
  PreauthGrantResponse,
  PreauthListResponse,
  VouchError,
  type VouchErrorOptions,
} from '../../../backend/src/protocol/index.js';
import {
  activePreauthViews,
  BRIDGE_ERROR_MESSAGES,
  preauthRequestBody,
  preauthViewOf,
  type PreauthGrantRequest,
  type PreauthView,
} from '../bridge/contract.js';
import { backendRequest, type BackendHttpOptions } from './backendRequest.js';

/**
 * Time-boxed pre-authorizations over the backend's HTTP API with the session's access token:
 * `GET /preauthorizations`, `POST /preauthorizations` (the backend runs a CIBA step-up on the phone
 * and answers only after it is decided) and `DELETE /preauthorizations/:id`. Responses are validated
 * with the protocol's HTTP schemas before they reach the renderer, which only ever sees
 * `PreauthView`s (no user id, no step-up ref).
 */
type PreauthErrorCode = 'APPROVAL_DENIED' | 'APPROVAL_EXPIRED' | 'REQUEST_FAILED';

/** Failures carry a bridge error code (and its sentence); the controller passes both to the renderer. */
export class PreauthError extends VouchError {
  declare readonly code: PreauthErrorCode;
  override name = 'PreauthError';
  constructor(code: PreauthErrorCode, options?: VouchErrorOptions) {
    super(BRIDGE_ERROR_MESSAGES[code], { ...options, code });
  }
}

export const PREAUTH_MESSAGES: Record<PreauthErrorCode, string> = {
  APPROVAL_DENIED: BRIDGE_ERROR_MESSAGES.APPROVAL_DENIED,
  APPROVAL_EXPIRED: BRIDGE_ERROR_MESSAGES.APPROVAL_EXPIRED,
  REQUEST_FAILED: BRIDGE_ERROR_MESSAGES.REQUEST_FAILED,
};

export interface PreauthClient {
  list(): Promise<PreauthView[]>;
  /** Aborting `signal` closes the request: the backend stops waiting and grants nothing. */
  grant(req: PreauthGrantRequest, signal?: AbortSignal): Promise<PreauthView>;
  revoke(id: string): Promise<void>;
}

export function createPreauthClient(opts: BackendHttpOptions & { now?: () => number }): PreauthClient {
  const request = backendRequest(opts);
  const now = opts.now ?? Date.now;
  const failed = () => new PreauthError('REQUEST_FAILED');

  return {
    async list() {
      const res = await request('preauthorizations');
      if (!res.ok) throw failed();
      const parsed = PreauthListResponse.safeParse(await res.json());
      if (!parsed.success) throw failed();
      return activePreauthViews(parsed.data, now());
    },
    async grant(req, signal) {
      const res = await request('preauthorizations', { method: 'POST', body: preauthRequestBody(req), signal });
      if (res.status === 403) {
        const err = ApiErrorBody.safeParse(await res.json().catch(() => null));
        const code = err.success ? err.data.error.code : undefined;
        if (code === 'APPROVAL_DENIED' || code === 'APPROVAL_EXPIRED') throw new PreauthError(code);
        throw failed();
      }
      if (!res.ok) throw failed();
      const parsed = PreauthGrantResponse.safeParse(await res.json());
      if (!parsed.success) throw failed();
      return preauthViewOf(parsed.data.preauthorization);
    },
    async revoke(id) {
      const res = await request(`preauthorizations/${encodeURIComponent(id)}`, { method: 'DELETE' });
      // 404: it is no longer active (expired or already revoked), which is what was asked for.
      if (res.ok || res.status === 404) return;
      throw failed();
    },
  };
}
