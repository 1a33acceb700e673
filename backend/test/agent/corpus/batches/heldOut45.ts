import type { CorpusCase } from '../types.js';

/** Two self-employed people speaking: a real-estate agent (viewings, offers, buyers/sellers by email, a brokerage
 *  Slack with #listings and #offers) and a freelance designer (client feedback, invoices, kickoffs, a shared client channel). */
export const HELD_OUT_45: CorpusCase[] = [
  // calendar reads
  { category: 'calendar-read', text: 'what viewings have I got tomorrow', tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-read',
    text: 'am I free saturday afternoon? the Hendersons want to do an open house',
    tools: ['calendar'],
    action: 'read',
  },
  { category: 'calendar-read', text: 'remind me what time the kickoff with the acme folks is', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: "when's my next showing at the elm street place", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'um do I have anything before 10 on friday', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'How packed is next week looking?', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'has the maple ave closing been put on my calendar yet', tools: ['calendar'], action: 'read' },

  // calendar creates
  {
    category: 'calendar-create',
    text: 'book a viewing at 42 Harbor Lane thursday at 4 with jordan',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'block off two hours friday morning for the northwind logo revisions',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'put a call with Priya about the brand refresh on monday at 11',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'can we set up a project kickoff with maya next tuesday? like an hour',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'I need an hour on the calendar tomorrow afternoon to prep the listing presentation',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'find 30 minutes with sam this week to go over the counteroffer',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },

  // calendar changes
  {
    category: 'calendar-change',
    text: "push the 2 o'clock showing to 3:30",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: "cancel saturday's open house, the sellers pulled out",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: 'decline the invite from dana for friday',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  {
    category: 'calendar-change',
    text: "hey accept jordan's final walkthrough invite",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },
  {
    category: 'calendar-change',
    text: 'could you move my design review with the Acme people to thursday',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },

  // mail reads
  { category: 'mail-read', text: 'is the signed purchase agreement in my inbox yet', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'any emails from buyers over the weekend?', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'find the email where I sent northwind the may invoice', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'what did maya say in her last email about the homepage mockups', tools: ['gmail'], action: 'read' },
  {
    category: 'mail-read',
    text: 'did the lender ever reply to my email about the pre-approval letter',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },

  // mail understanding
  { category: 'mail-understand', text: 'summarize the feedback email from the acme folks', tools: ['gmail'], action: 'summarize' },
  { category: 'mail-understand', text: 'give me the gist of the inspection report email', tools: ['gmail'], action: 'summarize' },
  {
    category: 'mail-understand',
    text: "who's been emailing me the most this week",
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'top_senders' },
  },
  {
    category: 'mail-understand',
    text: 'has Dana replied to the invoice reminder I sent monday?',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  {
    category: 'mail-understand',
    text: "tl;dr of that long email thread with the sellers' attorney",
    tools: ['gmail'],
    action: 'summarize',
  },

  // mail writes
  { category: 'mail-write', text: 'email maya that the revised logos will be ready friday', tools: ['gmail'], action: 'send' },
  { category: 'mail-write', text: "reply to the buyer's agent and tell them we're countering at 615", tools: ['gmail'], action: 'reply' },
  { category: 'mail-write', text: 'forward the inspection report to sam', tools: ['gmail'], action: 'send', entities: { forward: true } },
  {
    category: 'mail-write',
    text: "draft an email to priya with the updated project quote but don't send it yet",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  { category: 'mail-write', text: 'write back to dana and say net 30 is fine', tools: ['gmail'], action: 'reply' },
  {
    category: 'mail-write',
    text: 'reply all on the closing date thread and say the 27th works for us',
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  { category: 'mail-write', text: 'send jordan an email asking if the sellers are open to a rent back', tools: ['gmail'], action: 'send' },
  {
    category: 'mail-write',
    text: 'quick one: write up a thank-you email to the people who came to the harbor lane open house and leave it in drafts',
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: 'pass the signed contract along to legal',
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  { category: 'mail-write', text: 'I need to email Maya a reminder that the june invoice is due friday', tools: ['gmail'], action: 'send' },

  // slack
  { category: 'slack-read', text: "what's new in #listings", tools: ['slack'], action: 'read', entities: { channel: 'listings' } },
  {
    category: 'slack-read',
    text: 'anything in #offers since yesterday?',
    tools: ['slack'],
    action: 'read',
    entities: { channel: 'offers' },
  },
  { category: 'slack-read', text: 'any DMs from the broker?', tools: ['slack'], action: 'read', entities: { chat_scope: 'dm' } },
  {
    category: 'slack-read',
    text: 'search slack for the maple ave offer deadline',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  { category: 'slack-read', text: 'catch me up on slack', tools: ['slack'], action: 'summarize', entities: { chat_scope: 'catch_up' } },
  {
    category: 'slack-read',
    text: 'sum up what happened in #offers yesterday',
    tools: ['slack'],
    action: 'summarize',
    entities: { channel: 'offers' },
  },
  {
    category: 'slack-read',
    text: 'did anyone on slack mention the parking situation at the condo',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  {
    category: 'slack-write',
    text: 'post in #listings that 42 harbor lane is back on the market',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'listings' },
  },
  { category: 'slack-write', text: "ping jordan on slack, I'm running ten minutes late to the showing", tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: 'drop a note in #acme-shared that the v2 mockups are up in figma',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'acme-shared' },
  },
  { category: 'slack-write', text: 'message priya on slack and ask whether the brand guide is final', tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: 'reply in the thread in #design saying the blue version wins',
    tools: ['slack'],
    action: 'reply',
    entities: { channel: 'design' },
  },

  // multi-service
  { category: 'multi', text: 'has maya sent over anything about the mockups today?', tools: ['gmail', 'slack'], action: 'read' },
  { category: 'multi', text: 'catch me up on everything, email and slack, since friday', tools: ['gmail', 'slack'], action: 'summarize' },
  {
    category: 'multi',
    text: 'check my calendar and inbox for anything about the maple ave closing',
    tools: ['calendar', 'gmail'],
    action: 'read',
  },
  { category: 'multi', text: 'what did sam say about the appraisal', tools: ['gmail', 'slack'], action: 'read' },

  // follow-ups
  {
    category: 'follow-up',
    text: "reply to the second one saying I'll have the revisions by monday",
    history: [
      { role: 'user', text: 'what are my latest emails' },
      {
        role: 'assistant',
        text: '1. Jordan Kim about the Harbor Lane offer. 2. Maya Chen about the homepage feedback. 3. Dana Whitfield about the May invoice.',
      },
    ],
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'follow-up',
    text: 'cancel the showing',
    history: [
      { role: 'user', text: "what's on friday" },
      { role: 'assistant', text: 'Friday you have a showing at 12 Oak Court at 10am and a client call with Maya at 2pm.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  // The assistant asked "What should the email to Maya say?"
  {
    category: 'follow-up',
    text: "that the invoice is attached and it's due in two weeks",
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Maya'], emails: ['maya@acme.com'] }, missing: 'message' },
    tools: ['gmail'],
    action: 'send',
  },
  // The assistant asked "When should the viewing with Jordan be?"
  {
    category: 'follow-up',
    text: 'uh how about tomorrow at 5:30',
    pending: {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['Jordan'], emails: ['jordan@example.com'], operation: 'create', duration_minutes: 45 },
      missing: 'start',
    },
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  // The assistant asked "Which channel should I post that in?"
  {
    category: 'follow-up',
    text: 'put it in offers',
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [] }, missing: 'channel' },
    tools: ['slack'],
    action: 'post',
  },
  // The assistant asked "What should the email to Priya say?"
  {
    category: 'follow-up',
    text: 'actually never mind, skip it',
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Priya'], emails: ['priya@example.com'] }, missing: 'message' },
    tools: [],
    action: 'unknown',
  },
];
