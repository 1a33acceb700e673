/**
 * The speech model's life in the app, as one state machine with events:
 *
 *   missing ──download()──▶ downloading ──▶ loading ──▶ ready
 *      ▲                        │              │
 *      └──── failed(reason) ◀───┴──────────────┘        (download() or useFolder() retries)
 *
 * start() runs once at app start: when a model is already present it is loaded and warmed in the STT
 * worker right away, so the first hotkey press does not wait for it. Electron-free: the app, the
 * desktop host and tests pass their own manager and engine factory.
 */
import { EventEmitter } from 'node:events';
import type { DownloadProgress, ModelDownloadErrorCode } from './model-manager.js';
import type { ModelLoadProgress, StreamingSttEngine, Transcription } from './stt-engine.js';
import { VouchError } from '../../../backend/src/protocol/vouchError.js';

type SpeechModelFailure = ModelDownloadErrorCode | 'load-failed' | 'not-a-model';

export type SpeechModelState =
  | { status: 'missing' }
  | { status: 'downloading'; doneBytes: number; totalBytes: number | undefined }
  | { status: 'loading'; modelDir: string; fraction: number }
  | { status: 'ready'; modelDir: string }
  | { status: 'failed'; code: SpeechModelFailure; reason: string };

/** The part of ModelManager this needs. */
interface ModelDownloader {
  installedDir(): Promise<string | undefined>;
  download(options?: { signal?: AbortSignal }): Promise<string>;
  cancel(): void;
  on(event: 'progress', listener: (progress: DownloadProgress) => void): unknown;
  off(event: 'progress', listener: (progress: DownloadProgress) => void): unknown;
}

interface SpeechModelDeps {
  /** A model folder chosen outside the manager (the person's folder, $VOUCH_WHISPER_MODEL_DIR, resources). */
  locate(): string | undefined;
  downloader: ModelDownloader;
  /** Builds the engine for a folder (in the app: a WorkerSttEngine, so loading runs off the main thread). */
  createEngine(modelDir: string): StreamingSttEngine;
  /** Checks a folder picked with "Use a folder…"; throws an error with a one-sentence message. */
  validateFolder(dir: string): Promise<unknown>;
}

export class SpeechModelNotReadyError extends VouchError {
  static override readonly code: string = 'STT_MODEL_NOT_READY';
  override name = 'SpeechModelNotReadyError';
}

export class SpeechModel extends EventEmitter<{ state: [SpeechModelState] }> {
  private current: SpeechModelState = { status: 'missing' };
  private engine: StreamingSttEngine | undefined;
  private started: Promise<void> | undefined;

  constructor(private readonly deps: SpeechModelDeps) {
    super();
  }

  get state(): SpeechModelState {
    return this.current;
  }

  /** Once at app start: load and warm a present model, or report it missing. Idempotent. */
  start(): Promise<void> {
    this.started ??= (async () => {
      const dir = this.deps.locate() ?? (await this.deps.downloader.installedDir());
      if (dir) await this.load(dir);
      else this.set({ status: 'missing' });
    })();
    return this.started;
  }

  /** Downloads the pinned model (joining a download already running), then loads it. */
  async download(): Promise<void> {
    if (this.current.status === 'ready' || this.current.status === 'loading') return;
    const onProgress = (p: DownloadProgress) => this.set({ status: 'downloading', doneBytes: p.doneBytes, totalBytes: p.totalBytes });
    this.deps.downloader.on('progress', onProgress);
    if (this.current.status !== 'downloading') this.set({ status: 'downloading', doneBytes: 0, totalBytes: undefined });
    let dir: string;
    try {
      dir = await this.deps.downloader.download();
    } catch (error) {
      const code = (error as { code?: ModelDownloadErrorCode }).code ?? 'network';
      this.set({ status: 'failed', code, reason: (error as Error).message });
      return;
    } finally {
      this.deps.downloader.off('progress', onProgress);
    }
    await this.load(dir);
  }

  cancelDownload(): void {
    this.deps.downloader.cancel();
  }

  /** "Use a folder…": validated first, then loaded in place of the current model. */
  async useFolder(dir: string): Promise<void> {
    try {
      await this.deps.validateFolder(dir);
    } catch (error) {
      this.set({ status: 'failed', code: 'not-a-model', reason: (error as Error).message });
      return;
    }
    await this.load(dir);
  }

  /**
   * An engine for AppController (SttEngineLike): load() waits for start(), then settles when the model
   * is ready, and fails when it is missing (nothing is downloading) or has failed, so the controller's
   * own start-up load never races the one started here.
   */
  readonly sttEngine = {
    load: (onProgress?: (progress: { fraction: number }) => void): Promise<void> => this.whenSettled(onProgress),
    transcribe: (pcm16k: Float32Array): Promise<Transcription> => this.readyEngine().then((engine) => engine.transcribe(pcm16k)),
    /** Streaming push-to-talk (see StreamingSttEngine); begin/append are dropped while not ready. */
    beginUtterance: (): void => (this.current.status === 'ready' ? this.engine?.beginUtterance() : undefined),
    appendAudio: (pcm16k: Float32Array): void => (this.current.status === 'ready' ? this.engine?.appendAudio(pcm16k) : undefined),
    finishUtterance: (): Promise<Transcription> => this.readyEngine().then((engine) => engine.finishUtterance()),
    dispose: (): Promise<void> => this.dispose(),
  };

  private async readyEngine(): Promise<StreamingSttEngine> {
    if (this.current.status !== 'ready' || !this.engine) throw new SpeechModelNotReadyError('The speech model is not ready yet.');
    return this.engine;
  }

  async dispose(): Promise<void> {
    const engine = this.engine;
    this.engine = undefined;
    await engine?.dispose();
  }

  private async load(modelDir: string): Promise<void> {
    await this.dispose();
    const engine = this.deps.createEngine(modelDir);
    this.engine = engine;
    this.set({ status: 'loading', modelDir, fraction: 0 });
    try {
      await engine.load((p: ModelLoadProgress) => {
        if (this.engine === engine && p.stage !== 'ready') this.set({ status: 'loading', modelDir, fraction: p.fraction });
      });
    } catch (error) {
      if (this.engine !== engine) return;
      this.engine = undefined;
      await engine.dispose().catch(() => undefined);
      this.set({
        status: 'failed',
        code: 'load-failed',
        reason: `The speech model in ${modelDir} could not be loaded: ${(error as Error).message}.`,
      });
      return;
    }
    if (this.engine === engine) this.set({ status: 'ready', modelDir });
  }

  private async whenSettled(onProgress?: (progress: { fraction: number }) => void): Promise<void> {
    await this.start();
    if (this.current.status === 'missing') throw new SpeechModelNotReadyError('The speech model is not downloaded yet.');
    return new Promise((resolve, reject) => {
      const check = (state: SpeechModelState): boolean => {
        if (state.status === 'loading') onProgress?.({ fraction: state.fraction });
        if (state.status === 'ready') resolve();
        else if (state.status === 'failed') reject(new SpeechModelNotReadyError(state.reason));
        else return false;
        this.off('state', check);
        return true;
      };
      if (!check(this.current)) this.on('state', check);
    });
  }

  private set(state: SpeechModelState): void {
    this.current = state;
    this.emit('state', state);
  }
}
