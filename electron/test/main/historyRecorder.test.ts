import { describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../../backend/src/protocol/index.js';
import { HistoryRecorder, type RecordedItem } from '../../src/app/history/historyRecorder.js';
import { outcomeLine } from '../../src/app/history/outcomeLine.js';

function recorder() {
  const items: RecordedItem[] = [];
  return { items, rec: new HistoryRecorder((i) => items.push(i)) };
}

const email = (draft_id: string, to: string[]): ServerFrame =>
  ({
    type: 'draft_ready',
    draft_id,
    request_id: 't-1',
    kind: 'email',
    fields: { to, cc: [], subject: 'Budget', body: 'The confidential numbers are 42.' },
  }) as ServerFrame;

describe('HistoryRecorder', () => {
  it('keeps a reply only once it is finished, as one item', () => {
    const { items, rec } = recorder();
    rec.userSaid('t-1', 'what is new');
    rec.onFrame({ type: 'agent_stream', request_id: 't-1', delta: 'Two new ' });
    expect(items).toEqual([{ id: 't-1', role: 'user', text: 'what is new' }]);
    rec.onFrame({ type: 'agent_stream', request_id: 't-1', delta: 'emails.' });
    rec.onFrame({ type: 'agent_done', request_id: 't-1' });
    expect(items.at(-1)).toEqual({ id: 't-1', role: 'assistant', text: 'Two new emails.' });
  });

  it('drops a reply that broke off with an error', () => {
    const { items, rec } = recorder();
    rec.onFrame({ type: 'agent_stream', request_id: 't-1', delta: 'Half a' });
    rec.onFrame({ type: 'error', code: 'INTERNAL', message: 'x', request_id: 't-1' });
    rec.onFrame({ type: 'agent_done', request_id: 't-1' });
    expect(items).toEqual([]);
  });

  it('leaves one outcome line per finished write, naming where it went (after edits), never the body', () => {
    const { items, rec } = recorder();
    rec.onFrame(email('d-1', ['dana@example.com']));
    rec.draftConfirmed('d-1', { to: ['jordan@example.com'], body: 'edited body' });
    rec.onFrame({ type: 'action_result', draft_id: 'd-1', kind: 'email', status: 'awaiting_approval' });
    expect(items).toEqual([]);
    rec.onFrame({ type: 'action_result', draft_id: 'd-1', kind: 'email', status: 'sent' });
    expect(items).toEqual([{ id: 'd-1', role: 'outcome', text: 'Sent to jordan@example.com' }]);
    expect(JSON.stringify(items)).not.toContain('confidential');
    expect(JSON.stringify(items)).not.toContain('edited body');
  });

  it('forgets what it gathered on reset (sign-out)', () => {
    const { items, rec } = recorder();
    rec.onFrame({ type: 'agent_stream', request_id: 't-1', delta: 'for the last person' });
    rec.onFrame(email('d-1', ['dana@example.com']));
    rec.reset();
    rec.onFrame({ type: 'agent_done', request_id: 't-1' });
    rec.onFrame({ type: 'action_result', draft_id: 'd-1', kind: 'email', status: 'sent' });
    expect(items).toEqual([]);
  });
});

describe('outcomeLine', () => {
  it('words each outcome plainly', () => {
    expect(outcomeLine('posted', { kind: 'slack_message', channel: 'general' }, undefined)).toBe('Posted to #general');
    expect(outcomeLine('created', { kind: 'event', title: 'Standup' }, undefined)).toBe('Created “Standup”');
    expect(outcomeLine('drafted', { kind: 'email_draft', to: ['a@x.io'] }, undefined)).toBe('Saved in Gmail drafts: to a@x.io');
    expect(outcomeLine('cancelled', { kind: 'event_cancel', title: '1:1' }, undefined)).toBe('Cancelled “1:1”');
    expect(outcomeLine('cancelled', { kind: 'email', to: ['a@x.io'] }, undefined)).toBe('Cancelled: Email to a@x.io');
    expect(outcomeLine('denied', { kind: 'email', to: ['a@x.io'] }, undefined)).toBe('Declined on your phone: Email to a@x.io');
    expect(outcomeLine('failed', undefined, 'slack_message')).toBe('Failed: Slack message');
    expect(outcomeLine('sent', { kind: 'email', to: ['a@x.io', 'b@x.io', 'c@x.io', 'd@x.io', 'e@x.io'] }, undefined)).toBe(
      'Sent to a@x.io, b@x.io, c@x.io and 2 more',
    );
    expect(outcomeLine('awaiting_approval', { kind: 'email' }, undefined)).toBeUndefined();
  });
});
