import { z } from 'zod';
import type { AuditPage } from '../../../renderer/src/bridge/api.js';

/**
 * Reads the signed-in user's audit log from the backend over HTTPS with the session's access token
 * (`GET {backend}/v1/audit?cursor=&limit=`). The response is validated before it reaches the
 * renderer.
 */
const AuditPageSchema = z.object({
  entries: z.array(z.object({ seq: z.number().int(), at: z.string(), kind: z.string(), summary: z.string() })),
  next_cursor: z.string().optional(),
  verified: z.union([
    z.object({ ok: z.literal(true), count: z.number().int() }),
    z.object({ ok: z.literal(false), broken_at: z.number().int(), reason: z.string() }),
  ]),
});

export function createAuditClient(opts: { backendUrl: string; getAccessToken(): Promise<string>; fetchImpl?: typeof fetch }) {
  const f = opts.fetchImpl ?? fetch;
  return async (q: { cursor?: string; limit?: number } = {}): Promise<AuditPage> => {
    const url = new URL('v1/audit', opts.backendUrl.endsWith('/') ? opts.backendUrl : `${opts.backendUrl}/`);
    if (q.cursor) url.searchParams.set('cursor', q.cursor);
    if (q.limit) url.searchParams.set('limit', String(q.limit));
    const res = await f(url, { headers: { authorization: `Bearer ${await opts.getAccessToken()}`, accept: 'application/json' } });
    if (!res.ok) throw new Error(`audit request failed with ${res.status}`);
    return AuditPageSchema.parse(await res.json()) as AuditPage;
  };
}
