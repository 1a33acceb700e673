import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PendingCiba } from '../../standins/devtenant/index.js';
import type { HeadlessSession } from '../../standins/devtenant/signInHeadless.js';
import type { VouchSystem } from '../../standins/system.js';
import { startTestSystem } from '../helpers/system.js';

/**
 * A request waiting on the phone lasts as long as the CIBA request (minutes). Stopping the backend
 * must not wait for it: the caller is told at once, over the same HTTP request, and a tap on the
 * phone afterwards changes nothing.
 */
let system: VouchSystem;
let alex: HeadlessSession;
beforeAll(async () => {
  system = await startTestSystem({ cibaIntervalSeconds: 0.05 });
  alex = await system.login('alex');
});
afterAll(async () => {
  await system.stop();
});

const call = (path: string, init: RequestInit = {}) =>
  fetch(`${system.backendUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${alex.access_token}`, 'content-type': 'application/json' },
  });
type AuditView = { entries: Array<{ kind: string; data: { purpose?: string; outcome?: string } }> };

/** Sends the request, restarts the backend once its push is on the phone, then taps approve. */
async function restartWhileOnPhone(path: string, body: unknown): Promise<Response> {
  const onPhone = new Promise<PendingCiba>((resolve) => system.tenant.ciba.events.once('request', resolve));
  const asked = call(path, { method: 'POST', body: JSON.stringify(body) });
  const push = await onPhone;
  await system.restartBackend();
  const answer = await asked;
  await system.tenant.ciba.approve(push.authReqId);
  return answer;
}

async function expectRestartAnswer(answer: Response) {
  expect(answer.status).toBe(503);
  const body = (await answer.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('APPROVAL_FAILED');
  expect(body.error.message).toMatch(/ask again/);
}

async function phoneAnswerAudited(purpose: string) {
  const audit = (await (await call('/audit?limit=50')).json()) as AuditView;
  return audit.entries.find((e) => e.kind === 'approval' && e.data.purpose === purpose)?.data.outcome;
}

describe('a phone wait when the backend stops', () => {
  it('a pre-authorization: answered 503 at once, and a later tap on the phone grants nothing', async () => {
    const answer = await restartWhileOnPhone('/preauthorizations', { tool: 'gmail', max_level: 'confirm', duration_ms: 15 * 60_000 });
    await expectRestartAnswer(answer);
    expect(((await (await call('/preauthorizations')).json()) as { all: unknown[] }).all).toEqual([]);
    expect(await phoneAnswerAudited('preauthorization')).toBe('cancelled');
  });

  it('a new inside domain: answered 503 at once, and a later tap on the phone adds nothing', async () => {
    const answer = await restartWhileOnPhone('/settings/domains', { domain: 'partner.io' });
    await expectRestartAnswer(answer);
    expect(((await (await call('/settings/domains')).json()) as { domains: unknown[] }).domains).toEqual([]);
    expect(await phoneAnswerAudited('settings_change')).toBe('cancelled');
  });
});
