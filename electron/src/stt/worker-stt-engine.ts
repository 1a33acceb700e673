/**
 * SttEngine that forwards to a worker thread, so model loading and inference never block the thread
 * that calls it (in the app: Electron's main process, which also drives the UI).
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { toFloat32 } from './resample.js';
import type { ModelLoadProgress, StreamingSttEngine, Transcription } from './stt-engine.js';
import {
  workerReplySchema,
  whisperWorkerConfigSchema,
  type SttWorkerConfig,
  type WorkerReply,
  type WorkerRequest,
} from './worker-protocol.js';
import { VouchError } from '../../../backend/src/protocol/vouchError.js';

/** An error the worker reported; `name` is the worker-side error's name. */
export class SttWorkerError extends VouchError {
  static override readonly code: string = 'STT_WORKER';
  constructor(
    override readonly name: string,
    message: string,
  ) {
    super(message);
  }
}

interface Pending {
  resolve(reply: WorkerReply): void;
  reject(error: Error): void;
  onProgress?: (progress: ModelLoadProgress) => void;
}

/**
 * Where the worker's code is. Built output is plain JavaScript; under tsx/vitest the sources are
 * TypeScript, and the worker needs the tsx loader to import them.
 */
function workerEntry(): { url: URL; execArgv: string[] } {
  const runningFromTs = fileURLToPath(import.meta.url).endsWith('.ts');
  // The loader by absolute URL: a bare 'tsx' would be resolved from the working directory.
  return runningFromTs
    ? {
        url: new URL('./stt-worker.ts', import.meta.url),
        execArgv: ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href],
      }
    : { url: new URL('./stt-worker.js', import.meta.url), execArgv: [] };
}

export class WorkerSttEngine implements StreamingSttEngine {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly config: SttWorkerConfig;

  constructor(config: SttWorkerConfig) {
    this.config = whisperWorkerConfigSchema.parse(config);
  }

  async load(onProgress?: (progress: ModelLoadProgress) => void): Promise<void> {
    await this.request({ type: 'load', id: this.allocateId() }, [], onProgress);
  }

  async transcribe(pcm16k: Float32Array | Int16Array): Promise<Transcription> {
    // Copy into a buffer of our own and transfer it: the caller keeps its array, and the worker gets
    // the samples without a second copy.
    const pcm = Float32Array.from(toFloat32(pcm16k));
    const reply = await this.request({ type: 'transcribe', id: this.allocateId(), pcm }, [pcm.buffer as ArrayBuffer]);
    if (reply.type !== 'transcription') throw new SttWorkerError('ProtocolError', `unexpected reply ${reply.type}`);
    return reply.result;
  }

  /** Begin and append are posted without waiting: their work (the log-mel frames) overlaps the speech. */
  beginUtterance(): void {
    this.ensureWorker().postMessage({ type: 'utterance-begin', id: this.allocateId() } satisfies WorkerRequest);
  }

  appendAudio(pcm16k: Float32Array): void {
    const pcm = Float32Array.from(pcm16k);
    this.ensureWorker().postMessage({ type: 'utterance-append', id: this.allocateId(), pcm } satisfies WorkerRequest, [
      pcm.buffer as ArrayBuffer,
    ]);
  }

  async finishUtterance(): Promise<Transcription> {
    const reply = await this.request({ type: 'utterance-finish', id: this.allocateId() }, []);
    if (reply.type !== 'transcription') throw new SttWorkerError('ProtocolError', `unexpected reply ${reply.type}`);
    return reply.result;
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    try {
      await this.request({ type: 'dispose', id: this.allocateId() }, []);
    } finally {
      this.worker = undefined;
      await worker.terminate();
    }
  }

  private allocateId(): number {
    return this.nextId++;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const entry = workerEntry();
    const worker = new Worker(entry.url, { workerData: this.config, execArgv: entry.execArgv });
    worker.on('message', (raw: unknown) => this.onReply(raw));
    worker.on('error', (error: unknown) => this.failAll(error instanceof Error ? error : new Error(String(error))));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(new SttWorkerError('WorkerExited', `stt worker exited with code ${code}`));
    });
    // The worker must not keep the app alive on its own (e.g. a CLI or test that forgot dispose()).
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private request(
    message: WorkerRequest,
    transfer: ArrayBuffer[],
    onProgress?: (progress: ModelLoadProgress) => void,
  ): Promise<WorkerReply> {
    const worker = this.ensureWorker();
    return new Promise<WorkerReply>((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
      worker.ref(); // keep the process alive while a request is outstanding
      worker.postMessage(message, transfer);
    });
  }

  private onReply(raw: unknown): void {
    const parsed = workerReplySchema.safeParse(raw);
    if (!parsed.success) {
      this.failAll(new SttWorkerError('ProtocolError', `malformed reply from stt worker: ${parsed.error.message}`));
      return;
    }
    const reply = parsed.data;
    if (reply.id === null) {
      this.failAll(
        new SttWorkerError(
          reply.type === 'error' ? reply.name : 'ProtocolError',
          reply.type === 'error' ? reply.message : 'reply without id',
        ),
      );
      return;
    }
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if (reply.type === 'progress') {
      pending.onProgress?.(reply.progress);
      return;
    }
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (reply.type === 'error') pending.reject(new SttWorkerError(reply.name, reply.message));
    else pending.resolve(reply);
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
