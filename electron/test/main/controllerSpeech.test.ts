import { describe, expect, it } from 'vitest';
import type { BridgeEvent } from '../../src/bridge/contract.js';
import { AppController } from '../../src/app/controller.js';
import type { AuthSession } from '../../src/auth/session.js';
import type { LinkClient } from '../../src/link/linkClient.js';
import { ManualTimers } from './helpers/timers.js';

/**
 * Talk with no speech engine, or one still loading or broken, is refused with a sentence for the
 * person (the popover shows it) instead of recording audio nobody will hear.
 */
function controllerWith(stt?: { load(): Promise<void>; transcribe(pcm: Float32Array): Promise<{ text: string }> }) {
  const events: BridgeEvent[] = [];
  const sent: unknown[] = [];
  const session = { state: { signedIn: true, user: { sub: 'auth0|alex' } }, onChange: () => () => {} } as unknown as AuthSession;
  const link = { send: (f: unknown) => sent.push(f) } as unknown as LinkClient;
  const controller = new AppController({
    session,
    link,
    stt,
    connect: async () => {},
    getAudit: async () => ({ entries: [], verified: { ok: true, count: 0 } }),
    emit: (e) => events.push(e),
    newId: () => 't-1',
    timers: new ManualTimers(),
  });
  return { controller, events, sent };
}

describe('Talk and the speech engine', () => {
  it('without an engine, startListening is refused as UNAVAILABLE with the reason, and nothing records', async () => {
    const { controller, events } = controllerWith();
    await controller.loadModel();
    expect(() => controller.handlers.startListening()).toThrow(
      expect.objectContaining({ code: 'UNAVAILABLE', message: 'Speech recognition is not available; type your request instead.' }),
    );
    expect(controller.recording.recording).toBe(false);
    expect(events.filter((e) => e.type === 'recording')).toEqual([]);
  });

  it('while the model loads it says so; once loaded, Talk records and the transcript is sent', async () => {
    let loaded!: () => void;
    const { controller, events, sent } = controllerWith({
      load: () => new Promise<void>((r) => (loaded = r)),
      transcribe: async (pcm) => ({ text: ` heard ${pcm.length} ` }),
    });
    const loading = controller.loadModel();
    expect(() => controller.handlers.startListening()).toThrow(
      expect.objectContaining({ code: 'UNAVAILABLE', message: expect.stringContaining('still loading') }),
    );
    loaded();
    await loading;
    controller.handlers.startListening();
    controller.handlers.pushAudio(new Int16Array(320).fill(500).buffer);
    controller.handlers.stopListening();
    await expect.poll(() => sent).toEqual([{ type: 'transcript', id: 't-1', text: 'heard 320' }]);
    expect(events).toContainEqual({ type: 'transcript', id: 't-1', text: 'heard 320' });
  });

  it('a model that failed to load refuses Talk with that reason', async () => {
    const { controller } = controllerWith({
      load: async () => Promise.reject(new Error('bad file')),
      transcribe: async () => ({ text: '' }),
    });
    await controller.loadModel();
    expect(() => controller.handlers.startListening()).toThrow(
      expect.objectContaining({ code: 'UNAVAILABLE', message: 'The speech model could not be loaded.' }),
    );
  });
});
