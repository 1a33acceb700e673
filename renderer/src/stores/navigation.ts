import { create } from 'zustand';

/** A view asked for from outside the page (the tray's "Settings…", a clicked notification); App switches to it. */
export const useNavigation = create<{
  requested: 'conversation' | 'settings' | null;
  request(tab: 'conversation' | 'settings' | null): void;
}>()((set) => ({
  requested: null,
  request: (requested) => set({ requested }),
}));
