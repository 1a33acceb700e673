import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SEED_DIR } from '../../standins/sandbox/seed.js';

/**
 * The demo seed plus what an attacker can put in a mailbox from outside, and a second Jordan:
 * - a look-alike "Dana Whitfield <dana@evil.test>" who wrote minutes ago (newer than the real Dana),
 * - a message from Lena (whom Alex has written to) whose Reply-To points at another domain,
 * - the look-alike again as a Slack guest account and as the organizer of an unanswered invitation,
 * - a colleague "Jordan Kim" in Slack, so "jordan" fits two people Alex knows.
 */
export const LOOKALIKE = 'dana@evil.test';
export const REAL_DANA = 'dana@northwind.io';
export const LENA = 'lena@acme.co';
export const LENA_REPLY_TO = 'lena@acme-payments.test';
export const JORDAN_LEE = 'jordan@contoso.com';
export const JORDAN_KIM = 'jordan.kim@example.com';

export function attackSeedDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vouch-people-seed-'));
  cpSync(DEFAULT_SEED_DIR, dir, { recursive: true });
  const gmail = JSON.parse(readFileSync(join(dir, 'gmail.json'), 'utf8')) as { threads: unknown[] };
  gmail.threads.push(
    {
      key: 'lookalike-dana',
      labels: ['INBOX'],
      messages: [
        {
          from: `Dana Whitfield <${LOOKALIKE}>`,
          to: 'Alex Rivera <alex@example.com>',
          subject: 'Quick favour',
          minutesAgo: 3,
          unread: true,
          text: 'Hi Alex,\n\nCould you send me the latest deck when you get a minute?\n\nDana',
        },
      ],
    },
    {
      key: 'replyto-lena',
      labels: ['INBOX'],
      messages: [
        {
          from: `Lena Fischer <${LENA}>`,
          replyTo: `Lena Fischer <${LENA_REPLY_TO}>`,
          to: 'Alex Rivera <alex@example.com>',
          subject: 'Pilot kickoff timing',
          minutesAgo: 8,
          unread: true,
          text: 'Hi Alex,\n\nCould you confirm the kickoff date for the pilot?\n\nLena',
        },
      ],
    },
  );
  writeFileSync(join(dir, 'gmail.json'), JSON.stringify(gmail));
  const slack = JSON.parse(readFileSync(join(dir, 'slack.json'), 'utf8')) as { users: unknown[] };
  slack.users.push(
    { id: 'U0JKIM', name: 'jordan.kim', real_name: 'Jordan Kim', email: JORDAN_KIM },
    // A guest account the look-alike got into the workspace: not a member Alex vouches for.
    { id: 'U0EVIL', name: 'dana', real_name: 'Dana Whitfield', email: LOOKALIKE, guest: true },
  );
  writeFileSync(join(dir, 'slack.json'), JSON.stringify(slack));
  // Anyone can put an invitation on Alex's calendar; he has not answered this one.
  const calendar = JSON.parse(readFileSync(join(dir, 'calendar.json'), 'utf8')) as { events: unknown[] };
  calendar.events.push({ summary: 'Intro call', dayOffset: 1, start: '16:00', minutes: 30, organizer: LOOKALIKE, attendees: [LOOKALIKE] });
  writeFileSync(join(dir, 'calendar.json'), JSON.stringify(calendar));
  return dir;
}
