import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CartesiaStandIn, startCartesiaStandIn } from '../../standins/ai/cartesiaStandIn.js';
import type { HeadlessSession } from '../../standins/devtenant/signInHeadless.js';
import type { VouchSystem } from '../../standins/system.js';
import { FliteSynthesizer } from '../../src/agent/tts/flite.js';
import { FLITE_VOICE_FOR, FliteVoices } from '../../src/agent/tts/fliteVoices.js';
import type { AudioChunk } from '../../src/agent/tts/types.js';
import { cartesiaVoiceIds } from '../../src/config.js';
import type { ServerFrame } from '../../src/protocol/index.js';
import { startTestSystem } from '../helpers/system.js';
import { TestClient } from '../helpers/wsClient.js';

/**
 * The person's reply voice, end to end over real sockets: chosen in `session_auth`, it reaches the
 * backend's speech, which asks the Cartesia stand-in for that voice's id; an unknown or absent voice
 * is the default one, and never costs the sign-in.
 */
let cartesia: CartesiaStandIn;
let system: VouchSystem;
let alex: HeadlessSession;
beforeAll(async () => {
  cartesia = await startCartesiaStandIn();
  system = await startTestSystem({
    env: { CARTESIA_API_KEY: cartesia.apiKey, CARTESIA_BASE_URL: cartesia.url, CARTESIA_VOICE_ID_WARM: 'warm-voice-id' },
    cartesiaCa: cartesia.ca,
  });
  alex = await system.login('alex');
}, 60_000);
afterAll(async () => {
  await system?.stop();
  await cartesia?.close();
});

/** Signs in with `voice` in session_auth, asks for something said back, and returns the Cartesia voice ids that reply asked for. */
async function voiceIdsFor(voice: string | undefined, id: string, on?: TestClient): Promise<unknown[]> {
  const c = on ?? (await TestClient.connect(system.wsUrl));
  const from = c.frames.length;
  c.send({ type: 'session_auth', access_token: alex.access_token, timezone: 'Europe/Paris', ...(voice === undefined ? {} : { voice }) });
  expect(await c.next('session_ready', () => true, from)).toMatchObject({ type: 'session_ready' });
  const before = cartesia.requests.length;
  c.send({ type: 'transcript', id, text: 'remember that my parking spot is B4' });
  await c.next('agent_done', (f) => f.request_id === id);
  await c.next('tts_audio', (f) => f.request_id === id && f.last === true, 0);
  const audio = c.frames.filter((f): f is Extract<ServerFrame, { type: 'tts_audio' }> => f.type === 'tts_audio' && f.request_id === id);
  expect(audio.length).toBeGreaterThan(1);
  if (!on) await c.close();
  return [
    ...new Set(
      cartesia.requests
        .slice(before)
        .filter((r) => r.transcript)
        .map((r) => (r.voice as { id?: string } | undefined)?.id),
    ),
  ];
}

describe('the reply voice chosen in session_auth', () => {
  it('speaks the reply in the chosen voice, configured through the backend config', async () => {
    expect(await voiceIdsFor('warm', 'v-warm')).toEqual(['warm-voice-id']);
    expect(system.env.CARTESIA_VOICE_ID_WARM).toBe('warm-voice-id');
  });

  it('uses the default voice when the app names none, or one this backend does not know', async () => {
    const fallback = cartesiaVoiceIds(system.env).clear;
    expect(await voiceIdsFor(undefined, 'v-none')).toEqual([fallback]);
    expect(await voiceIdsFor('robot', 'v-robot')).toEqual([fallback]);
    expect(await voiceIdsFor('deep', 'v-deep')).toEqual([cartesiaVoiceIds(system.env).deep]);
  });
});

describe('a new voice on the same socket', () => {
  it('is used from the next reply when session_auth is sent again (the app keeps its conversation)', async () => {
    const c = await TestClient.connect(system.wsUrl);
    expect(await voiceIdsFor('warm', 'same-1', c)).toEqual(['warm-voice-id']);
    expect(await voiceIdsFor('deep', 'same-2', c)).toEqual([cartesiaVoiceIds(system.env).deep]);
    expect(c.isOpen).toBe(true);
    await c.close();
  });
});

describe('the offline voice for each choice', () => {
  it.skipIf(!FliteSynthesizer.available())(
    'speaks a chosen voice with its own Flite voice, the default with kal16',
    async () => {
      const voices = new FliteVoices({});
      const reference = new FliteSynthesizer({ voice: FLITE_VOICE_FOR.warm });
      const pcm = async (speak: (onAudio: (c: AudioChunk) => void) => Promise<void>) => {
        const chunks: Buffer[] = [];
        await speak((c) => chunks.push(c.pcm));
        return Buffer.concat(chunks);
      };
      try {
        const warm = await pcm((on) => voices.synthesize('Your parking spot is B4.', on, undefined, 'warm'));
        const byDefault = await pcm((on) => voices.synthesize('Your parking spot is B4.', on));
        expect(FLITE_VOICE_FOR).toMatchObject({ clear: 'kal16', warm: 'slt' });
        expect(warm.length).toBeGreaterThan(0);
        expect(warm.equals(await pcm((on) => reference.synthesize('Your parking spot is B4.', on)))).toBe(true);
        expect(byDefault.equals(warm)).toBe(false);
      } finally {
        await voices.close();
        await reference.close();
      }
    },
    60_000,
  );
});
