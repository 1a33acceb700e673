import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendEnv } from '../../src/config.js';
import { CartesiaSynthesizer } from '../../src/agent/tts/cartesia.js';
import { FliteSynthesizer } from '../../src/agent/tts/flite.js';
import { GuardedSynthesizer } from '../../src/agent/tts/index.js';
import type { AudioChunk } from '../../src/agent/tts/types.js';
import { CARTESIA_MODELS, type CartesiaStandIn, type StandInClock, startCartesiaStandIn } from '../../standins/ai/cartesiaStandIn.js';

/**
 * Cartesia client against a stand-in that behaves like the service where it hurts: idle sockets are
 * closed, contexts expire after their last audio, and text is buffered unless asked otherwise. All
 * windows run on a clock the test moves; nothing waits for real time.
 */

class ManualClock implements StandInClock {
  t = 1_000_000;
  private timers = new Map<number, { fn: () => void; at: number; ms: number }>();
  private next = 0;
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    this.timers.set(++this.next, { fn, at: this.t + ms, ms });
    return this.next;
  };
  clearTimeout = (h: unknown) => void this.timers.delete(h as number);
  /** Moves time on, firing what fell due. */
  advance(ms: number) {
    this.t += ms;
    for (const [id, timer] of [...this.timers]) {
      if (timer.at <= this.t) {
        this.timers.delete(id);
        timer.fn();
      }
    }
  }
}

let clock: ManualClock;
let standIn: CartesiaStandIn;
beforeAll(async () => {
  clock = new ManualClock();
  standIn = await startCartesiaStandIn({ clock, idleSocketMs: 300_000, contextExpiryMs: 1000 });
});
afterAll(async () => {
  await standIn.close();
});

const synth = () =>
  new CartesiaSynthesizer({
    apiKey: standIn.apiKey,
    baseUrl: standIn.url,
    voiceId: 'voice-1',
    modelId: 'sonic-3.5',
    sampleRate: 16000,
    wsOptions: { ca: standIn.ca },
    receiveTimeoutMs: 5000,
    now: clock.now,
  });

function signal() {
  let fire!: () => void;
  const fired = new Promise<void>((r) => (fire = r));
  return { fire, fired };
}

describe('Cartesia, as strict as the service', () => {
  it('defaults to a current voice model the service accepts', () => {
    const model = BackendEnv.parse({ AUTH0_ISSUER_BASE_URL: 'https://t.example/', AUTH0_AUDIENCE: 'a' }).CARTESIA_MODEL;
    expect(CARTESIA_MODELS).toContain(model);
    expect(model).not.toBe('sonic-2');
  });

  it('reconnects before creating the context when the service closed the idle socket', async () => {
    const tts = synth();
    const first: AudioChunk[] = [];
    await tts.synthesize('Good morning.', (c) => first.push(c));
    expect(first.length).toBeGreaterThan(0);
    const handshakes = standIn.handshakes.length;

    const closed = signal();
    standIn.onSocketClosed(closed.fire);
    clock.advance(300_000); // five quiet minutes: the service hangs up
    await closed.fired;

    const second: AudioChunk[] = [];
    await tts.synthesize('You have two events today.', (c) => second.push(c));
    await tts.close();
    expect(second.length).toBeGreaterThan(0);
    expect(standIn.handshakes.length).toBe(handshakes + 1);
  });

  it('text that came back with no audio is a failure, and the offline voice takes over', async () => {
    standIn.silentNext = true;
    const tts = synth();
    await expect(tts.synthesize('Hello there.', () => undefined)).rejects.toThrow(/no audio/);
    standIn.silentNext = true;
    const chunks: AudioChunk[] = [];
    const guarded = new GuardedSynthesizer([synth(), new FliteSynthesizer()]);
    const outcome = await guarded.speak('Hello there.', (c) => chunks.push(c));
    await guarded.close();
    await tts.close();
    expect(outcome).toMatchObject({ ok: true, engine: 'flite' });
    expect(outcome.errors[0]).toMatchObject({ engine: 'cartesia', message: expect.stringMatching(/no audio/) });
    expect(chunks.length).toBeGreaterThan(0);
  });

  it('asks for no server-side buffering, so the first clause is spoken before the rest is written', async () => {
    const held: string[] = [];
    standIn.onHeld((id) => held.push(id));
    const firstAudio = signal();
    const order: string[] = [];
    async function* text() {
      yield 'Tomorrow you have the Northwind NDA review with Dana at 10 AM, ';
      // The model is still writing; speech of the first clause must not wait for it.
      await Promise.race([firstAudio.fired, new Promise<void>((r) => standIn.onHeld(() => r()))]);
      order.push('more text');
      yield 'lunch with Sam at noon, and a call.';
    }
    const before = standIn.requests.length;
    const tts = synth();
    await tts.synthesize(text(), () => {
      if (!order.includes('audio')) order.push('audio');
      firstAudio.fire();
    });
    await tts.close();
    expect(held).toEqual([]);
    expect(order).toEqual(['audio', 'more text']);
    expect(standIn.requests.slice(before).every((r) => r.max_buffer_delay_ms === 0)).toBe(true);
  });

  it('a sentence that comes after the context expired goes on a new context instead of failing', async () => {
    const gotFirst = signal();
    async function* text() {
      yield 'Tomorrow you have two events. ';
      await gotFirst.fired;
      clock.advance(1500); // the model took its time: the context expired 1 s after its last audio
      yield 'The NDA review is at 10 AM.';
    }
    const before = standIn.requests.length;
    const chunks: AudioChunk[] = [];
    const tts = synth();
    const firstSentenceBytes = 2 * Math.round((5 * 60 * 16000) / 1000);
    await tts.synthesize(text(), (c) => {
      chunks.push(c);
      if (chunks.reduce((n, x) => n + x.pcm.length, 0) >= firstSentenceBytes) gotFirst.fire();
    });
    await tts.close();
    const total = chunks.reduce((n, c) => n + c.pcm.length, 0);
    // 5 + 7 words × 60 ms at 16 kHz, 2 bytes a sample: both sentences were spoken.
    expect(total).toBe(firstSentenceBytes + 2 * Math.round((7 * 60 * 16000) / 1000));
    const spoken = standIn.requests.slice(before).filter((r) => r.transcript);
    expect(new Set(spoken.map((r) => r.context_id)).size).toBe(2);
  });

  it('refuses a sunset model id', async () => {
    const old = new CartesiaSynthesizer({
      apiKey: standIn.apiKey,
      baseUrl: standIn.url,
      voiceId: 'v',
      modelId: 'sonic-2',
      sampleRate: 16000,
      wsOptions: { ca: standIn.ca },
      receiveTimeoutMs: 5000,
    });
    await expect(old.synthesize('Hello.', () => undefined)).rejects.toThrow(/sonic-2/);
    await old.close();
  });
});
