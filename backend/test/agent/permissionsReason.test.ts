import { describe, expect, it } from 'vitest';
import { morePermissionsReason } from '../../src/agent/connections.js';

describe('why a connected account is asked again', () => {
  it('counts what it asks for and names each in plain words', () => {
    expect(morePermissionsReason(['https://www.googleapis.com/auth/calendar.events'])).toBe(
      'Vouch needs one more permission for this: create and change calendar events, only after you confirm. Connect the account again to grant it.',
    );
    expect(morePermissionsReason(['https://www.googleapis.com/auth/gmail.readonly', 'https://www.googleapis.com/auth/gmail.send'])).toBe(
      'Vouch needs 2 more permissions for this: read your email messages and threads and send email as you, only after you confirm. Connect the account again to grant them.',
    );
  });
});
