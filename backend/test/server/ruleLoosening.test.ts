import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loosens } from '../../src/server/routes/rules.js';
import type { HeadlessSession } from '../../standins/devtenant/signInHeadless.js';
import type { VouchSystem } from '../../standins/system.js';
import { startTestSystem } from '../helpers/system.js';

/**
 * A stolen access token must not lower the risk of its own sends: removing, turning off or softening a
 * protective rule (or adding a rule that waives checks) waits for the person's phone. The attacker
 * holds Alex's access token, not Alex's phone.
 */
let system: VouchSystem;
let alex: HeadlessSession;
beforeAll(async () => {
  // Five refusals in a row below: the phone-request cooldown (three unapproved by default) is raised for this file.
  system = await startTestSystem({ cibaIntervalSeconds: 0.05, env: { CIBA_COOLDOWN_AFTER_UNAPPROVED: '20' } });
  alex = await system.login('alex');
});
afterAll(async () => {
  await system.stop();
});

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${system.backendUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${alex.access_token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
  });
const rules = async () =>
  ((await (await api('/rules')).json()) as { rules: Array<{ id: string; effect: string; enabled: boolean }> }).rules;
const guard = {
  id: 'outside-needs-phone',
  effect: 'require_step_up',
  when: { tool: 'gmail', recipient_outside_domain: 'example.com' },
  description: 'Outside mail needs my phone',
  enabled: true,
};

/** The phone answers the next request for Alex (the person's decision, not the caller's). */
function phoneAnswers(decision: 'approve' | 'deny'): Promise<string> {
  return new Promise((resolve) =>
    system.tenant.ciba.events.once('request', (p: { authReqId: string; bindingMessage?: string }) => {
      void (decision === 'approve' ? system.tenant.ciba.approve(p.authReqId) : system.tenant.ciba.deny(p.authReqId));
      resolve(p.bindingMessage ?? '');
    }),
  );
}

describe('loosening a rule needs the phone', () => {
  it('adding or tightening a protective rule needs no phone', async () => {
    expect((await api('/rules', { method: 'POST', body: JSON.stringify(guard) })).status).toBe(201);
    expect(await rules()).toContainEqual(expect.objectContaining({ id: guard.id, enabled: true }));
  });

  it('a stolen token cannot delete, turn off or soften the rule while the phone says no', async () => {
    for (const attempt of [
      () => api(`/rules/${guard.id}`, { method: 'DELETE' }),
      () => api('/rules', { method: 'POST', body: JSON.stringify({ ...guard, enabled: false }) }),
      () => api('/rules', { method: 'POST', body: JSON.stringify({ ...guard, effect: 'require_confirm' }) }),
      () => api('/rules', { method: 'PUT', body: JSON.stringify({ rules: [] }) }),
      () =>
        api('/rules', {
          method: 'POST',
          body: JSON.stringify({ id: 'wave-through', effect: 'allow', when: { tool: 'gmail' }, description: 'No checks', enabled: true }),
        }),
    ]) {
      const asked = phoneAnswers('deny');
      const res = await attempt();
      await asked;
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: 'APPROVAL_DENIED' } });
    }
    const left = await rules();
    expect(left).toContainEqual(expect.objectContaining({ id: guard.id, effect: 'require_step_up', enabled: true }));
    expect(left.some((r) => r.id === 'wave-through')).toBe(false);
  });

  it('the person approves on the phone, and the rule is turned off', async () => {
    const asked = phoneAnswers('approve');
    const res = await api('/rules', { method: 'POST', body: JSON.stringify({ ...guard, enabled: false }) });
    expect(await asked).toMatch(/^Loosen a Vouch rule: outside-needs-phone/);
    expect(res.status).toBe(201);
    expect(await rules()).toContainEqual(expect.objectContaining({ id: guard.id, enabled: false }));
  });
});

describe('what counts as loosening', () => {
  const rule: NonNullable<Parameters<typeof loosens>[0]> = { id: 'r', effect: 'require_step_up', when: { tool: 'gmail' }, enabled: true };
  it('removing, disabling, softening or narrowing a protective rule, or widening an allow rule', () => {
    expect(loosens(rule, undefined)).toBe(true);
    expect(loosens(rule, { ...rule, enabled: false })).toBe(true);
    expect(loosens(rule, { ...rule, effect: 'require_confirm' })).toBe(true);
    expect(loosens(rule, { ...rule, when: { tool: 'gmail', recipient_outside_domain: 'x.com' } })).toBe(true);
    expect(loosens(undefined, { ...rule, effect: 'allow' })).toBe(true);
  });
  it('adding, tightening or re-enabling protection, or removing an allow rule', () => {
    expect(loosens(undefined, rule)).toBe(false);
    expect(loosens(rule, { ...rule, effect: 'deny' })).toBe(false);
    expect(loosens({ ...rule, enabled: false }, rule)).toBe(false);
    expect(loosens({ ...rule, effect: 'allow' }, undefined)).toBe(false);
    expect(loosens(rule, rule)).toBe(false);
  });
});
