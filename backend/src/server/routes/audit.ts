import { z } from 'zod';
import { describeAuditEntry } from '../../audit/describe.js';
import { audienceOf, type AuditStore } from '../../audit/index.js';
import { ApiError, type RouteModule } from '../apiError.js';

const Cursor = z.coerce.number().int().min(0).optional();
const PageQuery = z.object({ cursor: Cursor, limit: z.coerce.number().int().min(1).max(500).optional(), order: z.enum(['asc', 'desc']).optional() });

/** The user's audit chain: pages with plain-language summaries, verification, export. */
export const auditRoutes = (audit: AuditStore): RouteModule => (app, requireUser) => {
  app.get('/audit', async (req) => {
    const user = await requireUser(req);
    const q = PageQuery.safeParse(req.query);
    if (!q.success) throw new ApiError(400, 'BAD_REQUEST', q.error.issues[0]?.message);
    const page = await audit.page(user.sub, { cursor: q.data.cursor ?? null, limit: q.data.limit, order: q.data.order ?? 'desc' });
    return {
      entries: page.entries.map((e) => ({ ...e, summary: `${describeAuditEntry(e)}${audienceOf(e.data)}` })),
      ...(page.next_cursor !== null ? { next_cursor: String(page.next_cursor) } : {}),
    };
  });
  app.get('/audit/verify', async (req) => {
    const user = await requireUser(req);
    return audit.verify(user.sub);
  });
  app.get('/audit/export', async (req, reply) => {
    const user = await requireUser(req);
    const lines: string[] = [];
    for await (const line of audit.exportJsonLines(user.sub)) lines.push(line);
    return reply.header('content-type', 'application/x-ndjson').header('content-disposition', 'attachment; filename="vouch-audit.jsonl"').send(lines.join(''));
  });
};
