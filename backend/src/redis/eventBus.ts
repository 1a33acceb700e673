import { randomUUID } from 'node:crypto';
import {
  BusEnvelope,
  BusSubscribers,
  parseBusEvent,
  type BusEvent,
  type BusEventType,
  type BusHandler,
  type EventBus,
  type EventBusOptions,
} from '../events/eventBus.js';
import type { RedisClient } from './client.js';

/**
 * The cross-instance event bus over Redis pub/sub: one channel, JSON envelopes validated with zod
 * on both ends. Each instance holds one subscriber connection (a duplicate of the command
 * connection) and fans out locally; its own events come back through Redis like everyone else's,
 * so every subscriber sees each event exactly once and in publish order per publisher. Pub/sub is
 * fire-and-forget: an instance that is disconnected at that moment misses the event, so this carries
 * notifications whose truth lives in the database (re-read on reconnect), never the only copy.
 */
export interface RedisEventBusOptions extends EventBusOptions {
  /** Separates deployments sharing one Redis; default `vouch:`. */
  prefix?: string;
  /** A message on the channel that is not a valid envelope (dropped). */
  onInvalidMessage?: (reason: string) => void;
}

export class RedisEventBus implements EventBus {
  readonly instanceId: string;
  private readonly subscribers: BusSubscribers;
  private readonly channel: string;

  private constructor(
    private readonly redis: RedisClient,
    private readonly subscriber: RedisClient,
    private readonly opts: RedisEventBusOptions,
  ) {
    this.instanceId = opts.instanceId ?? randomUUID();
    this.subscribers = new BusSubscribers(opts.onHandlerError);
    this.channel = `${opts.prefix ?? 'vouch:'}events`;
  }

  /** Subscribes before returning, so nothing published after `start` resolves is missed. */
  static async start(redis: RedisClient, opts: RedisEventBusOptions = {}): Promise<RedisEventBus> {
    const bus = new RedisEventBus(redis, redis.duplicate(), opts);
    bus.subscriber.on('message', (channel: string, message: string) => {
      if (channel === bus.channel) bus.receive(message);
    });
    await bus.subscriber.subscribe(bus.channel);
    return bus;
  }

  async publish(event: BusEvent): Promise<void> {
    const envelope: BusEnvelope = { v: 1, origin: this.instanceId, event: parseBusEvent(event) };
    await this.redis.publish(this.channel, JSON.stringify(envelope));
  }

  subscribe<T extends BusEventType>(type: T, handler: BusHandler<T>): () => void {
    return this.subscribers.add(type, handler);
  }

  /** Closes the subscriber connection; the command connection stays the caller's. */
  async close(): Promise<void> {
    this.subscribers.clear();
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }

  private receive(message: string): void {
    let json: unknown;
    try {
      json = JSON.parse(message);
    } catch {
      this.opts.onInvalidMessage?.('not JSON');
      return;
    }
    const parsed = BusEnvelope.safeParse(json);
    if (!parsed.success) {
      this.opts.onInvalidMessage?.(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
      return;
    }
    this.subscribers.deliver(parsed.data);
  }
}
