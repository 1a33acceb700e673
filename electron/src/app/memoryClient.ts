import { MemoryListResponse } from '../../../backend/src/protocol/index.js';
import type { MemoryItemView } from '../bridge/contract.js';
import { backendRequest, type BackendHttpOptions } from './backendRequest.js';

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

export function createMemoryClient(opts: BackendHttpOptions): MemoryClient {
  const request = backendRequest(opts);
  return {
    async list() {
      const res = await request('memory');
      if (!res.ok) throw new MemoryRequestError(res.status);
      const { items } = MemoryListResponse.parse(await res.json());
      return items.map(({ id, text, created_at }) => ({ id, text, created_at })).sort((a, b) => b.created_at.localeCompare(a.created_at));
    },
    async forget(id) {
      const res = await request(`memory/${encodeURIComponent(id)}`, { method: 'DELETE' });
      // 404: already forgotten, which is what was asked for.
      if (!res.ok && res.status !== 404) throw new MemoryRequestError(res.status);
    },
    async forgetAll() {
      const res = await request('memory', { method: 'DELETE' });
      if (!res.ok) throw new MemoryRequestError(res.status);
    },
  };
}
