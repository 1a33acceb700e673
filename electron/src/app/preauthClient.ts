import { z } from 'zod';
import { Tool } from '../../../backend/src/protocol/index.js';
import { preauthBand, preauthRequestBody, type PreauthGrantRequest, type PreauthView } from '../../../renderer/src/bridge/api.js';

/**
 * Time-boxed pre-authorizations over the backend's HTTP API with the session's access token:
 * `GET /preauthorizations`, `POST /preauthorizations` (the backend runs a CIBA step-up on the phone
 * and answers only after it is decided) and `DELETE /preauthorizations/:id`. Responses are validated
 * before they reach the renderer, which only ever sees `PreauthView`s (no user id, no step-up ref).
 */
const Grant = z.object({
  id: z.string().min(1).max(128),
  tool: Tool,
  max_level: z.enum(['confirm', 'step_up']),
  max_score: z.number().int().min(0).max(100),
  expires_at: z.number().int(),
  revoked_at: z.number().int().nullable().optional(),
});
const ListSchema = z.object({ active: z.array(Grant) });
const GrantSchema = z.object({ preauthorization: Grant });
const ErrorSchema = z.object({ error: z.object({ code: z.string() }) });

export type PreauthErrorCode = 'APPROVAL_DENIED' | 'APPROVAL_EXPIRED' | 'REQUEST_FAILED';

/** Failures carry a sentence the person can read; the controller passes it to the renderer as-is. */
export class PreauthError extends Error {
  override name = 'PreauthError';
  constructor(
    readonly code: PreauthErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const PREAUTH_MESSAGES: Record<PreauthErrorCode, string> = {
  APPROVAL_DENIED: 'Declined on your phone. Nothing was allowed.',
  APPROVAL_EXPIRED: 'Your phone was not answered in time. Nothing was allowed.',
  REQUEST_FAILED: 'Vouch could not change this right now. Try again.',
};

export interface PreauthClient {
  list(): Promise<PreauthView[]>;
  grant(req: PreauthGrantRequest): Promise<PreauthView>;
  revoke(id: string): Promise<void>;
}

export function toPreauthView(g: z.infer<typeof Grant>): PreauthView {
  return { id: g.id, tool: g.tool, max_level: preauthBand(g.max_score), max_score: g.max_score, expires_at: new Date(g.expires_at).toISOString() };
}

export function createPreauthClient(opts: { backendUrl: string; getAccessToken(): Promise<string>; fetchImpl?: typeof fetch; now?: () => number }): PreauthClient {
  const f = opts.fetchImpl ?? fetch;
  const now = opts.now ?? Date.now;
  const base = opts.backendUrl.endsWith('/') ? opts.backendUrl : `${opts.backendUrl}/`;
  const headers = async (json = false) => ({
    authorization: `Bearer ${await opts.getAccessToken()}`,
    accept: 'application/json',
    ...(json ? { 'content-type': 'application/json' } : {}),
  });
  const failed = () => new PreauthError('REQUEST_FAILED', PREAUTH_MESSAGES.REQUEST_FAILED);

  return {
    async list() {
      const res = await f(new URL('preauthorizations', base), { headers: await headers() });
      if (!res.ok) throw failed();
      const parsed = ListSchema.safeParse(await res.json());
      if (!parsed.success) throw failed();
      const t = now();
      return parsed.data.active
        .filter((g) => g.expires_at > t && (g.revoked_at ?? null) === null)
        .sort((a, b) => a.expires_at - b.expires_at)
        .map(toPreauthView);
    },
    async grant(req) {
      const body = preauthRequestBody(req);
      const res = await f(new URL('preauthorizations', base), { method: 'POST', headers: await headers(true), body: JSON.stringify(body) });
      if (res.status === 403) {
        const err = ErrorSchema.safeParse(await res.json().catch(() => null));
        const code = err.success ? err.data.error.code : '';
        if (code === 'APPROVAL_DENIED' || code === 'APPROVAL_EXPIRED') throw new PreauthError(code, PREAUTH_MESSAGES[code]);
        throw failed();
      }
      if (!res.ok) throw failed();
      const parsed = GrantSchema.safeParse(await res.json());
      if (!parsed.success) throw failed();
      return toPreauthView(parsed.data.preauthorization);
    },
    async revoke(id) {
      const res = await f(new URL(`preauthorizations/${encodeURIComponent(id)}`, base), { method: 'DELETE', headers: await headers() });
      // 404: it is no longer active (expired or already revoked), which is what was asked for.
      if (res.ok || res.status === 404) return;
      throw failed();
    },
  };
}
