import { describe, expect, it } from 'vitest';
import type { PreauthStore, StepUpProof } from '../../src/policy/index.js';

/**
 * What every PreauthStore must do; `make` returns an empty store whose ids count pa1, pa2, …
 * Run against in-memory, SQLite and PostgreSQL.
 */
const NOW = Date.parse('2025-06-02T09:00:00Z');
const MIN = 60_000;
const proof = (over: Partial<StepUpProof> = {}): StepUpProof => ({
  method: 'ciba',
  user: 'auth0|alex',
  auth_req_id: 'req-1',
  approved_at: NOW - 1000,
  ...over,
});
const req = { tool: 'gmail', max_level: 'confirm', duration_ms: 30 * MIN } as const;

export function describePreauthStoreContract(name: string, make: () => Promise<PreauthStore>): void {
  describe(`PreauthStore contract (${name})`, () => {
    it('lists active grants, drops them at expiry, and revokes', async () => {
      const s = await make();
      const a = await s.create('auth0|alex', req, proof(), NOW);
      const b = await s.create('auth0|alex', { ...req, tool: 'slack', duration_ms: 10 * MIN }, proof({ auth_req_id: 'req-2' }), NOW);
      expect((await s.listActive('auth0|alex', NOW)).map((g) => g.id)).toEqual([a.id, b.id]);
      expect((await s.listActive('auth0|alex', NOW + 10 * MIN)).map((g) => g.id)).toEqual([a.id]);
      expect(await s.listActive('auth0|sam', NOW)).toEqual([]);

      expect(await s.revoke('auth0|sam', a.id, NOW + 1)).toBe(false);
      expect(await s.revoke('auth0|alex', a.id, NOW + 1)).toBe(true);
      expect(await s.revoke('auth0|alex', a.id, NOW + 2)).toBe(false);
      expect(await s.revoke('auth0|alex', b.id, NOW + 11 * MIN)).toBe(false); // already expired
      expect(await s.listActive('auth0|alex', NOW + 2)).toHaveLength(1);

      const all = await s.list('auth0|alex');
      expect(all.map((g) => [g.id, g.revoked_at])).toEqual([
        [b.id, null],
        [a.id, NOW + 1],
      ]);
    });

    it('needs a step-up proof and uses each proof once', async () => {
      const s = await make();
      await expect(s.create('auth0|alex', req, null, NOW)).rejects.toMatchObject({ code: 'STEP_UP_REQUIRED' });
      await s.create('auth0|alex', req, proof(), NOW);
      await expect(s.create('auth0|alex', req, proof(), NOW)).rejects.toMatchObject({ code: 'STEP_UP_REUSED' });
      expect(await s.listActive('auth0|alex', NOW)).toHaveLength(1);
    });
  });
}
