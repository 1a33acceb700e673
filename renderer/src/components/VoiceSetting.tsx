import { useId } from 'react';
import { VOICE_KEYS, VOICE_LABELS, VoiceKey } from '../../../backend/src/protocol/index.js';
import { useSettings } from '../stores/settings.js';
import { SettingMessageLine, useSettingChange } from './settingChange.js';

/** The voice replies are spoken in, from the backend's catalog; only meaningful while replies are spoken. */
export function VoiceSetting() {
  const ids = useId();
  const settings = useSettings((s) => s.settings);
  const { saving, message, change } = useSettingChange();
  if (!settings) return null;
  const off = !settings.spokenReplies;
  return (
    <div className="field" data-testid="voice-setting">
      <label htmlFor={`${ids}-voice`}>Voice</label>
      <select
        id={`${ids}-voice`}
        value={settings.voice}
        disabled={saving || off}
        aria-describedby={`${ids}-voice-hint`}
        onChange={(e) => {
          const voice = VoiceKey.safeParse(e.target.value);
          if (voice.success) void change({ voice: voice.data }, (s) => `The next reply is spoken in the ${VOICE_LABELS[s.voice]} voice.`);
        }}
      >
        {VOICE_KEYS.map((key) => (
          <option key={key} value={key}>
            {VOICE_LABELS[key]}
          </option>
        ))}
      </select>
      <p id={`${ids}-voice-hint`} className="hint">
        {off ? 'Turn on “Speak replies aloud” to choose a voice.' : 'How Vouch sounds when it speaks a reply.'}
      </p>
      <SettingMessageLine message={message} />
    </div>
  );
}
