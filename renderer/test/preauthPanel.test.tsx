// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeCallError, DEFAULT_SETTINGS, type PreauthView } from '../../electron/src/bridge/contract.js';
import { bridgeErrorText } from '../src/bridge/errors.js';
import { formatTimeLeft, PreauthPanel } from '../src/components/PreauthPanel.js';
import { fakeBridge } from './fakeBridge.js';
import { renderWith } from './render.js';
import { resetStores } from './resetStores.js';
import { formatClock } from '../src/components/stateWording.js';
import { useSettings } from '../src/stores/settings.js';

beforeEach(resetStores);
afterEach(cleanup);

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
// A few seconds short of 23 minutes: "23 minutes left" however long the test takes to render.
const gmail: PreauthView = {
  id: 'pa_1',
  tool: 'gmail',
  max_level: 'confirm',
  max_score: 54,
  expires_at: new Date(Date.now() + 23 * 60_000 - 5_000).toISOString(),
};
const slack: PreauthView = { id: 'pa_2', tool: 'slack', max_level: 'step_up', max_score: 100, expires_at: inMinutes(90) };

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('PreauthPanel', () => {
  it('lists the active grants from the bridge in plain language, with time left, and hides expired ones', async () => {
    const expired: PreauthView = { ...gmail, id: 'pa_old', tool: 'calendar', expires_at: inMinutes(-1) };
    const { bridge } = fakeBridge({ listPreauthorizations: async () => [gmail, slack, expired] });
    useSettings.getState().set({ ...DEFAULT_SETTINGS, spokenReplies: true, timeZone: 'Asia/Tokyo', onboardingDone: true });
    renderWith(bridge, <PreauthPanel />);
    const items = await screen.findAllByTestId('preauth-item');
    expect(items.map((i) => i.querySelector('p')!.textContent)).toEqual([
      'Gmail actions up to medium risk without asking your phone — 23 minutes left',
      'Slack actions up to high risk without asking your phone — 1 hour 30 minutes left',
    ]);
    expect(screen.queryByText(/Google Calendar actions/)).toBeNull();
    // When each ends, in the zone chosen in Settings.
    expect(items.map((i) => i.querySelector('.preauth-until')!.textContent)).toEqual([
      `Until ${formatClock(gmail.expires_at, 'Asia/Tokyo', Date.now())}`,
      `Until ${formatClock(slack.expires_at, 'Asia/Tokyo', Date.now())}`,
    ]);
    useSettings.setState({ settings: null });
  });

  it('says so when nothing is allowed ahead of time', async () => {
    const { bridge } = fakeBridge();
    renderWith(bridge, <PreauthPanel />);
    expect(await screen.findByText(/Nothing is allowed ahead of time/)).toBeTruthy();
  });

  it('Revoke calls the bridge with the id and removes the grant; focus moves to the section heading', async () => {
    const user = userEvent.setup();
    const { bridge } = fakeBridge({ listPreauthorizations: async () => [gmail, slack] });
    renderWith(bridge, <PreauthPanel />);
    const revoke = await screen.findByRole('button', { name: 'Revoke: Gmail actions up to medium risk without asking your phone' });
    revoke.focus();
    await user.keyboard('{Enter}');
    expect(bridge.revokePreauthorization).toHaveBeenCalledWith('pa_1');
    expect(bridge.revokePreauthorization).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getAllByTestId('preauth-item')).toHaveLength(1));
    expect(screen.getByTestId('preauth-item').textContent).toContain('Slack actions');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Allowed for a while' }));
  });

  it('shows why a revoke failed and keeps the grant', async () => {
    const user = userEvent.setup();
    const { bridge } = fakeBridge({
      listPreauthorizations: async () => [gmail],
      revokePreauthorization: async () => {
        // What Electron's preload rejects with: the plain coded failure from the contract.
        throw { code: 'REQUEST_FAILED', message: 'Vouch could not change this right now. Try again.' };
      },
    });
    renderWith(bridge, <PreauthPanel />);
    await user.click(await screen.findByRole('button', { name: /^Revoke: Gmail/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('Vouch could not change this right now. Try again.');
    expect(screen.getAllByTestId('preauth-item')).toHaveLength(1);
  });

  it('grant: sends the chosen tool, level and duration, waits for the phone, then lists the new grant', async () => {
    const user = userEvent.setup();
    const pending = deferred<PreauthView>();
    const { bridge } = fakeBridge({ grantPreauthorization: vi.fn(() => pending.promise) });
    renderWith(bridge, <PreauthPanel />);
    await screen.findByText(/Nothing is allowed ahead of time/);

    await user.selectOptions(screen.getByLabelText('Actions in'), 'Google Calendar');
    await user.selectOptions(screen.getByLabelText('Up to'), 'high risk');
    await user.selectOptions(screen.getByLabelText('For how long'), '60 minutes');
    const button = screen.getByRole('button', { name: 'Ask my phone to allow' });
    await user.click(button);

    expect(bridge.grantPreauthorization).toHaveBeenCalledWith({ tool: 'calendar', max_level: 'step_up', duration_minutes: 60 });
    const form = screen.getByRole('form', { name: 'Allow for a while' });
    expect(within(form).getByRole('status').textContent).toContain(
      'Waiting for your phone. Check that it shows: Allow Google Calendar actions for 60 min',
    );
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByLabelText('Actions in') as HTMLSelectElement).disabled).toBe(true);
    expect(screen.queryAllByTestId('preauth-item')).toHaveLength(0);

    await act(async () =>
      pending.resolve({
        id: 'pa_9',
        tool: 'calendar',
        max_level: 'step_up',
        max_score: 100,
        expires_at: new Date(Date.now() + 60 * 60_000 - 5_000).toISOString(),
      }),
    );

    expect(within(form).getByRole('status').textContent).not.toContain('Waiting');
    expect((button as HTMLButtonElement).disabled).toBe(false);
    const items = screen.getAllByTestId('preauth-item');
    expect(items.map((i) => i.querySelector('p')!.textContent)).toEqual([
      'Google Calendar actions up to high risk without asking your phone — 1 hour left',
    ]);
  });

  it('waiting for the phone: shows what the phone shows, and Cancel stops waiting without allowing anything', async () => {
    const user = userEvent.setup();
    const pending = deferred<PreauthView>();
    const { bridge } = fakeBridge({ grantPreauthorization: vi.fn(() => pending.promise) });
    renderWith(bridge, <PreauthPanel />);
    await screen.findByText(/Nothing is allowed ahead of time/);
    await user.selectOptions(screen.getByLabelText('Actions in'), 'Slack');
    await user.selectOptions(screen.getByLabelText('For how long'), '15 minutes');
    await user.click(screen.getByRole('button', { name: 'Ask my phone to allow' }));
    const form = screen.getByRole('form', { name: 'Allow for a while' });
    expect(within(form).getByRole('status').textContent?.trim()).toBe(
      'Waiting for your phone. Check that it shows: Allow Slack actions for 15 min',
    );
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(bridge.cancelPreauthorizationRequest).toHaveBeenCalledTimes(1);
    expect(within(form).getByRole('status').textContent).toBe('Cancelled. Nothing was allowed.');
    // The closed request's failure arrives afterwards and changes nothing on screen.
    await act(async () => pending.reject({ code: 'REQUEST_FAILED', message: 'Vouch could not change this right now. Try again.' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(within(form).queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect((screen.getByRole('button', { name: 'Ask my phone to allow' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('grant declined on the phone: a readable alert, nothing listed, the form usable again', async () => {
    const user = userEvent.setup();
    const pending = deferred<PreauthView>();
    const { bridge } = fakeBridge({ grantPreauthorization: vi.fn(() => pending.promise) });
    renderWith(bridge, <PreauthPanel />);
    await screen.findByText(/Nothing is allowed ahead of time/);
    await user.click(screen.getByRole('button', { name: 'Ask my phone to allow' }));
    expect(bridge.grantPreauthorization).toHaveBeenCalledWith({ tool: 'gmail', max_level: 'confirm', duration_minutes: 30 });
    await act(async () => pending.reject(new BridgeCallError('APPROVAL_DENIED')));
    expect(screen.getByRole('alert').textContent).toBe('Declined on your phone. Nothing was allowed.');
    expect(screen.queryAllByTestId('preauth-item')).toHaveLength(0);
    expect((screen.getByRole('button', { name: 'Ask my phone to allow' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('preauth wording helpers', () => {
  it('formats time left and never shows internal error text', () => {
    expect(formatTimeLeft(23 * 60_000 - 1)).toBe('23 minutes left');
    expect(formatTimeLeft(30_000)).toBe('1 minute left');
    expect(formatTimeLeft(60 * 60_000)).toBe('1 hour left');
    expect(formatTimeLeft(125 * 60_000)).toBe('2 hours 5 minutes left');
    expect(bridgeErrorText({ code: 'INTERNAL', message: 'vouch: grantPreauthorization failed' }, 'fallback')).toBe('fallback');
    expect(bridgeErrorText({ code: 'INVALID_ARGUMENTS', message: 'vouch: refused: invalid arguments' }, 'fallback')).toBe('fallback');
    // A plain Error (no code) is never shown, whatever it says: only coded failures are.
    expect(bridgeErrorText(new Error('Declined on your phone. Nothing was allowed.'), 'fallback')).toBe('fallback');
    expect(
      bridgeErrorText({ code: 'APPROVAL_EXPIRED', message: 'Your phone was not answered in time. Nothing was allowed.' }, 'fallback'),
    ).toBe('Your phone was not answered in time. Nothing was allowed.');
    expect(bridgeErrorText('boom', 'fallback')).toBe('fallback');
  });
});
