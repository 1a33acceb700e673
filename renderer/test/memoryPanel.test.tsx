// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BridgeCallError, type MemoryItemView } from '../../electron/src/bridge/contract.js';
import { filterMemory, MemoryPanel } from '../src/components/MemoryPanel.js';
import { fakeBridge } from './fakeBridge.js';
import { renderWith } from './render.js';
import { resetStores } from './resetStores.js';

beforeEach(resetStores);
afterEach(cleanup);

const items: MemoryItemView[] = [
  { id: 'm1', text: 'Asked: summarize my unread email\nDid: summarized email (5 threads)', created_at: '2026-11-26T10:00:00.000Z' },
  { id: 'm2', text: "Asked: what's on my calendar tomorrow\nDid: read the calendar (4 events)", created_at: '2026-11-26T09:00:00.000Z' },
];

describe('MemoryPanel', () => {
  it('search keeps the items holding every word, whatever the case', () => {
    expect(filterMemory(items, '  ')).toEqual(items);
    expect(filterMemory(items, 'CALENDAR read').map((i) => i.id)).toEqual(['m2']);
    expect(filterMemory(items, 'calendar unread')).toEqual([]);
  });

  it('a failed forget says so and keeps the item', async () => {
    const { bridge } = fakeBridge({
      listMemory: async () => items,
      forgetMemory: async () => {
        throw new BridgeCallError('REQUEST_FAILED');
      },
    });
    renderWith(bridge, <MemoryPanel />);
    await userEvent.click(await screen.findByRole('button', { name: /^Forget “Asked: summarize/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('Vouch could not change this right now. Try again.');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('forget everything asks first; Keep them changes nothing', async () => {
    const { bridge } = fakeBridge({ listMemory: async () => items });
    renderWith(bridge, <MemoryPanel />);
    await userEvent.click(await screen.findByRole('button', { name: 'Forget everything…' }));
    expect(screen.getByText('Forget all 2 remembered items? Vouch cannot undo this.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Keep them' }));
    expect(bridge.forgetAllMemory).not.toHaveBeenCalled();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });
});
