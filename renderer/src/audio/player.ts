import type { ServerFrameOf } from '../../../backend/src/protocol/index.js';
import { decodePcm16, scheduleChunk, SeqOrderer } from './pcm.js';

type TtsFrame = ServerFrameOf<'tts_audio'>;
type SpeakingListener = (speaking: boolean, requestId: string | null) => void;

/**
 * Plays the reply's PCM chunks back to back through Web Audio. One request plays at a time: a new
 * request's audio replaces the old one's, and stop() silences everything and ignores the rest of
 * the stopped request's chunks.
 */
export class PcmPlayer {
  private ctx: AudioContext | null = null;
  private queueEnd = 0;
  private sources = new Set<AudioBufferSourceNode>();
  private orderers = new Map<string, SeqOrderer<TtsFrame>>();
  private stopped = new Set<string>();
  private current: string | null = null;

  constructor(
    private readonly onSpeaking: SpeakingListener,
    private readonly createContext: () => AudioContext = () => new AudioContext(),
  ) {}

  enqueue(frame: TtsFrame): void {
    if (this.stopped.has(frame.request_id)) return;
    if (this.current !== frame.request_id) {
      this.stopSources();
      this.current = frame.request_id;
    }
    let orderer = this.orderers.get(frame.request_id);
    if (!orderer) this.orderers.set(frame.request_id, (orderer = new SeqOrderer()));
    for (const ready of orderer.push(frame.seq, frame)) this.play(ready);
  }

  stop(): void {
    if (this.current) this.stopped.add(this.current);
    this.stopSources();
    this.current = null;
    this.onSpeaking(false, null);
  }

  private play(frame: TtsFrame): void {
    const samples = decodePcm16(frame.pcm_b64);
    if (samples.length === 0) return;
    const ctx = (this.ctx ??= this.createContext());
    // Autoplay policy may start the context suspended; the typed or spoken request was the gesture.
    if (ctx.state === 'suspended') void ctx.resume();
    const buffer = ctx.createBuffer(1, samples.length, frame.sample_rate);
    buffer.copyToChannel(samples as Float32Array<ArrayBuffer>, 0);
    const source = ctx.createBufferSource();
    source.buffer = buffer;
    source.connect(ctx.destination);
    const { start, end } = scheduleChunk(this.queueEnd, ctx.currentTime, buffer.duration);
    this.queueEnd = end;
    source.onended = () => {
      this.sources.delete(source);
      if (this.sources.size === 0) this.onSpeaking(false, null);
    };
    this.sources.add(source);
    source.start(start);
    this.onSpeaking(true, frame.request_id);
  }

  private stopSources(): void {
    for (const s of this.sources) {
      s.onended = null;
      try {
        s.stop();
      } catch {
        // already stopped: nothing to silence
      }
    }
    this.sources.clear();
    this.queueEnd = 0;
  }
}
