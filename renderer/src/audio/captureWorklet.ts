/// <reference lib="webworker" />
import { Int16Chunker, StreamingResampler } from './resample.js';

/**
 * AudioWorklet processor: mono 16 kHz Int16 chunks out of whatever rate the context runs at.
 * Bundled by Vite (`?worker&url`) and served from the app's own origin, so CSP `script-src 'self'` holds.
 */

// The AudioWorkletGlobalScope is not in TypeScript's libs; declare the two names we use.
declare const sampleRate: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: unknown);
}
declare function registerProcessor(name: string, ctor: new (options: { processorOptions?: unknown }) => AudioWorkletProcessor): void;

interface Options {
  targetRate?: number;
  chunkMs?: number;
}

class PcmCaptureProcessor extends AudioWorkletProcessor {
  private readonly resampler: StreamingResampler;
  private readonly chunker: Int16Chunker;

  constructor(options: { processorOptions?: unknown }) {
    super(options);
    const opts = (options.processorOptions ?? {}) as Options;
    const target = opts.targetRate ?? 16_000;
    this.resampler = new StreamingResampler(sampleRate, target);
    this.chunker = new Int16Chunker(Math.round((target * (opts.chunkMs ?? 100)) / 1000));
    this.port.onmessage = (e: MessageEvent) => {
      if (e.data === 'flush') {
        const rest = this.chunker.flush();
        if (rest) this.port.postMessage(rest, [rest]);
        this.port.postMessage('flushed');
      }
    };
  }

  process(inputs: Float32Array[][]): boolean {
    const channel = inputs[0]?.[0];
    if (channel) {
      for (const chunk of this.chunker.push(this.resampler.process(channel))) this.port.postMessage(chunk, [chunk]);
    }
    return true;
  }
}

registerProcessor('vouch-pcm-capture', PcmCaptureProcessor);
