import { describe, expect, it } from 'vitest';
import { describeScope, missingScopes } from '../../src/auth/scopeCatalog.js';
import { GOOGLE_SCOPES } from '../../src/protocol/index.js';

describe('scope arithmetic', () => {
  it('a broader Google scope covers the narrower ones, transitively; not the other way round', () => {
    expect(missingScopes([GOOGLE_SCOPES.gmailRead, GOOGLE_SCOPES.gmailCompose, GOOGLE_SCOPES.gmailSend], ['https://mail.google.com/'])).toEqual([]);
    expect(missingScopes([GOOGLE_SCOPES.calendarEvents, GOOGLE_SCOPES.calendarRead], ['https://www.googleapis.com/auth/calendar'])).toEqual([]);
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
