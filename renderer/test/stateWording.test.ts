import { describe, expect, it } from 'vitest';
import { DEFAULT_ERROR_MESSAGES, type RiskSummary } from '../../backend/src/protocol/index.js';
import { draftState, formatClock, riskHeadline, riskReason, type DraftStateInput } from '../src/components/stateWording.js';
import { visibleApprovals } from '../src/stores/approvals.js';
import { approval } from './fixtures.js';

const BERLIN = 'Europe/Berlin';
// 2030-05-02 12:00 in Berlin (UTC+2).
const NOW = Date.parse('2030-05-02T10:00:00Z');

const risk = (r: Partial<RiskSummary>): RiskSummary => ({ score: 59, level: 'confirm', factors: [], ...r });

describe('times in the person’s zone', () => {
  it('today as a clock time, then tomorrow, then the weekday', () => {
    expect(formatClock('2030-05-02T15:30:00Z', BERLIN, NOW)).toBe('5:30 pm');
    expect(formatClock('2030-05-02T15:30:00Z', 'America/New_York', NOW)).toBe('11:30 am');
    expect(formatClock('2030-05-03T07:00:00Z', BERLIN, NOW)).toBe('tomorrow 9:00 am');
    expect(formatClock('2030-05-06T07:00:00Z', BERLIN, NOW)).toBe('Mon 9:00 am');
  });
});

describe('risk in words', () => {
  it('a pre-approved draft: no score, no ISO time, no id', () => {
    const r = risk({
      level: 'auto',
      reason: { by: 'preauthorization', text: 'you pre-approved these actions', until: '2030-05-02T15:30:00Z' },
    });
    expect(riskHeadline(r, BERLIN, NOW)).toBe('Low risk — pre-approved until 5:30 pm');
    expect(riskReason(r)).toBe('You pre-approved these actions. To stop that early, revoke it under Accounts.');
  });
  it('"Your rule" only for a rule the person made; Vouch’s default otherwise', () => {
    expect(riskReason(risk({ reason: { by: 'rule', text: 'Posting to #general needs my phone' } }))).toBe(
      'Your rule: “Posting to #general needs my phone”',
    );
    const byDefault = risk({ level: 'step_up', reason: { by: 'default', text: 'risky actions need your approval on your phone' } });
    expect(riskReason(byDefault)).toBe('Vouch’s default: risky actions need your approval on your phone');
    expect(riskHeadline(byDefault, BERLIN, NOW)).toBe('High risk — needs your phone');
  });
});

const base = (over: Partial<DraftStateInput>): DraftStateInput => ({
  phase: 'open',
  outcome: 'posted',
  outcomeLabel: 'Posted',
  confirmLabel: 'Post',
  messageFor: (code) => DEFAULT_ERROR_MESSAGES[code].message,
  ...over,
});
const event = { outcome: 'created', outcomeLabel: 'Created', confirmLabel: 'Create' };

describe('every draft state: what happened, and what the person can do', () => {
  it('ready: the provider’s verb, and Cancel', () => {
    expect(draftState(base({}))).toEqual({
      primary: { label: 'Post', enabled: true },
      secondary: 'Cancel',
      secondaryEnabled: true,
      locked: false,
    });
  });
  it('ready but needing the phone says so before the person presses the button', () => {
    expect(draftState(base({ risk: risk({ level: 'step_up' }) })).status).toBe(
      'Your phone will be asked to approve this after you press Post.',
    );
  });
  it('not allowed by a rule: which rule, what to do, and no action button', () => {
    const v = draftState(base({ risk: risk({ level: 'deny', reason: { by: 'rule', text: 'Never post to #general' } }) }));
    expect(v.primary).toBeUndefined();
    expect(v.secondary).toBe('Close');
    expect(v.problem).toBe(
      'Not allowed: your rule “Never post to #general” blocks this, so Vouch won’t do it. To allow it, change that rule under Rules.',
    );
    expect(v.status ?? '').not.toMatch(/when you're ready/i);
  });
  it('an event being created never says "Sending…"', () => {
    expect(draftState(base({ ...event, phase: 'submitting' })).status).toBe('Creating the event…');
    expect(draftState(base({ phase: 'submitting' })).status).toBe('Posting…');
    expect(draftState(base({ ...event, phase: 'awaiting_approval', approval: 'approved' })).status).toBe(
      'Approved on your phone. Creating the event…',
    );
    expect(draftState(base({ ...event, phase: 'done', result: { status: 'created' } })).status).toBe('Created ✓');
  });
  it('waiting for the phone: Cancel stays available, the action button does not', () => {
    const v = draftState(base({ phase: 'awaiting_approval', approval: 'pending' }));
    expect(v).toMatchObject({
      status: 'Waiting for you to approve on your phone. Nothing happens until you do.',
      secondary: 'Cancel',
      secondaryEnabled: true,
    });
    expect(v.primary?.enabled).toBe(false);
  });
  it('declined on the phone: no "Post again", only Close', () => {
    const v = draftState(base({ phase: 'failed', result: { status: 'denied', code: 'APPROVAL_DENIED', detail: 'x' } }));
    expect(v).toEqual({ status: 'Declined on your phone. Nothing was posted.', secondary: 'Close', secondaryEnabled: true, locked: true });
  });
  it('the phone’s answer shows at once, before the draft’s own result arrives', () => {
    expect(draftState(base({ phase: 'awaiting_approval', approval: 'denied' }))).toEqual({
      status: 'Declined on your phone. Nothing was posted.',
      secondary: 'Close',
      secondaryEnabled: true,
      locked: true,
    });
  });
  it('blocked at confirmation names the rule', () => {
    const v = draftState(
      base({ phase: 'failed', result: { status: 'denied', code: 'POLICY_DENIED', detail: 'Never send anything about payroll' } }),
    );
    expect(v.problem).toBe(
      'Not allowed: your rule “Never send anything about payroll” blocks this. Nothing was posted. To allow it, change that rule under Rules.',
    );
    expect(v.primary).toBeUndefined();
  });
  it('refused by the person’s role: not "your rule", and who can change it', () => {
    expect(
      draftState(base({ risk: risk({ level: 'deny', reason: { by: 'role', text: 'Your role does not allow Vouch to post in Slack' } }) }))
        .problem,
    ).toBe(
      'Not allowed: your role does not allow Vouch to post in Slack, so Vouch won’t do it. Ask whoever manages your account if you need this.',
    );
    expect(
      draftState(
        base({
          phase: 'failed',
          result: { status: 'denied', code: 'POLICY_DENIED', detail: 'Your role does not allow Vouch to post in Slack' },
        }),
      ).problem,
    ).toBe(
      'Not allowed: your role does not allow Vouch to post in Slack. Nothing was posted. Ask whoever manages your account if you need this.',
    );
  });
  it('expired: the draft or the phone, and what to do', () => {
    expect(draftState(base({ phase: 'failed', result: { status: 'expired', code: 'DRAFT_EXPIRED' } })).status).toBe(
      'This draft expired before it was confirmed. Nothing was posted. Ask again to make a new one.',
    );
    expect(draftState(base({ ...event, phase: 'failed', result: { status: 'expired', code: 'APPROVAL_EXPIRED' } })).status).toBe(
      'Your phone was not answered in time. No event was created. Ask again to make a new one.',
    );
  });
  it('a provider failure in its own words, once', () => {
    expect(
      draftState(base({ phase: 'failed', result: { status: 'failed', detail: 'Slack says the channel does not exist.' } })).problem,
    ).toBe('Slack says the channel does not exist. Nothing was posted.');
    expect(
      draftState(
        base({ phase: 'failed', result: { status: 'failed', detail: 'The draft changed after it was approved, so nothing was sent.' } }),
      ).problem,
    ).toBe('The draft changed after it was approved, so nothing was sent.');
  });
  it('a confirm that never got through (or was given back) can be tried again', () => {
    expect(draftState(base({ phase: 'failed', problem: 'Vouch could not ask for approval on your phone.' }))).toEqual({
      problem: 'Vouch could not ask for approval on your phone.',
      primary: { label: 'Try again', enabled: true },
      secondary: 'Cancel',
      secondaryEnabled: true,
      locked: false,
    });
  });
  it('cancelled says what did not happen', () => {
    expect(draftState(base({ ...event, phase: 'cancelled' })).status).toBe('Cancelled. No event was created.');
  });
});

describe('approval cards in the conversation', () => {
  it('keep the waiting ones and only the newest answered one', () => {
    const entry = (id: string, status: 'pending' | 'denied' | 'approved', draft_id = `d-${id}`) => ({
      request: { ...approval('2030-01-01T00:02:05Z'), id, draft_id },
      status,
    });
    const byId = { a: entry('a', 'denied'), b: entry('b', 'approved'), c: entry('c', 'pending'), d: entry('d', 'pending', 'open') };
    // Newest first.
    expect(visibleApprovals(['d', 'c', 'b', 'a'], byId, 'open')).toEqual(['c', 'b']);
    // An answered one whose draft sheet already said how it ended leaves the conversation.
    expect(visibleApprovals(['d', 'c', 'b', 'a'], byId, null, (id) => id === 'd-b')).toEqual(['d', 'c', 'a']);
  });
});
