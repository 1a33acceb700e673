import WebSocket from 'ws';
import { parseServerFrame, type ServerFrame } from '../../src/protocol/index.js';

/**
 * A test-side app connection: records every frame the backend sends and lets a test await the
 * next frame matching a predicate, so nothing in the suite sleeps to synchronize.
 */
export class TestClient {
  readonly frames: ServerFrame[] = [];
  readonly raw: string[] = [];
  private waiters: Array<{ pred: (f: ServerFrame) => boolean; resolve: (f: ServerFrame) => void; from: number }> = [];
  private closed = false;
  /** Frames from here on answer what was sent last; `next()` looks from this point by default. */
  private mark = 0;
  private closeWaiters: Array<() => void> = [];
  /** The close code the connection ended with (1006: cut without a closing handshake). */
  closeCode: number | undefined;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = data.toString();
      this.raw.push(text);
      const parsed = parseServerFrame(text);
      if (!parsed.ok) throw new Error(`backend sent an invalid frame: ${parsed.message}: ${text.slice(0, 200)}`);
      this.frames.push(parsed.frame);
      const idx = this.frames.length - 1;
      this.waiters = this.waiters.filter((w) => {
        if (idx >= w.from && w.pred(parsed.frame)) {
          w.resolve(parsed.frame);
          return false;
        }
        return true;
      });
    });
    ws.on('close', (code) => {
      this.closeCode = code;
      this.closed = true;
      this.closeWaiters.forEach((r) => r());
    });
  }

  /** `options` as the ws client takes them, e.g. `localAddress` to connect from another loopback address. */
  static async connect(url: string, options: WebSocket.ClientOptions = {}): Promise<TestClient> {
    const ws = new WebSocket(url, options);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new TestClient(ws);
  }

  /** A connection signed in as the holder of `accessToken`; fails unless the backend answers `session_ready`. */
  static async signedIn(url: string, accessToken: string): Promise<TestClient> {
    const c = await TestClient.connect(url);
    const answer = await c.auth(accessToken);
    if (answer.type !== 'session_ready') throw new Error(`sign-in refused: ${JSON.stringify(answer)}`);
    return c;
  }

  send(frame: unknown): void {
    this.mark = this.frames.length;
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  sendRaw(data: string | Buffer, binary = false): void {
    this.mark = this.frames.length;
    this.ws.send(data, { binary });
  }

  /** Resolves with the first matching frame at index ≥ `from` (default: since the last send). */
  next<T extends ServerFrame['type']>(
    type: T,
    pred: (f: Extract<ServerFrame, { type: T }>) => boolean = () => true,
    from = this.mark,
  ): Promise<Extract<ServerFrame, { type: T }>> {
    const match = (f: ServerFrame) => f.type === type && pred(f as Extract<ServerFrame, { type: T }>);
    const existing = this.frames.slice(from).find(match);
    if (existing) return Promise.resolve(existing as Extract<ServerFrame, { type: T }>);
    return new Promise((resolve) => this.waiters.push({ pred: match, resolve: resolve as (f: ServerFrame) => void, from }));
  }

  /** What the agent has streamed for one request so far, as one text. */
  spoken(requestId: string): string {
    return this.frames
      .filter((f): f is Extract<ServerFrame, { type: 'agent_stream' }> => f.type === 'agent_stream' && f.request_id === requestId)
      .map((f) => f.delta)
      .join('');
  }

  /** Resolves once at least `count` frames have arrived in total. */
  waitForCount(count: number): Promise<void> {
    if (this.frames.length >= count) return Promise.resolve();
    return new Promise((resolve) => {
      const from = count - 1;
      this.waiters.push({ pred: () => this.frames.length >= count, resolve: () => resolve(), from });
    });
  }

  /** Sends `session_auth` and waits for the answer (session_ready or an error). */
  async auth(accessToken: string, timezone = 'America/New_York'): Promise<ServerFrame> {
    const from = this.frames.length;
    this.send({ type: 'session_auth', access_token: accessToken, timezone });
    return new Promise((resolve) => {
      const done = (f: ServerFrame) => resolve(f);
      const existing = this.frames.slice(from).find((f) => f.type === 'session_ready' || f.type === 'error');
      if (existing) return done(existing);
      this.waiters.push({ pred: (f) => f.type === 'session_ready' || f.type === 'error', resolve: done, from });
    });
  }

  /** Resolves with the close code once the server (or the network) has ended the connection. */
  ended(): Promise<number> {
    if (this.closed) return Promise.resolve(this.closeCode ?? 1006);
    return new Promise((resolve) => this.closeWaiters.push(() => resolve(this.closeCode ?? 1006)));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    const p = new Promise<void>((r) => this.closeWaiters.push(r));
    this.ws.close();
    await p;
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }
}
