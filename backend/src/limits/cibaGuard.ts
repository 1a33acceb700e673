import { CibaError, type CibaClient, type CibaOutcome, type CibaStart, type CibaStartRequest } from '../auth/ciba.js';
import type { CounterStore } from './counterStore.js';
import type { CibaLimits } from './settings.js';

type Ciba = Pick<CibaClient, 'start' | 'waitForDecision'>;

/** Auth0's default `requested_expiry` when a caller names none (seconds). */
const DEFAULT_LIFETIME_S = 300;
const IN_FLIGHT_KEY = 'ciba:in_flight';

/**
 * Push-bombing limits in front of the CIBA client: one open phone request per user and purpose, a
 * cooldown once a few have ended without approval (denied, expired, abandoned) — a person who keeps
 * saying no is not asked again for a while, one who tapped the wrong button can retry at once — and
 * a cap on the requests open at once. Counts live in the counter store, so the limits hold across instances; each count's
 * lease is the request's lifetime, so a request nobody waits for still counts exactly as long as it
 * can be answered on the phone.
 */
export class CibaGuard implements Ciba {
  private readonly open = new Map<string, { finish: (outcome: CibaOutcome | 'failed') => Promise<void>; timer: NodeJS.Timeout }>();

  constructor(
    private readonly client: Ciba,
    private readonly counters: CounterStore,
    private readonly limits: CibaLimits,
  ) {}

  async start(req: CibaStartRequest): Promise<CibaStart> {
    const purpose = req.purpose ?? 'step_up';
    const leaseMs = (req.requestedExpirySeconds ?? DEFAULT_LIFETIME_S) * 1000;
    const pendingKey = `ciba:pending:${purpose}:${req.sub}`;
    const cooldownKey = `ciba:cooldown:${purpose}:${req.sub}`;
    if (this.limits.cooldownMs > 0 && (await this.counters.get(cooldownKey)) >= this.limits.unapprovedBeforeCooldown) {
      throw new CibaError('rate_limited', 'recent approvals were declined or missed; wait a few minutes before asking the phone again');
    }
    if (!(await this.counters.acquire(pendingKey, 1, leaseMs)).acquired)
      throw new CibaError('rate_limited', 'an approval is already waiting on your phone');
    if (!(await this.counters.acquire(IN_FLIGHT_KEY, this.limits.maxInFlight, leaseMs)).acquired) {
      await this.counters.release(pendingKey, leaseMs);
      throw new CibaError('rate_limited', 'too many approvals are waiting right now; try again shortly');
    }
    let started: CibaStart;
    try {
      started = await this.client.start(req);
    } catch (err) {
      await Promise.all([this.counters.release(pendingKey, leaseMs), this.counters.release(IN_FLIGHT_KEY, leaseMs)]);
      throw err;
    }
    const finish = this.finisher(req.sub, purpose, leaseMs);
    // Nobody may ever wait for it (the draft was cancelled meanwhile): the entry goes when the request can no longer be answered.
    const timer = setTimeout(() => void this.finish(started.authReqId, 'expired'), leaseMs);
    timer.unref();
    this.open.set(started.authReqId, { finish, timer });
    return started;
  }

  /** Gives back a request's counts and, when it ended without approval, counts it towards the cooldown. */
  private finisher(sub: string, purpose: string, leaseMs: number): (outcome: CibaOutcome | 'failed') => Promise<void> {
    return async (outcome) => {
      await Promise.all([this.counters.release(`ciba:pending:${purpose}:${sub}`, leaseMs), this.counters.release(IN_FLIGHT_KEY, leaseMs)]);
      if (outcome !== 'approved' && this.limits.cooldownMs > 0)
        await this.counters.hit(`ciba:cooldown:${purpose}:${sub}`, this.limits.cooldownMs);
    };
  }

  async waitForDecision(start: CibaStart, opts: Parameters<Ciba['waitForDecision']>[1] = {}): Promise<CibaOutcome> {
    let outcome: CibaOutcome | 'failed' = 'failed';
    try {
      outcome = await this.client.waitForDecision(start, opts);
      return outcome;
    } finally {
      await this.finish(start.authReqId, outcome, opts.owner).catch(() => undefined);
    }
  }

  private async finish(authReqId: string, outcome: CibaOutcome | 'failed', owner?: { sub: string; purpose?: string }): Promise<void> {
    const entry = this.open.get(authReqId);
    if (!entry) {
      // A request started by another instance (or before a restart) and finished here: its counts were
      // taken there, and the instance that took them may be gone, so whoever finishes it gives them back.
      if (owner) await this.finisher(owner.sub, owner.purpose ?? 'step_up', DEFAULT_LIFETIME_S * 1000)(outcome);
      return;
    }
    this.open.delete(authReqId);
    clearTimeout(entry.timer);
    await entry.finish(outcome);
  }
}
