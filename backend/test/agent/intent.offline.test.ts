import { describe, expect, it } from 'vitest';
import { OfflineIntentEngine, parseIntent } from '../../src/agent/intent/offline.js';
import { Intent } from '../../src/agent/intent/schema.js';
import { parseDuration, resolveWhen } from '../../src/agent/intent/when.js';
import { offsetMinutes, toRfc3339, zonedTimeToInstant } from '../../src/time/zonedTime.js';
import { CASE_CONTACTS, INTENT_CASES, caseContext, scoreCase } from './intentCases.js';

describe('offline intent accuracy table', () => {
  it('has at least 60 phrasings and matches tools exactly on at least 95 % of them', async () => {
    expect(INTENT_CASES.length).toBeGreaterThanOrEqual(60);
    const engine = new OfflineIntentEngine();
    let tools = 0;
    let all = 0;
    const misses: string[] = [];
    for (const c of INTENT_CASES) {
      const got = await engine.analyze(c.text, caseContext(c));
      expect(got.engine).toBe('offline');
      // Every result must satisfy the same schema Gemini's output is held to.
      expect(Intent.safeParse(got).success).toBe(true);
      const s = scoreCase(c, got);
      tools += Number(s.toolsOk);
      if (s.toolsOk && s.actionOk && s.entitiesOk) all++;
      else misses.push(`${c.text}: ${s.mismatches.join('; ')}`);
    }
    expect(tools / INTENT_CASES.length, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(all / INTENT_CASES.length, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});

describe('dates in the user time zone', () => {
  const berlin = 'Europe/Berlin';
  // Saturday 29 March 2025, 22:00 in Berlin (CET, +01:00); clocks go to CEST (+02:00) that night.
  const now = new Date('2025-03-29T22:00:00+01:00');
  const ctx = { now, timezone: berlin, history: [], contacts: CASE_CONTACTS };

  it('writes offsets from the zone at that instant, across a DST change', () => {
    expect(offsetMinutes(now, berlin)).toBe(60);
    const tomorrow10 = zonedTimeToInstant({ year: 2025, month: 3, day: 30 }, 10, 0, berlin);
    expect(toRfc3339(tomorrow10, berlin)).toBe('2025-03-30T10:00:00+02:00');
    expect(toRfc3339(new Date('2025-07-01T12:00:00Z'), 'America/Los_Angeles')).toBe('2025-07-01T05:00:00-07:00');
    expect(toRfc3339(new Date('2025-07-01T12:00:00Z'), 'Asia/Kolkata')).toBe('2025-07-01T17:30:00+05:30');
  });

  it('"tomorrow" is the next civil day in Berlin even though it is already Sunday in UTC+14', () => {
    const i = parseIntent("what's on my calendar tomorrow", ctx);
    expect(i.entities.time_range).toEqual({ start: '2025-03-30T00:00:00+01:00', end: '2025-03-31T00:00:00+02:00' });
  });

  it('schedules "Monday at 10" in local wall time with the summer offset', () => {
    const i = parseIntent('schedule 30 minutes with Sam on Monday at 10', ctx);
    expect(i.action).toBe('schedule');
    expect(i.entities.start).toBe('2025-03-31T10:00:00+02:00');
    expect(i.entities.duration_minutes).toBe(30);
    expect(i.entities.emails).toEqual(['sam@example.com']);
  });

  it('rolls a plain weekday whose slot has passed to next week, and "at 2pm" said at 3pm to tomorrow', () => {
    const friday3pm = new Date('2025-06-13T15:00:00-07:00');
    const la = { now: friday3pm, timezone: 'America/Los_Angeles', history: [] };
    expect(parseIntent('schedule a call with Sam on Friday at 2pm', la).entities.start).toBe('2025-06-20T14:00:00-07:00');
    expect(parseIntent('book a meeting with Sam at 2pm', la).entities.start).toBe('2025-06-14T14:00:00-07:00');
    // A read about "Friday" on a Friday means today.
    expect(parseIntent('am I free Friday', la).entities.time_range?.start).toBe('2025-06-13T00:00:00-07:00');
  });

  it('reads durations and bare hours the way people mean them', () => {
    expect(parseDuration('an hour')).toBe(60);
    expect(parseDuration('half an hour')).toBe(30);
    expect(parseDuration('a 90-minute review')).toBe(90);
    expect(parseDuration('1.5 hours')).toBe(90);
    expect(parseDuration('in 2 hours')).toBeUndefined();
    const w = resolveWhen('tomorrow at 10', now, berlin);
    expect(w.start && toRfc3339(w.start, berlin)).toBe('2025-03-30T10:00:00+02:00');
    const pm = resolveWhen('tomorrow at 3', now, berlin);
    expect(pm.start && toRfc3339(pm.start, berlin)).toBe('2025-03-30T15:00:00+02:00');
    const evening = resolveWhen('tomorrow evening at 8', now, berlin);
    expect(evening.start && toRfc3339(evening.start, berlin)).toBe('2025-03-30T20:00:00+02:00');
  });

  it('falls back to UTC for an unknown zone instead of throwing', () => {
    const i = parseIntent('what do I have today', { now: new Date('2025-06-11T09:30:00Z'), timezone: 'Mars/Olympus', history: [] });
    expect(i.entities.time_range?.start).toBe('2025-06-11T00:00:00+00:00');
  });
});

describe('pronouns from the conversation', () => {
  const base = { now: new Date('2025-06-11T09:30:00-07:00'), timezone: 'America/Los_Angeles', contacts: CASE_CONTACTS };

  it('"reply to her" is the last person mentioned, from either side of the conversation', () => {
    const history = [
      { role: 'user' as const, text: 'any new email from Sam?' },
      { role: 'assistant' as const, text: 'Dana Whitfield asked if Thursday works.' },
    ];
    const i = parseIntent('reply to her that Thursday works', { ...base, history });
    expect(i.entities.people).toEqual(['Dana Whitfield']);
    expect(i.entities.emails).toEqual(['dana@northwind.io']);
    expect(i.entities.message).toBe('Thursday works');
  });

  it('leaves people empty when nobody was mentioned (the pipeline then asks)', () => {
    const i = parseIntent('reply to her that Thursday works', { ...base, history: [] });
    expect(i.entities.people).toEqual([]);
    expect(i.action).toBe('reply');
  });

  it('does not treat names inside the message as recipients', () => {
    const i = parseIntent('tell Sam that Dana signed the NDA', { ...base, history: [] });
    expect(i.entities.people).toEqual(['Sam']);
    expect(i.entities.message).toBe('Dana signed the NDA');
  });
});

describe('phrasings found by probing after held-out batch 17', () => {
  const ctx = { now: new Date('2025-06-11T09:30:00-07:00'), timezone: 'America/Los_Angeles', history: [], contacts: CASE_CONTACTS };
  const cases: Array<[string, string[], string, Record<string, unknown>?]> = [
    ['who else is coming to the offsite', ['calendar'], 'read'],
    ['who organised the quarterly review', ['calendar'], 'read'],
    ["I don't think I can make the 3pm anymore", ['calendar'], 'schedule', { operation: 'decline' }],
    ["I won't make it to the all hands, let them know", ['calendar'], 'schedule', { operation: 'decline' }],
    ['can you tell me what jordan wanted', ['gmail', 'slack'], 'read'],
    ['let me see my week', ['calendar'], 'read'],
    ["what's in my drafts folder", ['gmail'], 'read', { save_as_draft: undefined }],
    ['remind dana about the deadline by email', ['gmail'], 'send'],
    ['what emails need a reply from me', ['gmail'], 'read', { analysis: undefined }],
    ['whats on tmrw', ['calendar'], 'read'],
    ['meeting w priya at 3', ['calendar'], 'schedule', { operation: 'create' }],
    ['I want to talk to dana tomorrow, can you find a slot', ['calendar'], 'schedule', { operation: 'create', people: ['Dana'] }],
    ["what's the word on the acme deal", ['gmail', 'slack'], 'read'],
    ['did anyone get back to me about the job posting', ['gmail'], 'read', { analysis: 'did_reply' }],
    ['share the notes in the product channel', ['slack'], 'post', { channel: 'product' }],
    ['create an all day event on friday called offsite', ['calendar'], 'schedule', { operation: 'create' }],
    ["show me what's coming up", ['calendar'], 'read'],
    ['can you work out when jordan and maya are both around', ['calendar'], 'read'],
    ['any idea who sent me the contract last week', ['gmail'], 'read'],
    ["I'd like to know what's on for tomorrow afternoon", ['calendar'], 'read'],
    ['could you bin the meeting with dana on friday', ['calendar'], 'schedule', { operation: 'cancel' }],
    ['email from sam?', ['gmail'], 'read'],
    ['slack', ['slack'], 'read'],
    ["next week's schedule", ['calendar'], 'read'],
    ['1:1 with priya moved to 4', ['calendar'], 'schedule', { operation: 'move' }],
    ["what's the plan for today", ['calendar'], 'read'],
    ['has the deck from sam arrived', ['gmail'], 'read'],
    ['check whether priya accepted the invite', ['calendar'], 'read'],
    ['did anyone message me while I was in the meeting', ['gmail', 'slack'], 'read'],
    ['am I late for anything', ['calendar'], 'read'],
    ["what's after this", ['calendar'], 'read'],
    ['where do I need to be at 2', ['calendar'], 'read'],
    ['did the 4pm get cancelled', ['calendar'], 'read'],
    ['start a thread in #design about the new logo', ['slack'], 'post'],
    ['can we do coffee friday with priya', ['calendar'], 'schedule', { operation: 'create' }],
    ['I need to email dana back', ['gmail'], 'reply'],
    ['make sure sam gets the agenda', ['gmail'], 'send'],
    ['please sort out a time for me and jordan', ['calendar'], 'schedule', { operation: 'create' }],
    ['would love to catch up with maya sometime next week', ['calendar'], 'schedule', { operation: 'create' }],
    ['how are things going with the acme deal', ['gmail', 'slack'], 'read'],
    ['tee up a call with maya for thursday', ['calendar'], 'schedule', { operation: 'create' }],
    ['fix up a time to see jordan next week', ['calendar'], 'schedule', { operation: 'create' }],
    ['make time for dana tomorrow morning', ['calendar'], 'schedule', { operation: 'create' }],
    ['lock in friday at 2 with priya', ['calendar'], 'schedule', { operation: 'create' }],
    ['rearrange my 1:1 with sam to friday', ['calendar'], 'schedule', { operation: 'move' }],
    ['put the standup back an hour', ['calendar'], 'schedule', { operation: 'move' }],
    ['make my 3pm later', ['calendar'], 'schedule', { operation: 'move' }],
    ['give the all-hands a miss', ['calendar'], 'schedule', { operation: 'decline' }],
    ['pass on the happy hour tonight', ['calendar'], 'schedule', { operation: 'decline' }],
    ['sign me up for the workshop on friday', ['calendar'], 'schedule', { operation: 'accept' }],
    ['heard anything from acme', ['gmail'], 'read'],
    ['follow up with dana about the contract', ['gmail'], 'send'],
    ["give sam a heads up that I'm running late", ['gmail'], 'send'],
    ['fill jordan in on the client call', ['gmail'], 'send'],
    ["what's the latest in the acme saga", ['gmail', 'slack'], 'read'],
    ['anyone chasing me for anything', ['gmail', 'slack'], 'read'],
    ['any chatter about the outage', ['gmail', 'slack'], 'read'],
    ["find dana's note about parking", ['gmail'], 'read'],
    ['share the agenda with the team on slack', ['slack'], 'post'],
    ['fire off a quick email to jordan saying yes', ['gmail'], 'send'],
    ['have I got back to back meetings today', ['calendar'], 'read', { analysis: undefined }],
    ['whats on in the next hour', ['calendar'], 'read'],
    ['so what did maya end up saying about the budget', ['gmail', 'slack'], 'read'],
    ['please put off my call with sam until next week', ['calendar'], 'schedule', { operation: 'move' }],
    ['drag my 9am to 10', ['calendar'], 'schedule', { operation: 'move' }],
    ['what time do I finish today', ['calendar'], 'read'],
    ["I'm swamped, can you clear thursday afternoon", ['calendar'], 'schedule', { operation: 'cancel' }],
    ['put a hold on friday 2 to 4', ['calendar'], 'schedule', { operation: 'create' }],
    ["ask the team in #eng who's on call this weekend", ['slack'], 'post'],
    ['what did the insurance company send', ['gmail'], 'read'],
    ["what did maya's team say about the launch", ['gmail', 'slack'], 'read'],
    ["I'm not sure if priya got my invite", ['calendar'], 'read'],
    ['maybe I should email jordan about it', ['gmail'], 'send'],
    ['it would be great if you could send dana the notes', ['gmail'], 'send'],
    ['the client call got moved to 3, update my calendar', ['calendar'], 'schedule', { operation: 'move', people: [] }],
    // Text-speak clean-up drops a hedge "like", never the verb.
    ["I'd like 30 minutes with Priya tomorrow", ['calendar'], 'schedule', { operation: 'create', duration_minutes: 30 }],
    ['find like an hour with jordan friday', ['calendar'], 'schedule', { operation: 'create', duration_minutes: 60 }],
    ['can u check my inbox', ['gmail'], 'read'],
    ['post 2 updates in #eng about the deploy', ['slack'], 'post', { channel: 'eng' }],
    // "on slack" names the service, not a channel; a name inside the message is not whom it is for.
    [
      'post on slack that Sam said the build is green',
      ['slack'],
      'post',
      { channel: undefined, people: [], message: 'Sam said the build is green' },
    ],
    ['post in eng that the deploy is done', ['slack'], 'post', { channel: 'eng' }],
    ['slack sam that Priya is out today', ['slack'], 'post', { people: ['Sam'], chat_scope: 'dm' }],
  ];
  for (const [text, tools, action, entities] of cases) {
    it(text, () => {
      const got = parseIntent(text, ctx);
      expect({ tools: got.tools, action: got.action }).toEqual({ tools, action });
      for (const [k, v] of Object.entries(entities ?? {})) expect((got.entities as Record<string, unknown>)[k], k).toEqual(v);
    });
  }
});

describe('follow-ups found by probing after held-out batch 17', () => {
  const turns = (user: string, assistant: string) => [
    { role: 'user' as const, text: user },
    { role: 'assistant' as const, text: assistant },
  ];
  const danaMail = turns('any emails from dana', 'Dana wrote about the NDA and the lease.');
  const chatCatchUp = turns('what did I miss on slack', 'In #general Sam shared the release notes; in #deals Priya closed Northwind.');
  const ctx = (history: ReturnType<typeof turns>) => ({
    now: new Date('2025-06-11T09:30:00-07:00'),
    timezone: 'America/Los_Angeles',
    history,
    contacts: CASE_CONTACTS,
  });
  it('"what did she say about the lease" reads where she wrote', () => {
    expect(parseIntent('what did she say about the lease', ctx(danaMail))).toMatchObject({ tools: ['gmail'], action: 'read' });
  });
  it('a reply right after a chat read answers in the chat', () => {
    expect(parseIntent('reply to priya congrats', ctx(chatCatchUp))).toMatchObject({ tools: ['slack'], action: 'reply' });
    expect(parseIntent('reply to priya congrats', ctx(danaMail))).toMatchObject({ tools: ['gmail'], action: 'reply' });
    // Dana was not in the chat answer: a reply to her is mail.
    expect(parseIntent('reply to dana', ctx(chatCatchUp))).toMatchObject({ tools: ['gmail'], action: 'reply' });
  });
  it('"more about the deals one" continues the last read', () => {
    expect(parseIntent('more about the deals one', ctx(chatCatchUp)).tools).toEqual(['slack']);
  });
  it('"the deals one" answers "Which channel?"', () => {
    const got = parseIntent('the deals one', ctx(turns('post in slack', 'Which channel should I post in?')));
    expect(got).toMatchObject({ tools: ['slack'], action: 'post', pending_outcome: 'filled' });
    expect(got.entities.channel).toBe('deals');
  });
});
