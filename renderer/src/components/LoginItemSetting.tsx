import { useDesktopSettings } from '../stores/desktopSettings.js';
import { useSettings } from '../stores/settings.js';
import { SettingMessageLine, useSettingChange } from './settingChange.js';

/** Launch at login: main adds Vouch to the system's login items (an XDG autostart entry on Linux). */
export function LoginItemSetting() {
  const settings = useSettings((s) => s.settings);
  const status = useDesktopSettings((s) => s.status);
  const { saving, message, change } = useSettingChange();
  if (!settings || !status) return null;
  return (
    <div className="field" data-testid="login-item-setting">
      <label className="setting-check">
        <input
          type="checkbox"
          checked={settings.launchAtLogin}
          disabled={saving || !status.loginItem.available}
          onChange={(e) =>
            void change({ launchAtLogin: e.target.checked }, (s) =>
              s.launchAtLogin ? 'Vouch will open when you log in.' : 'Vouch will not open when you log in.',
            )
          }
        />{' '}
        Open Vouch when you log in
      </label>
      {!status.loginItem.available && <p className="hint">Not available on this system.</p>}
      <SettingMessageLine message={message} />
    </div>
  );
}
