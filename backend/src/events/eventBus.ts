import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Provider } from '../protocol/common.js';
import { ServerFrame } from '../protocol/frames.js';
import { VouchError } from '../protocol/vouchError.js';

/**
 * Events one backend instance tells all the others (and itself) about, so a user's sockets react
 * wherever they are connected: an account linked through instance B resumes the request parked on
 * A; a phone approval seen by one instance reaches the socket on another; logout and revoke reach
 * every instance. Carries ids, and frames the user's own sockets receive: never tokens or secrets.
 */
const user = z.string().min(1).max(256);
const id = z.string().min(1).max(200);

export const BusEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('account_connected'), user, provider: Provider, connection: z.string().min(1).max(200) }).strict(),
  z
    .object({
      type: z.literal('approval_resolved'),
      user,
      approval_id: id,
      outcome: z.enum(['approved', 'denied', 'expired', 'cancelled']),
    })
    .strict(),
  z.object({ type: z.literal('user_logged_out'), user }).strict(),
  z.object({ type: z.literal('provider_revoked'), user, provider: Provider, connection: z.string().min(1).max(200) }).strict(),
  // A frame for the user's sockets wherever they are (a draft's result, a phone approval, linked
  // accounts): what UserChannels would send to a local socket, and nothing the socket would not get.
  z.object({ type: z.literal('user_frame'), user, frame: ServerFrame }).strict(),
]);
export type BusEvent = z.infer<typeof BusEvent>;
export type BusEventType = BusEvent['type'];
export type BusEventOf<T extends BusEventType> = Extract<BusEvent, { type: T }>;

/** What travels between instances: the event and which instance published it. */
export const BusEnvelope = z.object({ v: z.literal(1), origin: z.string().min(1).max(200), event: BusEvent }).strict();
export type BusEnvelope = z.infer<typeof BusEnvelope>;

export interface BusMeta {
  /** The publishing instance's id (equal to the bus's own `instanceId` for its own events). */
  origin: string;
}

export type BusHandler<T extends BusEventType> = (event: BusEventOf<T>, meta: BusMeta) => void;

export interface EventBus {
  readonly instanceId: string;
  /**
   * Validates and sends to every subscriber on every instance, this one included, once each.
   * Resolves when the event has left this instance; delivery is asynchronous. Throws
   * InvalidBusEventError for a malformed event.
   */
  publish(event: BusEvent): Promise<void>;
  /** Returns the unsubscribe function. A throwing handler is reported and does not stop the others. */
  subscribe<T extends BusEventType>(type: T, handler: BusHandler<T>): () => void;
  close(): Promise<void>;
}

export class InvalidBusEventError extends VouchError {
  static override readonly code = 'BUS_EVENT_INVALID';
  override name = 'InvalidBusEventError';
}

export function parseBusEvent(event: unknown): BusEvent {
  const parsed = BusEvent.safeParse(event);
  if (!parsed.success)
    throw new InvalidBusEventError(
      `invalid bus event: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

export interface EventBusOptions {
  instanceId?: string;
  /** A handler threw; the event still reached the other handlers. */
  onHandlerError?: (err: unknown, event: BusEvent) => void;
}

/** The local fan-out every implementation shares: type → handlers. */
export class BusSubscribers {
  private readonly handlers = new Map<BusEventType, Set<BusHandler<BusEventType>>>();

  constructor(private readonly onHandlerError?: (err: unknown, event: BusEvent) => void) {}

  add<T extends BusEventType>(type: T, handler: BusHandler<T>): () => void {
    let set = this.handlers.get(type);
    if (!set) this.handlers.set(type, (set = new Set()));
    const h = handler as unknown as BusHandler<BusEventType>;
    set.add(h);
    return () => void set.delete(h);
  }

  deliver(envelope: { origin: string; event: BusEvent }): void {
    for (const h of [...(this.handlers.get(envelope.event.type) ?? [])]) {
      try {
        h(envelope.event as BusEventOf<BusEventType>, { origin: envelope.origin });
      } catch (err) {
        this.onHandlerError?.(err, envelope.event);
      }
    }
  }

  clear(): void {
    this.handlers.clear();
  }
}

/**
 * Instances in one process (the embedded default has exactly one). Buses joined to one hub see each
 * other's events, which is how tests stand two "instances" side by side without Redis.
 */
export class InMemoryEventHub {
  readonly members = new Set<InMemoryEventBus>();
}

export class InMemoryEventBus implements EventBus {
  readonly instanceId: string;
  private readonly subscribers: BusSubscribers;
  private readonly hub: InMemoryEventHub;
  private closed = false;

  constructor(opts: EventBusOptions & { hub?: InMemoryEventHub } = {}) {
    this.instanceId = opts.instanceId ?? randomUUID();
    this.subscribers = new BusSubscribers(opts.onHandlerError);
    this.hub = opts.hub ?? new InMemoryEventHub();
    this.hub.members.add(this);
  }

  async publish(event: BusEvent): Promise<void> {
    if (this.closed) throw new Error('the event bus is closed');
    // A copy through JSON, as over the network: handlers never share an object with the publisher.
    const envelope = { origin: this.instanceId, event: JSON.parse(JSON.stringify(parseBusEvent(event))) as BusEvent };
    // Asynchronous like the Redis bus, so callers can't come to rely on delivery inside publish().
    for (const member of this.hub.members) queueMicrotask(() => member.receive(envelope));
  }

  subscribe<T extends BusEventType>(type: T, handler: BusHandler<T>): () => void {
    return this.subscribers.add(type, handler);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.hub.members.delete(this);
    this.subscribers.clear();
  }

  private receive(envelope: { origin: string; event: BusEvent }): void {
    if (!this.closed) this.subscribers.deliver(envelope);
  }
}
