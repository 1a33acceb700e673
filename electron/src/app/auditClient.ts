import { AuditPageResponse, AuditVerifyResponse } from '../../../backend/src/protocol/index.js';
import { backendRequest, backendUrl, type BackendHttpOptions } from './backendRequest.js';
import { auditPageOf, type AuditExport, type AuditPage } from '../bridge/contract.js';

/**
 * Reads the signed-in user's audit log from the backend over HTTPS with the session's access token
 * (`GET {backend}/audit` and `/audit/verify`). Responses are validated with the protocol's HTTP
 * schemas before they reach the renderer.
 */
export function createAuditClient(opts: BackendHttpOptions) {
  const request = backendRequest(opts);
  return async (q: { cursor?: string; limit?: number } = {}): Promise<AuditPage> => {
    const url = backendUrl(opts, 'audit');
    if (q.cursor) url.searchParams.set('cursor', q.cursor);
    if (q.limit) url.searchParams.set('limit', String(q.limit));
    const [list, verify] = await Promise.all([request(url), request('audit/verify')]);
    if (!list.ok) throw new Error(`audit request failed with ${list.status}`);
    const page = AuditPageResponse.parse(await list.json());
    return auditPageOf(page, verify.ok ? AuditVerifyResponse.parse(await verify.json()) : { failedWithStatus: verify.status });
  };
}

/** The export can be long; past this the person is told to ask for it another way, not handed half a chain. */
export const AUDIT_EXPORT_MAX_BYTES = 20 * 1024 * 1024;

/** `GET {backend}/audit/export`: the whole chain as JSON Lines, each line a signed entry. */
export function createAuditExporter(opts: BackendHttpOptions & { now?: () => Date }) {
  const request = backendRequest(opts);
  return async (): Promise<AuditExport> => {
    const res = await request('audit/export', { accept: 'application/x-ndjson' });
    if (!res.ok) throw new Error(`audit export failed with ${res.status}`);
    const jsonl = await res.text();
    if (jsonl.length > AUDIT_EXPORT_MAX_BYTES) throw new Error('audit export too large');
    const day = (opts.now?.() ?? new Date()).toISOString().slice(0, 10);
    return { filename: `vouch-activity-${day}.jsonl`, jsonl };
  };
}
