/**
 * The speech model state machine end to end: a stand-in Whisper export served over real HTTP, fetched
 * by the model manager, then loaded and warmed in the real STT worker.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ModelManifest } from '../../src/stt/model-manifest.js';
import { ModelManager } from '../../src/stt/model-manager.js';
import { validateModelFolder } from '../../src/stt/model-folder.js';
import { SpeechModel, type SpeechModelState } from '../../src/stt/speech-model.js';
import { WorkerSttEngine } from '../../src/stt/worker-stt-engine.js';
import { FAKE_EXPECTED_TEXT, writeFakeWhisperModel } from './helpers/fake-whisper-model.js';
import { ModelServer } from './helpers/model-server.js';

const REVISION = 'r1';
let files: Record<string, Uint8Array>;
let server: ModelServer;
let baseUrl: string;
let root: string;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

beforeAll(async () => {
  const source = await mkdtemp(join(tmpdir(), 'vouch-fake-src-'));
  await writeFakeWhisperModel(source, { merged: true });
  files = {};
  for (const path of await listFiles(source)) files[path] = await readFile(join(source, path));
  await rm(source, { recursive: true, force: true });
});

beforeEach(async () => {
  server = new ModelServer('acme/fake-whisper', REVISION, files);
  baseUrl = await server.start();
  root = await mkdtemp(join(tmpdir(), 'vouch-speech-model-'));
});
afterEach(async () => {
  await server.stop();
  await rm(root, { recursive: true, force: true });
});

function manifest(digestOverride?: string): ModelManifest {
  return {
    name: 'fake-whisper',
    repository: 'acme/fake-whisper',
    revision: REVISION,
    files: Object.entries(files).map(([path, body]) => ({
      path,
      sha256: digestOverride && path.endsWith('.onnx') ? digestOverride : createHash('sha256').update(body).digest('hex'),
    })),
  };
}

function speechModel(options: { located?: string; digestOverride?: string } = {}) {
  const downloader = new ModelManager({ manifest: manifest(options.digestOverride), modelsDir: join(root, 'models'), fetch, baseUrl });
  const model = new SpeechModel({
    locate: () => options.located,
    downloader,
    createEngine: (modelDir) => new WorkerSttEngine({ engine: 'whisper-onnx', modelDir, intraOpNumThreads: 1 }),
    validateFolder: validateModelFolder,
  });
  const states: SpeechModelState[] = [];
  model.on('state', (s) => states.push(s));
  return { model, states };
}

function speechLike(): Float32Array {
  const pcm = new Float32Array(24_000);
  for (let i = 4_000; i < 20_000; i++) pcm[i] = 0.25 * Math.sin((2 * Math.PI * 220 * i) / 16_000);
  return pcm;
}

describe('SpeechModel', () => {
  it('is missing at start without a model, then downloads, loads and is ready to transcribe', async () => {
    const { model, states } = speechModel();
    try {
      await model.start();
      expect(model.state).toEqual({ status: 'missing' });
      // Nothing is downloading: the controller's load is told at once instead of waiting forever.
      await expect(model.sttEngine.load()).rejects.toThrow('The speech model is not downloaded yet.');
      const controllerLoad = model.sttEngine.load();
      await model.download();
      await controllerLoad;
      const statuses = states.map((s) => s.status);
      expect(statuses[0]).toBe('missing');
      expect(statuses.slice(1, statuses.indexOf('loading')).every((s) => s === 'downloading')).toBe(true);
      expect(statuses.at(-1)).toBe('ready');
      const downloads = states.filter((s): s is Extract<SpeechModelState, { status: 'downloading' }> => s.status === 'downloading');
      expect(downloads.at(-1)!.doneBytes).toBe(downloads.at(-1)!.totalBytes);
      expect((await model.sttEngine.transcribe(speechLike())).text).toBe(FAKE_EXPECTED_TEXT);
    } finally {
      await model.dispose();
    }
  });

  it('loads and warms a present model at start, before any transcription is asked for', async () => {
    await new ModelManager({ manifest: manifest(), modelsDir: join(root, 'models'), fetch, baseUrl }).download();
    const requests = server.seen.length;
    const { model, states } = speechModel();
    try {
      // What AppController does at its own start: wait for the model through the engine facade.
      const controllerLoad = model.sttEngine.load();
      await model.start();
      await controllerLoad;
      expect(server.seen.length).toBe(requests);
      expect(states[0]).toMatchObject({ status: 'loading', fraction: 0 });
      // The warm-up stage (encoder + one decoder step in the worker) ran as part of the load.
      expect(states.some((s) => s.status === 'loading' && s.fraction === 0.8)).toBe(true);
      expect(states.at(-1)).toEqual({ status: 'ready', modelDir: join(root, 'models', 'fake-whisper') });
    } finally {
      await model.dispose();
    }
  });

  it('fails with the reason when a download is refused, and the engine facade reports it', async () => {
    const { model } = speechModel({ digestOverride: '0'.repeat(64) });
    try {
      await model.start();
      const controllerLoad = model.sttEngine.load();
      await model.download();
      expect(model.state).toMatchObject({
        status: 'failed',
        code: 'digest-mismatch',
        reason: expect.stringMatching(/checksum, so it was discarded\.$/),
      });
      await expect(controllerLoad).rejects.toThrow(/checksum/);
      await expect(model.sttEngine.transcribe(new Float32Array(160))).rejects.toThrow(/not ready/);
    } finally {
      await model.dispose();
    }
  });

  it('fails with the reason when a present model cannot be loaded', async () => {
    const broken = join(root, 'broken');
    await writeFakeWhisperModel(broken, { merged: true });
    await writeFile(join(broken, 'onnx', 'encoder_model.onnx'), 'not a graph');
    const { model } = speechModel({ located: broken });
    try {
      await model.start();
      expect(model.state).toMatchObject({
        status: 'failed',
        code: 'load-failed',
        reason: expect.stringContaining(`The speech model in ${broken} could not be loaded`),
      });
    } finally {
      await model.dispose();
    }
  });

  it('"Use a folder…" refuses a folder that is not a model, and loads one that is', async () => {
    const { model } = speechModel();
    try {
      await model.useFolder(join(root, 'empty'));
      expect(model.state).toMatchObject({ status: 'failed', code: 'not-a-model', reason: expect.stringMatching(/is not a Whisper model/) });
      const good = join(root, 'picked');
      await writeFakeWhisperModel(good, { merged: false });
      await model.useFolder(good);
      expect(model.state).toEqual({ status: 'ready', modelDir: good });
    } finally {
      await model.dispose();
    }
  });
});
