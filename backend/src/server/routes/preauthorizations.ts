import { createAuditTrail, type AuditInput, type AuditStore } from '../../audit/index.js';
import type { CibaClient } from '../../auth/ciba.js';
import { PreauthRequest, type PreauthStore } from '../../policy/index.js';
import { preauthBindingMessage, PreauthGrantResponse, PreauthListResponse } from '../../protocol/index.js';
import { ApiError, shaped, type RouteModule } from '../apiError.js';
import { audited } from './audited.js';
import { askPhone, restartedBeforeAnswer, startPhoneWait, trackPhoneWaits } from './phoneApproval.js';

interface PreauthRouteDeps {
  preauth: PreauthStore;
  ciba: Pick<CibaClient, 'start' | 'waitForDecision'>;
  audit: AuditStore;
  now: () => number;
}

/** Time-boxed pre-authorizations: granting needs a fresh step-up on the phone; revoking does not. */
export const preauthorizationRoutes =
  ({ preauth, ciba, audit, now }: PreauthRouteDeps): RouteModule =>
  (app, requireUser) => {
    const trail = createAuditTrail(audit, app.log);
    trackPhoneWaits(app);
    app.get('/preauthorizations', async (req) => {
      const user = await requireUser(req);
      return shaped(PreauthListResponse, { active: await preauth.listActive(user.sub, now()), all: await preauth.list(user.sub) });
    });
    // The backend starts CIBA itself and only its own successful poll becomes the proof; the request
    // waits for the phone (bounded by the CIBA lifetime) and stops waiting when the caller goes away,
    // so a phone tap after that grants nothing.
    app.post('/preauthorizations', async (req, reply) => {
      const user = await requireUser(req);
      const parsed = PreauthRequest.safeParse(req.body);
      if (!parsed.success) throw new ApiError(400, 'BAD_REQUEST', parsed.error.issues[0]?.message);
      const wait = startPhoneWait(reply);
      try {
        if (wait.serverStopping()) throw restartedBeforeAnswer();
        const minutes = Math.round(parsed.data.duration_ms / 60_000);
        const start = await askPhone(ciba, {
          sub: user.sub,
          purpose: 'preauthorization',
          bindingMessage: preauthBindingMessage(parsed.data.tool, minutes),
        });
        const outcome = await ciba.waitForDecision(start, { signal: wait.signal });
        // The approval, with what it grants, is in the log before the grant exists (or there is no grant).
        const approval: AuditInput = {
          kind: 'approval',
          data: {
            purpose: 'preauthorization',
            tool: parsed.data.tool,
            max_level: parsed.data.max_level ?? 'confirm',
            duration_ms: parsed.data.duration_ms,
            outcome,
          },
        };
        if (outcome !== 'approved') {
          await trail.note(user.sub, approval);
          if (outcome === 'cancelled' && wait.serverStopping()) throw restartedBeforeAnswer();
          if (outcome === 'cancelled') throw new ApiError(403, 'APPROVAL_FAILED', 'The request was closed before the phone answered.');
          throw new ApiError(403, outcome === 'expired' ? 'APPROVAL_EXPIRED' : 'APPROVAL_DENIED');
        }
        const grant = await audited(trail, user.sub, approval, () =>
          preauth.create(
            user.sub,
            parsed.data,
            { method: 'ciba', user: user.sub, auth_req_id: start.authReqId, approved_at: now() },
            now(),
          ),
        );
        await trail.note(user.sub, {
          kind: 'preauthorization',
          data: { change: 'grant', tool: grant.tool, max_level: grant.max_level, expires_at: grant.expires_at },
          refs: { preauthorization_id: grant.id },
        });
        return reply.status(201).send(shaped(PreauthGrantResponse, { preauthorization: grant }));
      } finally {
        wait.end();
      }
    });
    app.delete('/preauthorizations/:id', async (req, reply) => {
      const user = await requireUser(req);
      const id = String((req.params as { id: string }).id);
      const missing = () => new ApiError(404, 'NOT_FOUND', 'No active pre-authorization with that id.');
      if (!(await preauth.listActive(user.sub, now())).some((g) => g.id === id)) throw missing();
      const entry: AuditInput = { kind: 'preauthorization', data: { change: 'revoke' }, refs: { preauthorization_id: id } };
      if (!(await audited(trail, user.sub, entry, () => preauth.revoke(user.sub, id, now())))) {
        await trail.note(user.sub, { ...entry, data: { change: 'revoke', outcome: 'not_found' } });
        throw missing();
      }
      return reply.status(204).send();
    });
  };
