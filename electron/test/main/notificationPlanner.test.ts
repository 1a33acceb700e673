import { describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../../backend/src/protocol/index.js';
import { NotificationPlanner } from '../../src/app/notifications/notificationPlanner.js';
import { DEFAULT_SETTINGS, type BridgeEvent } from '../../src/bridge/contract.js';

const frame = (f: unknown): BridgeEvent => ({ type: 'frame', frame: f as ServerFrame });
const draftReady = (id: string, extra: Record<string, unknown> = {}) =>
  frame({
    type: 'draft_ready',
    draft_id: id,
    kind: 'email',
    fields: { to: ['dana@example.com'], subject: 'Secret merger plans', body: 'the password is hunter2' },
    expires_at: '2026-11-26T15:30:00.000Z',
    ...extra,
  });
const approval = (id: string, draftId?: string) =>
  frame({
    type: 'approval_required',
    id,
    ...(draftId ? { draft_id: draftId } : {}),
    risk: { score: 70, level: 'step_up', reasons: [] },
    binding_message: 'Send email to dana 3F2A1C',
    expires_at: '2026-11-26T15:45:00.000Z',
  });
const result = (draftId: string, status: string, kind?: string) =>
  frame({ type: 'action_result', draft_id: draftId, status, ...(kind ? { kind } : {}) });

const closed = false;
const open = true;
const NOW = Date.parse('2026-11-26T15:20:00.000Z');

function planner(timeZone = 'Europe/Paris') {
  return new NotificationPlanner({ systemTimeZone: timeZone, now: () => NOW });
}

describe('notification intents', () => {
  it('a draft to confirm, its phone approval, and its outcome, each once, with times in the person’s zone', () => {
    const p = planner();
    const shown = [
      draftReady('d1'),
      draftReady('d1'), // resent after a reconnect
      approval('a1', 'd1'),
      approval('a1', 'd1'),
      frame({ type: 'approval_update', id: 'a1', status: 'approved' }),
      result('d1', 'sent', 'email'),
      result('d1', 'sent', 'email'),
    ]
      .map((e) => p.observe(e, closed))
      .filter((i) => i !== undefined);
    expect(shown).toEqual([
      { tag: 'vouch-draft-d1', title: 'Needs your confirmation', body: 'Review the email before 4:30 PM.', draftId: 'd1' },
      {
        tag: 'vouch-draft-d1',
        title: 'Approve on your phone',
        body: 'Your phone shows “Send email to dana 3F2A1C”. Answer by 4:45 PM.',
        draftId: 'd1',
      },
      { tag: 'vouch-draft-d1', title: 'Sent', body: 'Email · 4:20 PM', draftId: 'd1' },
    ]);
  });

  it('never carries the draft’s fields (recipients, subject, text)', () => {
    const p = planner();
    const all = [draftReady('d1'), approval('a1', 'd1'), result('d1', 'sent', 'email')].map((e) => JSON.stringify(p.observe(e, closed)));
    for (const text of all) {
      expect(text).not.toContain('dana@example.com');
      expect(text).not.toContain('merger');
      expect(text).not.toContain('hunter2');
    }
  });

  it('nothing while the popover is open, and a state seen there is not notified after it closes', () => {
    const p = planner();
    expect(p.observe(draftReady('d1'), open)).toBeUndefined();
    expect(p.observe(draftReady('d1'), closed)).toBeUndefined();
    // A new state of the same draft, with the popover closed, is notified.
    expect(p.observe(result('d1', 'sent'), closed)?.title).toBe('Sent');
  });

  it('expiry shows once whether the approval or the draft reports it', () => {
    const p = planner();
    p.observe(draftReady('d1'), closed);
    p.observe(approval('a1', 'd1'), closed);
    expect(p.observe(frame({ type: 'approval_update', id: 'a1', status: 'expired' }), closed)).toEqual({
      tag: 'vouch-draft-d1',
      title: 'Expired',
      body: 'Email: nothing was done; it was not confirmed in time.',
      draftId: 'd1',
    });
    expect(p.observe(result('d1', 'expired'), closed)).toBeUndefined();
  });

  it('Created and Posted come from the draft kind; a person’s own cancel, a failure or a denial is not notified', () => {
    const p = planner();
    p.observe(draftReady('e1', { kind: 'event', fields: { title: 'x', start: '2026-11-27T10:00', end: '2026-11-27T11:00' } }), closed);
    expect(p.observe(result('e1', 'created'), closed)?.title).toBe('Created');
    expect(p.observe(result('s1', 'posted', 'slack_message'), closed)?.title).toBe('Posted');
    expect(p.observe(result('d2', 'cancelled', 'email'), closed)).toBeUndefined();
    expect(p.observe(result('d3', 'failed', 'email'), closed)).toBeUndefined();
    expect(p.observe(result('d4', 'denied', 'email'), closed)).toBeUndefined();
    expect(p.observe(result('d5', 'awaiting_approval', 'email'), closed)).toBeUndefined();
    // Cancelling an event is that draft's outcome.
    expect(p.observe(result('c1', 'cancelled', 'event_cancel'), closed)?.title).toBe('Cancelled');
  });

  it('an approval without a draft (allowing actions for a while) opens the popover without a draft', () => {
    const p = planner();
    const intent = p.observe(approval('a9'), closed);
    expect(intent).toMatchObject({ tag: 'vouch-approval-a9', title: 'Approve on your phone' });
    expect(intent).not.toHaveProperty('draftId');
  });

  it('the setting turns them off (and on again); the time zone setting is used', () => {
    const p = planner();
    p.observe(
      { type: 'settings', settings: { ...DEFAULT_SETTINGS, timeZone: 'Asia/Tokyo', onboardingDone: true, notifications: false } },
      closed,
    );
    expect(p.observe(draftReady('d1'), closed)).toBeUndefined();
    p.observe({ type: 'settings', settings: { ...DEFAULT_SETTINGS, timeZone: 'Asia/Tokyo', onboardingDone: true } }, closed);
    expect(p.observe(approval('a1', 'd1'), closed)?.body).toBe('Your phone shows “Send email to dana 3F2A1C”. Answer by 12:45 AM.');
  });

  it('signing out forgets what was shown', () => {
    const p = planner();
    expect(p.observe(draftReady('d1'), closed)).toBeDefined();
    p.observe({ type: 'auth', state: { signedIn: false } }, closed);
    expect(p.observe(draftReady('d1'), closed)).toBeDefined();
  });

  it('remembers a bounded number of shown states (the oldest are forgotten first)', () => {
    const p = planner();
    for (let i = 0; i <= 2000; i++) p.observe(draftReady(`d${i}`), closed);
    expect(p.observe(draftReady('d2000'), closed)).toBeUndefined();
    expect(p.observe(draftReady('d0'), closed)).toBeDefined();
  });

  it('bodies are one plain, short line', () => {
    const p = planner();
    const sneaky = frame({
      type: 'approval_required',
      id: 'a1',
      risk: { score: 70, level: 'step_up', reasons: [] },
      binding_message: 'Send\nemail\u202e to <b>x</b>',
      expires_at: 'not a date',
    });
    const body = p.observe(sneaky, closed)!.body;
    expect(body).toBe('Your phone shows “Send email to <b>x</b>”.');
    expect(body.length).toBeLessThanOrEqual(140);
  });
});
