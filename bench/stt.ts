/**
 * Speech-to-text benchmark: model load time, real-time factor (processing time / audio time) and peak
 * resident memory for a 5 s and a 15 s clip spoken by espeak-ng, through the app's STT worker.
 *
 *   npx tsx bench/stt.ts [--threads N] [--model DIR] [--synthetic]
 *
 * Model: --model DIR, else VOUCH_WHISPER_MODEL_DIR / resources/models (see model-location.ts). When no
 * real weights are installed, or with --synthetic, it measures a random-weight network of Whisper-tiny's
 * exact shape (same arithmetic and memory, meaningless text; plain decoder without key/value cache,
 * so decoding costs more than with a real merged export). Figures are labelled accordingly.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { whisperLogMel } from '../electron/src/stt/log-mel.js';
import { locateWhisperModelDir } from '../electron/src/stt/model-location.js';
import { downmixToMono, resample, WHISPER_SAMPLE_RATE } from '../electron/src/stt/resample.js';
import { detectSpeechRegion } from '../electron/src/stt/vad.js';
import { parseWav } from '../electron/src/stt/wav.js';
import { WorkerSttEngine } from '../electron/src/stt/worker-stt-engine.js';
import { writeSyntheticWhisperTiny } from '../electron/test/stt/helpers/synthetic-whisper-tiny.js';

const { values: args } = parseArgs({
  options: { threads: { type: 'string', default: '1' }, model: { type: 'string' }, synthetic: { type: 'boolean', default: false } },
});
const threads = Number(args.threads);

const SENTENCES = [
  'what is on my calendar tomorrow',
  'send a message to the design channel saying the review moved to three o clock',
  'reply to the last email from my manager and tell her I will join the call',
  'do I have any meetings with the finance team next week',
  'summarize the unread messages in my inbox',
];

const mib = (kib: number) => (kib / 1024).toFixed(0);
/** Peak resident set of the whole process (main thread + STT worker share it), in KiB. */
const peakRssKib = () => process.resourceUsage().maxRSS;
const rssKib = () => process.memoryUsage().rss / 1024;

async function speak(dir: string, text: string, index: number): Promise<Float32Array> {
  const path = join(dir, `s${index}.wav`);
  execFileSync('espeak-ng', ['-v', 'en-us', '-s', '160', '-w', path, text]);
  const wav = parseWav(await readFile(path));
  return resample(downmixToMono(wav.channelData), wav.sampleRate, WHISPER_SAMPLE_RATE);
}

/** Sentences separated by 0.3 s pauses until the clip is `seconds` long (cut or padded with silence). */
async function makeClip(dir: string, seconds: number): Promise<Float32Array> {
  const target = seconds * WHISPER_SAMPLE_RATE;
  const clip = new Float32Array(target);
  let offset = 0;
  for (let i = 0; offset < target; i++) {
    const speech = await speak(dir, SENTENCES[i % SENTENCES.length]!, i);
    clip.set(speech.subarray(0, Math.max(0, target - offset)), offset);
    offset += speech.length + 0.3 * WHISPER_SAMPLE_RATE;
  }
  return clip;
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'vouch-bench-stt-'));
  try {
    const clips = { '5 s': await makeClip(work, 5), '15 s': await makeClip(work, 15) };

    console.log('# front end (main thread, pure JS)');
    for (const [name, clip] of Object.entries(clips)) {
      let t = performance.now();
      detectSpeechRegion(clip, WHISPER_SAMPLE_RATE);
      const vadMs = performance.now() - t;
      t = performance.now();
      resample(clip, WHISPER_SAMPLE_RATE, 48_000);
      const resampleMs = performance.now() - t;
      t = performance.now();
      whisperLogMel(clip);
      const melMs = performance.now() - t;
      console.log(`${name}: VAD ${vadMs.toFixed(1)} ms, resample 16k->48k ${resampleMs.toFixed(1)} ms, log-mel ${melMs.toFixed(0)} ms`);
    }

    const realDir = args.synthetic ? undefined : (args.model ?? locateWhisperModelDir({ env: process.env }));
    let modelDir: string;
    let label: string;
    if (realDir && existsSync(join(realDir, 'config.json'))) {
      modelDir = realDir;
      label = `Whisper model at ${realDir}`;
    } else {
      // Cached between runs: generating 150 MB of random weights takes a while.
      modelDir = join(tmpdir(), 'vouch-synthetic-whisper-tiny-v1');
      if (!existsSync(join(modelDir, 'config.json'))) await writeSyntheticWhisperTiny(modelDir);
      label = 'SYNTHETIC random-weight Whisper-tiny-shaped network (no real weights installed)';
    }
    console.log(`\n# model: ${label}`);
    console.log(`threads per inference: ${threads}; RSS before load ${mib(rssKib())} MiB (peak so far ${mib(peakRssKib())} MiB)`);
    const synthetic = modelDir !== realDir;
    // One engine per clip: the synthetic network never emits end-of-text, so its token budget is set
    // per clip to what real speech needs (about 3 tokens a second); a real model stops by itself.
    for (const [name, clip] of Object.entries(clips)) {
      const seconds = clip.length / WHISPER_SAMPLE_RATE;
      const engine = new WorkerSttEngine({
        engine: 'whisper-onnx',
        modelDir,
        intraOpNumThreads: threads,
        ...(synthetic ? { maxNewTokens: Math.round(3 * seconds) } : {}),
      });
      try {
        let t = performance.now();
        await engine.load();
        const loadMs = performance.now() - t;
        const loadedRss = rssKib();
        t = performance.now();
        const result = await engine.transcribe(clip);
        const wall = performance.now() - t;
        console.log(
          `${name}: load ${loadMs.toFixed(0)} ms; transcribe ${wall.toFixed(0)} ms, RTF ${(wall / (seconds * 1000)).toFixed(3)} ` +
            `(speech kept by VAD ${(result.speechMs / 1000).toFixed(2)} s); ` +
            `RSS after load ${mib(loadedRss)} MiB, after transcription ${mib(rssKib())} MiB, process peak ${mib(peakRssKib())} MiB` +
            (synthetic ? `; ${Math.round(3 * seconds)} decoder steps` : `; text: "${result.text}"`),
        );
      } finally {
        await engine.dispose();
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
