// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistoryItemView, HistoryView } from '../../electron/src/bridge/contract.js';
import { Conversation } from '../src/components/Conversation.js';
import { HistoryControl } from '../src/components/HistoryControl.js';
import { useConversation } from '../src/stores/conversation.js';
import { connectStores } from '../src/stores/dispatch.js';
import { fakeBridge } from './fakeBridge.js';
import { renderWith } from './render.js';
import { resetStores } from './resetStores.js';

beforeEach(resetStores);
afterEach(cleanup);

const at = '2026-11-26T10:00:00.000Z';
const kept: HistoryItemView[] = [
  { id: 't-1', role: 'user', text: 'email dana about lunch', at },
  { id: 't-1', role: 'assistant', text: 'Here is a draft to Dana.', at },
  { id: 'd-1', role: 'outcome', text: 'Sent to dana@example.com', at },
];
const signedIn = (sub: string) => ({ type: 'auth' as const, state: { signedIn: true as const, user: { sub } } });
const texts = () => useConversation.getState().turns.map((t) => `${t.role}: ${t.text}`);

describe('the conversation history in the popover', () => {
  it('loads what main kept when the popover starts signed in, under what it already shows', async () => {
    const { bridge, emit } = fakeBridge({ listHistory: vi.fn(async (): Promise<HistoryView> => ({ items: kept })) });
    connectStores(bridge);
    emit({ type: 'transcript', id: 't-2', text: 'and tomorrow?' });
    emit(signedIn('auth0|alex'));
    await expect
      .poll(texts)
      .toEqual([
        'user: email dana about lunch',
        'assistant: Here is a draft to Dana.',
        'outcome: Sent to dana@example.com',
        'user: and tomorrow?',
      ]);
    // The same auth again (a token refresh) does not load twice.
    emit(signedIn('auth0|alex'));
    expect(bridge.listHistory).toHaveBeenCalledTimes(1);
  });

  it('loads again after a sign-out and a new sign-in, and never loads into a signed-out popover', async () => {
    let resolve!: (v: HistoryView) => void;
    const listing = new Promise<HistoryView>((r) => (resolve = r));
    const { bridge, emit } = fakeBridge({ listHistory: vi.fn(() => listing) });
    connectStores(bridge);
    emit(signedIn('auth0|alex'));
    emit({ type: 'auth', state: { signedIn: false } });
    resolve({ items: kept });
    // The popover's own handler was attached first, so it has run once this await resumes.
    await listing;
    expect(texts()).toEqual([]);
    emit(signedIn('auth0|sam'));
    expect(bridge.listHistory).toHaveBeenCalledTimes(2);
  });

  it('shows items main keeps live, once each (outcome lines included)', () => {
    const { bridge, emit } = fakeBridge();
    connectStores(bridge);
    emit({ type: 'transcript', id: 't-1', text: 'email dana about lunch' });
    emit({ type: 'history_item', item: kept[0]! });
    emit({ type: 'history_item', item: kept[2]! });
    expect(texts()).toEqual(['user: email dana about lunch', 'outcome: Sent to dana@example.com']);
  });

  it('says once that the conversation lasts only this run, until dismissed', async () => {
    const notice = 'This conversation is kept only until Vouch quits: this computer has no keyring to protect it.';
    const { bridge, emit } = fakeBridge({ listHistory: async () => ({ items: [], notice, sessionOnly: true as const }) });
    connectStores(bridge);
    renderWith(bridge, <Conversation />);
    emit(signedIn('auth0|alex'));
    expect((await screen.findByRole('status')).textContent).toContain(notice);
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    expect(screen.queryByRole('status')).toBeNull();
    // Settings does not promise what this computer cannot keep.
    cleanup();
    renderWith(bridge, <HistoryControl />);
    expect(screen.getByRole('group', { name: 'Conversation history' }).textContent).toContain('keeps it only until it quits');
  });

  it('Clear history asks first; Keep it changes nothing; confirming clears main and the popover', async () => {
    const { bridge } = fakeBridge();
    useConversation.getState().loadHistory(kept);
    renderWith(bridge, <HistoryControl />);
    await userEvent.click(screen.getByRole('button', { name: 'Clear history…' }));
    const confirm = screen.getByRole('group', { name: 'Clear the conversation history?' });
    expect(confirm.textContent).toContain('Vouch cannot undo this.');
    await userEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(bridge.clearHistory).not.toHaveBeenCalled();
    expect(texts()).toHaveLength(3);

    await userEvent.click(screen.getByRole('button', { name: 'Clear history…' }));
    await userEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    expect((await screen.findByRole('status')).textContent).toBe('The conversation is deleted from this computer.');
    expect(bridge.clearHistory).toHaveBeenCalledTimes(1);
    expect(texts()).toEqual([]);
  });
});
