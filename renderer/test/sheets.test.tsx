// @vitest-environment happy-dom
import { act, cleanup, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActivityPanel } from '../src/components/ActivityPanel.js';
import { ApprovalCard, formatRemaining } from '../src/components/ApprovalCard.js';
import { ConnectSheet } from '../src/components/ConnectSheet.js';
import { ErrorBanner } from '../src/components/ErrorBanner.js';
import { ScopesPanel } from '../src/components/ScopesPanel.js';
import { routeEvent } from '../src/stores/dispatch.js';
import { useSession } from '../src/stores/session.js';
import { fakeBridge } from './fakeBridge.js';
import { approval, google } from './fixtures.js';
import { renderWith } from './render.js';
import { resetStores } from './resetStores.js';
import type { BridgeEvent } from '../../electron/src/bridge/contract.js';
import type { ServerFrame } from '../../backend/src/protocol/index.js';

const frame = (f: ServerFrame) => act(() => routeEvent({ type: 'frame', frame: f }));
const event = (e: BridgeEvent) => act(() => routeEvent(e));

beforeEach(resetStores);
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const needGoogle: ServerFrame = {
  type: 'connections_required',
  request_id: 't-1',
  providers: ['google'],
  reason: 'To see your calendar, Vouch needs your Google account.',
  scopes: [
    {
      provider: 'google',
      scope: 'https://www.googleapis.com/auth/calendar.readonly',
      description: 'See your calendar events and when you are free',
    },
  ],
};

describe('ConnectSheet', () => {
  it('says which provider, why and what Vouch may do; Enter on the focused Connect starts the flow', async () => {
    const user = userEvent.setup();
    const { bridge } = fakeBridge();
    renderWith(bridge, <ConnectSheet />);
    frame(needGoogle);
    expect(screen.getByRole('dialog', { name: 'Connect Google' })).toBeTruthy();
    expect(screen.getByText('To see your calendar, Vouch needs your Google account.')).toBeTruthy();
    expect(screen.getByText('See your calendar events and when you are free')).toBeTruthy();
    // Only calendar is asked for, so only the calendar is named.
    expect(screen.getByRole('heading', { name: 'In Google Calendar, Vouch will be able to:' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Connect Google' }));
    await user.keyboard('{Enter}');
    expect(bridge.connectProvider).toHaveBeenCalledWith('google');
  });

  it('shows progress while the browser is open, then closes when the provider is linked', async () => {
    const { bridge } = fakeBridge();
    renderWith(bridge, <ConnectSheet />);
    frame(needGoogle);
    event({ type: 'connect_progress', progress: { provider: 'google', state: 'browser_open' } });
    expect(screen.getByRole('status').textContent).toContain('Finish in your browser');
    expect((screen.getByRole('button', { name: 'Connect Google' }) as HTMLButtonElement).disabled).toBe(true);
    frame({ type: 'providers_updated', providers: [google] });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Not now and Esc dismiss without connecting', async () => {
    const user = userEvent.setup();
    const { bridge } = fakeBridge();
    renderWith(bridge, <ConnectSheet />);
    frame(needGoogle);
    await user.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    frame(needGoogle);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.connectProvider).not.toHaveBeenCalled();
  });

  it('offers to try again when connecting failed', async () => {
    const user = userEvent.setup();
    const { bridge } = fakeBridge({
      connectProvider: vi.fn(async () => Promise.reject({ code: 'CONNECT_FAILED', message: 'The account was not connected.' })),
    });
    renderWith(bridge, <ConnectSheet />);
    frame(needGoogle);
    await user.click(screen.getByRole('button', { name: 'Connect Google' }));
    expect(screen.getByRole('alert').textContent).toBe('The account was not connected.');
  });
});

describe('ApprovalCard', () => {
  it('shows risk, binding message and a countdown, and Cancel denies it', async () => {
    vi.useFakeTimers({ now: Date.parse('2030-01-01T00:00:00Z'), toFake: ['Date', 'setInterval', 'clearInterval'] });
    const { bridge } = fakeBridge();
    frame(approval('2030-01-01T00:02:05Z'));
    renderWith(bridge, <ApprovalCard id="a-1" />);
    expect(screen.getByText('High risk — needs your phone')).toBeTruthy();
    expect(screen.getByText('Goes outside your domain', { exact: false })).toBeTruthy();
    // No raw score anywhere on the card.
    expect(screen.getByTestId('approval-card').textContent).not.toMatch(/\b70\b|score/i);
    expect(screen.getByText('Send email to 3 people 4821')).toBeTruthy();
    expect(screen.getByText('· 2:05 left', { exact: false })).toBeTruthy();
    act(() => void vi.advanceTimersByTime(3000));
    expect(screen.getByText('· 2:02 left', { exact: false })).toBeTruthy();
    vi.useRealTimers();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Cancel request' }));
    expect(bridge.decideApproval).toHaveBeenCalledWith('a-1', false);
    expect(screen.getByRole('status').textContent).toBe('Cancelled. Nothing was done.');
  });

  it('follows approval_update', () => {
    const { bridge } = fakeBridge();
    frame(approval('2030-01-01T00:02:05Z'));
    renderWith(bridge, <ApprovalCard id="a-1" />);
    frame({ type: 'approval_update', id: 'a-1', status: 'approved' });
    expect(screen.getByRole('status').textContent).toBe('Approved on your phone.');
    expect(screen.queryByRole('button', { name: 'Cancel request' })).toBeNull();
    // Answered: the card folds to its one line, without the risk and the phone's message.
    expect(screen.queryByText('Send email to 3 people 4821')).toBeNull();
  });

  it('formats the remaining time', () => {
    expect(formatRemaining(65_001)).toBe('1:06');
    expect(formatRemaining(-5)).toBe('0:00');
  });
});

describe('ErrorBanner', () => {
  it('offers Reconnect Google for a reconnect error', async () => {
    const user = userEvent.setup();
    const { bridge } = fakeBridge();
    renderWith(bridge, <ErrorBanner onRetry={() => {}} />);
    frame({ type: 'error', code: 'INSUFFICIENT_SCOPE', message: '', provider: 'google' });
    expect(screen.getByText('Vouch needs one more permission for this. Reconnect the account to grant it.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Reconnect Google' }));
    expect(bridge.connectProvider).toHaveBeenCalledWith('google');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers Sign in and Try again for their actions', async () => {
    const user = userEvent.setup();
    const { bridge } = fakeBridge();
    const retried: (string | undefined)[] = [];
    renderWith(bridge, <ErrorBanner onRetry={(id) => retried.push(id)} />);
    frame({ type: 'error', code: 'UNAUTHENTICATED', message: '' });
    frame({ type: 'error', code: 'RATE_LIMITED', message: '', request_id: 't-7' });
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(bridge.signIn).toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retried).toEqual(['t-7']);
  });
});

describe('ScopesPanel', () => {
  it('lists linked scopes in plain language and revokes after a confirmation', async () => {
    const user = userEvent.setup();
    const { bridge } = fakeBridge();
    useSession.setState({ providers: [google] });
    renderWith(bridge, <ScopesPanel />);
    expect(bridge.listScopes).toHaveBeenCalled();
    expect(screen.getByText('See your calendar events and when you are free')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Connect Slack' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Revoke Google' }));
    expect(bridge.revokeProvider).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    expect(bridge.revokeProvider).toHaveBeenCalledWith('google');
  });
});

describe('ActivityPanel', () => {
  it('shows entries and the chain verification state', async () => {
    const { bridge } = fakeBridge({
      getAudit: vi.fn(async () => ({
        entries: [
          {
            seq: 2,
            at: '2030-01-01T10:00:00Z',
            kind: 'write',
            summary: 'Sent “Re: Thursday” to dana@example.com',
            provider: 'google' as const,
            outcome: 'ok' as const,
          },
        ],
        verified: { ok: false as const, broken_at: 2, reason: 'hash mismatch' },
      })),
    });
    renderWith(bridge, <ActivityPanel />);
    expect(await screen.findByText('Sent “Re: Thursday” to dana@example.com')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('changed at entry 2: hash mismatch');
  });
});
