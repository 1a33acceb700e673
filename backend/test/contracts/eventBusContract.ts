import { describe, expect, it } from 'vitest';
import {
  InvalidBusEventError,
  type BusEvent,
  type BusEventOf,
  type BusEventType,
  type BusMeta,
  type EventBus,
} from '../../src/events/eventBus.js';

/**
 * What every EventBus must do, run against the in-memory hub and Redis pub/sub. `make` returns two
 * instances of one deployment and the errors their handlers threw. "Exactly once" is checked
 * without sleeping: after the events under test, the same publisher sends a marker, and delivery is
 * in publish order per publisher, so once the marker has arrived everything before it has too.
 */
export interface BusPair {
  a: EventBus;
  b: EventBus;
  handlerErrors: unknown[];
}

export function nextEvent<T extends BusEventType>(
  bus: EventBus,
  type: T,
  match: (e: BusEventOf<T>) => boolean = () => true,
): Promise<[BusEventOf<T>, BusMeta]> {
  return new Promise((resolve) => {
    const off = bus.subscribe(type, (e, meta) => {
      if (!match(e)) return;
      off();
      resolve([e, meta]);
    });
  });
}

const marker = (n: string): BusEvent => ({ type: 'user_logged_out', user: `marker-${n}` });

export function describeEventBusContract(name: string, make: () => Promise<BusPair>): void {
  describe(`EventBus contract (${name})`, () => {
    it("delivers an event to every subscriber on every instance, the publisher's included, once, with its origin", async () => {
      const { a, b } = await make();
      const seen: string[] = [];
      a.subscribe('account_connected', (e, m) => seen.push(`a:${e.user}:${e.provider}:${m.origin === a.instanceId}`));
      b.subscribe('account_connected', (e, m) => seen.push(`b:${e.user}:${e.provider}:${m.origin === a.instanceId}`));
      b.subscribe('account_connected', (e) => seen.push(`b2:${e.user}`));
      const done = Promise.all([
        nextEvent(a, 'user_logged_out', (e) => e.user === 'marker-1'),
        nextEvent(b, 'user_logged_out', (e) => e.user === 'marker-1'),
      ]);
      await a.publish({ type: 'account_connected', user: 'auth0|alex', provider: 'google', connection: 'google-oauth2' });
      await a.publish(marker('1'));
      await done;
      expect(seen.sort()).toEqual(['a:auth0|alex:google:true', 'b2:auth0|alex', 'b:auth0|alex:google:true']);
    });

    it('routes by type, keeps publish order, and stops after unsubscribe', async () => {
      const { a, b } = await make();
      const got: string[] = [];
      const off = b.subscribe('approval_resolved', (e) => got.push(`${e.approval_id}:${e.outcome}`));
      b.subscribe('provider_revoked', (e) => got.push(`revoked:${e.connection}`));
      let done = nextEvent(b, 'user_logged_out', (e) => e.user === 'marker-2');
      await a.publish({ type: 'approval_resolved', user: 'u', approval_id: 'ap1', outcome: 'approved' });
      await a.publish({ type: 'provider_revoked', user: 'u', provider: 'slack', connection: 'sign-in-with-slack' });
      await a.publish({ type: 'approval_resolved', user: 'u', approval_id: 'ap2', outcome: 'denied' });
      await a.publish(marker('2'));
      await done;
      expect(got).toEqual(['ap1:approved', 'revoked:sign-in-with-slack', 'ap2:denied']);
      off();
      done = nextEvent(b, 'user_logged_out', (e) => e.user === 'marker-3');
      await a.publish({ type: 'approval_resolved', user: 'u', approval_id: 'ap3', outcome: 'expired' });
      await a.publish(marker('3'));
      await done;
      expect(got).toHaveLength(3);
    });

    it.each([
      ['an unknown type', { type: 'shutdown', user: 'u' }],
      ['a missing field', { type: 'account_connected', user: 'u', provider: 'google' }],
      ['an unknown provider', { type: 'provider_revoked', user: 'u', provider: 'github', connection: 'github' }],
      ['an extra field (a token would be one)', { type: 'user_logged_out', user: 'u', access_token: 'x' }],
      ['an empty user', { type: 'user_logged_out', user: '' }],
    ])('refuses to publish %s', async (_n, event) => {
      const { a } = await make();
      await expect(a.publish(event as unknown as BusEvent)).rejects.toBeInstanceOf(InvalidBusEventError);
    });

    it('a throwing handler is reported and the others still run', async () => {
      const { a, b, handlerErrors } = await make();
      const ran: string[] = [];
      b.subscribe('user_logged_out', (e) => {
        if (e.user === 'boom') throw new Error('handler failed');
      });
      b.subscribe('user_logged_out', (e) => ran.push(e.user));
      const done = nextEvent(b, 'user_logged_out', (e) => e.user === 'marker-4');
      await a.publish({ type: 'user_logged_out', user: 'boom' });
      await a.publish(marker('4'));
      await done;
      expect(ran).toEqual(['boom', 'marker-4']);
      expect(handlerErrors).toHaveLength(1);
    });
  });
}
