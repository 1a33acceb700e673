import type { CorpusCase } from '../types.js';

/** A parent working part-time from home, speaking to the assistant through speech-to-text (rambling, little punctuation,
 *  some British/Australian idioms): school runs, dentist, landlord, bank and deliveries mixed with work mail, meetings and Slack. */
export const HELD_OUT_25: CorpusCase[] = [
  // ---- calendar: reads
  {
    category: 'calendar-read',
    text: 'um whats my diary looking like tomorrow i need to know if i can do the school run',
    tools: ['calendar'],
    action: 'read',
  },
  { category: 'calendar-read', text: 'am i free friday arvo around three', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: "when's my next meeting with priya", tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-read',
    text: 'do i have anything on during pickup today so like quarter to three till half three',
    tools: ['calendar'],
    action: 'read',
  },
  { category: 'calendar-read', text: 'what have i got on next week um just the work stuff really', tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-read',
    text: 'is the parents evening thing actually in my calendar or did i forget it',
    tools: ['calendar'],
    action: 'read',
  },
  { category: 'calendar-read', text: 'how many meetings have i got this fortnight roughly', tools: ['calendar'], action: 'read' },

  // ---- calendar: create
  {
    category: 'calendar-create',
    text: 'can you pop the dentist in my diary for thursday at 4 for an hour',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'um so can you like book half an hour with sam tomorrow morning before i go get the kids',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'block out 8 till 9 every morning next week for the school run so nobody books me',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'set up a call with dana and maya on monday about the northwind contract sometime after lunch',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'find a slot with jordan this week for a quick catch up and stick it in',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: "oh and put a delivery window in saturday 8 till 12 the new washing machine's coming",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },

  // ---- calendar: changes
  {
    category: 'calendar-change',
    text: "can you push my 2 o'clock with priya to 3 i've got to grab the kids",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: "cancel thursdays standup i'm home with the little one she's poorly",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: "decline the friday drinks invite i've got no one to mind the kids",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  {
    category: 'calendar-change',
    text: "um yeah accept dana's invite for tuesday",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },
  {
    category: 'calendar-change',
    text: 'actually move the dentist to next wednesday same time',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: "drop the 3:30 with jordan tomorrow it's sports day",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: 'bring my thursday one to one with sam forward to 10 in the morning',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },

  // ---- mail: reads
  { category: 'mail-read', text: 'has the bank emailed me about the mortgage thing yet', tools: ['gmail'], action: 'read' },
  {
    category: 'mail-read',
    text: 'dig out that email from the courier with the tracking link for the kids bikes',
    tools: ['gmail'],
    action: 'read',
  },
  { category: 'mail-read', text: "what's in my inbox this morning", tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'is there an email from the school about the trip on the 19th', tools: ['gmail'], action: 'read' },

  // ---- mail: understanding
  {
    category: 'mail-understand',
    text: 'did the landlord ever email back about the boiler',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  {
    category: 'mail-understand',
    text: 'did jordan ever reply to my email about the offsite',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  {
    category: 'mail-understand',
    text: "who's been emailing me the most this week",
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'top_senders' },
  },
  {
    category: 'mail-understand',
    text: 'um can you give me the gist of the email from school about sports day',
    tools: ['gmail'],
    action: 'summarize',
  },
  { category: 'mail-understand', text: "sum up dana's email about the renewal for me", tools: ['gmail'], action: 'summarize' },
  {
    category: 'mail-understand',
    text: "catch me up on my emails from this morning i've been on the school run",
    tools: ['gmail'],
    action: 'summarize',
  },

  // ---- mail: writes
  {
    category: 'mail-write',
    text: "email the landlord and tell him the kitchen tap's still leaking and can he send someone round this week",
    tools: ['gmail'],
    action: 'send',
  },
  { category: 'mail-write', text: 'um so can you write back to dana and say thursday works for me', tools: ['gmail'], action: 'reply' },
  {
    category: 'mail-write',
    text: "reply all to maya's email and say i'll have the numbers by friday",
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  {
    category: 'mail-write',
    text: 'can you forward the email from the dentist to tom',
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'mail-write',
    text: "draft an email to priya with the notes from yesterday but don't send it yet i'll have a look tonight",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  { category: 'mail-write', text: "let sam know i'll be ten minutes late for the 11 the school rang", tools: ['gmail'], action: 'send' },
  { category: 'mail-write', text: "send jordan an email saying the deck's in the shared drive", tools: ['gmail'], action: 'send' },
  {
    category: 'mail-write',
    text: 'write up a reply to the bank asking them to ring me after 3 and just leave it in drafts',
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: "pass the plumber's email on to the landlord would you",
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },

  // ---- both services
  { category: 'multi', text: 'has maya messaged me about the invoice at all', tools: ['gmail', 'slack'], action: 'read' },

  // ---- slack: reads
  { category: 'slack-read', text: 'anything new in the design channel', tools: ['slack'], action: 'read', entities: { channel: 'design' } },
  {
    category: 'slack-read',
    text: 'um what did i miss on slack while i was at the dentist',
    tools: ['slack'],
    action: 'summarize',
    entities: { chat_scope: 'catch_up' },
  },
  { category: 'slack-read', text: 'have i got any dms on slack', tools: ['slack'], action: 'read', entities: { chat_scope: 'dm' } },
  {
    category: 'slack-read',
    text: 'search slack for the onboarding doc jordan mentioned',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },

  // ---- slack: writes
  { category: 'slack-write', text: "ping jordan and say i'm nipping out for pickup back by 4", tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: "post in general that i'm only working half day friday",
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'general' },
  },
  { category: 'slack-write', text: 'can you slack maya the link to the pricing sheet', tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: "pop a message in the eng channel saying the staging deploy's done",
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'eng' },
  },

  // ---- follow-ups
  {
    category: 'follow-up',
    text: 'oh can you move the maya one to the afternoon like 2ish',
    history: [
      { role: 'user', text: "what's on tomorrow" },
      { role: 'assistant', text: 'Tomorrow you have standup at 9, a call with Maya Chen at 11 and the dentist at 3:30.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'follow-up',
    text: 'give me the short version of the trip one',
    history: [
      { role: 'user', text: 'any emails from the school' },
      { role: 'assistant', text: 'Two: one from Oakwood Primary about the trip on the 19th, and one about uniform orders.' },
    ],
    tools: ['gmail'],
    action: 'summarize',
  },
  {
    category: 'follow-up',
    text: "ok write back and say friday's fine but not before 10 cos of drop off",
    history: [
      { role: 'user', text: 'anything from dana today' },
      {
        role: 'assistant',
        text: 'Yes, Dana Whitfield emailed at 8:12 asking whether you can meet Thursday or Friday to go over the contract.',
      },
    ],
    tools: ['gmail'],
    action: 'reply',
  },
  // The assistant asked "What should the email to Sam say?"
  {
    category: 'follow-up',
    text: "um say i can't make it in tomorrow cos the little one's got a temperature",
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Sam'], emails: ['sam@example.com'] }, missing: 'message' },
    tools: ['gmail'],
    action: 'send',
  },
  // The assistant asked "When should the meeting with Priya be?"
  {
    category: 'follow-up',
    text: 'next tuesday arvo say 2',
    pending: {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['Priya'], emails: ['priya@example.com'], operation: 'create', duration_minutes: 30 },
      missing: 'start',
    },
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  // The assistant asked "Which channel should I post it in?"
  {
    category: 'follow-up',
    text: 'oh the marketing one',
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [] }, missing: 'channel' },
    tools: ['slack'],
    action: 'post',
  },
  // The assistant asked "What should the email to Maya say?"; the person drops it.
  {
    category: 'follow-up',
    text: "actually never mind i'll just ring her myself",
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Maya'], emails: ['maya@acme.com'] }, missing: 'message' },
    tools: [],
    action: 'unknown',
  },

  // ---- memory and other
  {
    category: 'remember',
    text: 'um remember that school pickup is at 3:15 on wednesdays',
    tools: [],
    action: 'unknown',
    entities: { remember: 'school pickup is at 3:15 on wednesdays' },
  },
  {
    category: 'remember',
    text: 'remember that maya is the one at acme who handles invoices',
    tools: [],
    action: 'unknown',
    entities: { remember: 'maya is the one at acme who handles invoices' },
  },
  {
    category: 'remember',
    text: 'oh forget that priya is my manager',
    tools: [],
    action: 'unknown',
    entities: { forget: 'priya is my manager' },
  },
  { category: 'other', text: "cheers that's brilliant thanks", tools: [], action: 'unknown' },
  { category: 'other', text: 'set a timer for 20 minutes for the pasta', tools: [], action: 'unknown' },
];
