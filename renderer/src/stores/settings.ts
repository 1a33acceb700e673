import { create } from 'zustand';
import type { AppSettings } from '../../../electron/src/bridge/contract.js';

/** The settings in force, as main last announced them (null until it has). */
export const useSettings = create<{
  settings: AppSettings | null;
  introOpen: boolean;
  set(settings: AppSettings): void;
  openIntro(open: boolean): void;
}>()((set) => ({
  settings: null,
  /** The introduction was asked for again (Settings, the tray). */
  introOpen: false,
  set: (settings) => set({ settings }),
  openIntro: (introOpen) => set({ introOpen }),
}));
