import { z } from 'zod';
import type { AuditPage } from '../../../renderer/src/bridge/api.js';

/**
 * Reads the signed-in user's audit log from the backend over HTTPS with the session's access token
 * (`GET {backend}/audit` and `/audit/verify`). The response is validated before it reaches the
 * renderer.
 */
const AuditListSchema = z.object({
  entries: z.array(z.object({ seq: z.number().int(), at: z.string(), kind: z.string(), summary: z.string() })),
  next_cursor: z.string().optional(),
});
const VerifySchema = z.union([
  z.object({ ok: z.literal(true), count: z.number().int() }).passthrough(),
  z.object({ ok: z.literal(false), broken_at: z.number().int(), reason: z.string() }).passthrough(),
]);

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
    const page = AuditListSchema.parse(await list.json());
    const v = verify.ok ? VerifySchema.parse(await verify.json()) : { ok: false as const, broken_at: -1, reason: `verification request failed with ${verify.status}` };
    const verified: AuditPage['verified'] = v.ok ? { ok: true, count: v.count } : { ok: false, broken_at: v.broken_at, reason: v.reason };
    return { entries: page.entries.map(({ seq, at, kind, summary }) => ({ seq, at, kind, summary })), ...(page.next_cursor ? { next_cursor: page.next_cursor } : {}), verified };
  };
}
