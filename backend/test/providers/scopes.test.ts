import { describe, expect, it } from 'vitest';
import { describeScope, missingScopes } from '../../src/auth/scopeCatalog.js';
import { GOOGLE_SCOPES } from '../../src/protocol/index.js';

describe('scope arithmetic', () => {
  it('a broader Google scope covers the narrower ones, transitively; not the other way round', () => {
    expect(
      missingScopes([GOOGLE_SCOPES.gmailRead, GOOGLE_SCOPES.gmailCompose, GOOGLE_SCOPES.gmailSend], ['https://mail.google.com/']),
    ).toEqual([]);
    expect(missingScopes([GOOGLE_SCOPES.calendarEvents, GOOGLE_SCOPES.calendarRead], ['https://www.googleapis.com/auth/calendar'])).toEqual(
      [],
    );
    expect(missingScopes([GOOGLE_SCOPES.gmailSend], [GOOGLE_SCOPES.gmailCompose])).toEqual([]);
    expect(missingScopes(['https://mail.google.com/'], [GOOGLE_SCOPES.gmailRead])).toEqual(['https://mail.google.com/']);
    expect(missingScopes([GOOGLE_SCOPES.calendarRead], [GOOGLE_SCOPES.calendarEvents])).toEqual([GOOGLE_SCOPES.calendarRead]);
  });

  it('identity scopes a grant carries read in plain words', () => {
    expect(describeScope('https://www.googleapis.com/auth/userinfo.email')).toBe('See your email address');
    expect(describeScope('https://www.googleapis.com/auth/userinfo.profile')).toBe('See your name and profile picture');
    expect(describeScope(GOOGLE_SCOPES.gmailSend)).toBe('Send email as you, only after you confirm');
  });
});

describe('incremental consent: the scopes one request needs', () => {
  it('a read asks only for read scopes; a write adds the scopes its draft kind needs', async () => {
    const { scopesForRequest } = await import('../../src/providers/scopes.js');
    expect(scopesForRequest(['calendar'])).toEqual([GOOGLE_SCOPES.calendarRead]);
    expect(scopesForRequest(['calendar'], { write: true }).sort()).toEqual(
      [GOOGLE_SCOPES.calendarEvents, GOOGLE_SCOPES.calendarRead].sort(),
    );
    expect(scopesForRequest(['gmail'], { write: true, draftKinds: ['email_draft'] }).sort()).toEqual(
      [GOOGLE_SCOPES.gmailCompose, GOOGLE_SCOPES.gmailRead].sort(),
    );
    expect(scopesForRequest(['gmail'], { write: true, draftKinds: ['email_draft'] })).not.toContain(GOOGLE_SCOPES.gmailSend);
    expect(scopesForRequest(['slack'])).not.toContain('chat:write');
  });
});
