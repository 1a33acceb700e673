import type { BridgeEvent } from '../bridge/contract.js';
import type { MainHandlers } from '../ipc/bridgeRegistry.js';
import { BridgeError } from '../ipc/bridgeRegistry.js';
import { describeSpeechModel } from '../stt/speech-model-text.js';
import type { SpeechModelState } from '../stt/speech-model.js';
import { type SpeechModelPort, speechModelView, type SttEngineLike } from './sttPort.js';

/** The speech pieces the app is built with (see `SpeechGate`). */
export interface SpeechDeps {
  stt?: SttEngineLike | undefined;
  /**
   * The speech model with its download (takes the place of `stt`): its state reaches the popover as
   * `speech_model` events, and Talk works whenever it is ready, also after a later download.
   */
  speech?: SpeechModelPort | undefined;
  /**
   * "Use a folder…": the app shows its native folder picker and ignores `typed` (a page must not name
   * paths); the development host takes the typed path. Undefined: the person cancelled.
   */
  chooseSpeechModelFolder?(typed: string | undefined): Promise<string | undefined>;
}

export type SpeechModelHandlers = Pick<MainHandlers, 'downloadSpeechModel' | 'cancelSpeechModelDownload' | 'useSpeechModelFolder'>;

const SPEECH_UNAVAILABLE = 'Speech recognition is not available; type your request instead.';
const SPEECH_NOT_READY = 'The speech model is still loading. Try again in a moment, or type your request.';
const SPEECH_FAILED = 'The speech model could not be loaded.';
const SPEECH_MISSING = 'The speech model is not downloaded yet. Download it, or type your request.';
const SPEECH_DOWNLOADING = 'The speech model is still downloading. Try again when it is ready, or type your request.';

/** Why Talk is refused in each state of the speech model (undefined: it is ready). */
function speechRefusal(state: SpeechModelState): string | undefined {
  switch (state.status) {
    case 'ready':
      return undefined;
    case 'missing':
      return SPEECH_MISSING;
    case 'downloading':
      return SPEECH_DOWNLOADING;
    case 'loading':
      return SPEECH_NOT_READY;
    case 'failed':
      return `${state.reason} Type your request instead.`;
  }
}

/**
 * Whether Talk can work now, and why not: it follows the speech model (or the plain engine's load),
 * tells the popover about it, and runs the model's download and "Use a folder…".
 */
export class SpeechGate {
  /** The engine that hears the recordings, once ready (`speech`'s own, else `stt`). */
  readonly engine: SttEngineLike | undefined;
  private ready = false;
  private unavailableMessage = SPEECH_UNAVAILABLE;
  /** The last `speech_model` event sent, to thin out download progress (one event per chunk would flood the popover and the tray). */
  private lastSpeechEvent: { status: string; text: string; doneBytes: number } | undefined;

  constructor(
    private readonly deps: SpeechDeps & { emit(event: BridgeEvent): void },
    private readonly log: { warn(obj: Record<string, unknown>, msg: string): void },
  ) {
    this.engine = deps.speech?.sttEngine ?? deps.stt;
    deps.speech?.on('state', (state) => this.onSpeechModelState(state));
  }

  /** The engine, while it can hear (undefined: Talk is refused). */
  get readyEngine(): SttEngineLike | undefined {
    return this.ready ? this.engine : undefined;
  }

  /** What the person is told when Talk is refused (undefined: the engine is ready). */
  get refusal(): string | undefined {
    return this.ready ? undefined : this.unavailableMessage;
  }

  /** At start-up: the speech model reports its state and loads one already present; a plain engine loads. */
  start(): void {
    const speech = this.deps.speech;
    if (speech) {
      this.onSpeechModelState(speech.state);
      void speech
        .start()
        .catch((err: unknown) => this.log.warn({ error: err instanceof Error ? err.name : 'unknown' }, 'speech model failed to start'));
    } else void this.loadModel();
  }

  /** The speech model's state, as the popover's row shows it; Talk follows it (also after a later download). */
  private onSpeechModelState(state: SpeechModelState): void {
    const refusal = speechRefusal(state);
    this.ready = refusal === undefined;
    if (refusal !== undefined) this.unavailableMessage = refusal;
    const text = describeSpeechModel(state);
    const doneBytes = state.status === 'downloading' ? state.doneBytes : 0;
    const last = this.lastSpeechEvent;
    if (state.status === 'downloading' && last?.status === 'downloading' && last.text === text) {
      // Same line: only a visible step of the progress bar (1 % of the total, once known) is worth an event.
      const step = state.totalBytes !== undefined ? state.totalBytes / 100 : 64 * 1024;
      if (doneBytes - last.doneBytes < step) return;
    }
    this.lastSpeechEvent = { status: state.status, text, doneBytes };
    this.deps.emit({ type: 'speech_model', state: speechModelView(state), text });
  }

  async loadModel(): Promise<void> {
    const stt = this.engine;
    if (!stt) {
      this.deps.emit({ type: 'stt_model', state: 'failed', message: SPEECH_UNAVAILABLE });
      return;
    }
    this.unavailableMessage = SPEECH_NOT_READY;
    this.deps.emit({ type: 'stt_model', state: 'loading', progress: 0 });
    try {
      await stt.load((p) => this.deps.emit({ type: 'stt_model', state: 'loading', progress: p.fraction }));
      this.ready = true;
      this.deps.emit({ type: 'stt_model', state: 'ready', progress: 1 });
    } catch (err) {
      this.log.warn({ error: err instanceof Error ? err.name : 'unknown' }, 'speech model failed to load');
      this.unavailableMessage = SPEECH_FAILED;
      this.deps.emit({ type: 'stt_model', state: 'failed', message: SPEECH_FAILED });
    }
  }

  /** Stops the STT worker (the app quitting, the desktop host closing). */
  async dispose(): Promise<void> {
    await this.engine?.dispose?.();
  }

  readonly handlers: SpeechModelHandlers = {
    downloadSpeechModel: () => {
      const speech = this.requireSpeechModel();
      // Progress and the outcome reach the popover as speech_model events; the call returns at once.
      void speech
        .download()
        .catch((err: unknown) => this.log.warn({ error: err instanceof Error ? err.name : 'unknown' }, 'speech model download failed'));
    },
    cancelSpeechModelDownload: () => {
      this.requireSpeechModel().cancelDownload();
    },
    useSpeechModelFolder: async (typed) => {
      const speech = this.requireSpeechModel();
      if (!this.deps.chooseSpeechModelFolder) throw new BridgeError('UNAVAILABLE', 'Choosing a folder is not available here.');
      const dir = await this.deps.chooseSpeechModelFolder(typed);
      if (dir) await speech.useFolder(dir);
    },
  };

  private requireSpeechModel(): SpeechModelPort {
    if (!this.deps.speech) throw new BridgeError('UNAVAILABLE', SPEECH_UNAVAILABLE);
    return this.deps.speech;
  }
}
