import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelLoadProgress } from '../../src/stt/stt-engine.js';
import { createSttRequestHandler } from '../../src/stt/stt-worker-service.js';
import { WorkerSttEngine } from '../../src/stt/worker-stt-engine.js';
import type { WorkerReply } from '../../src/stt/worker-protocol.js';
import { FAKE_EXPECTED_TEXT, writeFakeWhisperModel } from './helpers/fake-whisper-model.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vouch-stt-worker-'));
  await writeFakeWhisperModel(join(root, 'model'), { merged: true });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function speechLike(): Int16Array {
  const pcm = new Int16Array(24_000);
  for (let i = 4_000; i < 20_000; i++) pcm[i] = Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / 16_000));
  return pcm;
}

describe('WorkerSttEngine (worker_threads)', () => {
  it('loads with progress events and transcribes in the worker, leaving the caller its samples', async () => {
    const engine = new WorkerSttEngine({ engine: 'whisper-onnx', modelDir: join(root, 'model'), intraOpNumThreads: 1 });
    const progress: ModelLoadProgress[] = [];
    try {
      await engine.load((p) => progress.push(p));
      expect(progress.at(0)?.stage).toBe('resolving');
      expect(progress.at(-1)).toEqual({ stage: 'ready', fraction: 1 });
      const pcm = speechLike();
      const result = await engine.transcribe(pcm);
      expect(result.text).toBe(FAKE_EXPECTED_TEXT);
      expect(result.audioMs).toBe(1500);
      // The caller's buffer was copied, not transferred away.
      expect(pcm.length).toBe(24_000);
      // Requests queue in order.
      const [a, b] = await Promise.all([engine.transcribe(pcm), engine.transcribe(new Float32Array(8000))]);
      expect(a.text).toBe(FAKE_EXPECTED_TEXT);
      expect(b.text).toBe('');
    } finally {
      await engine.dispose();
    }
  });

  it('streams an utterance: audio appended while speaking, transcribed at release', async () => {
    const engine = new WorkerSttEngine({ engine: 'whisper-onnx', modelDir: join(root, 'model'), intraOpNumThreads: 1 });
    try {
      await engine.load();
      await expect(engine.finishUtterance()).rejects.toMatchObject({ name: 'NoUtteranceError' });
      const pcm = Float32Array.from(speechLike(), (v) => v / 32768);
      engine.beginUtterance();
      for (let offset = 0; offset < pcm.length; offset += 320) engine.appendAudio(pcm.subarray(offset, offset + 320));
      const result = await engine.finishUtterance();
      expect(result.text).toBe(FAKE_EXPECTED_TEXT);
      expect(result.audioMs).toBe(1500);
      expect(result.speechMs).toBeLessThan(1500);
      // A silent utterance yields no text and runs no model.
      engine.beginUtterance();
      engine.appendAudio(new Float32Array(16_000));
      expect((await engine.finishUtterance()).text).toBe('');
    } finally {
      await engine.dispose();
    }
  });

  it('surfaces a load failure in the worker as a rejected promise with the error name', async () => {
    const engine = new WorkerSttEngine({ engine: 'whisper-onnx', modelDir: join(root, 'missing') });
    try {
      await expect(engine.load()).rejects.toMatchObject({ name: 'ModelNotFoundError' });
      await expect(engine.transcribe(new Float32Array(1600))).rejects.toMatchObject({ name: 'SttNotLoadedError' });
    } finally {
      await engine.dispose();
    }
  });

  it('rejects an invalid configuration before starting a worker', () => {
    expect(() => new WorkerSttEngine({ engine: 'whisper-onnx', modelDir: '' })).toThrow();
  });
});

describe('STT worker request handler', () => {
  it('answers a malformed request with an error instead of acting on it', async () => {
    const replies: WorkerReply[] = [];
    let loads = 0;
    const handle = createSttRequestHandler(
      {
        load: async () => void loads++,
        transcribe: async () => ({ text: 'x', durationMs: 0, audioMs: 0, speechMs: 0 }),
        dispose: async () => undefined,
      },
      { postMessage: (m) => replies.push(m) },
    );
    await handle({ type: 'transcribe', id: 3, pcm: [0.1, 0.2] });
    await handle({ type: 'explode' });
    expect(replies).toEqual([
      expect.objectContaining({ type: 'error', id: 3, name: 'BadRequest' }),
      expect.objectContaining({ type: 'error', id: null, name: 'BadRequest' }),
    ]);
    expect(loads).toBe(0);
  });
});
