import { useCallback, useEffect, useId, useState } from 'react';
import { inputDevices, type InputDevice } from '../audio/microphone.js';
import { useDesktopSettings } from '../stores/desktopSettings.js';
import { useSettings } from '../stores/settings.js';
import { SettingMessageLine, useSettingChange } from './settingChange.js';

/**
 * The microphone Vouch records from: listed here, in the popover, because capture happens here
 * (getUserMedia), in the app and in the demo alike. The next recording uses the choice; when the
 * chosen one is gone, the system default, with a notice.
 */
export function MicrophoneSetting() {
  const ids = useId();
  const settings = useSettings((s) => s.settings);
  const fellBack = useDesktopSettings((s) => s.microphoneFellBack);
  const { saving, message, change } = useSettingChange();
  const [devices, setDevices] = useState<InputDevice[] | null>(null);
  const [named, setNamed] = useState(true);

  const show = useCallback((all: MediaDeviceInfo[]) => {
    setNamed(all.every((d) => d.kind !== 'audioinput' || d.label !== ''));
    setDevices(inputDevices(all));
  }, []);
  const refresh = useCallback(() => (navigator.mediaDevices?.enumerateDevices?.() ?? Promise.resolve([])).then(show), [show]);
  // The list as it is now, then again whenever a device is plugged in or out.
  useEffect(() => {
    const media = navigator.mediaDevices;
    const onChange = () => void refresh();
    onChange();
    media?.addEventListener?.('devicechange', onChange);
    return () => media?.removeEventListener?.('devicechange', onChange);
  }, [refresh]);

  if (!settings || devices === null) return null;
  const chosen = settings.microphoneId;
  const missing = chosen !== null && !devices.some((d) => d.deviceId === chosen);
  // Browsers name devices only once the page may use the microphone: asking once shows the names.
  const showNames = async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true }).catch(() => null);
    for (const t of stream?.getTracks() ?? []) t.stop();
    await refresh();
  };

  return (
    <div className="field" data-testid="microphone-setting">
      <label htmlFor={`${ids}-mic`}>Microphone</label>
      <select
        id={`${ids}-mic`}
        value={chosen ?? ''}
        disabled={saving}
        onChange={(e) => {
          const id = e.target.value || null;
          const label = devices.find((d) => d.deviceId === id)?.label;
          void change({ microphoneId: id }, () =>
            label ? `Vouch will listen with ${label}.` : 'Vouch will listen with the system default.',
          );
        }}
      >
        <option value="">System default</option>
        {devices.map((d) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label}
          </option>
        ))}
        {missing && <option value={chosen}>The microphone you chose (not connected)</option>}
      </select>
      {(missing || fellBack) && (
        <p role="status" className="hint">
          The microphone you chose is not connected. Vouch listens with the system default until it is back.
        </p>
      )}
      {!named && (
        <button type="button" onClick={() => void showNames()}>
          Show microphone names
        </button>
      )}
      <SettingMessageLine message={message} />
    </div>
  );
}
