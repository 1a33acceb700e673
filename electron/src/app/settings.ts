import { AppSettings, DEFAULT_SETTINGS, SettingsPatch } from '../bridge/contract.js';
import type { KeyValueStore } from '../auth/tokenStore.js';

/**
 * The person's desktop settings through the `KeyValueStore` port (electron-store in the app, `conf`
 * in the desktop host): validated with zod when read and when changed, so a hand-edited or older
 * file falls back to the defaults field by field instead of breaking the app.
 */
const KEY = 'settings';

export class SettingsStore {
  private current: AppSettings;

  constructor(private readonly kv: KeyValueStore) {
    this.current = SettingsStore.read(kv.get(KEY));
  }

  private static read(raw: unknown): AppSettings {
    const whole = AppSettings.safeParse(raw);
    if (whole.success) return whole.data;
    const out: AppSettings = { ...DEFAULT_SETTINGS };
    if (raw && typeof raw === 'object') {
      for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof AppSettings)[]) {
        const field = AppSettings.shape[key].safeParse((raw as Record<string, unknown>)[key]);
        if (field.success) (out as Record<string, unknown>)[key] = field.data;
      }
    }
    return out;
  }

  get(): AppSettings {
    return { ...this.current };
  }

  /** The settings a change would give, validated but not stored (the OS may still refuse it). Throws a ZodError when invalid. */
  preview(patch: unknown): AppSettings {
    return AppSettings.parse({ ...this.current, ...SettingsPatch.parse(patch) });
  }

  /** Validates and stores the change; returns the settings now in force. Throws a ZodError when invalid. */
  update(patch: unknown): AppSettings {
    this.current = this.preview(patch);
    this.kv.set(KEY, this.current);
    return this.get();
  }
}
