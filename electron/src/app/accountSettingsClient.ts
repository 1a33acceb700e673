import {
  ApiErrorBody,
  InsideDomainsResponse,
  UserPreferences,
  VouchError,
  type VouchErrorOptions,
} from '../../../backend/src/protocol/index.js';
import { BRIDGE_ERROR_MESSAGES, type EmailDomainsView, type MeetingPreferencesView } from '../bridge/contract.js';
import { backendRequest, type BackendHttpOptions } from './backendRequest.js';

/**
 * The settings the backend keeps for the person, over its HTTP API with the session's access token:
 * `GET/POST /settings/domains`, `DELETE /settings/domains/:domain` (adding waits for the backend's
 * phone step-up before it answers) and `GET/PUT /settings/preferences`. Answers are validated with
 * the protocol's schemas before they reach the renderer.
 */
type AccountSettingsErrorCode = 'APPROVAL_DENIED' | 'APPROVAL_EXPIRED' | 'REQUEST_FAILED';

/** Failures carry a bridge error code and a sentence for the person (the backend's, when it gave one). */
export class AccountSettingsError extends VouchError {
  declare readonly code: AccountSettingsErrorCode;
  override name = 'AccountSettingsError';
  constructor(code: AccountSettingsErrorCode, message: string = BRIDGE_ERROR_MESSAGES[code], options?: VouchErrorOptions) {
    super(message, { ...options, code });
  }
}

export interface AccountSettingsClient {
  listDomains(): Promise<EmailDomainsView>;
  addDomain(domain: string): Promise<EmailDomainsView>;
  removeDomain(domain: string): Promise<EmailDomainsView>;
  getPreferences(): Promise<MeetingPreferencesView>;
  setDefaultMeetingMinutes(minutes: number): Promise<MeetingPreferencesView>;
}

export function createAccountSettingsClient(opts: BackendHttpOptions): AccountSettingsClient {
  const request = backendRequest(opts);
  const call = (path: string, method = 'GET', body?: unknown): Promise<Response> => request(path, { method, body });
  /** The answer as `schema`, or the failure the person should read. */
  const answer = async <T>(res: Response, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }) => {
    const body: unknown = await res.json().catch(() => null);
    if (res.ok) {
      const parsed = schema.safeParse(body);
      if (parsed.success) return parsed.data;
      throw new AccountSettingsError('REQUEST_FAILED');
    }
    const error = ApiErrorBody.safeParse(body);
    const code = error.success ? error.data.error.code : undefined;
    if (code === 'APPROVAL_DENIED' || code === 'APPROVAL_EXPIRED') throw new AccountSettingsError(code);
    // The backend's reason for a refused value ("gmail.com is a public mail provider…") is for the person.
    if (res.status === 400 && error.success) throw new AccountSettingsError('REQUEST_FAILED', error.data.error.message.slice(0, 400));
    throw new AccountSettingsError('REQUEST_FAILED');
  };
  const domains = `settings/domains`;
  return {
    listDomains: async () => answer(await call(domains), InsideDomainsResponse),
    addDomain: async (domain) => answer(await call(domains, 'POST', { domain }), InsideDomainsResponse),
    async removeDomain(domain) {
      const res = await call(`${domains}/${encodeURIComponent(domain.trim().toLowerCase())}`, 'DELETE');
      // Not listed (any more) is what was asked for.
      if (res.status === 404) return answer(await call(domains), InsideDomainsResponse);
      return answer(res, InsideDomainsResponse);
    },
    getPreferences: async () => answer(await call('settings/preferences'), UserPreferences),
    setDefaultMeetingMinutes: async (minutes) =>
      answer(await call('settings/preferences', 'PUT', { default_meeting_minutes: minutes }), UserPreferences),
  };
}
