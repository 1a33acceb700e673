/**
 * Deadlines for a streamed answer: one for the first chunk and one for each gap between chunks,
 * never one for the whole stream. The SDK's `httpOptions.timeout` stays armed until the body is
 * fully read, so a long but healthy answer would be cut at 15 s; streams turn it off and use this.
 */
import { VouchError } from '../../protocol/vouchError.js';

export interface WatchdogTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: WatchdogTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export class StreamStalledError extends VouchError {
  static override readonly code: string = 'MODEL_STREAM_STALLED';
  override name = 'StreamStalledError';
  constructor(
    readonly phase: 'first_chunk' | 'idle',
    readonly ms: number,
  ) {
    super(phase === 'first_chunk' ? `no answer within ${ms} ms` : `answer stalled for ${ms} ms`);
  }
}

export class StreamWatchdog {
  private readonly controller = new AbortController();
  private timer: unknown;
  private stalled: StreamStalledError | undefined;

  constructor(
    private readonly limits: { firstChunkMs: number; idleMs: number },
    private readonly timers: WatchdogTimers = realTimers,
  ) {
    this.arm(new StreamStalledError('first_chunk', limits.firstChunkMs));
  }

  /** Pass to the request; aborts when a deadline passes. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Set once a deadline has passed: the reason the request was aborted. */
  get error(): StreamStalledError | undefined {
    return this.stalled;
  }

  /** Call on every chunk: restarts the idle deadline. */
  chunk(): void {
    this.arm(new StreamStalledError('idle', this.limits.idleMs));
  }

  stop(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(onExpiry: StreamStalledError): void {
    this.stop();
    if (this.stalled) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.stalled = onExpiry;
      this.controller.abort(onExpiry);
    }, onExpiry.ms);
  }
}
