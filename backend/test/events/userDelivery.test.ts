import { describe, expect, it } from 'vitest';
import { InMemoryEventBus, InMemoryEventHub, InvalidBusEventError, type BusEvent } from '../../src/events/eventBus.js';
import { UserDelivery } from '../../src/events/userDelivery.js';
import type { ServerFrame } from '../../src/protocol/index.js';
import { UserChannels } from '../../src/server/channels.js';

/** Two "instances" in one process: their buses joined by a hub, each with its own sockets. */
function twoInstances() {
  const hub = new InMemoryEventHub();
  const make = (id: string) => {
    const bus = new InMemoryEventBus({ hub, instanceId: id });
    const channels = new UserChannels();
    return { bus, channels, delivery: new UserDelivery(channels, bus) };
  };
  return { a: make('A'), b: make('B') };
}

const RESULT: ServerFrame = { type: 'action_result', draft_id: 'drf_1', kind: 'email', status: 'sent', ref: 'msg-1' };

describe('UserDelivery: frames for a user reach their sockets on every instance', () => {
  it('delivers to local sockets at once and to the other instance over the bus, once each', async () => {
    const { a, b } = twoInstances();
    const onA: ServerFrame[] = [];
    const onB: ServerFrame[] = [];
    const elsewhere: ServerFrame[] = [];
    a.channels.add('auth0|alex', (f) => onA.push(f));
    b.channels.add('auth0|alex', (f) => onB.push(f));
    b.channels.add('auth0|blake', (f) => elsewhere.push(f));
    a.delivery.send('auth0|alex', RESULT);
    // Local sockets synchronously, so the order against the socket's own frames holds.
    expect(onA).toEqual([RESULT]);
    // The bus delivers asynchronously; a marker from the same publisher comes after it.
    const marker = new Promise<void>((r) => b.bus.subscribe('user_logged_out', () => r()));
    await a.bus.publish({ type: 'user_logged_out', user: 'marker' });
    await marker;
    expect(onB).toEqual([RESULT]);
    expect(onA).toEqual([RESULT]);
    expect(elsewhere).toEqual([]);
  });

  it('without a shared bus it is the local channels alone', () => {
    const channels = new UserChannels();
    const got: ServerFrame[] = [];
    channels.add('u', (f) => got.push(f));
    new UserDelivery(channels).send('u', RESULT);
    expect(got).toEqual([RESULT]);
  });

  it('the bus refuses a frame that is not a valid server frame', async () => {
    const { a } = twoInstances();
    await expect(
      a.bus.publish({ type: 'user_frame', user: 'u', frame: { type: 'action_result', token: 'x' } } as unknown as BusEvent),
    ).rejects.toBeInstanceOf(InvalidBusEventError);
  });
});
