import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../src/agent/intent/offline.js';
import { contactsMatching, findPeople, lastMentionedPerson } from '../../src/agent/intent/people.js';
import type { PendingIntent } from '../../src/agent/intent/schema.js';
import { resolveWhen } from '../../src/agent/intent/when.js';
import { toRfc3339 } from '../../src/time/zonedTime.js';

/** Slot filling, references and people matching: the pieces the pipeline carries between turns. */

const now = new Date('2025-06-11T09:30:00-07:00');
const tz = 'America/Los_Angeles';
const contacts = [
  { name: 'Dana Whitfield', email: 'dana@northwind.io' },
  { name: 'Jordan Kim', email: 'jordan@example.com' },
  { name: 'Sam Patel', email: 'sam@example.com' },
  { name: 'Sam Lee', email: 'sam.lee@globex.com' },
];
const ctx = (pending?: PendingIntent) => ({ now, timezone: tz, history: [], contacts, ...(pending ? { pending } : {}) });

const emailDana: PendingIntent = {
  tools: ['gmail'],
  action: 'send',
  entities: { people: ['Dana'], emails: ['dana@northwind.io'] },
  missing: 'message',
};
const meeting: PendingIntent = {
  tools: ['calendar'],
  action: 'schedule',
  entities: { people: ['Jordan'], emails: [], operation: 'create', duration_minutes: 30 },
  missing: 'start',
};

const moveSam: PendingIntent = {
  tools: ['calendar'],
  action: 'schedule',
  entities: { people: ['Sam'], emails: ['sam@example.com'], operation: 'move' },
  missing: 'start',
};

describe('pending slot', () => {
  it('an answer to "When should it move to?" fills the new time of the pending move, preposition and all', () => {
    for (const [said, start] of [
      ['to 4', '2025-06-11T16:00:00-07:00'],
      ['push it to thursday at 2', '2025-06-12T14:00:00-07:00'],
      ['4pm tomorrow', '2025-06-12T16:00:00-07:00'],
    ] as const) {
      const i = parseIntent(said, ctx(moveSam));
      expect(i, said).toMatchObject({ tools: ['calendar'], action: 'schedule', pending_outcome: 'filled' });
      expect(i.entities, said).toMatchObject({ operation: 'move', people: ['Sam'], start });
    }
  });

  it('an answer to "What should the email say?" is the message, not a new request', () => {
    const fresh = parseIntent("tell her I'll be there", ctx());
    expect(fresh.pending_outcome).toBeUndefined();
    const i = parseIntent("tell her I'll be there", ctx(emailDana));
    expect(i).toMatchObject({ tools: ['gmail'], action: 'send', needs_write: true, pending_outcome: 'filled' });
    expect(i.entities.message).toBe("I'll be there");
    expect(i.entities.emails).toEqual(['dana@northwind.io']);
    // The answer is content as said, leading "no" and politeness included.
    expect(parseIntent("No, Thursday doesn't work for me", ctx(emailDana)).entities.message).toBe("No, Thursday doesn't work for me");
    expect(parseIntent('could you send me the deck?', ctx(emailDana)).entities.message).toBe('could you send me the deck?');
    expect(parseIntent('check your calendar and let me know', ctx(emailDana)).entities.message).toBe('check your calendar and let me know');
  });

  it('an answer to "When should the meeting be?" fills start in the user zone', () => {
    const i = parseIntent('thursday at 3', ctx(meeting));
    expect(i.pending_outcome).toBe('filled');
    expect(i.entities.start).toBe('2025-06-12T15:00:00-07:00');
    expect(i.entities.people).toEqual(['Jordan']);
  });

  it('an answer without the piece asked for keeps the pending intent and says so', () => {
    const i = parseIntent('whenever works for him', ctx(meeting));
    expect(i.pending_outcome).toBe('unfilled');
    expect(i.entities.start).toBeUndefined();
    expect(i.action).toBe('schedule');
  });

  it('"never mind" abandons; a clear new request replaces', () => {
    expect(parseIntent('never mind', ctx(emailDana))).toMatchObject({ action: 'unknown', tools: [], pending_outcome: 'abandoned' });
    const r = parseIntent("what's on my calendar tomorrow?", ctx(emailDana));
    expect(r).toMatchObject({ tools: ['calendar'], action: 'read', pending_outcome: 'replaced' });
  });

  it('"which Sam?" is answered by an ordinal, a full name or part of the address', () => {
    const whichSam: PendingIntent = {
      tools: ['gmail'],
      action: 'send',
      entities: { people: ['Sam'], emails: [], message: 'hi' },
      missing: 'person',
      candidates: contactsMatching('sam', contacts),
    };
    expect(whichSam.candidates?.map((c) => c.name)).toEqual(['Sam Patel', 'Sam Lee']);
    expect(parseIntent('the second one', ctx(whichSam)).entities).toMatchObject({ people: ['Sam Lee'], emails: ['sam.lee@globex.com'] });
    expect(parseIntent('sam patel', ctx(whichSam)).entities.emails).toEqual(['sam@example.com']);
    expect(parseIntent('the one at globex', ctx(whichSam)).entities.people).toEqual(['Sam Lee']);
    expect(parseIntent('hmm not sure', ctx(whichSam)).pending_outcome).toBe('unfilled');
  });
});

describe('references to the conversation', () => {
  it('"move it to 4" moves the event the last answer was about, on its day', () => {
    const history = [
      { role: 'user' as const, text: 'what do I have on Friday' },
      { role: 'assistant' as const, text: 'A design review at 11.' },
    ];
    const i = parseIntent('move it to 4', { ...ctx(), history });
    expect(i).toMatchObject({ tools: ['calendar'], action: 'schedule' });
    expect(i.entities.operation).toBe('move');
    expect(i.entities.start).toBe('2025-06-13T16:00:00-07:00');
  });

  it('"the second email" is an ordinal over the last list, with the tools of the last request', () => {
    const history = [
      { role: 'user' as const, text: 'read my last three emails' },
      { role: 'assistant' as const, text: '1. Dana… 2. Sam… 3. Jordan…' },
    ];
    expect(parseIntent('open the second email', { ...ctx(), history })).toMatchObject({
      tools: ['gmail'],
      action: 'read',
      entities: { ordinal: 2 },
    });
    expect(parseIntent('summarize that one', { ...ctx(), history })).toMatchObject({ tools: ['gmail'], action: 'summarize' });
  });
});

describe('people', () => {
  it('matches contacts case-insensitively and takes lower-case names after a person lead', () => {
    expect(parseIntent('email jordan about the budget', ctx()).entities).toMatchObject({
      people: ['Jordan'],
      emails: ['jordan@example.com'],
    });
    // Shouted or lower-cased, a contact keeps its own spelling.
    expect(parseIntent('email JORDAN about lunch', ctx()).entities.people).toEqual(['Jordan']);
    expect(parseIntent('email dana whitfield', ctx()).entities).toMatchObject({
      people: ['Dana Whitfield'],
      emails: ['dana@northwind.io'],
    });
    // No contacts at all (a new user): the lower-case name is still a person, common words are not.
    expect(findPeople('Email jordan about the budget')).toEqual(['Jordan']);
    expect(findPeople('email the team about the budget')).toEqual([]);
    expect(findPeople('meet with sam and priya on friday')).toEqual(['Sam', 'Priya']);
  });

  it('"her/him" never means the person themself, though an answer named them', () => {
    const history = [
      { role: 'user' as const, text: 'what did sam say on slack' },
      { role: 'assistant' as const, text: 'In your DMs with Sam Patel, two messages. Sam asked for the redlines and Alex replied “Sure”.' },
    ];
    expect(lastMentionedPerson(history)).toBe('Alex');
    expect(lastMentionedPerson(history, [], undefined, 'Alex Rivera')).toBe('Sam Patel');
    expect(parseIntent('dm him that the redlines are attached', { ...ctx(), history, self: 'Alex Rivera' }).entities.people).toEqual([
      'Sam Patel',
    ]);
  });

  it('finds a lower-case name where only a person fits, with no contact list (the live pipeline has none)', () => {
    const people: Array<[string, string[]]> = [
      ['send sam a slack message saying the build is green', ['Sam']],
      ['shoot maya a quick email', ['Maya']],
      ['send dana the agenda for tomorrow', ['Dana']],
      ['did sam email me about the budget', ['Sam']],
      ['has priya sent me anything today', ['Priya']],
      ["what's dana's latest email about", ['Dana']],
      ['accept all of dana’s invites', ['Dana']],
      ['check if priya replied', ['Priya']],
      ['forward to priya the email from dana', ['Priya', 'Dana']],
      ['when do I next see maya', ['Maya']],
      ['let jordan know I am late', ['Jordan']],
      ['get me and sam in a room on friday', ['Sam']],
      ['the last thing jordan sent me', ['Jordan']],
      ['an email to priya with the subject hello', ['Priya']],
    ];
    for (const [text, want] of people) expect(findPeople(text), text).toEqual(want);
    // The same places with words that are not people.
    for (const text of [
      'send the team a message',
      'send him the deck',
      'send everyone the link',
      'let me know if anything changes',
      'did legal say anything',
      'did anyone mention the offsite',
      'check if everyone replied',
      'what has marketing been saying',
      "today's meeting",
      'an email to confirm the booking',
      'send a note to self',
    ])
      expect(findPeople(text), text).toEqual([]);
  });

  it('two matching contacts are left unresolved so the pipeline asks which', () => {
    const i = parseIntent('email sam that the deck is ready', ctx());
    expect(i.entities.people).toEqual(['Sam']);
    expect(i.entities.emails).toEqual([]);
    expect(contactsMatching('Sam', contacts)).toHaveLength(2);
  });
});

describe('spoken times', () => {
  const iso = (d?: Date) => d && toRfc3339(d, tz);
  it('reads word hours, "half past", and spans', () => {
    expect(iso(resolveWhen('friday at three', now, tz).start)).toBe('2025-06-13T15:00:00-07:00');
    expect(iso(resolveWhen('tomorrow at half past ten', now, tz).start)).toBe('2025-06-12T10:30:00-07:00');
    const span = resolveWhen('friday from 2 to 3:30', now, tz);
    expect(iso(span.start)).toBe('2025-06-13T14:00:00-07:00');
    expect(span.duration_minutes).toBe(90);
    expect(resolveWhen('this month', now, tz).range?.start.toISOString()).toBe('2025-06-01T07:00:00.000Z');
  });
});
