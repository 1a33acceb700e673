import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CartesiaStandIn, startCartesiaStandIn } from '../../standins/ai/cartesiaStandIn.js';
import { CartesiaSynthesizer } from '../../src/agent/tts/cartesia.js';
import { EspeakSynthesizer } from '../../src/agent/tts/espeak.js';
import { FliteSynthesizer } from '../../src/agent/tts/flite.js';
import { GuardedSynthesizer, createSpeechSynthesizer, speakSafely } from '../../src/agent/tts/index.js';
import { sentences, speakable } from '../../src/agent/tts/sentences.js';
import type { AudioChunk, SpeechSynthesizer } from '../../src/agent/tts/types.js';

async function* deltas(parts: string[]) {
  for (const p of parts) yield p;
}

function rms(pcm: Buffer): number {
  let sum = 0;
  const n = Math.floor(pcm.length / 2);
  for (let i = 0; i < n; i++) sum += pcm.readInt16LE(i * 2) ** 2;
  return Math.sqrt(sum / Math.max(1, n));
}

let cartesia: CartesiaStandIn;
const espeakHere = await EspeakSynthesizer.available();
beforeAll(async () => {
  cartesia = await startCartesiaStandIn();
});
afterAll(async () => {
  await cartesia.close();
});

const cartesiaSynth = (apiKey = cartesia.apiKey) =>
  new CartesiaSynthesizer({
    apiKey,
    baseUrl: cartesia.url,
    voiceId: 'voice-1',
    modelId: 'sonic-3',
    sampleRate: 16000,
    wsOptions: { ca: cartesia.ca },
    receiveTimeoutMs: 5000,
  });

describe('sentence chunking', () => {
  it('cuts streamed text at sentence ends, not at abbreviations or decimals', async () => {
    const out: string[] = [];
    for await (const s of sentences(deltas(['You have two', ' events. Lunch with Dr. Pa', 'tel at 12.30 today! And', ' a call.'])))
      out.push(s);
    expect(out).toEqual(['You have two events.', 'Lunch with Dr. Patel at 12.30 today!', 'And a call.']);
  });

  it('lets a long first sentence break at a clause so speech starts sooner', async () => {
    const out: string[] = [];
    for await (const s of sentences('Tomorrow you have the Northwind NDA review with Dana at 10 AM, lunch with Sam at noon, and a call.'))
      out.push(s);
    expect(out[0]).toBe('Tomorrow you have the Northwind NDA review with Dana at 10 AM,');
    expect(out).toHaveLength(2);
  });

  it('speaks channel names and links sensibly', () => {
    expect(speakable('Posted in #deals: **done** https://x.y/z')).toBe('Posted in deals: done a link');
  });
});

describe('Cartesia over the real SDK websocket (stand-in)', () => {
  it('streams sentences as continuations and hands back PCM chunks at the requested rate', async () => {
    const before = cartesia.requests.length;
    const chunks: AudioChunk[] = [];
    await cartesiaSynth().synthesize(deltas(['Tomorrow you have two events. ', 'The NDA review at 10 AM.']), (c) => chunks.push(c));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.sampleRate === 16000)).toBe(true);
    const total = chunks.reduce((n, c) => n + c.pcm.length, 0);
    // 11 words × 60 ms at 16 kHz, 2 bytes a sample
    expect(total).toBe(2 * Math.round((5 * 60 * 16000) / 1000) + 2 * Math.round((6 * 60 * 16000) / 1000));
    expect(rms(chunks[0]!.pcm)).toBeGreaterThan(1000);

    const reqs = cartesia.requests.slice(before);
    expect(reqs.map((r) => [r.transcript, r.continue])).toEqual([
      ['Tomorrow you have two events. ', true],
      ['The NDA review at 10 AM. ', true],
      ['', false],
    ]);
    expect(new Set(reqs.map((r) => r.context_id)).size).toBe(1);
    expect(reqs[0]).toMatchObject({
      model_id: 'sonic-3',
      voice: { mode: 'id', id: 'voice-1' },
      output_format: { container: 'raw', encoding: 'pcm_s16le', sample_rate: 16000 },
      max_buffer_delay_ms: 0,
    });
    expect(cartesia.handshakes.at(-1)).toMatchObject({ authorization: `Bearer ${cartesia.apiKey}` });
    expect(cartesia.handshakes.at(-1)?.['cartesia-version']).toBeTruthy();
  });

  it('rejects on a Cartesia error event; the guarded synthesizer reports it and falls back to offline speech', async () => {
    cartesia.failNext = { status: 402, message: 'credits exhausted' };
    await expect(cartesiaSynth().synthesize('Hello there.', () => undefined)).rejects.toThrow(/credits exhausted/);

    cartesia.failNext = { status: 402, message: 'credits exhausted' };
    const chunks: AudioChunk[] = [];
    const guarded = new GuardedSynthesizer([cartesiaSynth(), new FliteSynthesizer()]);
    const outcome = await guarded.speak(deltas(['Hello Alex. ', 'Thursday works.']), (c) => chunks.push(c));
    await guarded.close();
    expect(outcome.ok).toBe(true);
    expect(outcome.engine).toBe('flite');
    expect(outcome.errors[0]).toMatchObject({ engine: 'cartesia' });
    expect(chunks).toHaveLength(2); // both sentences, replayed to the fallback
  });

  it('never throws when the key is wrong and nothing else is configured', async () => {
    const outcome = await speakSafely(cartesiaSynth('bad-key'), 'Hello.', () => undefined);
    expect(outcome.ok).toBe(false);
    expect(outcome.errors[0]?.message).toMatch(/401/);
  });
});

describe('offline speech', () => {
  it('Flite (WASI, bundled) produces non-silent 16 kHz PCM, one chunk per sentence', async () => {
    const flite = new FliteSynthesizer();
    const chunks: AudioChunk[] = [];
    await flite.synthesize('You have two events tomorrow. The first is at 10 AM.', (c) => chunks.push(c));
    await flite.close();
    expect(chunks).toHaveLength(2);
    expect(chunks[0]!.sampleRate).toBe(16000);
    // More than half a second of audio with real energy.
    expect(chunks[0]!.pcm.length / 2 / 16000).toBeGreaterThan(0.5);
    expect(rms(chunks[0]!.pcm)).toBeGreaterThan(300);
  });

  it.runIf(espeakHere)('espeak-ng (when installed) produces non-silent PCM', async () => {
    const chunks: AudioChunk[] = [];
    await new EspeakSynthesizer().synthesize('Thursday works.', (c) => chunks.push(c));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.sampleRate).toBe(22050);
    expect(rms(chunks[0]!.pcm)).toBeGreaterThan(300);
  });

  it('with no engine at all, speaking reports failure without throwing or blocking the text source', async () => {
    const broken: SpeechSynthesizer = { name: 'broken', synthesize: async () => Promise.reject(new Error('no audio device')) };
    let pulled = 0;
    async function* text() {
      for (const s of ['One. ', 'Two. ', 'Three.']) {
        pulled++;
        yield s;
      }
    }
    const outcome = await new GuardedSynthesizer([broken]).speak(text(), () => undefined);
    expect(outcome).toMatchObject({ ok: false, chunks: 0 });
    expect(pulled).toBe(3);
    const none = await createSpeechSynthesizer({ offline: [] }).speak('Hello.', () => undefined);
    expect(none).toMatchObject({ ok: false, engine: 'none' });
  });

  it('an audio consumer that throws does not stop speech', async () => {
    const flite = new FliteSynthesizer();
    let calls = 0;
    const outcome = await new GuardedSynthesizer([flite]).speak('One. Two.', () => {
      calls++;
      throw new Error('socket closed');
    });
    await flite.close();
    expect(outcome.ok).toBe(true);
    expect(calls).toBe(2);
  });
});
