import { spawn } from 'node:child_process';
import { sentences, speakable } from './sentences.js';
import type { AudioChunk, SpeechSynthesizer, TextSource } from './types.js';
import { parseWav, toMono16 } from './wav.js';

/**
 * Last-resort offline voice: the system's `espeak-ng` (Debian package `espeak-ng`), used only when the
 * bundled Flite cannot load. Text goes in on stdin so nothing in it is read as an option; WAV comes back
 * on stdout. Absent binary → the caller sees an error and the text path carries on without speech.
 */

export interface EspeakOptions {
  binary?: string;
  voice?: string;
  /** Words per minute. */
  rate?: number;
}

export function runEspeak(text: string, o: EspeakOptions = {}, signal?: AbortSignal): Promise<AudioChunk> {
  return new Promise((resolve, reject) => {
    const child = spawn(o.binary ?? 'espeak-ng', ['--stdout', '--stdin', '-v', o.voice ?? 'en-us', '-s', String(o.rate ?? 170)], {
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(signal ? { signal } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`espeak-ng exited ${code}: ${Buffer.concat(err).toString().trim()}`));
      try {
        const wav = parseWav(Buffer.concat(out));
        resolve({ pcm: toMono16(wav), sampleRate: wav.sampleRate });
      } catch (e) {
        reject(e as Error);
      }
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
  });
}

export class EspeakSynthesizer implements SpeechSynthesizer {
  readonly name = 'espeak-ng';
  constructor(private readonly opts: EspeakOptions = {}) {}

  /** True if the binary runs here. */
  static async available(binary = 'espeak-ng'): Promise<boolean> {
    return new Promise((resolve) => {
      const child = spawn(binary, ['--version'], { stdio: 'ignore' });
      child.on('error', () => resolve(false));
      child.on('close', (code) => resolve(code === 0));
    });
  }

  async synthesize(text: TextSource, onAudio: (chunk: AudioChunk) => void, signal?: AbortSignal): Promise<void> {
    for await (const piece of sentences(text)) {
      if (signal?.aborted) return;
      const words = speakable(piece);
      if (!words) continue;
      const chunk = await runEspeak(words, this.opts, signal);
      if (chunk.pcm.length > 0 && !signal?.aborted) onAudio(chunk);
    }
  }
}
