import { EventEmitter } from 'node:events';

/** What the dev tenant's "phone" shows for a pending CIBA request. */
export interface PendingCiba {
  authReqId: string;
  sub: string;
  clientId: string;
  bindingMessage: string;
  scope: string;
  expiresAt: number;
}

/** Auth0 allows only these characters in a binding message (and at most 64 of them). */
export const BINDING_MESSAGE_PATTERN = /^[A-Za-z0-9 +\-_.,:#]{1,64}$/;

export class CibaRequests extends EventEmitter<{ request: [PendingCiba] }> {
  private readonly pending = new Map<string, PendingCiba>();
  private readonly lastPoll = new Map<string, { at: number; interval: number }>();

  private readonly staged = new Map<string, PendingCiba>();

  /** Holds a request until its auth_req_id has been handed to the client. */
  stage(p: PendingCiba): void {
    this.staged.set(p.authReqId, p);
  }

  /**
   * Tests only: holds the `/bc-authorize` answer (the request is already on the phone) until the
   * promise settles, as a slow network between the backend and Auth0 would.
   */
  holdAnswer?: (p: PendingCiba) => Promise<void>;

  publish(authReqId: string): PendingCiba | undefined {
    const p = this.staged.get(authReqId);
    if (!p) return undefined;
    this.staged.delete(authReqId);
    this.pending.set(p.authReqId, p);
    this.emit('request', p);
    return p;
  }

  list(now: number): PendingCiba[] {
    return [...this.pending.values()].filter((p) => p.expiresAt > now);
  }

  take(authReqId: string): PendingCiba | undefined {
    const p = this.pending.get(authReqId);
    this.pending.delete(authReqId);
    return p;
  }

  /**
   * Auth0 answers `slow_down` (and raises the interval by 5 s) when a client polls sooner than the
   * interval; oidc-provider has no such check, so the tenant keeps it here.
   */
  checkPoll(authReqId: string, now: number, baseInterval: number): { ok: true } | { ok: false; interval: number } {
    const last = this.lastPoll.get(authReqId);
    if (last && now - last.at < last.interval * 1000) {
      const interval = last.interval + 5;
      this.lastPoll.set(authReqId, { at: now, interval });
      return { ok: false, interval };
    }
    this.lastPoll.set(authReqId, { at: now, interval: last?.interval ?? baseInterval });
    return { ok: true };
  }
}
