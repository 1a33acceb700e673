import { AuditPageResponse, AuditVerifyResponse } from '../../../backend/src/protocol/index.js';
import { auditPageOf, type AuditPage } from '../bridge/contract.js';

/**
 * Reads the signed-in user's audit log from the backend over HTTPS with the session's access token
 * (`GET {backend}/audit` and `/audit/verify`). Responses are validated with the protocol's HTTP
 * schemas before they reach the renderer.
 */
export function createAuditClient(opts: { backendUrl: string; getAccessToken(): Promise<string>; fetchImpl?: typeof fetch }) {
  const f = opts.fetchImpl ?? fetch;
  return async (q: { cursor?: string; limit?: number } = {}): Promise<AuditPage> => {
    const base = opts.backendUrl.endsWith('/') ? opts.backendUrl : `${opts.backendUrl}/`;
    const url = new URL('audit', base);
    if (q.cursor) url.searchParams.set('cursor', q.cursor);
    if (q.limit) url.searchParams.set('limit', String(q.limit));
    const headers = { authorization: `Bearer ${await opts.getAccessToken()}`, accept: 'application/json' };
    const [list, verify] = await Promise.all([f(url, { headers }), f(new URL('audit/verify', base), { headers })]);
    if (!list.ok) throw new Error(`audit request failed with ${list.status}`);
    const page = AuditPageResponse.parse(await list.json());
    return auditPageOf(page, verify.ok ? AuditVerifyResponse.parse(await verify.json()) : { failedWithStatus: verify.status });
  };
}
