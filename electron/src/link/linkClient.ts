import WebSocket from 'ws';
import { type AppFrame, parseServerFrame, type ServerFrame } from '../../../backend/src/protocol/index.js';
import type { LinkState } from '../bridge/contract.js';
import { Backoff } from './backoff.js';
import { type OutboundFrame, Outbox } from './outbox.js';

/** WebSocket close code the backend sends when it shuts down for a restart or deploy. */
const SERVICE_RESTART = 1012;

/**
 * The app's single WebSocket to the backend.
 *  - On every (re)connect it first sends `session_auth {access_token, timezone}` with a fresh token
 *    from the session (which refreshes it if needed), and treats the link as online only after
 *    `session_ready`.
 *  - Disconnects are retried with exponential backoff + full jitter; the attempt counter resets only
 *    after `session_ready`, so a backend that accepts sockets but rejects the session still backs off.
 *    A close with 1012 (Service Restart: the instance is draining) reconnects at once instead.
 *  - Every app frame gets a `frame_id` and stays in the outbox until `ack` (or an `error` naming
 *    it); unacknowledged frames are resent after the next `session_ready`.
 *  - Server frames are validated with `parseServerFrame`; invalid ones are logged by reason only
 *    (never by content, which could include user data) and dropped.
 */
interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  on(event: 'open', cb: () => void): unknown;
  on(event: 'message', cb: (data: WebSocket.RawData, isBinary: boolean) => void): unknown;
  on(event: 'close', cb: (code: number) => void): unknown;
  on(event: 'error', cb: (err: Error) => void): unknown;
}

export interface LinkTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

interface LinkLog {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
}

/** An app frame as callers build it: the client assigns the `frame_id`. */
type NewAppFrame = AppFrame extends infer F ? (F extends AppFrame ? Omit<F, 'frame_id'> : never) : never;

interface LinkClientOptions {
  url: string;
  /** Returns a valid access token, or undefined when signed out (the link then stays offline). */
  getAccessToken(): Promise<string | undefined>;
  timezone?: string;
  /** The person's reply voice (a `VoiceKey`), sent with `session_auth` like the time zone. */
  voice?: string;
  onFrame(frame: ServerFrame): void;
  onState?(state: LinkState): void;
  /** The backend said the token was not accepted; the session should refresh or sign out. */
  onUnauthenticated?(): void;
  createSocket?(url: string): SocketLike;
  timers?: LinkTimers;
  backoff?: Backoff;
  newFrameId?(): string;
  log?: LinkLog;
  outboxSize?: number;
}

const OPEN = 1;
const silent: LinkLog = { info() {}, warn() {} };

export class LinkClient {
  private socket: SocketLike | undefined;
  private linkState: LinkState = 'offline';
  private running = false;
  private retryTimer: unknown = undefined;
  private ready = false;
  private counter = 0;
  /** Bumped whenever a connection attempt is abandoned, so a late token fetch does not open a socket. */
  private generation = 0;
  private connecting = false;
  private readonly outbox: Outbox;
  private readonly timers: LinkTimers;
  private readonly backoff: Backoff;
  private readonly log: LinkLog;

  constructor(private readonly opts: LinkClientOptions) {
    this.outbox = new Outbox(opts.outboxSize);
    this.timers = opts.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
    this.backoff = opts.backoff ?? new Backoff();
    this.log = opts.log ?? silent;
  }

  get state(): LinkState {
    return this.linkState;
  }

  get pendingCount(): number {
    return this.outbox.size;
  }

  /** Starts (or restarts right away, e.g. after sign-in or when the OS reports the network back). */
  start(): void {
    this.running = true;
    this.cancelRetry();
    if (this.socket || this.connecting) return;
    void this.connect();
  }

  /** Reconnects now with a fresh token (after sign-in / token change). */
  restart(): void {
    this.dropSocket();
    this.start();
  }

  /** Stops and forgets unsent frames (sign-out: they belong to the previous session). */
  stop(opts: { keepOutbox?: boolean } = {}): void {
    this.running = false;
    this.cancelRetry();
    this.dropSocket();
    if (!opts.keepOutbox) this.outbox.clear();
    this.setState('offline');
  }

  /**
   * Sign-out: asks the backend to log this session out (it cancels open drafts and phone approvals,
   * then closes the socket) and waits for that close, at most `timeoutMs`, before stopping. Stopping
   * right after the write would race the backend's work against our own close. Resolves whether the
   * backend finished the logout (false: the link was not online, or it did not answer in time).
   */
  async logout(timeoutMs = 5_000): Promise<boolean> {
    this.running = false;
    this.cancelRetry();
    const s = this.socket;
    let done = false;
    if (s && this.ready && s.readyState === OPEN) {
      done = await new Promise<boolean>((resolve) => {
        const timer = this.timers.setTimeout(() => resolve(false), timeoutMs);
        s.on('close', () => {
          this.timers.clearTimeout(timer);
          resolve(true);
        });
        this.send({ type: 'logout' });
      });
    }
    this.stop();
    return done;
  }

  /** A new time zone for the backend session: sent with the next session_auth, so an open session reconnects now. */
  setTimezone(timezone: string): void {
    if (this.opts.timezone === timezone) return;
    this.opts.timezone = timezone;
    if (this.running) this.restart();
  }

  /**
   * A new reply voice for the backend session, sent with `session_auth` like the time zone. An online
   * session is told on its own socket (the backend updates it in place), so the conversation the
   * backend keeps for this socket goes on; otherwise the next (re)connect carries it.
   */
  setVoice(voice: string): void {
    if (this.opts.voice === voice) return;
    this.opts.voice = voice;
    if (!this.running) return;
    if (this.ready && this.socket?.readyState === OPEN) void this.reauthenticate(this.socket);
    // Connecting: session_auth is built when the socket opens, with this voice. Open but not yet
    // ready: the one already sent named the old voice.
    else if (this.socket?.readyState === OPEN) this.restart();
  }

  private async reauthenticate(socket: SocketLike): Promise<void> {
    let token: string | undefined;
    try {
      token = await this.opts.getAccessToken();
    } catch (err) {
      this.log.warn({ error: err instanceof Error ? err.name : 'unknown' }, 'could not get an access token');
    }
    // A reconnect meanwhile already sent the current settings.
    if (this.socket !== socket || socket.readyState !== OPEN) return;
    if (!token) return this.restart();
    socket.send(JSON.stringify(this.sessionAuth(token)));
  }

  private sessionAuth(token: string): Record<string, unknown> {
    const auth: Record<string, unknown> = { type: 'session_auth', access_token: token };
    if (this.opts.timezone) auth.timezone = this.opts.timezone;
    if (this.opts.voice) auth.voice = this.opts.voice;
    return auth;
  }

  /** Queues a frame and sends it now if the session is ready. Returns its `frame_id`. */
  send(frame: NewAppFrame): string {
    const frameId = this.opts.newFrameId?.() ?? `f-${Date.now().toString(36)}-${(this.counter++).toString(36)}`;
    const outbound = { ...frame, frame_id: frameId } as OutboundFrame;
    const evicted = this.outbox.add(outbound);
    if (evicted) this.log.warn({ frame_id: evicted.frame_id, type: evicted.type }, 'outbox full, dropped oldest unacknowledged frame');
    if (this.ready) this.write(outbound);
    return frameId;
  }

  private async connect(): Promise<void> {
    const generation = this.generation;
    this.connecting = true;
    this.setState('connecting');
    let token: string | undefined;
    try {
      token = await this.opts.getAccessToken();
    } catch (err) {
      this.log.warn({ error: err instanceof Error ? err.name : 'unknown' }, 'could not get an access token');
    }
    if (generation !== this.generation || !this.running) return;
    this.connecting = false;
    if (!token) {
      // Not signed in (or refresh failed): nothing to connect with; sign-in calls restart().
      this.setState('offline');
      return;
    }
    const socket = (this.opts.createSocket ?? ((url: string) => new WebSocket(url, { maxPayload: 1024 * 1024 }) as unknown as SocketLike))(
      this.opts.url,
    );
    this.socket = socket;
    this.ready = false;

    socket.on('open', () => {
      if (this.socket !== socket) return;
      socket.send(JSON.stringify(this.sessionAuth(token)));
    });
    socket.on('message', (data, isBinary) => {
      if (this.socket !== socket) return;
      if (isBinary) {
        this.log.warn({ reason: 'binary frame' }, 'dropped server frame');
        return;
      }
      this.onMessage(data.toString());
    });
    socket.on('error', (err) => {
      // 'close' follows; log the kind only (messages can include the URL with a query).
      this.log.warn({ error: err.name }, 'link socket error');
    });
    socket.on('close', (code) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.ready = false;
      this.log.info({ code }, 'link closed');
      // 1012 (Service Restart): the backend instance is draining; another one takes the socket now.
      this.scheduleReconnect(code === SERVICE_RESTART);
    });
  }

  private onMessage(text: string): void {
    const parsed = parseServerFrame(text);
    if (!parsed.ok) {
      this.log.warn({ reason: parsed.message }, 'dropped invalid server frame');
      return;
    }
    const frame = parsed.frame;
    switch (frame.type) {
      case 'session_ready':
        this.ready = true;
        this.backoff.reset();
        this.setState('online');
        for (const f of this.outbox.unacked()) this.write(f);
        break;
      case 'ack':
        this.outbox.settle(frame.frame_id);
        return; // transport detail, not for the renderer
      case 'error':
        if (frame.frame_id) this.outbox.settle(frame.frame_id);
        if (frame.code === 'UNAUTHENTICATED') this.opts.onUnauthenticated?.();
        break;
    }
    this.opts.onFrame(frame);
  }

  private write(frame: OutboundFrame): void {
    const s = this.socket;
    if (!s || s.readyState !== OPEN) return; // stays in the outbox; resent after the next session_ready
    s.send(JSON.stringify(frame));
  }

  private scheduleReconnect(immediately = false): void {
    if (!this.running) {
      this.setState('offline');
      return;
    }
    this.setState('offline');
    const delay = immediately ? 0 : this.backoff.next();
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = undefined;
      if (this.running && !this.socket && !this.connecting) void this.connect();
    }, delay);
  }

  private cancelRetry(): void {
    if (this.retryTimer !== undefined) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private dropSocket(): void {
    this.generation++;
    this.connecting = false;
    const s = this.socket;
    this.socket = undefined;
    this.ready = false;
    if (s) {
      try {
        s.close(1000, 'client closing');
      } catch {
        // already closed
      }
    }
  }

  private setState(state: LinkState): void {
    if (state === this.linkState) return;
    this.linkState = state;
    this.opts.onState?.(state);
  }
}
