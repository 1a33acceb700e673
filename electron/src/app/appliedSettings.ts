import type { AppSettings, BridgeEvent } from '../bridge/contract.js';
import type { MainHandlers } from '../ipc/bridgeRegistry.js';
import { BridgeError } from '../ipc/bridgeRegistry.js';
import type { LinkClient } from '../link/linkClient.js';
import type { SettingsStore } from './settings.js';
import { SystemSettingRefused, type SystemSettings } from './systemSettings.js';

/** Where the desktop settings are kept and what must accept them (see `AppliedSettings`). */
export interface SettingsDeps {
  /** The person's desktop settings (spoken replies, time zone), applied as they change. */
  settings?: SettingsStore | undefined;
  /** This computer's time zone, used while the setting follows it. */
  systemTimeZone?: string;
  /** The settings the OS must accept first (push-to-talk shortcut and mode, launch at login). */
  desktop?: SystemSettings | undefined;
}

export type SettingsHandlers = Pick<MainHandlers, 'getSettings' | 'updateSettings'>;

/**
 * The person's desktop settings in force: the OS takes its part first, then the link (time zone,
 * voice) and the popover follow every change. Without a settings store there is nothing to change.
 */
export class AppliedSettings {
  constructor(
    private readonly deps: SettingsDeps & {
      link: Pick<LinkClient, 'setTimezone' | 'setVoice'>;
      emit(event: BridgeEvent): void;
    },
  ) {}

  /** At start-up: the OS takes the stored settings, then the link and the popover get them. */
  async start(): Promise<void> {
    if (this.deps.settings && this.deps.desktop) {
      const os = await this.deps.desktop.start(this.deps.settings.get());
      // Launch at login as the system has it (the person may have changed it outside Vouch).
      if (os && os.launchAtLogin !== this.deps.settings.get().launchAtLogin) this.deps.settings.update({ launchAtLogin: os.launchAtLogin });
    }
    if (this.deps.settings) this.apply(this.deps.settings.get());
  }

  readonly handlers: SettingsHandlers = {
    getSettings: () => {
      if (!this.deps.settings) throw new BridgeError('UNAVAILABLE');
      return this.deps.settings.get();
    },
    updateSettings: async (patch) => {
      if (!this.deps.settings) throw new BridgeError('UNAVAILABLE');
      const prev = this.deps.settings.get();
      let next;
      try {
        next = this.deps.settings.preview(patch);
      } catch {
        throw new BridgeError('INVALID_ARGUMENTS');
      }
      try {
        await this.deps.desktop?.apply(prev, next);
      } catch (err) {
        // The system refused (a shortcut another app owns…): the old setting stays, in the file and in force.
        if (err instanceof SystemSettingRefused) throw new BridgeError('REQUEST_FAILED', err.message);
        throw err;
      }
      next = this.deps.settings.update(patch);
      this.apply(next);
      return next;
    },
  };

  private apply(settings: AppSettings): void {
    const tz = settings.timeZone ?? this.deps.systemTimeZone;
    if (tz) this.deps.link.setTimezone(tz);
    this.deps.link.setVoice(settings.voice);
    this.deps.emit({ type: 'settings', settings, ...(this.deps.desktop ? { desktop: this.deps.desktop.status() } : {}) });
  }
}
