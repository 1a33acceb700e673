/**
 * "Use a folder…": checks that a folder the person picked holds a loadable Whisper export before the
 * app remembers it, so a wrong pick is answered at once in one sentence rather than at the next load.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ModelNotFoundError, resolveWhisperModelFiles, type WhisperModelFiles } from './model-files.js';
import { VouchError } from '../../../backend/src/protocol/vouchError.js';

export class ModelFolderError extends VouchError {
  override name = 'ModelFolderError';
  override readonly code = 'not-a-model';
}

export async function validateModelFolder(dir: string): Promise<WhisperModelFiles> {
  const missing: string[] = [];
  if (!existsSync(join(dir, 'config.json'))) missing.push('config.json');
  if (!existsSync(join(dir, 'tokenizer.json')) && !existsSync(join(dir, 'vocab.json'))) missing.push('tokenizer.json');
  if (missing.length === 0) {
    try {
      return await resolveWhisperModelFiles(dir);
    } catch (error) {
      if (!(error instanceof ModelNotFoundError)) throw error;
      missing.push(/encoder/.test(error.message) ? 'onnx/encoder_model*.onnx' : 'onnx/decoder_model*.onnx');
    }
  }
  throw new ModelFolderError(
    `The folder ${dir} is not a Whisper model: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing.`,
  );
}
