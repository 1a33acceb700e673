import { describe, expect, it } from 'vitest';
import { describeAuditEntry } from '../../src/audit/describe.js';

describe('the Activity panel wording of an audit entry', () => {
  it('says what a risk decision meant for the person, never a raw score or level name', () => {
    const text = describeAuditEntry({ kind: 'policy_decision', data: { tool: 'gmail', action: 'send', score: 59, level: 'step_up' } });
    expect(text).toBe('Gmail: needed your approval on your phone');
    expect(text).not.toMatch(/59|step_up/);
    expect(describeAuditEntry({ kind: 'policy_decision', data: { tool: 'calendar', score: 12, level: 'auto' } })).toBe(
      'Google Calendar: low risk, allowed without asking',
    );
    expect(describeAuditEntry({ kind: 'policy_decision', data: { tool: 'slack', score: 80, level: 'deny' } })).toBe('Slack: not allowed');
  });

  it('words each phone answer and what it was for', () => {
    expect(describeAuditEntry({ kind: 'approval', data: { outcome: 'requested', purpose: 'step_up' } })).toBe(
      'Asked your phone to approve (an action)',
    );
    expect(describeAuditEntry({ kind: 'approval', data: { outcome: 'denied', purpose: 'settings_change' } })).toBe(
      'Declined on your phone (a settings change)',
    );
    expect(describeAuditEntry({ kind: 'approval', data: { outcome: 'expired' } })).toBe('Your phone was not answered in time');
  });

  it('names the account a token was for as the person knows it, and why none came', () => {
    expect(describeAuditEntry({ kind: 'token_exchange', data: { outcome: 'issued', connection: 'google-oauth2' } })).toBe(
      'Got a short-lived Google token',
    );
    expect(
      describeAuditEntry({ kind: 'token_exchange', data: { outcome: 'FEDERATED_TOKEN_NOT_IN_VAULT', connection: 'sign-in-with-slack' } }),
    ).toBe('Slack: not connected');
    expect(describeAuditEntry({ kind: 'token_exchange', data: { outcome: 'INSUFFICIENT_SCOPE', provider: 'google' } })).toBe(
      'Google: needs more permission for this',
    );
    expect(describeAuditEntry({ kind: 'token_exchange', data: { outcome: 'TOKEN_EXCHANGE_FAILED', connection: 'acme-sso' } })).toBe(
      'Could not get a token for acme-sso (TOKEN_EXCHANGE_FAILED)',
    );
  });
});
