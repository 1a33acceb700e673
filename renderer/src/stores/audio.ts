import { create } from 'zustand';

/** Mirrors the Web Audio player so the status light and the Stop button can react to it. */
interface AudioState {
  speaking: boolean;
  /** The request whose reply is playing, if any. */
  requestId: string | null;
  capture: 'off' | 'starting' | 'on' | 'failed';
  captureError?: string;
  setSpeaking(speaking: boolean, requestId: string | null): void;
  setCapture(capture: AudioState['capture'], captureError?: string): void;
  reset(): void;
}

export const useAudio = create<AudioState>()((set) => ({
  speaking: false,
  requestId: null,
  capture: 'off',
  setSpeaking: (speaking, requestId) => set({ speaking, requestId }),
  setCapture: (capture, captureError) => set(captureError === undefined ? { capture } : { capture, captureError }),
  reset: () => set({ speaking: false, requestId: null, capture: 'off' }),
}));
