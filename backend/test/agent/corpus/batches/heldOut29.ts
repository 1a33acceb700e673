import type { CorpusCase } from '../types.js';

/** Someone on the move using push-to-talk while walking or driving: clipped commands, mid-sentence corrections,
 * and lots of short two-turn follow-ups across calendar, mail and Slack. */
export const HELD_OUT_29: CorpusCase[] = [
  // ---- calendar (14)
  { category: 'calendar-read', text: 'next meeting?', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: "what's after my 10 o'clock", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'am i free at 2', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'thursday afternoon... am I booked?', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: "when's the dentist", tools: ['calendar'], action: 'read' },
  { category: 'calendar-change', text: 'move standup to 10', tools: ['calendar'], action: 'schedule', entities: { operation: 'move' } },
  {
    category: 'calendar-change',
    text: 'push my one on one with priya to tomorrow',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: 'design sync, bring it forward half an hour',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-create',
    text: 'book lunch with maya on thursday, no, friday',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'block an hour after lunch for focus time',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'set up 30 min with sam tomorrow morning',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  { category: 'calendar-change', text: 'cancel the 4pm', tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel' } },
  {
    category: 'calendar-change',
    text: 'decline the budget review',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  {
    category: 'calendar-change',
    text: "accept jordan's offsite invite",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },

  // ---- mail (14)
  { category: 'mail-read', text: 'inbox', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'emails from the landlord?', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'did the UPS email come in, the tracking one', tools: ['gmail'], action: 'read' },
  { category: 'mail-understand', text: 'unread emails, short version', tools: ['gmail'], action: 'summarize' },
  { category: 'mail-understand', text: 'gist of the acme email', tools: ['gmail'], action: 'summarize' },
  {
    category: 'mail-understand',
    text: "who's emailed me the most this week",
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'top_senders' },
  },
  {
    category: 'mail-understand',
    text: 'did priya ever get back to me about the invoice',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  { category: 'mail-write', text: 'tell sam running late', tools: ['gmail'], action: 'send' },
  { category: 'mail-write', text: "email dana, the nda's signed, uh, countersigned", tools: ['gmail'], action: 'send' },
  { category: 'mail-write', text: "ask jordan if he's got the van keys", tools: ['gmail'], action: 'send' },
  { category: 'mail-write', text: "reply to maya's email, thursday works", tools: ['gmail'], action: 'reply' },
  {
    category: 'mail-write',
    text: 'reply all to the offsite email. count me in',
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  {
    category: 'mail-write',
    text: 'forward the flight confirmation to jordan',
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'mail-write',
    text: "draft something to legal about the lease renewal, don't send it yet",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },

  // ---- slack (8)
  { category: 'slack-read', text: 'slack dms', tools: ['slack'], action: 'read', entities: { chat_scope: 'dm' } },
  { category: 'slack-read', text: "what's going on in the eng channel", tools: ['slack'], action: 'read', entities: { channel: 'eng' } },
  {
    category: 'slack-read',
    text: 'anyone on slack mention the outage',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  { category: 'slack-read', text: 'catch me up on slack', tools: ['slack'], action: 'summarize', entities: { chat_scope: 'catch_up' } },
  { category: 'slack-read', text: 'tldr #support', tools: ['slack'], action: 'summarize', entities: { channel: 'support' } },
  { category: 'slack-write', text: "ping jordan, build's green", tools: ['slack'], action: 'post' },
  { category: 'slack-write', text: 'post in deals: acme signed!!', tools: ['slack'], action: 'post', entities: { channel: 'deals' } },
  { category: 'slack-write', text: 'slack maya the deck link', tools: ['slack'], action: 'post' },

  // ---- other (4)
  { category: 'other', text: 'ok cool thanks', tools: [], action: 'unknown' },
  { category: 'other', text: 'play my driving playlist', tools: [], action: 'unknown' },
  {
    category: 'remember',
    text: 'remember that parking is level 3 spot 41',
    tools: [],
    action: 'unknown',
    entities: { remember: 'parking is level 3 spot 41' },
  },
  {
    category: 'remember',
    text: 'forget that my gate code is 4512',
    tools: [],
    action: 'unknown',
    entities: { forget: 'my gate code is 4512' },
  },

  // ---- follow-ups (20)
  {
    category: 'follow-up',
    text: 'push it 30',
    history: [
      { role: 'user', text: 'next meeting?' },
      { role: 'assistant', text: 'Design sync at 10:00 with Maya and Jordan.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'follow-up',
    text: 'make it friday same time',
    history: [
      { role: 'user', text: "when's my next one with jordan" },
      { role: 'assistant', text: 'Thursday at 11am: Product sync with Jordan Kim.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'follow-up',
    text: 'cancel the second one',
    history: [
      { role: 'user', text: "what's on tomorrow" },
      { role: 'assistant', text: '9:00 standup, 11:30 call with the Acme team, 2:00 1:1 with Priya.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'follow-up',
    text: 'yeah accept that',
    history: [
      { role: 'user', text: 'anything new on my calendar' },
      { role: 'assistant', text: 'Priya Raman invited you to Budget review, Friday at 10am.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },
  {
    category: 'follow-up',
    text: 'third one, read it',
    history: [
      { role: 'user', text: 'inbox' },
      { role: 'assistant', text: '1. Dana Whitfield: NDA redlines. 2. Chase: your statement is ready. 3. Maya Chen: lunch this week?' },
    ],
    tools: ['gmail'],
    action: 'read',
  },
  {
    category: 'follow-up',
    text: 'tell her yes, noon',
    history: [
      { role: 'user', text: "what's maya's email say" },
      { role: 'assistant', text: 'Maya Chen asks whether Thursday lunch still works and what time suits you.' },
    ],
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'follow-up',
    text: 'forward that to legal',
    history: [
      { role: 'user', text: 'any emails from dana' },
      { role: 'assistant', text: 'Dana Whitfield sent the NDA redlines yesterday at 4pm.' },
    ],
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'follow-up',
    text: "reply all, i'm in",
    history: [
      { role: 'user', text: 'anything from acme' },
      { role: 'assistant', text: 'Maya Chen emailed you and four others about the Q3 kickoff, asking who can make Monday.' },
    ],
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  {
    category: 'follow-up',
    text: 'yep send it',
    history: [
      { role: 'user', text: "tell sam i'm running late" },
      { role: 'assistant', text: 'Here\'s the email to Sam Patel: "Running about 10 minutes late, sorry." Send it?' },
    ],
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'follow-up',
    text: 'short version',
    history: [
      { role: 'user', text: "what's new in marketing" },
      {
        role: 'assistant',
        text: '14 new messages in #marketing: Sam shared launch dates, Priya asked about the ad budget, Maya posted two banner options, and more.',
      },
    ],
    tools: ['slack'],
    action: 'summarize',
  },
  {
    category: 'follow-up',
    text: 'post there, looks great',
    history: [
      { role: 'user', text: "what's new in design" },
      { role: 'assistant', text: 'In #design, Maya posted the new onboarding mockups and Jordan asked for feedback by Friday.' },
    ],
    tools: ['slack'],
    action: 'post',
  },
  // The assistant asked "What should the email to Sam say?"
  {
    category: 'follow-up',
    text: 'running ten late, start without me',
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Sam'], emails: ['sam@example.com'] }, missing: 'message' },
    tools: ['gmail'],
    action: 'send',
  },
  // The assistant asked "Who should I send it to?"
  {
    category: 'follow-up',
    text: 'dana',
    pending: { tools: ['gmail'], action: 'send', entities: { people: [], emails: [] }, missing: 'recipient' },
    tools: ['gmail'],
    action: 'send',
  },
  // The assistant asked "When should the meeting with Jordan be?"
  {
    category: 'follow-up',
    text: 'tomorrow at 3',
    pending: {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['Jordan'], emails: ['jordan@example.com'], operation: 'create', duration_minutes: 30 },
      missing: 'start',
    },
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  // The assistant asked "When should lunch with Maya be?"
  {
    category: 'follow-up',
    text: 'uh thursday, no, friday at 12',
    pending: {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['Maya'], emails: ['maya@acme.com'], operation: 'create', duration_minutes: 60 },
      missing: 'start',
    },
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  // The assistant asked "Who's the meeting with?"
  {
    category: 'follow-up',
    text: 'sam and priya',
    pending: {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: [], emails: [], operation: 'create', duration_minutes: 30 },
      missing: 'person',
    },
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  // The assistant asked "Which channel should I post it in?"
  {
    category: 'follow-up',
    text: 'the eng one',
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [] }, missing: 'channel' },
    tools: ['slack'],
    action: 'post',
  },
  // The assistant asked "What should the Slack message to Maya say?"
  {
    category: 'follow-up',
    text: "deck's in the shared drive, top folder",
    pending: { tools: ['slack'], action: 'post', entities: { people: ['Maya'], emails: ['maya@acme.com'] }, missing: 'message' },
    tools: ['slack'],
    action: 'post',
  },
  // The assistant asked "When should the meeting with Dana be?" and the person drops it.
  {
    category: 'follow-up',
    text: 'nah never mind',
    pending: {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['Dana'], emails: ['dana@northwind.io'], operation: 'create', duration_minutes: 30 },
      missing: 'start',
    },
    tools: [],
    action: 'unknown',
  },
  // The assistant asked "What should the email to Priya say?" and the person asks something new.
  {
    category: 'follow-up',
    text: "hold on, what time's my next meeting",
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Priya'], emails: ['priya@example.com'] }, missing: 'message' },
    tools: ['calendar'],
    action: 'read',
  },
];
