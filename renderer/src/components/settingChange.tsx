import { useState } from 'react';
import type { AppSettings, SettingsPatch } from '../../../electron/src/bridge/contract.js';
import { useBridge } from '../bridge/context.js';
import { bridgeErrorText } from '../bridge/errors.js';
import { useSettings } from '../stores/settings.js';

export type SettingMessage = { kind: 'ok' | 'error'; text: string } | null;

/**
 * One desktop setting's change: stored and applied by main, or refused with main's reason (a
 * shortcut another app owns…), shown next to that setting rather than at the bottom of the panel.
 */
export function useSettingChange() {
  const bridge = useBridge();
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<SettingMessage>(null);
  /**
   * `optimistic`: the control shows the change at once (a checkbox that waits for main to answer
   * looks broken), and a refusal puts back what main still has.
   */
  const change = async (patch: SettingsPatch, done: (s: AppSettings) => string, opts: { optimistic?: boolean } = {}): Promise<boolean> => {
    const before = opts.optimistic ? useSettings.getState().settings : null;
    if (before) useSettings.getState().set({ ...before, ...patch });
    setSaving(true);
    setMessage(null);
    try {
      const s = await bridge.updateSettings(patch);
      useSettings.getState().set(s);
      setMessage({ kind: 'ok', text: done(s) });
      return true;
    } catch (err) {
      if (before) useSettings.getState().set(before);
      setMessage({ kind: 'error', text: bridgeErrorText(err, 'Vouch could not save this setting. Try again.') });
      return false;
    } finally {
      setSaving(false);
    }
  };
  return { saving, message, setMessage, change };
}

export function SettingMessageLine({ message }: { message: SettingMessage }) {
  if (!message) return null;
  return (
    <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'ok' ? 'hint' : 'field-error'}>
      {message.text}
    </p>
  );
}
