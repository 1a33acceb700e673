/**
 * Downloads a pinned speech model (model-manifest.ts) into the app's user-data folder, Electron-free:
 * the app injects Electron's net.fetch (OS proxy and certificate store), the desktop host and tests
 * inject Node's fetch.
 *
 * Layout under `modelsDir`:
 *   <name>/                     the installed model, complete and verified (marker file last)
 *   .<name>.download/           staging: verified files under their final names, and `<file>.part`
 *                               for the one being fetched (kept for resume after a cut or a restart)
 * A file is renamed from `.part` only after its SHA-256 matched, and the staging folder becomes
 * `<name>/` in one rename once every file is there, so no partial model can ever be loaded.
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { ModelManifest, ModelManifestFile } from './model-manifest.js';
import { VouchError } from '../../../backend/src/protocol/vouchError.js';

const MODEL_BASE_URL_ENV = 'VOUCH_MODEL_BASE_URL';
export const DEFAULT_MODEL_BASE_URL = 'https://huggingface.co';
const MARKER = '.vouch-model.json';

export type ModelDownloadErrorCode = 'not-found' | 'http' | 'network' | 'digest-mismatch' | 'disk-full' | 'write-failed' | 'cancelled';

/** Every download failure: a stable code for the UI, and one plain sentence for the person. */
export class ModelDownloadError extends VouchError {
  override name = 'ModelDownloadError';
  declare readonly code: ModelDownloadErrorCode;
  constructor(code: ModelDownloadErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, { ...options, code });
  }
}

export interface DownloadProgress {
  /** Bytes received and confirmed across all files; never decreases during one download. */
  doneBytes: number;
  /** Sum of the file sizes, once the server told them all. */
  totalBytes: number | undefined;
  /** The file being fetched. */
  file: string;
}

export type FetchLike = (
  url: string,
  init: { method?: string; headers?: Record<string, string>; signal?: AbortSignal },
) => Promise<Response>;

interface FileWriter {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
/** Opens a file for writing; injectable so a full disk can be simulated. */
export type OpenWriter = (path: string, mode: 'append' | 'truncate') => Promise<FileWriter>;

export const openFileWriter: OpenWriter = async (path, mode) => {
  const handle = await open(path, mode === 'append' ? 'a' : 'w');
  return {
    async write(chunk) {
      for (let offset = 0; offset < chunk.length;) offset += (await handle.write(chunk, offset)).bytesWritten;
    },
    close: () => handle.close(),
  };
};

interface ModelManagerOptions {
  manifest: ModelManifest;
  /** Where models live, e.g. <userData>/models. */
  modelsDir: string;
  fetch: FetchLike;
  /** Model host; defaults to $VOUCH_MODEL_BASE_URL, else the Hugging Face hub. */
  baseUrl?: string;
  openWriter?: OpenWriter;
  env?: NodeJS.ProcessEnv;
}

const markerSchema = z.object({
  revision: z.string(),
  files: z.array(z.object({ path: z.string(), sha256: z.string(), size: z.number().int().nonnegative() })),
});

export function resolveModelBaseUrl(env: Record<string, string | undefined> = {}, explicit?: string): string {
  const raw = explicit ?? env[MODEL_BASE_URL_ENV] ?? DEFAULT_MODEL_BASE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${MODEL_BASE_URL_ENV} must be an http(s) URL, got ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`${MODEL_BASE_URL_ENV} must be an http(s) URL, got ${JSON.stringify(raw)}`);
  return url.href.replace(/\/+$/, '');
}

export class ModelManager extends EventEmitter<{ progress: [DownloadProgress] }> {
  readonly installDir: string;
  private readonly stagingDir: string;
  private readonly baseUrl: string;
  private readonly openWriter: OpenWriter;
  private inflight: Promise<string> | undefined;
  private controller: AbortController | undefined;

  constructor(private readonly options: ModelManagerOptions) {
    super();
    const { manifest, modelsDir } = options;
    this.installDir = join(modelsDir, manifest.name);
    this.stagingDir = join(modelsDir, `.${manifest.name}.download`);
    this.baseUrl = resolveModelBaseUrl(options.env ?? {}, options.baseUrl);
    this.openWriter = options.openWriter ?? openFileWriter;
  }

  /** The installed model folder when it is complete and of the pinned revision (cheap: no hashing). */
  async installedDir(): Promise<string | undefined> {
    try {
      const marker = markerSchema.parse(JSON.parse(await readFile(join(this.installDir, MARKER), 'utf8')));
      if (marker.revision !== this.options.manifest.revision) return undefined;
      for (const file of this.options.manifest.files) {
        const recorded = marker.files.find((f) => f.path === file.path);
        if (!recorded || recorded.sha256 !== file.sha256) return undefined;
        if ((await stat(join(this.installDir, file.path))).size !== recorded.size) return undefined;
      }
      return this.installDir;
    } catch {
      return undefined;
    }
  }

  /**
   * Downloads (or resumes) the model and resolves with its folder. A second call while one runs joins
   * it. `signal` aborts the shared download, as cancel() does.
   */
  download(options: { signal?: AbortSignal } = {}): Promise<string> {
    const controller = (this.controller ??= new AbortController());
    const signal = options.signal;
    if (signal) {
      if (signal.aborted) controller.abort();
      else signal.addEventListener('abort', () => controller.abort(), { once: true });
    }
    this.inflight ??= this.run(controller.signal).finally(() => {
      this.inflight = undefined;
      this.controller = undefined;
    });
    return this.inflight;
  }

  cancel(): void {
    this.controller?.abort();
  }

  private async run(signal: AbortSignal): Promise<string> {
    const installed = await this.installedDir();
    if (installed) return installed;
    const { manifest } = this.options;
    await this.guardDisk(() => mkdir(this.stagingDir, { recursive: true }));
    const sizes = await this.learnSizes(signal);
    const totalBytes = sizes.every((s) => s !== undefined) ? sizes.reduce<number>((a, b) => a + b!, 0) : undefined;
    const progress = { doneBytes: 0, totalBytes, file: manifest.files[0]!.path };
    const emit = () => this.emit('progress', { ...progress });
    const recorded: Array<{ path: string; sha256: string; size: number }> = [];
    for (const [index, file] of manifest.files.entries()) {
      this.throwIfCancelled(signal);
      progress.file = file.path;
      const size = await this.fetchVerified(file, sizes[index], signal, (bytes) => {
        progress.doneBytes += bytes;
        emit();
      });
      recorded.push({ path: file.path, sha256: file.sha256, size });
    }
    emit();
    await this.guardDisk(() => writeFile(join(this.stagingDir, MARKER), JSON.stringify({ revision: manifest.revision, files: recorded })));
    await this.install();
    return this.installDir;
  }

  /** Sizes from the manifest, from an already verified staged file, or from a HEAD request. */
  private async learnSizes(signal: AbortSignal): Promise<Array<number | undefined>> {
    return Promise.all(
      this.options.manifest.files.map(async (file) => {
        if (file.size !== undefined) return file.size;
        const staged = join(this.stagingDir, file.path);
        if (existsSync(staged)) return (await stat(staged)).size;
        try {
          const response = await this.options.fetch(this.urlOf(file), { method: 'HEAD', signal });
          const length = Number(response.headers.get('content-length'));
          return response.ok && Number.isFinite(length) && length > 0 ? length : undefined;
        } catch {
          return undefined; // the GET that follows reports the real problem
        }
      }),
    );
  }

  /** Makes `<staging>/<path>` a verified copy of the file; returns its size. */
  private async fetchVerified(
    file: ModelManifestFile,
    expectedSize: number | undefined,
    signal: AbortSignal,
    onBytes: (n: number) => void,
  ): Promise<number> {
    const finalPath = join(this.stagingDir, file.path);
    const partPath = `${finalPath}.part`;
    await this.guardDisk(() => mkdir(dirname(finalPath), { recursive: true }));
    if (existsSync(finalPath)) {
      // Verified before it was renamed; hashed again in case the folder was tampered with in between.
      if ((await sha256Of(finalPath)) === file.sha256) {
        const size = (await stat(finalPath)).size;
        onBytes(size);
        return size;
      }
      await unlink(finalPath);
    }
    await this.fetchToPart(file, partPath, expectedSize, signal, onBytes);
    if ((await sha256Of(partPath)) !== file.sha256) {
      await rm(partPath, { force: true });
      throw new ModelDownloadError(
        'digest-mismatch',
        `The downloaded speech model file ${file.path} did not match its published SHA-256 checksum, so it was discarded.`,
      );
    }
    await rename(partPath, finalPath);
    return (await stat(finalPath)).size;
  }

  private async fetchToPart(
    file: ModelManifestFile,
    partPath: string,
    expectedSize: number | undefined,
    signal: AbortSignal,
    onBytes: (n: number) => void,
  ): Promise<void> {
    const have = existsSync(partPath) ? (await stat(partPath)).size : 0;
    if (expectedSize !== undefined && have === expectedSize) {
      onBytes(have);
      return;
    }
    let response: Response;
    try {
      response = await this.options.fetch(this.urlOf(file), { headers: have > 0 ? { range: `bytes=${have}-` } : {}, signal });
    } catch (error) {
      throw this.transportError(error, signal);
    }
    if (response.status === 416 && have > 0) {
      // The part is already whole (or longer than the file): verification decides.
      await response.body?.cancel();
      onBytes(have);
      return;
    }
    if (response.status === 404) {
      await response.body?.cancel();
      throw new ModelDownloadError('not-found', `The speech model file ${file.path} was not found on ${this.host()} (HTTP 404).`);
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new ModelDownloadError('http', `Downloading the speech model from ${this.host()} failed with HTTP ${response.status}.`);
    }
    // 206: the server continues where the part ends; 200: it ignored the range, so start over.
    const resumed = response.status === 206 && have > 0;
    const rangeStart = Number(/^bytes (\d+)-/.exec(response.headers.get('content-range') ?? '')?.[1]);
    if (resumed && rangeStart !== have) {
      // A range that does not continue the part cannot be appended: discard the part, ask again.
      await response.body.cancel();
      await rm(partPath, { force: true });
      return this.fetchToPart(file, partPath, expectedSize, signal, onBytes);
    }
    if (resumed) onBytes(have);
    const length = Number(response.headers.get('content-length'));
    const expectedBody = Number.isFinite(length) && response.headers.has('content-length') ? length : undefined;
    const writer = await this.guardDisk(() => this.openWriter(partPath, resumed ? 'append' : 'truncate'));
    let received = 0;
    try {
      const reader = response.body.getReader();
      for (;;) {
        let chunk: Awaited<ReturnType<typeof reader.read>>;
        try {
          chunk = await reader.read();
        } catch (error) {
          throw this.transportError(error, signal);
        }
        if (chunk.done) break;
        await this.guardDisk(() => writer.write(chunk.value));
        received += chunk.value.length;
        onBytes(chunk.value.length);
      }
    } finally {
      await writer.close().catch(() => undefined);
    }
    if (expectedBody !== undefined && received < expectedBody) {
      throw new ModelDownloadError(
        'network',
        `The connection to ${this.host()} was cut during the speech model download; start it again to resume.`,
      );
    }
  }

  /** Staging becomes the installed folder in one rename; an older install is moved aside first. */
  private async install(): Promise<void> {
    const old = `${this.installDir}.old-${process.pid}-${Date.now()}`;
    if (existsSync(this.installDir)) await rename(this.installDir, old);
    await rename(this.stagingDir, this.installDir);
    await rm(old, { recursive: true, force: true });
  }

  private urlOf(file: ModelManifestFile): string {
    const { repository, revision } = this.options.manifest;
    const path = file.path.split('/').map(encodeURIComponent).join('/');
    return `${this.baseUrl}/${repository}/resolve/${encodeURIComponent(revision)}/${path}`;
  }

  private host(): string {
    return new URL(this.baseUrl).host;
  }

  private throwIfCancelled(signal: AbortSignal): void {
    if (signal.aborted) throw cancelled();
  }

  private transportError(error: unknown, signal: AbortSignal): ModelDownloadError {
    if (error instanceof ModelDownloadError) return error;
    if (signal.aborted) return cancelled(error);
    return new ModelDownloadError(
      'network',
      `Could not reach ${this.host()} to download the speech model; check the network connection and try again.`,
      { cause: error },
    );
  }

  private async guardDisk<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EDQUOT') {
        throw new ModelDownloadError('disk-full', 'There is not enough free disk space to download the speech model.', { cause: error });
      }
      if (error instanceof ModelDownloadError) throw error;
      throw new ModelDownloadError('write-failed', `The speech model could not be saved: ${(error as Error).message}.`, { cause: error });
    }
  }
}

function cancelled(cause?: unknown): ModelDownloadError {
  return new ModelDownloadError('cancelled', 'The speech model download was cancelled.', { cause });
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
