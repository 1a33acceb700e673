import { useId, useState } from 'react';
import { useDesktopSettings } from '../stores/desktopSettings.js';
import { useSettings } from '../stores/settings.js';
import { SettingMessageLine, useSettingChange } from './settingChange.js';

/**
 * The backend Vouch talks to: shown read-only in installed builds (it is set when Vouch is built or
 * installed), editable in development builds, where a new one is used from the next start.
 */
export function BackendSetting() {
  const ids = useId();
  const settings = useSettings((s) => s.settings);
  const status = useDesktopSettings((s) => s.status);
  const { saving, message, change } = useSettingChange();
  const [draft, setDraft] = useState<string | null>(null);
  if (!settings || !status) return null;
  const { url, editable } = status.backend;
  if (!editable)
    return (
      <div className="field" data-testid="backend-setting">
        <label htmlFor={`${ids}-url`}>Backend</label>
        <input id={`${ids}-url`} readOnly value={url} aria-describedby={`${ids}-hint`} />
        <p id={`${ids}-hint`} className="hint">
          Set when Vouch was installed.
        </p>
      </div>
    );
  const value = draft ?? settings.backendUrl ?? url;
  return (
    <form
      className="field setting-form"
      data-testid="backend-setting"
      onSubmit={(e) => {
        e.preventDefault();
        const next = value.trim() === url ? null : value.trim();
        void change({ backendUrl: next }, () => 'Vouch will use this backend from its next start.');
      }}
    >
      <label htmlFor={`${ids}-url`}>Backend</label>
      <input id={`${ids}-url`} type="url" value={value} onChange={(e) => setDraft(e.target.value)} aria-describedby={`${ids}-hint`} />
      <p id={`${ids}-hint`} className="hint">
        Development build: a new backend is used from the next start.
      </p>
      <button type="submit" disabled={saving}>
        Save backend
      </button>
      {settings.backendUrl !== null && (
        <button
          type="button"
          disabled={saving}
          onClick={() => {
            setDraft(null);
            void change({ backendUrl: null }, () => 'Vouch will use the configured backend from its next start.');
          }}
        >
          Use the configured backend
        </button>
      )}
      <SettingMessageLine message={message} />
    </form>
  );
}
