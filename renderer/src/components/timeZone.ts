import { useSettings } from '../stores/settings.js';
import { resolveTimeZone } from './stateWording.js';

/** The person's time zone: the one chosen in Settings, else the computer's. */
export function useTimeZone(): string {
  return resolveTimeZone(useSettings((s) => s.settings?.timeZone));
}
