import type { VouchBridge } from '../../../electron/src/bridge/contract.js';
import { useAudio } from '../stores/audio.js';
import { useDesktopSettings } from '../stores/desktopSettings.js';
import { useSettings } from '../stores/settings.js';
import type { EventEffects } from '../stores/dispatch.js';
import { startCapture, type Capture } from './capture.js';
import { PcmPlayer } from './player.js';

/**
 * Wires audio to the bridge: reply chunks into the player, and the microphone on while main says
 * recording is `listening`. Returns the effects for the event router and a stop() for the Stop button.
 */
export function createAudioController(bridge: VouchBridge, start: typeof startCapture = startCapture) {
  const player = new PcmPlayer((speaking, requestId) => useAudio.getState().setSpeaking(speaking, requestId));
  let capture: Promise<Capture | null> | null = null;

  const effects: EventEffects = {
    playTts: (frame) => player.enqueue(frame),
    recording: (state) => {
      if (state === 'listening' && !capture) {
        // Speaking over Vouch means the person wants to talk, not listen.
        player.stop();
        useAudio.getState().setCapture('starting');
        const microphoneId = useSettings.getState().settings?.microphoneId ?? null;
        useDesktopSettings.getState().setMicrophoneFellBack(false);
        capture = start((chunk) => bridge.pushAudio(chunk), {
          microphoneId,
          onFallback: () => useDesktopSettings.getState().setMicrophoneFellBack(true),
        }).then(
          (c) => (useAudio.getState().setCapture('on'), c),
          (err: unknown) => {
            useAudio.getState().setCapture('failed', err instanceof Error ? err.message : String(err));
            capture = null;
            return null;
          },
        );
      } else if (state !== 'listening' && capture) {
        const pending = capture;
        capture = null;
        void pending.then((c) => c?.stop()).then(() => useAudio.getState().setCapture('off'));
      }
    },
  };
  return { effects, stopSpeaking: () => player.stop() };
}
