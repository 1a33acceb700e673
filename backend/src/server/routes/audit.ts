import { Readable } from 'node:stream';
import { describeAuditEntry } from '../../audit/describe.js';
import { audienceOf, type AuditStore } from '../../audit/index.js';
import { AuditPageResponse, AuditQuery, AuditVerifyResponse } from '../../protocol/index.js';
import { ApiError, shaped, type RouteModule } from '../apiError.js';

/** The user's audit chain: pages with plain-language summaries, verification, export. */
export const auditRoutes =
  (audit: AuditStore): RouteModule =>
  (app, requireUser) => {
    app.get('/audit', async (req) => {
      const user = await requireUser(req);
      const q = AuditQuery.safeParse(req.query);
      if (!q.success) throw new ApiError(400, 'BAD_REQUEST', q.error.issues[0]?.message);
      const page = await audit.page(user.sub, { cursor: q.data.cursor ?? null, limit: q.data.limit, order: q.data.order ?? 'desc' });
      return shaped(AuditPageResponse, {
        entries: page.entries.map((e) => ({ ...e, summary: `${describeAuditEntry(e)}${audienceOf(e.data)}` })),
        ...(page.next_cursor !== null ? { next_cursor: String(page.next_cursor) } : {}),
      });
    });
    app.get('/audit/verify', async (req) => {
      const user = await requireUser(req);
      return shaped(AuditVerifyResponse, await audit.verify(user.sub));
    });
    // Streamed line by line as the store reads its batches: a long chain never sits in memory whole,
    // and a reader that stops reading holds back the store's iterator instead of filling a buffer.
    app.get('/audit/export', async (req, reply) => {
      const user = await requireUser(req);
      return reply
        .header('content-type', 'application/x-ndjson')
        .header('content-disposition', 'attachment; filename="vouch-audit.jsonl"')
        .send(Readable.from(audit.exportJsonLines(user.sub)));
    });
  };
