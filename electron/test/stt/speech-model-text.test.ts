import { describe, expect, it } from 'vitest';
import { describeSpeechModel } from '../../src/stt/speech-model-text.js';

describe('speech model status line', () => {
  it('says what the model is doing in one line', () => {
    expect(describeSpeechModel({ status: 'downloading', doneBytes: 12_400_000, totalBytes: 41_200_000 })).toBe(
      'Downloading speech model — 12 of 41 MB',
    );
    expect(describeSpeechModel({ status: 'downloading', doneBytes: 3_000_000, totalBytes: undefined })).toBe(
      'Downloading speech model — 3 MB',
    );
    expect(describeSpeechModel({ status: 'missing' })).toBe('Speech model not downloaded');
    expect(describeSpeechModel({ status: 'loading', modelDir: '/m', fraction: 0.4 })).toBe('Loading speech model…');
    expect(describeSpeechModel({ status: 'ready', modelDir: '/m' })).toBe('Speech model ready');
    expect(
      describeSpeechModel({
        status: 'failed',
        code: 'disk-full',
        reason: 'There is not enough free disk space to download the speech model.',
      }),
    ).toBe('There is not enough free disk space to download the speech model.');
  });
});
