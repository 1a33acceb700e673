import { z } from 'zod';

/**
 * The voices a person chooses from, named for how they sound rather than for an engine: the backend
 * maps each key to a Cartesia voice id (configurable) and to one of the bundled offline Flite voices,
 * so the choice holds whichever engine speaks. The first is the default.
 */
export const VOICE_KEYS = ['clear', 'warm', 'deep'] as const;
export const VoiceKey = z.enum(VOICE_KEYS);
export type VoiceKey = z.infer<typeof VoiceKey>;
export const DEFAULT_VOICE: VoiceKey = VOICE_KEYS[0];

/** What Settings shows for each voice. */
export const VOICE_LABELS: Readonly<Record<VoiceKey, string>> = {
  clear: 'Clear (male)',
  warm: 'Warm (female)',
  deep: 'Deep (male)',
};

/** A voice key from untrusted input, or the default when it is absent or names no voice (a newer or older app). */
export function voiceOrDefault(value: unknown): VoiceKey {
  const parsed = VoiceKey.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_VOICE;
}
