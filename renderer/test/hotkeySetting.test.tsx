// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BridgeCallError, DEFAULT_SETTINGS, type DesktopStatus } from '../../electron/src/bridge/contract.js';
import { HotkeySetting } from '../src/components/HotkeySetting.js';
import { routeEvent } from '../src/stores/dispatch.js';
import { useDesktopSettings } from '../src/stores/desktopSettings.js';
import { useSettings } from '../src/stores/settings.js';
import { fakeBridge } from './fakeBridge.js';
import { renderWith } from './render.js';

afterEach(() => {
  cleanup();
  useSettings.setState({ settings: null });
  useDesktopSettings.setState({ status: null, microphoneFellBack: false });
});

const STATUS: DesktopStatus = {
  hotkey: { accelerator: 'CommandOrControl+Shift+Space', mode: 'toggle' },
  loginItem: { available: true },
  backend: { url: 'https://vouch.example.com/', editable: false },
  mac: false,
};

function show(status: DesktopStatus = STATUS) {
  act(() => routeEvent({ type: 'settings', settings: { ...DEFAULT_SETTINGS, onboardingDone: true }, desktop: status }));
}

describe('the push-to-talk shortcut in Settings', () => {
  it('records the pressed combination and asks main to use it', async () => {
    const { bridge } = fakeBridge();
    renderWith(bridge, <HotkeySetting />);
    show();
    expect(screen.getByTestId('hotkey-current').textContent).toBe('Ctrl+Shift+Space');
    fireEvent.click(screen.getByRole('button', { name: 'Change…' }));
    const input = screen.getByLabelText('New shortcut');
    fireEvent.keyDown(input, { key: 'Alt', code: 'AltLeft', altKey: true });
    expect((input as HTMLInputElement).value).toBe('Alt+…');
    fireEvent.keyDown(input, { key: 'k', code: 'KeyK', altKey: true, ctrlKey: true });
    await waitFor(() => expect(bridge.updateSettings).toHaveBeenCalledWith({ hotkey: 'CommandOrControl+Alt+K' }));
    expect(await screen.findByText('Push to talk is now Ctrl+Alt+K.')).toBeTruthy();
  });

  it("shows main's refusal in its words and keeps listening for nothing", async () => {
    const { bridge } = fakeBridge({
      updateSettings: async () => {
        throw new BridgeCallError('REQUEST_FAILED', 'Alt+F4 is already used by another app, so Vouch cannot listen for it.');
      },
    });
    renderWith(bridge, <HotkeySetting />);
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Change…' }));
    fireEvent.keyDown(screen.getByLabelText('New shortcut'), { key: 'F4', code: 'F4', altKey: true });
    expect((await screen.findByRole('alert')).textContent).toBe('Alt+F4 is already used by another app, so Vouch cannot listen for it.');
    expect(screen.queryByLabelText('New shortcut')).toBeNull();
  });

  it('Escape cancels without asking main', () => {
    const { bridge } = fakeBridge();
    renderWith(bridge, <HotkeySetting />);
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Change…' }));
    fireEvent.keyDown(screen.getByLabelText('New shortcut'), { key: 'Escape', code: 'Escape' });
    expect(bridge.updateSettings).not.toHaveBeenCalled();
    expect(screen.getByText('Not changed: the shortcut is still Ctrl+Shift+Space.')).toBeTruthy();
  });

  it('where hold cannot run, says why and offers only toggle', () => {
    const { bridge } = fakeBridge();
    renderWith(bridge, <HotkeySetting />);
    show({ ...STATUS, hotkey: { ...STATUS.hotkey, holdUnavailable: 'Hold to talk needs an X11 session.' } });
    expect((screen.getByRole('radio', { name: 'Hold while talking' }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('Hold to talk needs an X11 session. Vouch uses press to start, press again to stop.')).toBeTruthy();
  });
});
