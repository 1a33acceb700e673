/**
 * End to end on real weights: request sentences spoken by espeak-ng into WAV files are read, resampled
 * to 16 kHz, streamed into the STT worker in 20 ms chunks as the microphone would deliver them, and
 * transcribed by Whisper; the words must be right (normalised WER ≤ 10 %). espeak-ng is required (CI
 * installs it): its absence fails the suite. The weights come from VOUCH_WHISPER_MODEL_DIR, the
 * resources folder, or the model manager's download in the app's user-data folder; without them the
 * transcription test is skipped with the reason in its name.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateWhisperModelDir, WHISPER_MODEL_DIR_ENV } from '../../src/stt/model-location.js';
import { ModelManager } from '../../src/stt/model-manager.js';
import { readModelManifest } from '../../src/stt/model-manifest.js';
import { resample, WHISPER_SAMPLE_RATE, downmixToMono } from '../../src/stt/resample.js';
import { detectSpeechRegion } from '../../src/stt/vad.js';
import { parseWav } from '../../src/stt/wav.js';
import { WorkerSttEngine } from '../../src/stt/worker-stt-engine.js';
import { REPO_ROOT } from './helpers/shared-models.js';
import { normalisedWords, wordErrorRate, wordErrors } from './helpers/wer.js';

const SENTENCES = [
  'what is on my calendar tomorrow',
  'send a message to the design channel saying the review moved to friday',
  'reply to the last email from dana and tell her I will join the call',
  'do I have any meetings with the finance team next week',
  'summarize the unread messages in my inbox',
];
const MAX_WER = 0.1;

function espeakAvailable(): boolean {
  return spawnSync('espeak-ng', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** Where the app keeps its user data: $VOUCH_USER_DATA_DIR, else Electron's default for "Vouch"/"vouch". */
function userDataCandidates(): string[] {
  const fromEnv = process.env.VOUCH_USER_DATA_DIR;
  const config =
    process.platform === 'darwin'
      ? join(homedir(), 'Library', 'Application Support')
      : process.platform === 'win32'
        ? (process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
        : (process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'));
  return [...(fromEnv ? [fromEnv] : []), join(config, 'Vouch'), join(config, 'vouch')];
}

async function findRealWeights(): Promise<string | undefined> {
  const located = locateWhisperModelDir({ resourcesDir: join(REPO_ROOT, 'resources') });
  if (located) return located;
  const manifest = await readModelManifest(join(REPO_ROOT, 'resources'));
  for (const userData of userDataCandidates()) {
    const installed = await new ModelManager({ manifest, modelsDir: join(userData, 'models'), fetch }).installedDir();
    if (installed) return installed;
  }
  return undefined;
}

const modelDir = await findRealWeights();
let dir: string;
const clips: Float32Array[] = [];

beforeAll(async () => {
  if (!espeakAvailable()) {
    throw new Error('espeak-ng is not installed: the Whisper test needs it to speak its input (apt-get install espeak-ng)');
  }
  dir = await mkdtemp(join(tmpdir(), 'vouch-espeak-'));
  for (const [i, sentence] of SENTENCES.entries()) {
    const wavPath = join(dir, `s${i}.wav`);
    execFileSync('espeak-ng', ['-v', 'en-us', '-s', '150', '-w', wavPath, sentence]);
    const wav = parseWav(await readFile(wavPath));
    expect(wav.sampleRate).toBe(22_050);
    clips.push(resample(downmixToMono(wav.channelData), wav.sampleRate, WHISPER_SAMPLE_RATE));
  }
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('normalised word error rate', () => {
  it('counts substitutions, deletions and insertions over the reference words, ignoring case and punctuation', () => {
    expect(normalisedWords("What's on my calendar, tomorrow?")).toEqual(['what', 'is', 'on', 'my', 'calendar', 'tomorrow']);
    expect(wordErrors(['a', 'b', 'c', 'd'], ['a', 'x', 'c'])).toBe(2);
    expect(wordErrorRate([{ reference: 'send it to Dana', hypothesis: 'Send it to Donna.' }])).toBe(0.25);
  });
});

describe('speech from espeak-ng', () => {
  it('is read from the WAV, resampled to 16 kHz and found by the voice-activity detector', () => {
    for (const pcm16k of clips) {
      const seconds = pcm16k.length / WHISPER_SAMPLE_RATE;
      expect(seconds).toBeGreaterThan(1);
      expect(seconds).toBeLessThan(8);
      const region = detectSpeechRegion(pcm16k, WHISPER_SAMPLE_RATE);
      expect(region.hasSpeech).toBe(true);
      expect(region.end - region.start).toBeGreaterThan(WHISPER_SAMPLE_RATE);
    }
  });

  const reason = modelDir
    ? ''
    : ` (SKIPPED: no Whisper weights; set ${WHISPER_MODEL_DIR_ENV}, add resources/models/whisper-tiny.en, or download the model in the app)`;
  it.skipIf(!modelDir)(
    `is transcribed by Whisper in the STT worker with the words right, WER ≤ 10 %${reason}`,
    { timeout: 180_000 },
    async () => {
      const engine = new WorkerSttEngine({ engine: 'whisper-onnx', modelDir: modelDir! });
      try {
        await engine.load();
        const streamed: Array<{ reference: string; hypothesis: string }> = [];
        const whole: Array<{ reference: string; hypothesis: string }> = [];
        for (const [i, pcm16k] of clips.entries()) {
          // A second of silence on each side, as a push-to-talk clip would have.
          const padded = new Float32Array(pcm16k.length + 2 * WHISPER_SAMPLE_RATE);
          padded.set(pcm16k, WHISPER_SAMPLE_RATE);
          engine.beginUtterance();
          for (let offset = 0; offset < padded.length; offset += 320) engine.appendAudio(padded.subarray(offset, offset + 320));
          streamed.push({ reference: SENTENCES[i]!, hypothesis: (await engine.finishUtterance()).text });
          whole.push({ reference: SENTENCES[i]!, hypothesis: (await engine.transcribe(padded)).text });
        }
        // Both paths: streamed while speaking (the app's), and the whole clip at release.
        for (const pairs of [streamed, whole]) {
          const wer = wordErrorRate(pairs);
          expect(wer, `WER ${(wer * 100).toFixed(1)} %: ${JSON.stringify(pairs, null, 1)}`).toBeLessThanOrEqual(MAX_WER);
        }
      } finally {
        await engine.dispose();
      }
    },
  );
});
