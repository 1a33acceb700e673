/**
 * End to end: a sentence spoken by espeak-ng into a WAV file is read, resampled to 16 kHz, trimmed and
 * transcribed by Whisper in the STT worker. espeak-ng is required (CI installs it): its absence fails
 * the suite. The Whisper weights come from VOUCH_WHISPER_MODEL_DIR or resources/models/; without them
 * the transcription test is skipped with the reason in its name.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateWhisperModelDir, WHISPER_MODEL_DIR_ENV } from '../../src/stt/model-location.js';
import { resample, WHISPER_SAMPLE_RATE, downmixToMono } from '../../src/stt/resample.js';
import { detectSpeechRegion } from '../../src/stt/vad.js';
import { parseWav } from '../../src/stt/wav.js';
import { WorkerSttEngine } from '../../src/stt/worker-stt-engine.js';

const SENTENCE = 'what is on my calendar tomorrow';

function words(text: string): string[] {
  return text
    .toLowerCase()
    // Whisper may write the contraction espeak-ng's speech does not distinguish.
    .replace(/\bwhat's\b/g, 'what is')
    .replace(/[^a-z0-9' ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

function espeakAvailable(): boolean {
  return spawnSync('espeak-ng', ['--version'], { encoding: 'utf8' }).status === 0;
}

let dir: string;
let pcm16k: Float32Array;
let sourceRate: number;

beforeAll(async () => {
  if (!espeakAvailable()) {
    throw new Error('espeak-ng is not installed: the Whisper test needs it to speak its input (apt-get install espeak-ng)');
  }
  dir = await mkdtemp(join(tmpdir(), 'vouch-espeak-'));
  const wavPath = join(dir, 'sentence.wav');
  execFileSync('espeak-ng', ['-v', 'en-us', '-s', '150', '-w', wavPath, SENTENCE]);
  const wav = parseWav(await readFile(wavPath));
  sourceRate = wav.sampleRate;
  pcm16k = resample(downmixToMono(wav.channelData), wav.sampleRate, WHISPER_SAMPLE_RATE);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('speech from espeak-ng', () => {
  it('is read from the WAV, resampled to 16 kHz and found by the voice-activity detector', () => {
    expect(sourceRate).toBe(22_050);
    const seconds = pcm16k.length / WHISPER_SAMPLE_RATE;
    expect(seconds).toBeGreaterThan(1);
    expect(seconds).toBeLessThan(5);
    const region = detectSpeechRegion(pcm16k, WHISPER_SAMPLE_RATE);
    expect(region.hasSpeech).toBe(true);
    expect(region.end - region.start).toBeGreaterThan(WHISPER_SAMPLE_RATE);
  });

  const modelDir = locateWhisperModelDir({ env: process.env });
  const reason = modelDir ? '' : ` (SKIPPED: no Whisper weights; set ${WHISPER_MODEL_DIR_ENV} or add resources/models/whisper-tiny.en)`;
  it.skipIf(!modelDir)(`is transcribed by Whisper in the STT worker with the words right${reason}`, { timeout: 120_000 }, async () => {
    const engine = new WorkerSttEngine({ engine: 'whisper-onnx', modelDir: modelDir! });
    try {
      await engine.load();
      // Pad with a second of silence on each side, as a push-to-talk clip would have.
      const padded = new Float32Array(pcm16k.length + 2 * WHISPER_SAMPLE_RATE);
      padded.set(pcm16k, WHISPER_SAMPLE_RATE);
      const result = await engine.transcribe(padded);
      expect(words(result.text)).toEqual(words(SENTENCE));
    } finally {
      await engine.dispose();
    }
  });
});
