import { useEffect, useId, useMemo } from 'react';
import type { SettingsPatch } from '../../../electron/src/bridge/contract.js';
import { useBridge } from '../bridge/context.js';
import { useSettingChange } from './settingChange.js';
import { useSettings } from '../stores/settings.js';
import { EmailDomainsSection, MeetingLengthField } from './AccountSettings.js';
import { HistoryControl } from './HistoryControl.js';
import { BackendSetting } from './BackendSetting.js';
import { HotkeySetting } from './HotkeySetting.js';
import { LoginItemSetting } from './LoginItemSetting.js';
import { MicrophoneSetting } from './MicrophoneSetting.js';
import { VoiceSetting } from './VoiceSetting.js';

/** Every time zone this browser knows, or a short list where `supportedValuesOf` is missing. */
function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (k: 'timeZone') => string[] };
  return (
    intl.supportedValuesOf?.('timeZone') ?? [
      'UTC',
      'Europe/London',
      'Europe/Paris',
      'America/New_York',
      'America/Los_Angeles',
      'Asia/Tokyo',
    ]
  );
}

/**
 * The person's desktop settings: each change is stored by the app and applied at once (spoken
 * replies stop or start with the next reply; a new time zone reconnects the session with it).
 */
export function SettingsPanel() {
  const bridge = useBridge();
  const ids = useId();
  const settings = useSettings((s) => s.settings);
  const { saving, message: status, change } = useSettingChange();
  const zones = useMemo(() => timeZones(), []);
  const here = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);

  useEffect(() => {
    if (settings === null)
      void bridge.getSettings().then(
        (s) => useSettings.getState().set(s),
        () => undefined,
      );
  }, [bridge, settings]);

  // The panel's own checkboxes and lists: one status line at the bottom, and the change shown at once.
  const update = (patch: SettingsPatch, done: string) => void change(patch, () => done, { optimistic: true });

  return (
    <section className="panel" aria-labelledby={`${ids}-title`} data-testid="settings-panel">
      <h2 id={`${ids}-title`}>Settings</h2>
      {settings === null ? (
        <p role="status">Loading…</p>
      ) : (
        <>
          <div className="field">
            <label>
              <input
                type="checkbox"
                checked={settings.spokenReplies}
                disabled={saving}
                onChange={(e) =>
                  update(
                    { spokenReplies: e.target.checked },
                    e.target.checked ? 'Vouch will speak its replies.' : 'Vouch will only show its replies.',
                  )
                }
              />{' '}
              Speak replies aloud
            </label>
          </div>
          <VoiceSetting />
          <div className="field">
            <label>
              <input
                type="checkbox"
                checked={settings.notifications !== false}
                disabled={saving}
                onChange={(e) =>
                  update(
                    { notifications: e.target.checked },
                    e.target.checked ? 'Vouch will notify you while the popover is closed.' : 'Vouch will not show notifications.',
                  )
                }
              />{' '}
              Notify me while the popover is closed
            </label>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-tz`}>Time zone</label>
            <select
              id={`${ids}-tz`}
              value={settings.timeZone ?? ''}
              disabled={saving}
              aria-describedby={`${ids}-tz-hint`}
              onChange={(e) =>
                update(
                  { timeZone: e.target.value || null },
                  e.target.value ? `Times are now read in ${e.target.value}.` : `Times follow this computer (${here}).`,
                )
              }
            >
              <option value="">This computer's ({here})</option>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
            <p id={`${ids}-tz-hint`} className="hint">
              What “tomorrow” and “at 3” mean when you ask Vouch.
            </p>
          </div>
          <MeetingLengthField />
          {/* Desktop settings (issue 15): each its own component, applied by main before it is stored. */}
          <HotkeySetting />
          <MicrophoneSetting />
          <LoginItemSetting />
          <BackendSetting />
          <div className="field">
            <button type="button" onClick={() => useSettings.getState().openIntro(true)}>
              Show the introduction again
            </button>
          </div>
          {status && (
            <p role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'ok' ? 'hint' : undefined}>
              {status.text}
            </p>
          )}
          <EmailDomainsSection />
        </>
      )}
      <HistoryControl />
    </section>
  );
}
