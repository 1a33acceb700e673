// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BridgeCallError, DEFAULT_SETTINGS, type AppSettings } from '../../electron/src/bridge/contract.js';
import { SettingsPanel } from '../src/components/SettingsPanel.js';
import { useSettings } from '../src/stores/settings.js';
import { fakeBridge } from './fakeBridge.js';
import { renderWith } from './render.js';

afterEach(() => {
  cleanup();
  useSettings.setState({ settings: null });
});

/** A bridge call the test answers when it wants to. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('a Settings checkbox', () => {
  it('shows the change at once, before main has answered', async () => {
    const answer = deferred<AppSettings>();
    const { bridge } = fakeBridge({ updateSettings: () => answer.promise });
    act(() => useSettings.getState().set({ ...DEFAULT_SETTINGS, onboardingDone: true }));
    renderWith(bridge, <SettingsPanel />);
    const box = screen.getByRole('checkbox', { name: 'Notify me while the popover is closed' });
    expect(box).toHaveProperty('checked', true);
    fireEvent.click(box);
    expect(box).toHaveProperty('checked', false);
    await act(async () => answer.resolve({ ...DEFAULT_SETTINGS, onboardingDone: true, notifications: false }));
    expect(box).toHaveProperty('checked', false);
    expect(screen.getByText('Vouch will not show notifications.')).toBeTruthy();
  });

  it('puts back what main still has when main refuses the change, and says why', async () => {
    const answer = deferred<AppSettings>();
    const { bridge } = fakeBridge({ updateSettings: () => answer.promise });
    act(() => useSettings.getState().set({ ...DEFAULT_SETTINGS, onboardingDone: true }));
    renderWith(bridge, <SettingsPanel />);
    const box = screen.getByRole('checkbox', { name: 'Speak replies aloud' });
    const was = (box as HTMLInputElement).checked;
    fireEvent.click(box);
    expect((box as HTMLInputElement).checked).toBe(!was);
    await act(async () => answer.reject(new BridgeCallError('REQUEST_FAILED')));
    expect((box as HTMLInputElement).checked).toBe(was);
    expect(screen.getByRole('alert')).toBeTruthy();
  });
});

describe('the Voice setting', () => {
  it('offers the catalog, sends the chosen key, and is disabled while spoken replies are off', async () => {
    const { bridge } = fakeBridge();
    act(() => useSettings.getState().set({ ...DEFAULT_SETTINGS, onboardingDone: true }));
    renderWith(bridge, <SettingsPanel />);
    const voice = screen.getByRole('combobox', { name: 'Voice' }) as HTMLSelectElement;
    expect(voice.value).toBe('clear');
    expect([...voice.options].map((o) => o.text)).toEqual(['Clear (male)', 'Warm (female)', 'Deep (male)']);
    await act(async () => fireEvent.change(voice, { target: { value: 'warm' } }));
    expect(bridge.updateSettings).toHaveBeenCalledWith({ voice: 'warm' });
    expect(screen.getByText('The next reply is spoken in the Warm (female) voice.')).toBeTruthy();
    expect(voice.disabled).toBe(false);
    act(() => useSettings.getState().set({ ...DEFAULT_SETTINGS, onboardingDone: true, spokenReplies: false }));
    expect(voice.disabled).toBe(true);
    expect(screen.getByText('Turn on “Speak replies aloud” to choose a voice.')).toBeTruthy();
  });
});
