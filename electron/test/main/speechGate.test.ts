/**
 * The speech gate on its own: which sentence refuses Talk in each state of the speech model, and
 * how download progress without a known size is thinned. The download itself over real HTTP, and
 * the thinning to 1 % of a known size, are covered through the controller (controllerSpeechModel).
 */
import { describe, expect, it } from 'vitest';
import type { BridgeEvent, SpeechModelEvent } from '../../src/bridge/contract.js';
import { SpeechGate } from '../../src/app/speechGate.js';
import type { SpeechModelPort, SttEngineLike } from '../../src/app/sttPort.js';
import type { SpeechModelState } from '../../src/stt/speech-model.js';

function gateOverModel() {
  const events: BridgeEvent[] = [];
  const listeners: Array<(s: SpeechModelState) => void> = [];
  const engine: SttEngineLike = { load: async () => {}, transcribe: async () => ({ text: '' }) };
  const speech: SpeechModelPort = {
    state: { status: 'missing' },
    on: (_e, l) => listeners.push(l),
    start: async () => {},
    download: async () => {},
    cancelDownload() {},
    useFolder: async () => {},
    sttEngine: engine,
  };
  const gate = new SpeechGate({ speech, emit: (e) => events.push(e) }, { warn() {} });
  const report = (state: SpeechModelState) => listeners.forEach((l) => l(state));
  const rows = () => events.filter((e): e is SpeechModelEvent => e.type === 'speech_model');
  return { gate, engine, report, rows };
}

describe('SpeechGate', () => {
  it('refuses Talk with the reason of each model state, and hands out the engine only once it is ready', () => {
    const { gate, engine, report } = gateOverModel();
    const states: Array<[SpeechModelState, string | undefined]> = [
      [{ status: 'missing' }, 'The speech model is not downloaded yet. Download it, or type your request.'],
      [
        { status: 'downloading', doneBytes: 1, totalBytes: 10 },
        'The speech model is still downloading. Try again when it is ready, or type your request.',
      ],
      [
        { status: 'loading', modelDir: '/m', fraction: 0.5 },
        'The speech model is still loading. Try again in a moment, or type your request.',
      ],
      [
        { status: 'failed', code: 'not-a-model', reason: 'That folder holds no speech model.' },
        'That folder holds no speech model. Type your request instead.',
      ],
      [{ status: 'ready', modelDir: '/m' }, undefined],
    ];
    for (const [state, refusal] of states) {
      report(state);
      expect(gate.refusal).toBe(refusal);
      expect(gate.readyEngine).toBe(refusal === undefined ? engine : undefined);
    }
  });

  it('without a known size, sends download progress every 64 KiB, and at once when the line of text changes', () => {
    const { report, rows } = gateOverModel();
    const KiB = 1024;
    for (const done of [0, 10 * KiB, 63 * KiB, 64 * KiB, 100 * KiB, 127 * KiB, 128 * KiB, 999_000, 1_000_000]) {
      report({ status: 'downloading', doneBytes: done, totalBytes: undefined });
    }
    const sent = rows().map((r) => (r.state.status === 'downloading' ? r.state.doneBytes : -1));
    // 999,000 and 1,000,000 bytes read "1 MB" where 128 KiB read "0 MB": a new line is sent even within 64 KiB.
    expect(sent).toEqual([0, 64 * KiB, 128 * KiB, 999_000]);
    expect(rows().at(-1)!.text).toBe('Downloading speech model — 1 MB');
  });
});
