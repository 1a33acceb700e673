/**
 * Worker thread that owns Flite (WASI). Flite's main() runs once per instance, so every sentence needs
 * a fresh instance of the compiled module; the next one is instantiated while the worker is idle, and
 * the text reaches it through a file (`-f`) because WASI fixes a program's arguments at construction.
 * On start it compiles the module and speaks one throwaway sentence, so the first real sentence finds
 * the code already tiered up.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WASI as WasiType } from 'node:wasi';
import { parentPort, workerData } from 'node:worker_threads';
import { fliteRequestSchema, fliteWorkerDataSchema, type FliteReply } from './flite-protocol.js';

if (!parentPort) throw new Error('flite-worker must run as a worker thread');
const port = parentPort;
const config = fliteWorkerDataSchema.parse(workerData);

// node:wasi warns that it is experimental on every worker start; that is known and not actionable.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) =>
  String(warning).includes('WASI')
    ? undefined
    : (emitWarning as (...args: unknown[]) => void)(warning, ...rest)) as typeof process.emitWarning;
// Loaded only now, after the filter above: a static import would warn before any code here runs.
const { WASI } = await import('node:wasi');

const TEXT_FILE = 'in.txt';
const WAV_FILE = 'out.wav';

interface Prepared {
  wasi: WasiType;
  instance: WebAssembly.Instance;
}

const post = (reply: FliteReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

const module = await WebAssembly.compile(await readFile(config.wasmPath));

async function prepare(): Promise<Prepared> {
  const wasi = new WASI({
    version: 'preview1',
    args: ['flite', '-voice', config.voice, '-f', `/io/${TEXT_FILE}`, '-o', `/io/${WAV_FILE}`],
    env: {},
    preopens: { '/io': config.dir },
    returnOnExit: true,
  });
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject() as WebAssembly.Imports);
  return { wasi, instance };
}

function speak(prepared: Prepared, text: string): Uint8Array<ArrayBuffer> {
  writeFileSync(join(config.dir, TEXT_FILE), text);
  const rc = prepared.wasi.start(prepared.instance);
  if (rc !== 0) throw new Error(`flite exited with ${rc}`);
  const path = join(config.dir, WAV_FILE);
  // A copy owns its memory; small reads come from Node's shared pool, which cannot be transferred.
  const wav = new Uint8Array(readFileSync(path));
  unlinkSync(path);
  return wav;
}

let next: Promise<Prepared> = prepare();
speak(await next, 'Ready.');
next = prepare();
await next;
post({ type: 'ready' });

// One sentence at a time, in arrival order: the instance and the scratch files are single-use.
let queue: Promise<void> = Promise.resolve();
port.on('message', (raw: unknown) => {
  queue = queue.then(async () => {
    const request = fliteRequestSchema.safeParse(raw);
    if (!request.success) {
      const id = typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : null;
      post({ type: 'error', id: id !== null && id > 0 ? id : null, message: `bad request: ${request.error.message}` });
      return;
    }
    const { id, text } = request.data;
    try {
      const prepared = await next;
      const wav = speak(prepared, text);
      post({ type: 'wav', id, wav }, [wav.buffer]);
    } catch (error) {
      post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
    } finally {
      // Instantiated after the reply is out, while the pipeline plays what it got.
      next = prepare();
      next.catch(() => undefined);
    }
  });
});
