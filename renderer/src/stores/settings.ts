import { create } from 'zustand';
import type { AppSettings } from '../../../electron/src/bridge/contract.js';

/** The settings in force, as main last announced them (null until it has). */
export const useSettings = create<{ settings: AppSettings | null; set(settings: AppSettings): void }>()((set) => ({
  settings: null,
  set: (settings) => set({ settings }),
}));
