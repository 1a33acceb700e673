import workletUrl from './captureWorklet.ts?worker&url';
import { audioConstraints, isMissingDevice } from './microphone.js';

/**
 * Microphone capture: getUserMedia → AudioWorklet (resamples to 16 kHz mono Int16) → onChunk.
 * The main process decides when recording starts and stops; this module only moves samples.
 */
export interface Capture {
  stop(): Promise<void>;
}

const CAPTURE_RATE = 16_000;

export interface CaptureOptions {
  /** The microphone chosen in Settings (null: the system default). */
  microphoneId?: string | null;
  /** Called when the chosen microphone was missing and the default is used instead. */
  onFallback?(): void;
}

/** Opens the chosen microphone, or the default one when it is gone (saying so through `onFallback`). */
async function openMicrophone(opts: CaptureOptions): Promise<MediaStream> {
  const chosen = opts.microphoneId ?? null;
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: audioConstraints(chosen) });
  } catch (err) {
    if (!chosen || !isMissingDevice(err)) throw err;
    const stream = await navigator.mediaDevices.getUserMedia({ audio: audioConstraints(null) });
    opts.onFallback?.();
    return stream;
  }
}

export async function startCapture(onChunk: (chunk: ArrayBuffer) => void, opts: CaptureOptions = {}): Promise<Capture> {
  const stream = await openMicrophone(opts);
  // Ask for 16 kHz so the browser resamples natively when it can; the worklet handles any other rate.
  let ctx: AudioContext;
  try {
    ctx = new AudioContext({ sampleRate: CAPTURE_RATE });
  } catch {
    ctx = new AudioContext();
  }
  try {
    await ctx.audioWorklet.addModule(workletUrl);
    const source = ctx.createMediaStreamSource(stream);
    // No outputs: the node is a sink, so nothing is played back and Chromium still pulls it.
    const node = new AudioWorkletNode(ctx, 'vouch-pcm-capture', {
      numberOfInputs: 1,
      numberOfOutputs: 0,
      channelCount: 1,
      channelCountMode: 'explicit',
      processorOptions: { targetRate: CAPTURE_RATE, chunkMs: 100 },
    });
    let flushed: () => void = () => {};
    node.port.onmessage = (e: MessageEvent) => {
      if (e.data instanceof ArrayBuffer) onChunk(e.data);
      else if (e.data === 'flushed') flushed();
    };
    source.connect(node);
    return {
      async stop() {
        source.disconnect();
        // Hand over the partial last chunk so the end of the utterance is not cut off.
        await Promise.race([
          new Promise<void>((r) => ((flushed = r), node.port.postMessage('flush'))),
          new Promise((r) => setTimeout(r, 200)),
        ]);
        for (const t of stream.getTracks()) t.stop();
        await ctx.close();
      },
    };
  } catch (err) {
    for (const t of stream.getTracks()) t.stop();
    await ctx.close();
    throw err;
  }
}
