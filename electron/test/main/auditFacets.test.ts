import { describe, expect, it } from 'vitest';
import { auditEntryOutcome, auditEntryProvider } from '../../src/bridge/contract.js';

/** The Activity filter's facets, read from the audit entries' own data. */
describe('audit entry facets', () => {
  it('finds the provider from provider, tool(s), connection or draft kind', () => {
    expect(auditEntryProvider({ data: { provider: 'slack' } })).toBe('slack');
    expect(auditEntryProvider({ data: { tools: ['gmail', 'calendar'] } })).toBe('google');
    expect(auditEntryProvider({ data: { tools: ['gmail', 'slack'] } })).toBeUndefined();
    expect(auditEntryProvider({ data: { tool: 'slack', change: 'grant' } })).toBe('slack');
    expect(auditEntryProvider({ data: { connection: 'google-oauth2', outcome: 'issued' } })).toBe('google');
    expect(auditEntryProvider({ data: { kind: 'email', status: 'sent' } })).toBe('google');
    expect(auditEntryProvider({ data: { change: 'put' } })).toBeUndefined();
    expect(auditEntryProvider({ data: { provider: 'evil' } })).toBeUndefined();
  });

  it('marks errors, refused tokens, failed writes, declined or expired approvals and denials as failed', () => {
    expect(auditEntryOutcome({ kind: 'error', data: {} })).toBe('failed');
    expect(auditEntryOutcome({ kind: 'write', data: { status: 'failed' } })).toBe('failed');
    expect(auditEntryOutcome({ kind: 'write', data: { status: 'sent' } })).toBe('ok');
    expect(auditEntryOutcome({ kind: 'token_exchange', data: { outcome: 'federated_connection_refresh_token_not_found' } })).toBe('failed');
    expect(auditEntryOutcome({ kind: 'token_exchange', data: { outcome: 'issued' } })).toBe('ok');
    expect(auditEntryOutcome({ kind: 'approval', data: { outcome: 'denied' } })).toBe('failed');
    expect(auditEntryOutcome({ kind: 'approval', data: { outcome: 'approved' } })).toBe('ok');
    expect(auditEntryOutcome({ kind: 'policy_decision', data: { level: 'deny' } })).toBe('failed');
    expect(auditEntryOutcome({ kind: 'rule_change', data: { change: 'put' } })).toBe('ok');
  });
});
