import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ModelFolderError, validateModelFolder } from '../../src/stt/model-folder.js';
import { writeFakeWhisperModel } from './helpers/fake-whisper-model.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vouch-folder-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('"Use a folder…" validation', () => {
  it('accepts a complete export', async () => {
    await writeFakeWhisperModel(dir, { merged: true });
    const files = await validateModelFolder(dir);
    expect(files.decoderHasCache).toBe(true);
  });

  it('names what is missing in one sentence', async () => {
    await writeFakeWhisperModel(dir, { merged: true });
    await unlink(join(dir, 'onnx', 'encoder_model.onnx'));
    await expect(validateModelFolder(dir)).rejects.toThrow(
      new ModelFolderError(`The folder ${dir} is not a Whisper model: onnx/encoder_model*.onnx is missing.`),
    );
    await expect(validateModelFolder(join(dir, 'nowhere'))).rejects.toThrow(/config\.json and tokenizer\.json are missing\.$/);
  });
});
