/**
 * The controller with the speech model manager: the popover's "Speech model" row is fed by
 * `speech_model` events, a download over real HTTP (a local model host serving generated files)
 * makes Talk work without a restart, and a ready model gets the audio while the person speaks.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeEvent, SpeechModelEvent } from '../../src/bridge/contract.js';
import { AppController } from '../../src/app/controller.js';
import type { AuthSession } from '../../src/auth/session.js';
import type { LinkClient } from '../../src/link/linkClient.js';
import type { ModelManifest } from '../../src/stt/model-manifest.js';
import { ModelManager } from '../../src/stt/model-manager.js';
import type { SpeechModelPort } from '../../src/app/sttPort.js';
import { SpeechModel, type SpeechModelState } from '../../src/stt/speech-model.js';
import type { StreamingSttEngine, Transcription } from '../../src/stt/stt-engine.js';
import { ModelServer } from '../stt/helpers/model-server.js';
import { ManualTimers } from './helpers/timers.js';

const REVISION = 'r1';
const FILES: Record<string, Uint8Array> = {
  'onnx/encoder_model_quantized.onnx': new Uint8Array(300_000).map((_, i) => (i * 7) % 251),
  'tokenizer.json': new TextEncoder().encode('{"model":{}}'),
};
const MANIFEST: ModelManifest = {
  name: 'fake-whisper',
  repository: 'acme/fake-whisper',
  revision: REVISION,
  files: Object.entries(FILES).map(([path, body]) => ({ path, sha256: createHash('sha256').update(body).digest('hex') })),
};

/** An engine that records what reaches it and "hears" the number of samples streamed. */
class RecordingEngine implements StreamingSttEngine {
  readonly calls: string[] = [];
  private samples = 0;
  constructor(readonly modelDir: string) {}
  async load(): Promise<void> {
    this.calls.push('load');
  }
  async transcribe(pcm: Float32Array | Int16Array): Promise<Transcription> {
    this.calls.push('transcribe');
    return { text: `whole ${pcm.length}`, durationMs: 0, audioMs: 0, speechMs: 0 };
  }
  beginUtterance(): void {
    this.calls.push('begin');
    this.samples = 0;
  }
  appendAudio(pcm: Float32Array): void {
    this.calls.push(`append ${pcm.length} ${pcm[0]!.toFixed(3)}`);
    this.samples += pcm.length;
  }
  async finishUtterance(): Promise<Transcription> {
    this.calls.push('finish');
    return { text: ` streamed ${this.samples} `, durationMs: 0, audioMs: 0, speechMs: 0 };
  }
  async dispose(): Promise<void> {}
}

let server: ModelServer;
let baseUrl: string;
let root: string;
beforeEach(async () => {
  server = new ModelServer('acme/fake-whisper', REVISION, FILES);
  baseUrl = await server.start();
  root = await mkdtemp(join(tmpdir(), 'vouch-controller-speech-'));
});
afterEach(async () => {
  await server.stop();
  await rm(root, { recursive: true, force: true });
});

function world(options: { chooseSpeechModelFolder?: (typed: string | undefined) => Promise<string | undefined> } = {}) {
  const events: BridgeEvent[] = [];
  const sent: unknown[] = [];
  const engines: RecordingEngine[] = [];
  const speech = new SpeechModel({
    locate: () => undefined,
    downloader: new ModelManager({ manifest: MANIFEST, modelsDir: join(root, 'models'), fetch, baseUrl }),
    createEngine: (dir) => {
      const engine = new RecordingEngine(dir);
      engines.push(engine);
      return engine;
    },
    validateFolder: async (dir) => {
      if (!dir.endsWith('model')) throw new Error(`${dir} does not hold a Whisper model.`);
    },
  });
  const session = {
    state: { signedIn: true, user: { sub: 'auth0|alex' } },
    onChange: () => () => {},
    restore: async () => false,
  } as unknown as AuthSession;
  const link = { send: (f: unknown) => sent.push(f), start() {} } as unknown as LinkClient;
  const controller = new AppController({
    session,
    link,
    speech,
    ...(options.chooseSpeechModelFolder ? { chooseSpeechModelFolder: options.chooseSpeechModelFolder } : {}),
    connect: async () => {},
    getAudit: async () => ({ entries: [], verified: { ok: true, count: 0 } }),
    emit: (e) => events.push(e),
    newId: () => 't-1',
    timers: new ManualTimers(),
  });
  const rows = () => events.filter((e): e is SpeechModelEvent => e.type === 'speech_model');
  const settled = (status: 'ready' | 'failed' | 'missing') =>
    expect.poll(() => rows().at(-1)?.state.status, { timeout: 10_000 }).toBe(status);
  return { controller, events, sent, engines, speech, rows, settled };
}

describe('the speech model in the controller', () => {
  it('a fresh install shows the model as missing, and Talk is refused with the download named', async () => {
    const { controller, rows, settled } = world();
    await controller.start();
    await settled('missing');
    expect(rows().at(-1)).toEqual({ type: 'speech_model', state: { status: 'missing' }, text: 'Speech model not downloaded' });
    expect(() => controller.handlers.startListening()).toThrow(
      expect.objectContaining({ code: 'UNAVAILABLE', message: expect.stringContaining('not downloaded yet') }),
    );
    expect(controller.recording.recording).toBe(false);
  });

  it('the push-to-talk shortcut before the model is ready records nothing and says why', async () => {
    const { controller, events, settled } = world();
    await controller.start();
    await settled('missing');
    controller.hotkeyDown();
    controller.hotkeyUp();
    expect(events.filter((e) => e.type === 'talk_refused')).toEqual([
      { type: 'talk_refused', message: expect.stringContaining('not downloaded yet') },
    ]);
    expect(events.some((e) => e.type === 'recording' && e.state === 'listening')).toBe(false);
    expect(controller.recording.recording).toBe(false);
  });

  it('downloads with monotone progress, loads the model when it arrives, then streams Talk’s audio to it', async () => {
    const { controller, rows, settled, engines, sent, events } = world();
    await controller.start();
    await settled('missing');
    await controller.handlers.downloadSpeechModel();
    await settled('ready');

    const downloading = rows().filter((r) => r.state.status === 'downloading');
    expect(downloading.length).toBeGreaterThan(0);
    const done = downloading.map((r) => (r.state as { doneBytes: number }).doneBytes);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(downloading.at(-1)!.text).toMatch(/^Downloading speech model — \d+( of \d+)? MB$/);
    expect(
      rows()
        .map((r) => r.state.status)
        .slice(-2),
    ).toEqual(['loading', 'ready']);
    expect(rows().at(-1)).toEqual({ type: 'speech_model', state: { status: 'ready' }, text: 'Speech model ready' });
    // No path of the user's disk reaches the page.
    expect(JSON.stringify(rows())).not.toContain(root);

    // Talk now works, without a restart: the audio is streamed while it is captured.
    controller.handlers.startListening();
    controller.handlers.pushAudio(new Int16Array(320).fill(16384).buffer);
    controller.handlers.pushAudio(new Int16Array(160).fill(-16384).buffer);
    controller.handlers.stopListening();
    await expect.poll(() => sent).toEqual([{ type: 'transcript', id: 't-1', text: 'streamed 480' }]);
    expect(engines).toHaveLength(1);
    expect(engines[0]!.calls).toEqual(['load', 'begin', 'append 320 0.500', 'append 160 -0.500', 'finish']);
    expect(events).toContainEqual({ type: 'transcript', id: 't-1', text: 'streamed 480' });
  });

  it('a cancelled download ends in a sentence and leaves Talk refused; Retry then downloads', async () => {
    const { controller, rows, settled } = world();
    await controller.start();
    await settled('missing');
    server.faults.set('onnx/encoder_model_quantized.onnx', ['stall']);
    await controller.handlers.downloadSpeechModel();
    await expect.poll(() => rows().some((r) => r.state.status === 'downloading' && r.state.doneBytes > 0), { timeout: 10_000 }).toBe(true);
    await controller.handlers.cancelSpeechModelDownload();
    await settled('failed');
    const failed = rows().at(-1)!;
    expect(failed.state).toEqual({ status: 'failed', reason: failed.text });
    expect(() => controller.handlers.startListening()).toThrow(
      expect.objectContaining({ code: 'UNAVAILABLE', message: expect.stringContaining(failed.text) }),
    );

    await controller.handlers.downloadSpeechModel();
    await settled('ready');
    controller.handlers.startListening();
    expect(controller.recording.recording).toBe(true);
  });

  it('a 404 from the model host is a failure with its reason', async () => {
    const { controller, rows, settled } = world();
    await controller.start();
    server.faults.set('tokenizer.json', ['404']);
    await controller.handlers.downloadSpeechModel();
    await settled('failed');
    expect(rows().at(-1)!.text.length).toBeGreaterThan(10);
  });

  it('"Use a folder…" loads the folder the host chooses; a folder that is not a model fails with the reason; without a chooser it is unavailable', async () => {
    const chosen: Array<string | undefined> = [];
    const { controller, rows, settled, engines } = world({
      chooseSpeechModelFolder: async (typed) => {
        chosen.push(typed);
        return typed;
      },
    });
    await controller.start();
    await settled('missing');
    await controller.handlers.useSpeechModelFolder('/tmp/not-a-folder');
    await settled('failed');
    expect(rows().at(-1)!.text).toBe('/tmp/not-a-folder does not hold a Whisper model.');
    await controller.handlers.useSpeechModelFolder('/models/my-model');
    await settled('ready');
    expect(engines.map((e) => e.modelDir)).toEqual(['/models/my-model']);
    expect(chosen).toEqual(['/tmp/not-a-folder', '/models/my-model']);

    const bare = world();
    await expect(Promise.resolve().then(() => bare.controller.handlers.useSpeechModelFolder('/models/my-model'))).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });

  it('thins download progress to visible steps: a new line of text, or 1 % of the total', async () => {
    const events: BridgeEvent[] = [];
    const listeners: Array<(s: SpeechModelState) => void> = [];
    let state: SpeechModelState = { status: 'missing' };
    const port: SpeechModelPort = {
      get state() {
        return state;
      },
      on: (_e, l) => listeners.push(l),
      start: async () => {},
      download: async () => {},
      cancelDownload() {},
      useFolder: async () => {},
      sttEngine: { load: async () => {}, transcribe: async () => ({ text: '' }) },
    };
    const session = { state: { signedIn: false }, onChange: () => () => {}, restore: async () => false } as unknown as AuthSession;
    new AppController({
      session,
      link: { send() {} } as unknown as LinkClient,
      speech: port,
      connect: async () => {},
      getAudit: async () => ({ entries: [], verified: { ok: true, count: 0 } }),
      emit: (e) => events.push(e),
      newId: () => 't-1',
      timers: new ManualTimers(),
    });
    const total = 41_000_000;
    for (let done = 0; done <= total; done += 16_384) {
      state = { status: 'downloading', doneBytes: done, totalBytes: total };
      listeners.forEach((l) => l(state));
    }
    state = { status: 'loading', modelDir: '/m', fraction: 0 };
    listeners.forEach((l) => l(state));
    const rows = events.filter((e): e is SpeechModelEvent => e.type === 'speech_model');
    // 2,500 progress callbacks; about one event per percent (and each new megabyte line).
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.length).toBeLessThan(150);
    expect(rows.at(-1)!.state).toEqual({ status: 'loading', fraction: 0 });
    const done = rows.flatMap((r) => (r.state.status === 'downloading' ? [r.state.doneBytes] : []));
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });
});
