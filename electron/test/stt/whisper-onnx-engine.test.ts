import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SttNotLoadedError, type ModelLoadProgress } from '../../src/stt/stt-engine.js';
import { WhisperOnnxEngine } from '../../src/stt/whisper-onnx-engine.js';
import { ModelNotFoundError } from '../../src/stt/model-files.js';
import { FAKE_EXPECTED_TEXT, writeFakeWhisperModel } from './helpers/fake-whisper-model.js';

/** One second of a 440 Hz tone between half-second silences, at 16 kHz. */
function toneBurst(): Float32Array {
  const pcm = new Float32Array(32_000);
  for (let i = 8_000; i < 24_000; i++) pcm[i] = 0.3 * Math.sin((2 * Math.PI * 440 * i) / 16_000);
  return pcm;
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vouch-stt-engine-'));
  await writeFakeWhisperModel(join(root, 'plain'), { merged: false });
  await writeFakeWhisperModel(join(root, 'merged'), { merged: true });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('WhisperOnnxEngine on onnxruntime-node (scripted stand-in model)', () => {
  for (const layout of ['plain', 'merged'] as const) {
    it(`decodes greedily to end-of-text with the ${layout} decoder, masking control and suppressed tokens`, async () => {
      const engine = new WhisperOnnxEngine({ modelDir: join(root, layout), intraOpNumThreads: 1 });
      const progress: ModelLoadProgress[] = [];
      await engine.load((p) => progress.push(p));
      try {
        const result = await engine.transcribe(toneBurst());
        expect(result.text).toBe(FAKE_EXPECTED_TEXT);
        expect(result.audioMs).toBe(2000);
        // The VAD kept the tone plus padding, not the leading/trailing silence.
        expect(result.speechMs).toBeGreaterThan(1000);
        expect(result.speechMs).toBeLessThan(1600);
        expect(result.durationMs).toBeGreaterThan(0);
      } finally {
        await engine.dispose();
      }
      expect(progress.map((p) => p.stage)).toEqual(['resolving', 'tokenizer', 'encoder', 'decoder', 'warming', 'ready']);
      const fractions = progress.map((p) => p.fraction);
      expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
      expect(fractions.at(-1)).toBe(1);
    });
  }

  it('returns empty text without running the model when the clip is silent', async () => {
    const engine = new WhisperOnnxEngine({ modelDir: join(root, 'plain'), intraOpNumThreads: 1 });
    await engine.load();
    try {
      const result = await engine.transcribe(new Int16Array(16_000));
      expect(result.text).toBe('');
      expect(result.speechMs).toBe(0);
    } finally {
      await engine.dispose();
    }
  });

  it('refuses to transcribe before load and reports a missing model folder', async () => {
    const engine = new WhisperOnnxEngine({ modelDir: join(root, 'nowhere') });
    await expect(engine.transcribe(new Float32Array(16_000))).rejects.toBeInstanceOf(SttNotLoadedError);
    await expect(engine.load()).rejects.toBeInstanceOf(ModelNotFoundError);
  });
});
