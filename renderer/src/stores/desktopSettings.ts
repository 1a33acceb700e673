import { create } from 'zustand';
import type { DesktopStatus } from '../../../electron/src/bridge/contract.js';

/**
 * Next to the desktop settings: what main says is in force (shortcut, mode, launch at login, backend),
 * and whether the last recording had to use the default microphone because the chosen one was gone.
 */
export const useDesktopSettings = create<{
  status: DesktopStatus | null;
  /** The chosen microphone was missing at the last recording; the system default was used. */
  microphoneFellBack: boolean;
  setStatus(status: DesktopStatus): void;
  setMicrophoneFellBack(fellBack: boolean): void;
}>()((set) => ({
  status: null,
  microphoneFellBack: false,
  setStatus: (status) => set({ status }),
  setMicrophoneFellBack: (microphoneFellBack) => set({ microphoneFellBack }),
}));
