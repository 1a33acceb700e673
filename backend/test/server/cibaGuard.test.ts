import { describe, expect, it } from 'vitest';
import { CibaError, type CibaClient, type CibaOutcome, type CibaStart } from '../../src/auth/ciba.js';
import { CibaGuard } from '../../src/limits/cibaGuard.js';
import { InMemoryCounterStore } from '../../src/limits/counterStore.js';

/** The guard's budget on an injected clock; the phone's answers are scripted per request. */
function setup(limits = { maxInFlight: 10, unapprovedBeforeCooldown: 3, cooldownMs: 5 * 60_000 }) {
  let t = 1_000_000;
  const answers: CibaOutcome[] = [];
  let n = 0;
  const phone: Pick<CibaClient, 'start' | 'waitForDecision'> = {
    start: async () => ({ authReqId: `req-${++n}`, expiresAt: t + 300_000, intervalMs: 5000 }),
    waitForDecision: async () => answers.shift() ?? 'denied',
  };
  const guard = new CibaGuard(phone, new InMemoryCounterStore(() => t), limits);
  const ask = async (sub = 'auth0|alex', purpose: 'step_up' | 'preauthorization' = 'step_up', outcome: CibaOutcome = 'denied') => {
    answers.push(outcome);
    const s: CibaStart = await guard.start({ sub, bindingMessage: 'Send email', purpose });
    return guard.waitForDecision(s);
  };
  return { ask, elapse: (ms: number) => (t += ms) };
}

describe('CibaGuard budget', () => {
  it('lets a person decline a few times, then stops asking their phone until the window ends', async () => {
    const { ask, elapse } = setup();
    for (let i = 0; i < 3; i++) expect(await ask()).toBe('denied');
    await expect(ask()).rejects.toMatchObject({ kind: 'rate_limited' } satisfies Partial<CibaError>);
    // Another purpose and another person are counted apart.
    expect(await ask('auth0|alex', 'preauthorization')).toBe('denied');
    expect(await ask('auth0|blake')).toBe('denied');
    elapse(5 * 60_000);
    expect(await ask()).toBe('denied');
  });

  it('does not count approvals against the budget', async () => {
    const { ask } = setup();
    for (let i = 0; i < 6; i++) expect(await ask('auth0|alex', 'step_up', 'approved')).toBe('approved');
    expect(await ask()).toBe('denied');
  });
});
