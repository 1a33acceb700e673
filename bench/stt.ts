/**
 * Speech-to-text benchmark on the app's decoding path: hotkey release → transcript for 2, 5 and 15 s
 * utterances spoken by espeak-ng, with 1 and 2 inference threads, plus model load time and resident
 * memory; every figure is the median of 5 runs, printed with the load average (2 shared cores).
 *
 *   npx tsx bench/stt.ts [--model DIR] [--synthetic] [--fp32] [--runs N]
 *
 * The utterance is streamed into the STT worker in 20 ms chunks as a microphone would deliver it, so the
 * log-mel frames are computed "while the person speaks"; at release only the last frames, the clamp,
 * the encoder and the cached decoder remain. That is what "release → transcript" times. For comparison
 * the old path (the whole clip handed over at release) is timed too.
 *
 * Model: --model DIR, else VOUCH_WHISPER_MODEL_DIR / resources/models (model-location.ts). Without real
 * weights, or with --synthetic, a random-weight network of Whisper-tiny's exact shape in the real
 * export's form (merged decoder with key/value cache, q8 unless --fp32). Its text is meaningless and it
 * never stops by itself, so it decodes 3 tokens per second of audio, about what speech needs.
 * Goal (issue 11): release → transcript ≤ 400 ms for a 5 s utterance.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { whisperLogMel } from '../electron/src/stt/log-mel.js';
import { locateWhisperModelDir } from '../electron/src/stt/model-location.js';
import { downmixToMono, resample, WHISPER_SAMPLE_RATE } from '../electron/src/stt/resample.js';
import type { TranscriptionStages } from '../electron/src/stt/stt-engine.js';
import { parseWav } from '../electron/src/stt/wav.js';
import { WorkerSttEngine } from '../electron/src/stt/worker-stt-engine.js';
import { writeSyntheticWhisperTiny } from '../electron/test/stt/helpers/synthetic-whisper-tiny.js';

const { values: args } = parseArgs({
  options: {
    model: { type: 'string' },
    synthetic: { type: 'boolean', default: false },
    fp32: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
  },
});
const RUNS = Number(args.runs);
const THREADS = [1, 2];
const SECONDS = [2, 5, 15];
const CHUNK = WHISPER_SAMPLE_RATE / 50; // 20 ms
const GOAL_MS = 400;

const SENTENCES = [
  'what is on my calendar tomorrow',
  'send a message to the design channel saying the review moved to three o clock',
  'reply to the last email from my manager and tell her I will join the call',
  'do I have any meetings with the finance team next week',
  'summarize the unread messages in my inbox',
];

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function speak(dir: string, text: string, index: number): Promise<Float32Array> {
  const path = join(dir, `s${index}.wav`);
  execFileSync('espeak-ng', ['-v', 'en-us', '-s', '160', '-w', path, text]);
  const wav = parseWav(await readFile(path));
  return resample(downmixToMono(wav.channelData), wav.sampleRate, WHISPER_SAMPLE_RATE);
}

/** Sentences separated by 0.3 s pauses until the clip is `seconds` long, with 0.3 s of silence at each end. */
async function makeClip(dir: string, seconds: number): Promise<Float32Array> {
  const target = seconds * WHISPER_SAMPLE_RATE;
  const clip = new Float32Array(target);
  const edge = 0.3 * WHISPER_SAMPLE_RATE;
  let offset = edge;
  for (let i = 0; offset < target - edge; i++) {
    const speech = await speak(dir, SENTENCES[i % SENTENCES.length]!, i);
    clip.set(speech.subarray(0, Math.max(0, target - edge - offset)), offset);
    offset += speech.length + edge;
  }
  return clip;
}

async function resolveModel(): Promise<{ dir: string; synthetic: boolean; label: string }> {
  const real = args.synthetic ? undefined : (args.model ?? locateWhisperModelDir());
  if (real && existsSync(join(real, 'config.json'))) return { dir: real, synthetic: false, label: `Whisper model at ${real}` };
  const quantized = !args.fp32;
  // Cached between runs: generating the weights takes a few seconds.
  const dir = join(tmpdir(), `vouch-synthetic-whisper-tiny-merged-${quantized ? 'q8' : 'fp32'}-v2`);
  if (!existsSync(join(dir, 'config.json'))) await writeSyntheticWhisperTiny(dir, { decoder: 'merged', quantized });
  return {
    dir,
    synthetic: true,
    label: `SYNTHETIC random-weight Whisper-tiny (merged decoder with key/value cache, ${quantized ? 'q8' : 'fp32'}; no real weights installed)`,
  };
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'vouch-bench-stt-'));
  try {
    console.log(`load average at start: ${load()}`);
    const clips = new Map<number, Float32Array>();
    for (const s of SECONDS) clips.set(s, await makeClip(work, s));

    console.log('\n# log-mel in plain JS, whole clip at once (what the incremental path spreads over the speech)');
    for (const [seconds, clip] of clips) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        whisperLogMel(clip);
        times.push(performance.now() - t);
      }
      console.log(`  ${seconds} s: ${median(times).toFixed(0)} ms`);
    }

    const model = await resolveModel();
    console.log(`\n# model: ${model.label}`);
    console.log(`RSS before any model: ${mib(process.memoryUsage().rss)}`);
    for (const threads of THREADS) {
      const loadTimes: number[] = [];
      let rssAfterLoad = 0;
      const rows: string[] = [];
      // Load time: median over fresh engines (each a new worker, as at app start); the last one is measured on.
      let engine: WorkerSttEngine | undefined;
      for (let i = 0; i < RUNS; i++) {
        await engine?.dispose();
        const config = { engine: 'whisper-onnx' as const, modelDir: model.dir, intraOpNumThreads: threads };
        engine = new WorkerSttEngine(config);
        const t = performance.now();
        await engine.load();
        loadTimes.push(performance.now() - t);
        rssAfterLoad = process.memoryUsage().rss;
      }
      await engine?.dispose();
      for (const [seconds, clip] of clips) {
        const maxNewTokens = model.synthetic ? Math.round(3 * seconds) : undefined;
        const streaming = new WorkerSttEngine({
          engine: 'whisper-onnx',
          modelDir: model.dir,
          intraOpNumThreads: threads,
          ...(maxNewTokens ? { maxNewTokens } : {}),
        });
        await streaming.load();
        const release: number[] = [];
        const whole: number[] = [];
        const stageRuns: TranscriptionStages[] = [];
        let text = '';
        for (let run = 0; run < RUNS; run++) {
          streaming.beginUtterance();
          for (let offset = 0; offset < clip.length; offset += CHUNK) streaming.appendAudio(clip.subarray(offset, offset + CHUNK));
          // A request behind the appends in the worker's queue: once it answers, the frames of the
          // speech are computed, as they would be by the time the person lets go of the key.
          await streaming.load();
          let t = performance.now();
          const result = await streaming.finishUtterance();
          release.push(performance.now() - t);
          text = result.text;
          if (result.stages) stageRuns.push(result.stages);
          t = performance.now();
          await streaming.transcribe(clip);
          whole.push(performance.now() - t);
        }
        const peak = process.memoryUsage().rss;
        await streaming.dispose();
        const stage = (key: keyof TranscriptionStages) => median(stageRuns.map((s) => s[key])).toFixed(0);
        const steps = median(stageRuns.map((s) => s.decoderSteps));
        const goal = seconds === 5 ? ` (goal ≤ ${GOAL_MS} ms: ${median(release) <= GOAL_MS ? 'met' : 'NOT met'})` : '';
        rows.push(
          `  ${String(seconds).padStart(2)} s: release → transcript ${median(release).toFixed(0)} ms${goal} ` +
            `[features ${stage('featuresMs')} + encoder ${stage('encoderMs')} + decoder ${stage('decoderMs')} ms for ${steps} steps]; ` +
            `whole clip at release ${median(whole).toFixed(0)} ms; RSS ${mib(peak)}` +
            (model.synthetic ? '' : `; "${text}"`),
        );
      }
      console.log(
        `\n${threads} thread${threads > 1 ? 's' : ''}: model load (incl. warm-up) ${median(loadTimes).toFixed(0)} ms, RSS after load ${mib(rssAfterLoad)}; load average ${load()}`,
      );
      for (const row of rows) console.log(row);
    }
    console.log(`\nmedians of ${RUNS} runs; load average at end: ${load()}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
