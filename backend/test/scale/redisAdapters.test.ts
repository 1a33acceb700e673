import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { connectRedis, RedisCounterStore, RedisEventBus, type RedisClient } from '../../src/redis/index.js';
import { describeCounterStoreContract } from '../contracts/counterStoreContract.js';
import { describeEventBusContract, nextEvent } from '../contracts/eventBusContract.js';
import { missing, TEST_REDIS_URL } from '../helpers/sharedServices.js';

const skip = missing('TEST_REDIS_URL');
const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

async function redis(): Promise<RedisClient> {
  const r = await connectRedis(TEST_REDIS_URL as string);
  closers.push(() => r.quit());
  return r;
}
/** Each make() is its own deployment: a fresh prefix on the shared test server. */
const freshPrefix = () => `vouch-test-${randomBytes(4).toString('hex')}:`;

describe.skipIf(skip)('Redis adapters', () => {
  describeEventBusContract('redis', async () => {
    const prefix = freshPrefix();
    const handlerErrors: unknown[] = [];
    const onHandlerError = (err: unknown) => void handlerErrors.push(err);
    const a = await RedisEventBus.start(await redis(), { prefix, instanceId: 'A', onHandlerError });
    const b = await RedisEventBus.start(await redis(), { prefix, instanceId: 'B', onHandlerError });
    closers.push(
      () => a.close(),
      () => b.close(),
    );
    return { a, b, handlerErrors };
  });

  describeCounterStoreContract('redis', async () => {
    const prefix = freshPrefix();
    // Real expiry: the store's clock is Redis's, so time has to actually pass.
    return {
      a: new RedisCounterStore(await redis(), { prefix }),
      b: new RedisCounterStore(await redis(), { prefix }),
      elapse: (ms) => delay(ms),
    };
  });

  it('drops a malformed message on the channel, reports it, and keeps delivering', async () => {
    const prefix = freshPrefix();
    const invalid: string[] = [];
    const r = await redis();
    const bus = await RedisEventBus.start(r, { prefix, onInvalidMessage: (why) => invalid.push(why) });
    closers.push(() => bus.close());
    const got: string[] = [];
    bus.subscribe('user_logged_out', (e) => got.push(e.user));
    const done = nextEvent(bus, 'user_logged_out', (e) => e.user === 'after');
    await r.publish(`${prefix}events`, 'not json');
    await r.publish(
      `${prefix}events`,
      JSON.stringify({ v: 1, origin: 'x', event: { type: 'user_logged_out', user: 'u', access_token: 'leak' } }),
    );
    await r.publish(`${prefix}events`, JSON.stringify({ v: 2, origin: 'x', event: { type: 'user_logged_out', user: 'u' } }));
    await bus.publish({ type: 'user_logged_out', user: 'after' });
    await done;
    expect(got).toEqual(['after']);
    expect(invalid).toHaveLength(3);
  });

  it('deployments with different prefixes do not hear each other', async () => {
    const one = await RedisEventBus.start(await redis(), { prefix: freshPrefix() });
    const two = await RedisEventBus.start(await redis(), { prefix: freshPrefix() });
    closers.push(
      () => one.close(),
      () => two.close(),
    );
    const heard: string[] = [];
    two.subscribe('user_logged_out', (e) => heard.push(e.user));
    const done = nextEvent(two, 'user_logged_out', (e) => e.user === 'two');
    await one.publish({ type: 'user_logged_out', user: 'one' });
    await two.publish({ type: 'user_logged_out', user: 'two' });
    await done;
    expect(heard).toEqual(['two']);
  });
});
