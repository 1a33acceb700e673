/**
 * The speech model download against a real HTTP server started here, serving generated files under
 * the Hugging Face `resolve/<revision>/<path>` layout with Range support and scripted faults.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readModelManifest, type ModelManifest } from '../../src/stt/model-manifest.js';
import {
  DEFAULT_MODEL_BASE_URL,
  ModelDownloadError,
  ModelManager,
  openFileWriter,
  resolveModelBaseUrl,
  type DownloadProgress,
  type OpenWriter,
} from '../../src/stt/model-manager.js';
import { ModelServer } from './helpers/model-server.js';
import { REPO_ROOT } from './helpers/shared-models.js';

const REVISION = 'abc123';
const FILES: Record<string, Buffer> = {
  'config.json': Buffer.from(JSON.stringify({ d_model: 4 })),
  'onnx/encoder_model_quantized.onnx': randomBytes(200_000),
  'onnx/decoder_model_merged_quantized.onnx': randomBytes(300_000),
};
const TOTAL = Object.values(FILES).reduce((n, b) => n + b.length, 0);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function manifest(overrides: Partial<Record<string, string>> = {}): ModelManifest {
  return {
    name: 'test-model',
    repository: 'acme/test-model',
    revision: REVISION,
    files: Object.entries(FILES).map(([path, body]) => ({ path, sha256: overrides[path] ?? sha(body) })),
  };
}

let server: ModelServer;
let baseUrl: string;
let modelsDir: string;

beforeEach(async () => {
  server = new ModelServer('acme/test-model', REVISION, FILES);
  baseUrl = await server.start();
  modelsDir = await mkdtemp(join(tmpdir(), 'vouch-models-'));
});
afterEach(async () => {
  await server.stop();
  await rm(modelsDir, { recursive: true, force: true });
});

const manager = (options: { manifest?: ModelManifest; openWriter?: OpenWriter } = {}) =>
  new ModelManager({
    manifest: options.manifest ?? manifest(),
    modelsDir,
    fetch,
    baseUrl,
    ...(options.openWriter ? { openWriter: options.openWriter } : {}),
  });

async function expectNoLoadableModel(): Promise<void> {
  expect(existsSync(join(modelsDir, 'test-model'))).toBe(false);
  expect(await manager().installedDir()).toBeUndefined();
}

async function expectInstalled(dir: string): Promise<void> {
  expect(dir).toBe(join(modelsDir, 'test-model'));
  for (const [path, body] of Object.entries(FILES)) expect(sha(await readFile(join(dir, path)))).toBe(sha(body));
  expect(await manager().installedDir()).toBe(dir);
  // Staging is gone; no .part is left beside the model.
  expect((await readdir(modelsDir)).sort()).toEqual(['test-model']);
}

/** Resolves once `m` has written some bytes of `path` (progress is reported after each write). */
function bytesWritten(m: ModelManager, path: string): Promise<void> {
  let beforeFile = 0;
  return new Promise((resolve) =>
    m.on('progress', (p) => {
      if (p.file !== path) beforeFile = p.doneBytes;
      else if (p.doneBytes > beforeFile) resolve();
    }),
  );
}

async function failure(promise: Promise<unknown>): Promise<ModelDownloadError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelDownloadError);
  return error as ModelDownloadError;
}

describe('ModelManager', () => {
  it('downloads every file, verifies it and installs the folder, with monotone progress to the total', async () => {
    const m = manager();
    const progress: DownloadProgress[] = [];
    m.on('progress', (p) => progress.push(p));
    const dir = await m.download();
    await expectInstalled(dir);
    expect(progress.length).toBeGreaterThan(3);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.doneBytes).toBeGreaterThanOrEqual(progress[i - 1]!.doneBytes);
    expect(progress.every((p) => p.totalBytes === TOTAL)).toBe(true);
    expect(progress.at(-1)!.doneBytes).toBe(TOTAL);
    // Installed: the next start does not touch the network.
    const before = server.seen.length;
    expect(await manager().download()).toBe(dir);
    expect(server.seen.length).toBe(before);
  });

  it('resumes with a Range request after the connection is cut mid-body', async () => {
    const path = 'onnx/decoder_model_merged_quantized.onnx';
    server.faults.set(path, ['cut']);
    const m = manager();
    server.cutWhen = () => bytesWritten(m, path);
    const error = await failure(m.download());
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/^[A-Z][^.]*127\.0\.0\.1[^]*\.$/);
    await expectNoLoadableModel();
    const progress: DownloadProgress[] = [];
    m.on('progress', (p) => progress.push(p));
    await expectInstalled(await m.download());
    const gets = server.gets(path);
    expect(gets).toHaveLength(2);
    expect(gets[1]!.range).toMatch(/^bytes=[1-9]\d*-$/);
    // Files already verified are not fetched again.
    expect(server.gets('onnx/encoder_model_quantized.onnx')).toHaveLength(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.doneBytes).toBeGreaterThanOrEqual(progress[i - 1]!.doneBytes);
    expect(progress.at(-1)!.doneBytes).toBe(TOTAL);
  });

  it('resumes after a restart: a new manager picks up the kept partial file', async () => {
    const path = 'onnx/encoder_model_quantized.onnx';
    server.faults.set(path, ['cut']);
    const first = manager();
    server.cutWhen = () => bytesWritten(first, path);
    expect((await failure(first.download())).code).toBe('network');
    await expectInstalled(await manager().download());
    expect(server.gets(path).map((s) => s.range)).toEqual([undefined, expect.stringMatching(/^bytes=\d+-$/)]);
  });

  it('starts a file over when the server ignores the Range or answers a different one', async () => {
    const path = 'onnx/encoder_model_quantized.onnx';
    for (const fault of ['ignore-range', 'wrong-range'] as const) {
      await rm(modelsDir, { recursive: true, force: true });
      server.faults.set(path, ['cut', fault]);
      const first = manager();
      server.cutWhen = () => bytesWritten(first, path);
      expect((await failure(first.download())).code).toBe('network');
      await expectInstalled(await manager().download());
    }
  });

  it('refuses and removes a file whose digest does not match, leaving no loadable model', async () => {
    const bad = 'onnx/encoder_model_quantized.onnx';
    const error = await failure(manager({ manifest: manifest({ [bad]: 'f'.repeat(64) }) }).download());
    expect(error.code).toBe('digest-mismatch');
    expect(error.message).toBe(
      `The downloaded speech model file ${bad} did not match its published SHA-256 checksum, so it was discarded.`,
    );
    const staging = join(modelsDir, '.test-model.download');
    expect(existsSync(join(staging, bad))).toBe(false);
    expect(existsSync(join(staging, `${bad}.part`))).toBe(false);
    await expectNoLoadableModel();
  });

  it('ends a 404 in one sentence', async () => {
    server.faults.set('config.json', ['404']);
    const error = await failure(manager().download());
    expect(error.code).toBe('not-found');
    expect(error.message).toMatch(/^The speech model file config\.json was not found on 127\.0\.0\.1:\d+ \(HTTP 404\)\.$/);
    await expectNoLoadableModel();
  });

  it('ends "no network" in one sentence', async () => {
    await server.stop();
    const error = await failure(manager().download());
    expect(error.code).toBe('network');
    expect(error.message).toMatch(
      /^Could not reach 127\.0\.0\.1:\d+ to download the speech model; check the network connection and try again\.$/,
    );
    await expectNoLoadableModel();
  });

  it('ends a full disk (ENOSPC from the writer) in one sentence, and resumes once space is back', async () => {
    let budget = 250_000;
    const fullDisk: OpenWriter = async (path, mode) => {
      const inner = await openFileWriter(path, mode);
      return {
        async write(chunk) {
          if (budget - chunk.length < 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          budget -= chunk.length;
          await inner.write(chunk);
        },
        close: () => inner.close(),
      };
    };
    const error = await failure(manager({ openWriter: fullDisk }).download());
    expect(error.code).toBe('disk-full');
    expect(error.message).toBe('There is not enough free disk space to download the speech model.');
    await expectNoLoadableModel();
    await expectInstalled(await manager().download());
  });

  it('is cancellable mid-file, and the cancelled download leaves no loadable model', async () => {
    const path = 'onnx/decoder_model_merged_quantized.onnx';
    server.faults.set(path, ['stall']);
    const m = manager();
    m.on('progress', (p) => {
      if (p.file === path && p.doneBytes > TOTAL - FILES[path]!.length) m.cancel();
    });
    const error = await failure(m.download());
    expect(error.code).toBe('cancelled');
    expect(error.message).toBe('The speech model download was cancelled.');
    await expectNoLoadableModel();
  });

  it('is cancellable through an AbortSignal', async () => {
    const abort = new AbortController();
    abort.abort();
    expect((await failure(manager().download({ signal: abort.signal }))).code).toBe('cancelled');
    await expectNoLoadableModel();
  });

  it('coalesces two starts into one download', async () => {
    const m = manager();
    const a = m.download();
    const b = m.download();
    expect(b).toBe(a);
    const [dirA, dirB] = await Promise.all([a, b]);
    expect(dirB).toBe(dirA);
    for (const path of Object.keys(FILES)) expect(server.gets(path)).toHaveLength(1);
  });
});

describe('model source', () => {
  it('defaults to the Hugging Face hub and follows VOUCH_MODEL_BASE_URL', () => {
    expect(resolveModelBaseUrl({})).toBe(DEFAULT_MODEL_BASE_URL);
    expect(resolveModelBaseUrl({ VOUCH_MODEL_BASE_URL: 'https://mirror.example/hf/' })).toBe('https://mirror.example/hf');
    expect(() => resolveModelBaseUrl({ VOUCH_MODEL_BASE_URL: 'file:///tmp' })).toThrow(/VOUCH_MODEL_BASE_URL/);
  });

  it('pins whisper-tiny.en q8 at the published revision with the digests of the shared README', async () => {
    const pinned = await readModelManifest(join(REPO_ROOT, 'resources'));
    expect(pinned.repository).toBe('onnx-community/whisper-tiny.en');
    expect(pinned.revision).toBe('2575352d61be1bf7225cf8f8b268a4678025fc58');
    expect(pinned.files.map((f) => f.path)).toContain('onnx/decoder_model_merged_quantized.onnx');
    expect(pinned.files.find((f) => f.path === 'onnx/encoder_model_quantized.onnx')?.sha256).toBe(
      'e93ec822f16a8fd264e7de972ad17d615ea7334b75a52d54c50c2e18dd503a25',
    );
  });
});
