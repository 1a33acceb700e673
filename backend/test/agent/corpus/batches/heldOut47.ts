import type { CorpusCase } from '../types.js';

/** Raw speech-to-text transcripts of people talking to the assistant out loud: run-ons, numbers and times in words,
 * fillers, false starts and the odd misheard small word, across calendar, mail, Slack, multi-service, memory and follow-ups. */
export const HELD_OUT_47: CorpusCase[] = [
  // calendar reads
  { category: 'calendar-read', text: 'um what do i have going on tomorrow morning like before lunch', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'am i free at three thirty on friday', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: "when's my next uh meeting with priya", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'hey what does my day look like today is it busy', tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-read',
    text: 'is there like a gap on monday between ten and noon or am i sort of booked solid',
    tools: ['calendar'],
    action: 'read',
  },

  // calendar creates
  {
    category: 'calendar-create',
    text: 'can you set up a meeting with sam on thursday at half past two for like thirty minutes',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'block off quarter to ten till eleven tomorrow for uh focus time',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'put dentist in my calendar for the twenty fourth at eight am',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'find thirty minutes with jordan an maya sometime next week and just book it',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'can you actually could you set up lunch with dana friday at noon',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'i need a call with the acme folks monday at four pm put it on the calendar please',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },

  // calendar changes
  {
    category: 'calendar-change',
    text: 'move my three oclock with sam to four thirty',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: 'push the design review to next week i mean sometime next week whenever',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: 'cancel my dentist thing on the twenty fourth',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: "uh decline the budget sync invite from jordan i can't make it",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  {
    category: 'calendar-change',
    text: 'can you accept the invite for the offsite on the twentieth',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },
  {
    category: 'calendar-change',
    text: 'bring the standup forward to like half past eight tomorrow',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },

  // mail reads
  { category: 'mail-read', text: 'any emails from the bank this week', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'did the invoice from acme come in yet', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'find the email with the uh the tracking number for my order', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'show me the unread emails from dana', tools: ['gmail'], action: 'read' },
  {
    category: 'mail-read',
    text: 'check my email for anything from legal about the contract you know the renewal one',
    tools: ['gmail'],
    action: 'read',
  },

  // mail understanding
  {
    category: 'mail-understand',
    text: 'can you sum up that long email thread from maya about the pricing',
    tools: ['gmail'],
    action: 'summarize',
  },
  { category: 'mail-understand', text: 'give me the gist of my emails from this morning', tools: ['gmail'], action: 'summarize' },
  {
    category: 'mail-understand',
    text: "who's been emailing me the most this week",
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'top_senders' },
  },
  {
    category: 'mail-understand',
    text: 'did sam ever get back to me about the q three deck',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },

  // mail writes
  {
    category: 'mail-write',
    text: 'email jordan and tell him the deck is gonna be a day late sorry about that',
    tools: ['gmail'],
    action: 'send',
  },
  { category: 'mail-write', text: "reply to dana's email and say thursday works for me", tools: ['gmail'], action: 'reply' },
  {
    category: 'mail-write',
    text: "reply all to the offsite thread and say i'm in",
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  {
    category: 'mail-write',
    text: 'forward the flight confirmation to priya',
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'mail-write',
    text: "draft an email to my landlord about the leaky sink but don't send it i want to look at it first",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  { category: 'mail-write', text: "write back to sam say thanks and that i'll look at it tonight", tools: ['gmail'], action: 'reply' },
  {
    category: 'mail-write',
    text: 'can you draft a reply to the acme email um just leave it in drafts for now',
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  { category: 'mail-write', text: "let dana know i'm running like ten minutes late", tools: ['gmail'], action: 'send' },

  // slack reads
  {
    category: 'slack-read',
    text: "what's been going on in the eng channel",
    tools: ['slack'],
    action: 'read',
    entities: { channel: 'eng' },
  },
  { category: 'slack-read', text: 'do i have any dms on slack', tools: ['slack'], action: 'read', entities: { chat_scope: 'dm' } },
  {
    category: 'slack-read',
    text: 'did anyone mention the outage on slack this morning',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  { category: 'slack-read', text: 'catch me up on slack', tools: ['slack'], action: 'summarize', entities: { chat_scope: 'catch_up' } },
  {
    category: 'slack-read',
    text: 'summarize the deals channel from yesterday',
    tools: ['slack'],
    action: 'summarize',
    entities: { channel: 'deals' },
  },

  // slack writes
  { category: 'slack-write', text: "ping jordan on slack and ask if he's free for a quick call", tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: 'post in general that the office is closed on the nineteenth',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'general' },
  },
  { category: 'slack-write', text: "text maya that i'm like five minutes out", tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: 'message the design channel saying the new mocks are up',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'design' },
  },
  { category: 'slack-write', text: 'reply in the slack thread in support saying were on it', tools: ['slack'], action: 'reply' },

  // multi-service
  { category: 'multi', text: 'any messages from maya', tools: ['gmail', 'slack'], action: 'read' },
  { category: 'multi', text: 'what did jordan say about the budget', tools: ['gmail', 'slack'], action: 'read' },
  { category: 'multi', text: 'ok so catch me up on everything i missed', tools: ['gmail', 'slack'], action: 'summarize' },
  {
    category: 'multi',
    text: 'check my calendar and my inbox for anything about the offsite',
    tools: ['calendar', 'gmail'],
    action: 'read',
  },

  // follow-ups
  {
    category: 'follow-up',
    text: 'ok uh read me the one from priya',
    history: [
      { role: 'user', text: 'what are my newest emails' },
      {
        role: 'assistant',
        text: '1. Dana Whitfield about the NDA. 2. Sam Patel about the Q3 deck. 3. Priya Raman about the June invoice.',
      },
    ],
    tools: ['gmail'],
    action: 'read',
  },
  {
    category: 'follow-up',
    text: 'push the design one to three thirty',
    history: [
      { role: 'user', text: 'what do i have tomorrow' },
      { role: 'assistant', text: 'Tomorrow you have standup at 9am and a design review with Maya at 2pm.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'follow-up',
    text: "um just that i'll send the numbers over by end of day",
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Dana'], emails: ['dana@northwind.io'] }, missing: 'message' },
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'follow-up',
    text: 'how about thursday at quarter past ten',
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
  {
    category: 'follow-up',
    text: "ah never mind don't bother",
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [], channel: 'design' }, missing: 'message' },
    tools: [],
    action: 'unknown',
  },
  {
    category: 'follow-up',
    text: 'tell her thursday works',
    history: [
      { role: 'user', text: 'read me the latest email from dana' },
      { role: 'assistant', text: 'Dana Whitfield wrote: "Could we meet Thursday or Friday to go over the NDA?"' },
    ],
    tools: ['gmail'],
    action: 'reply',
  },

  // memory
  {
    category: 'remember',
    text: "hey can you remember that jordan's the one who handles the acme account",
    tools: [],
    action: 'unknown',
    entities: { remember: "jordan's the one who handles the acme account" },
  },
  {
    category: 'remember',
    text: 'remember that my manager is priya',
    tools: [],
    action: 'unknown',
    entities: { remember: 'my manager is priya' },
  },
  {
    category: 'remember',
    text: 'forget that my landlord is called steve',
    tools: [],
    action: 'unknown',
    entities: { forget: 'my landlord is called steve' },
  },

  // other
  { category: 'other', text: "thanks that's perfect", tools: [], action: 'unknown' },
  { category: 'other', text: "what's the weather like in uh san francisco tomorrow", tools: [], action: 'unknown' },
  { category: 'other', text: 'set a timer for ten minutes', tools: [], action: 'unknown' },
];
