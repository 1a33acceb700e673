import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAudioController } from '../src/audio/controller.js';
import { START_LEAD_S } from '../src/audio/pcm.js';
import { PcmPlayer } from '../src/audio/player.js';
import { useAudio } from '../src/stores/audio.js';
import { fakeBridge } from './fakeBridge.js';
import { resetStores } from './resetStores.js';

/** Just enough of Web Audio to see what the player schedules. */
function fakeContext() {
  const started: Array<{ at: number; duration: number; node: { onended: (() => void) | null; stopped: boolean } }> = [];
  const ctx = {
    state: 'running',
    currentTime: 10,
    destination: {},
    resume: vi.fn(async () => {}),
    createBuffer: (_ch: number, length: number, rate: number) => ({ duration: length / rate, copyToChannel: () => {} }),
    createBufferSource() {
      const node = {
        buffer: null as null | { duration: number },
        onended: null as (() => void) | null,
        stopped: false,
        connect: () => {},
        start: (at: number) => started.push({ at, duration: node.buffer!.duration, node }),
        stop: () => void (node.stopped = true),
      };
      return node;
    },
  };
  return { ctx: ctx as unknown as AudioContext, started, raw: ctx };
}

const pcm = (samples: number) => Buffer.from(new Int16Array(samples).buffer).toString('base64');
const tts = (seq: number, request_id = 'r1', samples = 2400) => ({
  type: 'tts_audio' as const,
  request_id,
  seq,
  pcm_b64: pcm(samples),
  sample_rate: 24_000,
});

beforeEach(resetStores);

describe('PcmPlayer', () => {
  it('schedules chunks back to back in seq order and reports speaking until the last ends', () => {
    const { ctx, started } = fakeContext();
    const speaking: boolean[] = [];
    const p = new PcmPlayer(
      (s) => speaking.push(s),
      () => ctx,
    );
    p.enqueue(tts(1));
    expect(started).toHaveLength(0); // held until seq 0 arrives
    p.enqueue(tts(0));
    p.enqueue(tts(2));
    expect(started.map((s) => +s.at.toFixed(3))).toEqual(
      [10 + START_LEAD_S, 10.1 + START_LEAD_S, 10.2 + START_LEAD_S].map((x) => +x.toFixed(3)),
    );
    expect(speaking.at(-1)).toBe(true);
    started[0]!.node.onended?.();
    started[1]!.node.onended?.();
    expect(speaking.at(-1)).toBe(true);
    started[2]!.node.onended?.();
    expect(speaking.at(-1)).toBe(false);
  });

  it('stop() silences everything and ignores late chunks of the stopped reply, not the next one', () => {
    const { ctx, started } = fakeContext();
    const p = new PcmPlayer(
      () => {},
      () => ctx,
    );
    p.enqueue(tts(0));
    p.enqueue(tts(1));
    p.stop();
    expect(started.every((s) => s.node.stopped)).toBe(true);
    p.enqueue(tts(2));
    expect(started).toHaveLength(2);
    p.enqueue(tts(0, 'r2'));
    expect(started).toHaveLength(3);
    // The new reply starts fresh, not after the stopped reply's queue.
    expect(started[2]!.at).toBeCloseTo(10 + START_LEAD_S);
  });
});

describe('audio controller', () => {
  it('starts the microphone on listening, forwards chunks to pushAudio, stops it otherwise', async () => {
    const { bridge } = fakeBridge();
    const stop = vi.fn(async () => {});
    let push: ((c: ArrayBuffer) => void) | undefined;
    const start = vi.fn(async (onChunk: (c: ArrayBuffer) => void) => ((push = onChunk), { stop }));
    const { effects } = createAudioController(bridge, start);
    effects.recording!('listening');
    effects.recording!('listening'); // repeated state: one capture only
    await vi.waitFor(() => expect(useAudio.getState().capture).toBe('on'));
    expect(start).toHaveBeenCalledTimes(1);
    push!(new ArrayBuffer(3200));
    expect(bridge.pushAudio).toHaveBeenCalledWith(expect.any(ArrayBuffer));
    effects.recording!('transcribing');
    await vi.waitFor(() => expect(useAudio.getState().capture).toBe('off'));
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('reports a refused microphone', async () => {
    const { bridge } = fakeBridge();
    const { effects } = createAudioController(bridge, async () => Promise.reject(new Error('Permission denied')));
    effects.recording!('listening');
    await vi.waitFor(() => expect(useAudio.getState()).toMatchObject({ capture: 'failed', captureError: 'Permission denied' }));
  });
});
