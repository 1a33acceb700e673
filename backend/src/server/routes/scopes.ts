import type { SessionService } from '../../session/service.js';
import { ScopesResponse } from '../../protocol/index.js';
import { shaped, type RouteModule } from '../apiError.js';

/** The linked accounts and the scopes each was granted, in plain language. */
export const scopeRoutes =
  (sessions: Pick<SessionService, 'scopes'>): RouteModule =>
  (app, requireUser) => {
    app.get('/scopes', async (req) => shaped(ScopesResponse, { providers: await sessions.scopes((await requireUser(req)).sub) }));
  };
