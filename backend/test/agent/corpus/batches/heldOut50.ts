import type { CorpusCase } from '../types.js';

/** Smart-speaker style speakers: terse two-to-six-word commands with no politeness across calendar, mail, Slack and
 * memory, plus very short follow-ups ("reply", "cancel it", "tomorrow?") that lean on the previous turn. */
export const HELD_OUT_50: CorpusCase[] = [
  // calendar reads
  { category: 'calendar-read', text: 'next meeting', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'my agenda today', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'free at 2 today?', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'Thursday schedule', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'any gaps monday', tools: ['calendar'], action: 'read' },

  // calendar creates
  { category: 'calendar-create', text: 'block friday morning', tools: ['calendar'], action: 'schedule', entities: { operation: 'create' } },
  {
    category: 'calendar-create',
    text: 'add lunch w priya thursday noon',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'book 30 min with sam tomorrow',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'Set up a call with Maya next week',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },

  // calendar changes
  { category: 'calendar-change', text: 'decline the 3pm', tools: ['calendar'], action: 'schedule', entities: { operation: 'decline' } },
  { category: 'calendar-change', text: 'move standup to 10', tools: ['calendar'], action: 'schedule', entities: { operation: 'move' } },
  {
    category: 'calendar-change',
    text: 'cancel 1:1 with jordan',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  { category: 'calendar-change', text: "accept dana's invite", tools: ['calendar'], action: 'schedule', entities: { operation: 'accept' } },

  // mail reads
  { category: 'mail-read', text: 'inbox', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'unread mail', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'emails from dana', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'acme invoice email come in?', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'Find the flight confirmation email', tools: ['gmail'], action: 'read' },

  // mail understanding
  {
    category: 'mail-understand',
    text: 'who emailed most this week',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'top_senders' },
  },
  {
    category: 'mail-understand',
    text: 'top email senders this month',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'top_senders' },
  },
  {
    category: 'mail-understand',
    text: 'sam reply to my email yet?',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  { category: 'mail-understand', text: "summarize dana's last email", tools: ['gmail'], action: 'summarize' },
  { category: 'mail-understand', text: 'inbox tl;dr', tools: ['gmail'], action: 'summarize' },

  // mail writes
  { category: 'mail-write', text: 'email dana', tools: ['gmail'], action: 'send' },
  { category: 'mail-write', text: 'email jordan running late', tools: ['gmail'], action: 'send' },
  { category: 'mail-write', text: 'reply to priya: sounds good', tools: ['gmail'], action: 'reply' },
  { category: 'mail-write', text: 'forward the lease email to sam', tools: ['gmail'], action: 'send', entities: { forward: true } },
  { category: 'mail-write', text: "draft email to maya, don't send", tools: ['gmail'], action: 'draft', entities: { save_as_draft: true } },
  { category: 'mail-write', text: "tell sam I'm out friday", tools: ['gmail'], action: 'send' },

  // slack reads
  { category: 'slack-read', text: 'slack dms', tools: ['slack'], action: 'read', entities: { chat_scope: 'dm' } },
  { category: 'slack-read', text: 'catch up slack', tools: ['slack'], action: 'summarize', entities: { chat_scope: 'catch_up' } },
  { category: 'slack-read', text: 'anything new in eng channel', tools: ['slack'], action: 'read', entities: { channel: 'eng' } },
  { category: 'slack-read', text: 'search slack for roadmap', tools: ['slack'], action: 'read', entities: { chat_scope: 'search' } },
  { category: 'slack-read', text: 'sum up #deals', tools: ['slack'], action: 'summarize', entities: { channel: 'deals' } },

  // slack writes
  { category: 'slack-write', text: 'ping jordan', tools: ['slack'], action: 'post' },
  { category: 'slack-write', text: 'post in general lunch is here', tools: ['slack'], action: 'post', entities: { channel: 'general' } },
  { category: 'slack-write', text: 'slack maya the deck link', tools: ['slack'], action: 'post' },
  { category: 'slack-write', text: 'DM priya: on my way', tools: ['slack'], action: 'post' },

  // multi
  { category: 'multi', text: 'anything from maya?', tools: ['gmail', 'slack'], action: 'read' },
  { category: 'multi', text: 'catch me up', tools: ['gmail', 'slack'], action: 'summarize' },
  { category: 'multi', text: 'check calendar and email for the offsite', tools: ['calendar', 'gmail'], action: 'read' },

  // memory
  { category: 'remember', text: 'remember sam is my manager', tools: [], action: 'unknown', entities: { remember: 'sam is my manager' } },
  { category: 'remember', text: 'forget priya is my manager', tools: [], action: 'unknown', entities: { forget: 'priya is my manager' } },

  // other
  { category: 'other', text: 'weather tomorrow', tools: [], action: 'unknown' },
  { category: 'other', text: 'thanks', tools: [], action: 'unknown' },

  // follow-ups
  {
    category: 'follow-up',
    text: 'read the second',
    history: [
      { role: 'user', text: 'unread mail' },
      { role: 'assistant', text: '1. Dana Whitfield about the NDA. 2. Maya Chen about the renewal. 3. Your bank about a new statement.' },
    ],
    tools: ['gmail'],
    action: 'read',
  },
  {
    category: 'follow-up',
    text: 'reply',
    history: [
      { role: 'user', text: "open dana's email" },
      { role: 'assistant', text: 'Dana Whitfield, 8:05am: "Can we push the NDA review to Friday?"' },
    ],
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'follow-up',
    text: 'forward to jordan',
    history: [
      { role: 'user', text: 'last email from maya' },
      { role: 'assistant', text: 'Maya Chen, 8:12am: "Renewal quote attached, valid until June 30."' },
    ],
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'follow-up',
    text: 'tomorrow?',
    history: [
      { role: 'user', text: 'free at 3?' },
      { role: 'assistant', text: 'No, you have a call with Priya at 3 today.' },
    ],
    tools: ['calendar'],
    action: 'read',
  },
  {
    category: 'follow-up',
    text: 'cancel it',
    history: [
      { role: 'user', text: 'next meeting' },
      { role: 'assistant', text: 'Design review at 11 with Sam and Jordan.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  // The assistant asked "What time tomorrow with Sam, 3 or 4pm?"
  {
    category: 'follow-up',
    text: 'yes, 4pm',
    pending: {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['Sam'], emails: ['sam@example.com'], operation: 'create', duration_minutes: 30 },
      missing: 'start',
    },
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  // The assistant asked "What should the email to Dana say?"
  {
    category: 'follow-up',
    text: 'never mind',
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Dana'], emails: ['dana@northwind.io'] }, missing: 'message' },
    tools: [],
    action: 'unknown',
  },
  {
    category: 'follow-up',
    text: 'gist of it',
    history: [
      { role: 'user', text: 'email from legal' },
      { role: 'assistant', text: 'Legal, yesterday: "Revised MSA terms", a long email with four attachments.' },
    ],
    tools: ['gmail'],
    action: 'summarize',
  },
  {
    category: 'follow-up',
    text: 'push it to friday',
    history: [
      { role: 'user', text: "when's the budget review" },
      { role: 'assistant', text: 'Thursday at 1pm with Priya.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'follow-up',
    text: 'decline it',
    history: [
      { role: 'user', text: 'any calendar invites?' },
      { role: 'assistant', text: 'One: Maya Chen invited you to "Acme sync" on Thursday at 2pm.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  // The assistant asked "What should I send Jordan on Slack?"
  {
    category: 'follow-up',
    text: 'running 10 late',
    pending: { tools: ['slack'], action: 'post', entities: { people: ['Jordan'], emails: ['jordan@example.com'] }, missing: 'message' },
    tools: ['slack'],
    action: 'post',
  },
  // The assistant asked "Which channel should I post that in?"
  {
    category: 'follow-up',
    text: 'design',
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [] }, missing: 'channel' },
    tools: ['slack'],
    action: 'post',
  },
  // The assistant asked "Who should the email go to?"
  {
    category: 'follow-up',
    text: 'sam',
    pending: { tools: ['gmail'], action: 'send', entities: { people: [], emails: [] }, missing: 'recipient' },
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'follow-up',
    text: 'reply all, no objections',
    history: [
      { role: 'user', text: 'budget thread email' },
      { role: 'assistant', text: 'Latest in "Q3 budget" from Priya, cc Sam and Jordan: numbers are final, any objections by Friday?' },
    ],
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  {
    category: 'follow-up',
    text: 'what about slack',
    history: [
      { role: 'user', text: 'emails from jordan today' },
      { role: 'assistant', text: 'Nothing from Jordan in your inbox today.' },
    ],
    tools: ['slack'],
    action: 'read',
  },
];
