import type { SpeechModelView } from '../bridge/contract.js';
import type { SpeechModelState } from '../stt/speech-model.js';

/**
 * What main needs from the on-device speech-to-text engine (`electron/src/stt/`, whose `SttEngine`
 * satisfies this structurally): load the model with progress, then transcribe 16 kHz mono Float32
 * audio off the main thread. Main depends on this narrow contract so tests can pass a
 * deterministic engine. An engine with the streaming calls gets the audio while the person speaks
 * (the spectrogram is computed then), so only the encoder and decoder remain at release.
 */
export interface SttEngineLike {
  load(onProgress?: (progress: { fraction: number }) => void): Promise<void>;
  transcribe(pcm16k: Float32Array): Promise<{ text: string }>;
  beginUtterance?(): void;
  appendAudio?(pcm16k: Float32Array): void;
  finishUtterance?(): Promise<{ text: string }>;
  dispose?(): Promise<void>;
}

/**
 * The speech model with its download (`stt/speech-model.ts` `SpeechModel` satisfies this): its state
 * and state events, the download and "Use a folder…", and the engine that works once it is ready.
 */
export interface SpeechModelPort {
  readonly state: SpeechModelState;
  on(event: 'state', listener: (state: SpeechModelState) => void): unknown;
  /** Once at start: loads a model already present, or reports it missing. */
  start(): Promise<void>;
  download(): Promise<void>;
  cancelDownload(): void;
  useFolder(dir: string): Promise<void>;
  readonly sttEngine: SttEngineLike;
}

/** The state as the popover sees it: no folder paths, no internal codes. */
export function speechModelView(state: SpeechModelState): SpeechModelView {
  switch (state.status) {
    case 'missing':
      return { status: 'missing' };
    case 'downloading':
      return {
        status: 'downloading',
        doneBytes: state.doneBytes,
        ...(state.totalBytes !== undefined ? { totalBytes: state.totalBytes } : {}),
      };
    case 'loading':
      return { status: 'loading', fraction: state.fraction };
    case 'ready':
      return { status: 'ready' };
    case 'failed':
      return { status: 'failed', reason: state.reason };
  }
}

export function transcriptText(out: { text: string }): string {
  return out.text.replace(/\s+/g, ' ').trim();
}
