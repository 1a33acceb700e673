import type { LongTermMemory } from '../../agent/memory/index.js';
import { MemoryListResponse } from '../../protocol/index.js';
import { ApiError, shaped, type RouteModule } from '../apiError.js';

/** What Vouch remembers for the user, to list and forget. */
export const memoryRoutes =
  (memory: Pick<LongTermMemory, 'list' | 'forget' | 'forgetAll'>): RouteModule =>
  (app, requireUser) => {
    app.get('/memory', async (req) => {
      const user = await requireUser(req);
      return shaped(MemoryListResponse, { items: await memory.list(user.sub) });
    });
    app.delete('/memory/:id', async (req, reply) => {
      const user = await requireUser(req);
      if (!(await memory.forget(user.sub, String((req.params as { id: string }).id))))
        throw new ApiError(404, 'NOT_FOUND', 'Nothing remembered with that id.');
      return reply.status(204).send();
    });
    app.delete('/memory', async (req, reply) => {
      const user = await requireUser(req);
      await memory.forgetAll(user.sub);
      return reply.status(204).send();
    });
  };
