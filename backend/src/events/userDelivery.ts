import type { UserChannels } from '../server/channels.js';
import type { ServerFrame } from '../protocol/index.js';
import type { EventBus } from './eventBus.js';

/**
 * Sends a frame to every socket the user has open, on every instance: straight to this instance's
 * sockets (so the order against the socket's own frames is kept), and over the bus to the others,
 * which hand it to theirs. Without a shared bus it is UserChannels alone.
 */
export class UserDelivery {
  private readonly unsubscribe?: () => void;

  constructor(
    private readonly channels: UserChannels,
    private readonly bus?: EventBus,
    private readonly onPublishError: (err: unknown) => void = () => undefined,
  ) {
    this.unsubscribe = bus?.subscribe('user_frame', (e, meta) => {
      if (meta.origin !== bus.instanceId) channels.send(e.user, e.frame);
    });
  }

  send(sub: string, frame: ServerFrame): void {
    this.channels.send(sub, frame);
    this.bus?.publish({ type: 'user_frame', user: sub, frame }).catch(this.onPublishError);
  }

  close(): void {
    this.unsubscribe?.();
  }
}
