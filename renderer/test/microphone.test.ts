import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../electron/src/bridge/contract.js';
import { createAudioController } from '../src/audio/controller.js';
import { audioConstraints, inputDevices, isMissingDevice } from '../src/audio/microphone.js';
import type { CaptureOptions } from '../src/audio/capture.js';
import { useAudio } from '../src/stores/audio.js';
import { useDesktopSettings } from '../src/stores/desktopSettings.js';
import { useSettings } from '../src/stores/settings.js';
import { fakeBridge } from './fakeBridge.js';

afterEach(() => {
  useSettings.setState({ settings: null });
  useDesktopSettings.setState({ status: null, microphoneFellBack: false });
  useAudio.getState().reset();
});

describe('choosing a microphone', () => {
  it('lists audio inputs only, without the browser’s default aliases, named even before permission', () => {
    expect(
      inputDevices([
        { kind: 'audioinput', deviceId: 'default', label: 'Default' },
        { kind: 'audioinput', deviceId: 'a1', label: 'USB mic' },
        { kind: 'audiooutput', deviceId: 'o1', label: 'Speakers' },
        { kind: 'videoinput', deviceId: 'v1', label: 'Camera' },
        { kind: 'audioinput', deviceId: 'a2', label: '' },
      ]),
    ).toEqual([
      { deviceId: 'a1', label: 'USB mic' },
      { deviceId: 'a2', label: 'Microphone 2' },
    ]);
  });

  it('asks for the chosen device exactly, or for the default', () => {
    expect(audioConstraints('a1')).toMatchObject({ deviceId: { exact: 'a1' }, channelCount: 1 });
    expect(audioConstraints(null)).not.toHaveProperty('deviceId');
    expect(isMissingDevice(Object.assign(new Error('x'), { name: 'OverconstrainedError' }))).toBe(true);
    expect(isMissingDevice(Object.assign(new Error('x'), { name: 'NotAllowedError' }))).toBe(false);
  });

  it('the next recording uses the chosen microphone; a missing one falls back with a notice', async () => {
    const { bridge } = fakeBridge();
    useSettings.getState().set({ ...DEFAULT_SETTINGS, microphoneId: 'usb-1' });
    const seen: CaptureOptions[] = [];
    const start = vi.fn(async (_onChunk: (c: ArrayBuffer) => void, opts: CaptureOptions = {}) => {
      seen.push(opts);
      if (seen.length === 2) opts.onFallback?.();
      return { stop: async () => {} };
    });
    const { effects } = createAudioController(bridge, start);
    effects.recording!('listening');
    await vi.waitFor(() => expect(useAudio.getState().capture).toBe('on'));
    expect(seen[0]!.microphoneId).toBe('usb-1');
    expect(useDesktopSettings.getState().microphoneFellBack).toBe(false);
    effects.recording!('transcribing');
    await vi.waitFor(() => expect(useAudio.getState().capture).toBe('off'));
    effects.recording!('listening');
    await vi.waitFor(() => expect(useDesktopSettings.getState().microphoneFellBack).toBe(true));
  });
});
