import { useId, useState, type KeyboardEvent } from 'react';
import { acceleratorLabel } from '../../../electron/src/bridge/contract.js';
import { recordKey } from '../hotkey/acceleratorFromKey.js';
import { useDesktopSettings } from '../stores/desktopSettings.js';
import { useSettings } from '../stores/settings.js';
import { SettingMessageLine, useSettingChange } from './settingChange.js';

/**
 * The push-to-talk shortcut, recorded by pressing it ("Change…", then the keys; Escape cancels),
 * and how it works: press to start and again to stop, or hold while talking. Main registers the
 * new shortcut before storing it, so a taken one is refused here in words and the old one stays.
 */
export function HotkeySetting() {
  const ids = useId();
  const settings = useSettings((s) => s.settings);
  const status = useDesktopSettings((s) => s.status);
  const { saving, message, setMessage, change } = useSettingChange();
  const [recording, setRecording] = useState(false);
  const [held, setHeld] = useState('');
  if (!settings || !status) return null;
  const { mac } = status;
  const current = acceleratorLabel(status.hotkey.accelerator, mac);
  const holdUnavailable = status.hotkey.holdUnavailable;

  const stopRecording = () => {
    setRecording(false);
    setHeld('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Every key belongs to the recorder while it listens (Tab included: Escape is the way out).
    e.preventDefault();
    e.stopPropagation();
    const r = recordKey(e, mac);
    if (r.kind === 'cancel') {
      stopRecording();
      setMessage({ kind: 'ok', text: `Not changed: the shortcut is still ${current}.` });
    } else if (r.kind === 'partial') setHeld(r.label);
    else if (r.kind === 'refused') {
      setHeld('');
      setMessage({ kind: 'error', text: r.reason });
    } else {
      stopRecording();
      void change({ hotkey: r.accelerator }, () => `Push to talk is now ${r.label}.`);
    }
  };

  return (
    <fieldset className="field setting-group" data-testid="hotkey-setting">
      <legend>Push to talk</legend>
      <p>
        Shortcut: <kbd data-testid="hotkey-current">{current}</kbd>
      </p>
      {status.hotkey.problem && <p role="alert">{status.hotkey.problem}</p>}
      {recording ? (
        <>
          <label htmlFor={`${ids}-rec`}>New shortcut</label>
          <input
            id={`${ids}-rec`}
            readOnly
            autoFocus
            value={held}
            placeholder="Press the keys…"
            aria-describedby={`${ids}-rec-hint`}
            onKeyDown={onKeyDown}
            onKeyUp={(e) => e.preventDefault()}
            onBlur={stopRecording}
          />
          <p id={`${ids}-rec-hint`} className="hint">
            Hold {mac ? '⌘, ⌃ or ⌥' : 'Ctrl or Alt'} and press a key, or press a function key. Esc cancels.
          </p>
        </>
      ) : (
        <button
          type="button"
          disabled={saving}
          onClick={() => {
            setMessage(null);
            setRecording(true);
          }}
        >
          Change…
        </button>
      )}
      <SettingMessageLine message={message} />
      <fieldset className="setting-choices">
        <legend>How it works</legend>
        <label className="setting-check">
          <input
            type="radio"
            name={`${ids}-mode`}
            checked={settings.hotkeyMode === 'toggle'}
            disabled={saving}
            onChange={() => void change({ hotkeyMode: 'toggle' }, () => `Press ${current} to start talking, and again to stop.`)}
          />{' '}
          Press to start, press again to stop
        </label>
        <label className="setting-check">
          <input
            type="radio"
            name={`${ids}-mode`}
            checked={settings.hotkeyMode === 'hold'}
            disabled={saving || (!!holdUnavailable && settings.hotkeyMode !== 'hold')}
            aria-describedby={holdUnavailable ? `${ids}-hold` : undefined}
            onChange={() => void change({ hotkeyMode: 'hold' }, () => `Hold ${current} while you talk.`)}
          />{' '}
          Hold while talking
        </label>
        {holdUnavailable && (
          <p id={`${ids}-hold`} className="hint">
            {holdUnavailable} Vouch uses press to start, press again to stop.
          </p>
        )}
      </fieldset>
    </fieldset>
  );
}
