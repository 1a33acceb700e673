import { ApiErrorBody, RuleListResponse, RuleResponse } from '../../../backend/src/protocol/index.js';
import type { RuleView } from '../bridge/contract.js';

/**
 * The person's policy rules over the backend's HTTP API with the session's access token:
 * `GET /rules`, `POST /rules` (add or replace by id), `DELETE /rules/:id`. The backend validates
 * every condition and audits every change; its 400 sentence is passed on so the popover can say
 * what to fix.
 */
export interface RulesClient {
  list(): Promise<RuleView[]>;
  save(rule: RuleView): Promise<RuleView>;
  delete(id: string): Promise<void>;
}

export class RuleRejectedError extends Error {
  override name = 'RuleRejectedError';
}

export class RulesRequestError extends Error {
  override name = 'RulesRequestError';
  constructor(readonly status: number) {
    super(`rules request failed with ${status}`);
  }
}

export function createRulesClient(opts: { backendUrl: string; getAccessToken(): Promise<string>; fetchImpl?: typeof fetch }): RulesClient {
  const f = opts.fetchImpl ?? fetch;
  const base = opts.backendUrl.endsWith('/') ? opts.backendUrl : `${opts.backendUrl}/`;
  const headers = async (json = false) => ({
    authorization: `Bearer ${await opts.getAccessToken()}`,
    accept: 'application/json',
    ...(json ? { 'content-type': 'application/json' } : {}),
  });
  return {
    async list() {
      const res = await f(new URL('rules', base), { headers: await headers() });
      if (!res.ok) throw new RulesRequestError(res.status);
      return RuleListResponse.parse(await res.json()).rules;
    },
    async save(rule) {
      const res = await f(new URL('rules', base), { method: 'POST', headers: await headers(true), body: JSON.stringify(rule) });
      if (res.status === 400) {
        const body = ApiErrorBody.safeParse(await res.json().catch(() => null));
        throw new RuleRejectedError(body.success ? body.data.error.message.slice(0, 400) : 'The rule is not valid.');
      }
      if (!res.ok) throw new RulesRequestError(res.status);
      return RuleResponse.parse(await res.json()).rule;
    },
    async delete(id) {
      const res = await f(new URL(`rules/${encodeURIComponent(id)}`, base), { method: 'DELETE', headers: await headers() });
      if (!res.ok && res.status !== 404) throw new RulesRequestError(res.status);
    },
  };
}
