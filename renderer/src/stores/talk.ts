import { create } from 'zustand';

/**
 * Why the push-to-talk shortcut did nothing (no speech model yet): main says it once per press, and
 * the composer shows it next to Talk with the speech model row until the person does something else.
 */
export const useTalkRefusal = create<{
  message: string | null;
  refuse(message: string): void;
  clear(): void;
}>()((set) => ({
  message: null,
  refuse: (message) => set({ message }),
  clear: () => set({ message: null }),
}));
