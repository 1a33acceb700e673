import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../src/agent/intent/offline.js';
import { addressDirectly, composeDraftText } from '../../src/agent/reply/compose.js';
import type { ProviderContext, ReplyInput } from '../../src/agent/reply/context.js';
import { OfflineReplyWriter } from '../../src/agent/reply/offline.js';
import { spokenRange } from '../../src/agent/reply/speech.js';
import { CASE_CONTACTS } from './intentCases.js';

const now = new Date('2025-06-11T09:30:00-07:00');
const tz = 'America/Los_Angeles';
const ictx = { now, timezone: tz, history: [], contacts: CASE_CONTACTS };

async function answer(transcript: string, context: ProviderContext | string): Promise<{ text: string; deltas: string[] }> {
  const input: ReplyInput = { transcript, intent: parseIntent(transcript, ictx), context, memory: [], timezone: tz, now };
  const deltas: string[] = [];
  for await (const d of new OfflineReplyWriter().stream(input)) deltas.push(d);
  return { text: deltas.join(''), deltas };
}

describe('offline reply templates', () => {
  it('names the real events, in the user’s zone, one sentence per delta', async () => {
    const { text, deltas } = await answer("what's on my calendar tomorrow", {
      events: [
        { title: 'Lunch with Sam', start: '2025-06-12T19:30:00Z' },
        { title: 'Northwind NDA review', start: '2025-06-12T17:00:00Z' },
      ],
    });
    expect(text).toBe('Tomorrow you have two events. Northwind NDA review at 10 AM and Lunch with Sam at 12:30 PM.');
    expect(deltas).toHaveLength(2);
  });

  it('answers "am I free" both ways', async () => {
    expect((await answer('am I free Friday afternoon', { events: [] })).text).toBe(
      "You're free Friday afternoon: nothing is on your calendar.",
    );
    expect(
      (await answer('am I free Friday afternoon', { events: [{ title: 'Pipeline review', start: '2025-06-13T14:00:00-07:00' }] })).text,
    ).toBe("Friday afternoon isn't free: you have Pipeline review at 2 PM.");
  });

  it('summarises mail from a person with the latest subject and snippet', async () => {
    const { text } = await answer('summarize my last emails from Dana', {
      threads: [
        {
          subject: 'Northwind NDA',
          from: 'Dana Whitfield <dana@northwind.io>',
          date: '2025-06-10T16:00:00Z',
          snippet: 'Does Thursday work for the review?',
          unread: true,
        },
      ],
    });
    expect(text).toBe('You have one email from Dana. Dana wrote yesterday about “Northwind NDA”: “Does Thursday work for the review?”');
  });

  it('says what it found in Slack, and says when a tool could not be reached instead of “nothing”', async () => {
    const slack = await answer("what's new in #general", {
      messages: [{ channel: 'general', user: 'Priya', text: 'Office closed Friday' }],
    });
    expect(slack.text).toBe('In #general, one message. Priya said “Office closed Friday”.');
    const failed = await answer('check my email and calendar for tomorrow', { events: [], errors: [{ tool: 'gmail', message: '503' }] });
    expect(failed.text).toBe("Nothing is on your calendar tomorrow. I couldn't reach Gmail just now.");
  });

  it('says a provider’s limit as it is, and never “nothing” for a Slack search without naming it', async () => {
    const limited = await answer('check my Slack DMs with Sam', {
      errors: [
        {
          tool: 'slack',
          code: 'RATE_LIMITED',
          message: 'Slack allows Vouch to read a conversation’s history once a minute; ask again in 40 seconds.',
        },
      ],
    });
    expect(limited.text).toBe(
      'I couldn’t read Slack this time: Slack allows Vouch to read a conversation’s history once a minute; ask again in 40 seconds.'.replace(
        'couldn’t',
        "couldn't",
      ),
    );
    const none = await answer('search Slack for quokkas', { messages: [], slack: { searched: 'quokkas' } });
    expect(none.text).toBe('I searched your Slack channels and DMs for “quokkas” and found no messages.');
    const caught = await answer('catch me up on Slack', {
      messages: [{ channel: '#deals', user: 'Sam Patel', text: 'Pipeline review is Thursday' }],
      slack: { searched: 'after:2025-06-09', limited: 'Slack gave the first 20 results.' },
    });
    expect(caught.text).toBe(
      'I searched your Slack channels and DMs since yesterday and found one message. Sam in #deals said “Pipeline review is Thursday”. Slack gave the first 20 results.',
    );
  });

  it('answers "who wrote most" and "did X reply" from the analysis, under real names', async () => {
    expect(
      (
        await answer('who emailed me the most this week', {
          mail_analysis: {
            top_senders: [
              { name: 'Dana Whitfield', threads: 3 },
              { name: 'Sam Patel', threads: 1 },
            ],
          },
        })
      ).text,
    ).toBe('Most of your mail came from Dana Whitfield (three threads) and Sam Patel (one thread).');
    expect(
      (
        await answer('did Dana reply', {
          mail_analysis: {
            did_reply: {
              person: 'Dana',
              subject: 'NDA',
              replied: false,
              you_wrote: true,
              last_from: 'you',
              last_date: '2025-06-10T16:00:00Z',
            },
          },
        })
      ).text,
    ).toBe("Not yet. Your last message in “NDA” was yesterday, and Dana hasn't answered it.");
  });

  it('describes drafts without claiming they were sent, and asks when something is missing', async () => {
    expect((await answer('reply to Dana that Thursday works', {})).text).toBe(
      "Here's a draft reply to Dana: “Thursday works”. Have a look and confirm when you’re ready to send it.",
    );
    expect((await answer('schedule 30 minutes with Sam on Friday at 2pm', {})).text).toBe(
      "I've drafted a 30-minute meeting with Sam on Friday at 2 PM. Check it and confirm to send the invite.",
    );
    expect((await answer('post to #deals that the NDA is signed', {})).text).toBe(
      'Ready to post in #deals: “the NDA is signed”. Confirm to post it.',
    );
    expect((await answer('reply to her that Thursday works', {})).text).toBe('Who should I reply to?');
    expect((await answer("what's the weather like?", {})).text).toMatch(/^I can help with your email, calendar and Slack\./);
  });

  it('phrases ranges the way people say them', () => {
    expect(spokenRange({ start: '2025-06-11T12:00:00-07:00', end: '2025-06-11T17:00:00-07:00' }, now, tz)).toBe('this afternoon');
    expect(spokenRange({ start: '2025-06-12T00:00:00-07:00', end: '2025-06-13T00:00:00-07:00' }, now, tz)).toBe('tomorrow');
    expect(spokenRange({ start: '2025-06-12T15:00:00-07:00', end: '2025-06-12T16:00:00-07:00' }, now, tz)).toBe(
      'tomorrow between 3 PM and 4 PM',
    );
  });
});

describe('composeDraftText (offline)', () => {
  it('writes an email reply with greeting, the message, sign-off and Re: subject', async () => {
    const intent = parseIntent('reply to Dana that Thursday works', ictx);
    expect(
      await composeDraftText('email', {
        intent,
        transcript: '',
        senderName: 'Alex Rivera',
        thread: { subject: 'Northwind NDA', from: 'Dana', snippet: '' },
      }),
    ).toEqual({
      kind: 'email',
      subject: 'Re: Northwind NDA',
      body: 'Hi Dana,\n\nThursday works.\n\nBest,\nAlex',
    });
  });

  it('addresses the recipient directly and derives a subject for a new email', async () => {
    expect(addressDirectly("he's late and his deck is great")).toBe("you're late and your deck is great");
    const intent = parseIntent('tell Sam that his deck is ready for the board', ictx);
    const d = await composeDraftText('email', { intent, transcript: '' });
    expect(d).toEqual({
      kind: 'email',
      subject: 'Your deck is ready for the board',
      body: 'Hi Sam,\n\nYour deck is ready for the board.\n\nBest,',
    });
  });

  it('writes a Slack post and an event title', async () => {
    expect(await composeDraftText('chat', { intent: parseIntent('post to #deals that the NDA is signed', ictx), transcript: '' })).toEqual({
      kind: 'chat',
      text: 'The NDA is signed.',
    });
    expect(
      await composeDraftText('event', {
        intent: parseIntent('schedule 30 minutes with Sam on Friday at 2pm', ictx),
        transcript: '',
        senderName: 'Alex Rivera',
      }),
    ).toEqual({
      kind: 'event',
      title: 'Alex / Sam',
      description: 'Scheduled by voice with Vouch.',
    });
    expect(
      await composeDraftText('event', {
        intent: parseIntent('Schedule a call with Dana Whitfield on Thursday at 11am about the NDA', ictx),
        transcript: '',
      }),
    ).toMatchObject({ title: 'NDA' });
  });
});
