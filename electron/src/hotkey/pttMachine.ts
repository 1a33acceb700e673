/**
 * Push-to-talk state machine: idle → listening → transcribing → idle.
 *
 * Two input styles, because Electron's `globalShortcut` only reports key *presses* (no key-up,
 * electron/electron#7802):
 *  - `toggle` (globalShortcut, the default everywhere): one press starts listening, the next press
 *    stops. Key auto-repeat arrives as more presses, so a press within `debounceMs` of the previous
 *    press (accepted or not) is ignored; otherwise holding the key would start and stop in a loop.
 *  - `hold` (a key-up-capable hook such as uiohook-napi): key-down starts, key-up stops; repeated
 *    key-downs while held are ignored.
 * Either way a recording stops by itself after `maxRecordingMs` so a forgotten toggle cannot keep
 * the microphone open. Time and timers are injected so the machine is pure and testable.
 */
export type PttState = 'idle' | 'listening' | 'transcribing';
export type PttMode = 'toggle' | 'hold';
export type StopReason = 'key' | 'max_length' | 'ui';

export interface PttTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

interface PttCallbacks {
  /** The microphone should start; a fresh recording begins. */
  onStart(): void;
  /** The recording ended; the caller transcribes it and then calls `transcriptionDone()`. */
  onStop(reason: StopReason): void;
  onState(state: PttState): void;
}

interface PttOptions {
  mode: PttMode;
  debounceMs?: number;
  maxRecordingMs?: number;
  timers: PttTimers;
}

export class PttMachine {
  private current: PttState = 'idle';
  private lastPressAt = Number.NEGATIVE_INFINITY;
  private held = false;
  private maxTimer: unknown = undefined;
  private readonly debounceMs: number;
  private readonly maxRecordingMs: number;
  private currentMode: PttMode;

  constructor(
    private readonly opts: PttOptions,
    private readonly cb: PttCallbacks,
  ) {
    this.debounceMs = opts.debounceMs ?? 300;
    this.maxRecordingMs = opts.maxRecordingMs ?? 30_000;
    this.currentMode = opts.mode;
  }

  get state(): PttState {
    return this.current;
  }

  get mode(): PttMode {
    return this.currentMode;
  }

  /**
   * The person switched between hold and toggle (Settings), or hold fell back to toggle. A key
   * still held is forgotten: its release belongs to the old mode and must not stop a new recording.
   */
  setMode(mode: PttMode): void {
    this.held = false;
    this.currentMode = mode;
  }

  /** A key press (globalShortcut accelerator fired, or hook key-down). */
  keyDown(): void {
    if (this.currentMode === 'hold') {
      if (this.held) return; // auto-repeat while held
      this.held = true;
      if (this.current === 'idle') this.start();
      return;
    }
    // Every press, accepted or not, restarts the quiet window: a held key auto-repeats every ~30 ms,
    // so it keeps being ignored until the key has been released for `debounceMs`.
    const now = this.opts.timers.now();
    const quiet = now - this.lastPressAt >= this.debounceMs;
    this.lastPressAt = now;
    if (!quiet) return;
    if (this.current === 'idle') this.start();
    else if (this.current === 'listening') this.stop('key');
    // while transcribing a press is ignored: the previous utterance is still being processed
  }

  /** Key release; only meaningful in hold mode. */
  keyUp(): void {
    if (this.currentMode !== 'hold') return;
    this.held = false;
    if (this.current === 'listening') this.stop('key');
  }

  /** The popover's mic button (renderer `startListening`). */
  uiStart(): void {
    if (this.current === 'idle') this.start();
  }

  uiStop(): void {
    if (this.current === 'listening') this.stop('ui');
  }

  /** The transcriber finished (successfully or not). */
  transcriptionDone(): void {
    if (this.current === 'transcribing') this.set('idle');
  }

  /** Abandons whatever is in flight, e.g. on sign-out. */
  reset(): void {
    this.clearMax();
    this.held = false;
    if (this.current !== 'idle') this.set('idle');
  }

  private start(): void {
    this.set('listening');
    this.cb.onStart();
    this.maxTimer = this.opts.timers.setTimeout(() => {
      this.maxTimer = undefined;
      if (this.current === 'listening') this.stop('max_length');
    }, this.maxRecordingMs);
  }

  private stop(reason: StopReason): void {
    this.clearMax();
    this.set('transcribing');
    this.cb.onStop(reason);
  }

  private clearMax(): void {
    if (this.maxTimer !== undefined) this.opts.timers.clearTimeout(this.maxTimer);
    this.maxTimer = undefined;
  }

  private set(state: PttState): void {
    this.current = state;
    this.cb.onState(state);
  }
}
