import { acceleratorLabel, type AppSettings, type DesktopStatus } from '../bridge/contract.js';
import type { PushToTalkKeys } from '../hotkey/pushToTalkKeys.js';
import type { LoginItemPort } from '../loginItem/loginItemPort.js';

/**
 * The settings the operating system has to accept (the push-to-talk shortcut and its mode, launch
 * at login), applied before they are stored: when the system refuses, the change is refused with
 * its reason and the old setting stays, in the file and in force. Also what Settings shows next to
 * them (`DesktopStatus`). The microphone is applied by the popover, which captures.
 */
export interface SystemSettingsPorts {
  keys?: PushToTalkKeys | undefined;
  /** The shortcut used while the setting is null (VOUCH_HOTKEY, or the built-in default). */
  defaultHotkey: string;
  loginItem?: LoginItemPort | undefined;
  backend: { url: string; editable: boolean };
  mac: boolean;
  log?: { warn(obj: Record<string, unknown>, msg: string): void };
}

/** A desktop setting the system would not take; `message` is for the person. */
export class SystemSettingRefused extends Error {
  override name = 'SystemSettingRefused';
}

export class SystemSettings {
  constructor(private readonly ports: SystemSettingsPorts) {}

  /** At start: registers the stored shortcut (a conflict shows in Settings); returns launch at login as the system has it. */
  async start(settings: AppSettings): Promise<{ launchAtLogin: boolean } | undefined> {
    const accelerator = settings.hotkey ?? this.ports.defaultHotkey;
    const keys = this.ports.keys?.apply(accelerator, settings.hotkeyMode);
    if (keys && !keys.ok) this.ports.log?.warn({}, 'push-to-talk shortcut not registered at start');
    if (!this.ports.loginItem) return undefined;
    try {
      return { launchAtLogin: await this.ports.loginItem.isEnabled() };
    } catch {
      return undefined;
    }
  }

  /** Applies what changes between `prev` and `next`; throws `SystemSettingRefused` (nothing changed) when the system refuses. */
  async apply(prev: AppSettings, next: AppSettings): Promise<void> {
    // Checked first: a refused change must leave everything else as it was.
    if (next.backendUrl !== prev.backendUrl && !this.ports.backend.editable)
      throw new SystemSettingRefused('The backend is set when Vouch is installed and cannot be changed here.');
    const loginChanged = next.launchAtLogin !== prev.launchAtLogin;
    if (loginChanged) await this.setLoginItem(next.launchAtLogin);
    if (this.ports.keys && (next.hotkey !== prev.hotkey || next.hotkeyMode !== prev.hotkeyMode)) {
      const change = this.ports.keys.apply(next.hotkey ?? this.ports.defaultHotkey, next.hotkeyMode);
      if (!change.ok) {
        // Both in one change: launch at login goes back as it was too.
        if (loginChanged) await this.setLoginItem(prev.launchAtLogin).catch(() => undefined);
        throw new SystemSettingRefused(change.reason);
      }
    }
  }

  private async setLoginItem(enabled: boolean): Promise<void> {
    if (!this.ports.loginItem) throw new SystemSettingRefused('Launch at login is not available on this system.');
    try {
      await this.ports.loginItem.setEnabled(enabled);
    } catch (err) {
      this.ports.log?.warn({ error: err instanceof Error ? err.name : 'unknown' }, 'launch at login change failed');
      throw new SystemSettingRefused(
        enabled
          ? 'Vouch could not add itself to the apps opened at login.'
          : 'Vouch could not remove itself from the apps opened at login.',
      );
    }
  }

  status(): DesktopStatus {
    return {
      hotkey: this.ports.keys?.status(this.ports.defaultHotkey) ?? { accelerator: this.ports.defaultHotkey, mode: 'toggle' },
      loginItem: { available: !!this.ports.loginItem },
      backend: this.ports.backend,
      mac: this.ports.mac,
    };
  }

  /**
   * The tray's "Pause listening": the shortcut in force (toggle or hold) is unregistered until
   * `resume`. A shortcut changed in Settings meanwhile is checked and stored but stays unregistered.
   */
  pause(): void {
    this.ports.keys?.pause();
  }

  /** Registers the shortcut set last again; false (and Settings shows why) when another app took it meanwhile. */
  resume(): boolean {
    const change = this.ports.keys?.resume();
    if (change && !change.ok) this.ports.log?.warn({}, 'push-to-talk shortcut not registered on resume');
    return change?.ok ?? true;
  }

  /** The push-to-talk shortcut in force (or to be restored on resume), as the tray shows it. */
  hotkeyLabel(): string {
    return acceleratorLabel(this.status().hotkey.accelerator, this.ports.mac);
  }

  /** A hold whose release was lost (screen locked, suspend). */
  releaseHeldKey(): void {
    this.ports.keys?.release();
  }

  stop(): void {
    this.ports.keys?.stop();
  }
}
