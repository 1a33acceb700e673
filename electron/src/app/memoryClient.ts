import { MemoryListResponse } from '../../../backend/src/protocol/index.js';
import type { MemoryItemView } from '../bridge/contract.js';

/**
 * What Vouch remembers long-term, over the backend's HTTP API with the session's access token:
 * `GET /memory`, `DELETE /memory/:id`, `DELETE /memory`. Responses are validated with the protocol's
 * HTTP schema; the renderer sees only id, text and time (no metadata such as request ids).
 */
export interface MemoryClient {
  list(): Promise<MemoryItemView[]>;
  forget(id: string): Promise<void>;
  forgetAll(): Promise<void>;
}

export class MemoryRequestError extends Error {
  override name = 'MemoryRequestError';
  constructor(readonly status: number) {
    super(`memory request failed with ${status}`);
  }
}

export function createMemoryClient(opts: {
  backendUrl: string;
  getAccessToken(): Promise<string>;
  fetchImpl?: typeof fetch;
}): MemoryClient {
  const f = opts.fetchImpl ?? fetch;
  const base = opts.backendUrl.endsWith('/') ? opts.backendUrl : `${opts.backendUrl}/`;
  const headers = async () => ({ authorization: `Bearer ${await opts.getAccessToken()}`, accept: 'application/json' });
  return {
    async list() {
      const res = await f(new URL('memory', base), { headers: await headers() });
      if (!res.ok) throw new MemoryRequestError(res.status);
      const { items } = MemoryListResponse.parse(await res.json());
      return items.map(({ id, text, created_at }) => ({ id, text, created_at })).sort((a, b) => b.created_at.localeCompare(a.created_at));
    },
    async forget(id) {
      const res = await f(new URL(`memory/${encodeURIComponent(id)}`, base), { method: 'DELETE', headers: await headers() });
      // 404: already forgotten, which is what was asked for.
      if (!res.ok && res.status !== 404) throw new MemoryRequestError(res.status);
    },
    async forgetAll() {
      const res = await f(new URL('memory', base), { method: 'DELETE', headers: await headers() });
      if (!res.ok) throw new MemoryRequestError(res.status);
    },
  };
}
