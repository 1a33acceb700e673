import { ApiErrorBody, RuleListResponse, RuleResponse } from '../../../backend/src/protocol/index.js';
import type { RuleView } from '../bridge/contract.js';
import { backendRequest, type BackendHttpOptions } from './backendRequest.js';

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

export function createRulesClient(opts: BackendHttpOptions): RulesClient {
  const request = backendRequest(opts);
  return {
    async list() {
      const res = await request('rules');
      if (!res.ok) throw new RulesRequestError(res.status);
      return RuleListResponse.parse(await res.json()).rules;
    },
    async save(rule) {
      const res = await request('rules', { method: 'POST', body: rule });
      if (res.status === 400) {
        const body = ApiErrorBody.safeParse(await res.json().catch(() => null));
        throw new RuleRejectedError(body.success ? body.data.error.message.slice(0, 400) : 'The rule is not valid.');
      }
      if (!res.ok) throw new RulesRequestError(res.status);
      return RuleResponse.parse(await res.json()).rule;
    },
    async delete(id) {
      const res = await request(`rules/${encodeURIComponent(id)}`, { method: 'DELETE' });
      if (!res.ok && res.status !== 404) throw new RulesRequestError(res.status);
    },
  };
}
