import type { CorpusCase } from '../types.js';

/** Professionals who speak English as a second language (Indian, German/Dutch, Spanish/Latin-American, Singlish/Filipino
 * styles) asking about calendar, mail, Slack, both services, memory, small talk, plus a few two-turn follow-ups. */
export const HELD_OUT_39: CorpusCase[] = [
  // calendar-read
  { category: 'calendar-read', text: 'what is my schedule for day after tomorrow?', tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-read',
    text: 'Am I free on Friday afternoon? I want to know before I confirm to the client.',
    tools: ['calendar'],
    action: 'read',
  },
  { category: 'calendar-read', text: 'can check my calendar got any clash tomorrow morning or not', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'when is my next meeting with priya ah', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'hi, please tell me what appointments I have the next week', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'Is there something in my agenda on Thursday at 10?', tools: ['calendar'], action: 'read' },

  // calendar-create
  {
    category: 'calendar-create',
    text: 'Make an appointment with Jordan on Friday at 3 in the afternoon, one hour.',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'please make a reunion with maya for the next tuesday at 10am in my calendar',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'do one thing, block 2 hours tomorrow morning for deep work',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'Kindly set up a 30 min call with sam and priya on thursday post lunch',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'find some time with dana next week for the contract discussion and book it',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'help me put dentist appointment saturday 11am in my calendar can?',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },

  // calendar-change
  {
    category: 'calendar-change',
    text: 'prepone my 3pm meeting with sam to 1pm',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: "Kindly postpone tomorrow's standup by one hour.",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: 'pls cancel my 4pm today po, something came up',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: 'I want that you shift the design review to Monday.',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: 'decline the invite from jordan for friday, I am on leave that day',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  {
    category: 'calendar-change',
    text: 'Accept the meeting invitation from Maya for Thursday.',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },

  // mail-read
  { category: 'mail-read', text: 'any mails from the bank since yesterday?', tools: ['gmail'], action: 'read' },
  {
    category: 'mail-read',
    text: 'who all have mailed me the most this week',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'top_senders' },
  },
  {
    category: 'mail-read',
    text: 'did sam revert on my mail about the quotation?',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  { category: 'mail-read', text: 'check my inbox got any email from maya anot', tools: ['gmail'], action: 'read' },

  // mail-understand
  { category: 'mail-understand', text: "give me the gist of dana's latest mail", tools: ['gmail'], action: 'summarize' },
  {
    category: 'mail-understand',
    text: 'Please summarise the long thread about the Q3 budget, I have no time to read all of it.',
    tools: ['gmail'],
    action: 'summarize',
  },
  { category: 'mail-understand', text: 'tl;dr of the email from legal pls', tools: ['gmail'], action: 'summarize' },

  // mail-write
  {
    category: 'mail-write',
    text: 'I want that you send an email to Dana that the contract is signed and she gets the copy tomorrow.',
    tools: ['gmail'],
    action: 'send',
  },
  { category: 'mail-write', text: 'revert to dana on the mail saying we are ok with the revised rates', tools: ['gmail'], action: 'reply' },
  {
    category: 'mail-write',
    text: "kindly draft a mail to priya regarding my leave from 16th to 20th, don't send it, I will check first",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: 'forward the mail from maya regarding the purchase order to sam',
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'mail-write',
    text: 'reply all on the offsite thread: noted with thanks, will join',
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  {
    category: 'mail-write',
    text: 'Write to my landlord that the rent comes on Monday, the bank transfer is delayed.',
    tools: ['gmail'],
    action: 'send',
  },
  { category: 'mail-write', text: "pls let jordan know I'll be late for the review by 15 minutes", tools: ['gmail'], action: 'send' },
  {
    category: 'mail-write',
    text: 'prepare a draft reply to the HR mail asking them for the form again, leave it in drafts',
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },

  // slack-read
  {
    category: 'slack-read',
    text: 'what is going on in #eng since morning?',
    tools: ['slack'],
    action: 'read',
    entities: { channel: 'eng' },
  },
  { category: 'slack-read', text: 'any DMs for me on slack?', tools: ['slack'], action: 'read', entities: { chat_scope: 'dm' } },
  {
    category: 'slack-read',
    text: 'search slack for the server down issue, somebody posted it yesterday',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  {
    category: 'slack-read',
    text: 'catch me up on slack please, I was on leave two days',
    tools: ['slack'],
    action: 'summarize',
    entities: { chat_scope: 'catch_up' },
  },
  {
    category: 'slack-read',
    text: 'Did anybody mention the Acme deal on Slack?',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },

  // slack-write
  {
    category: 'slack-write',
    text: 'Kindly intimate everyone on #general that office will be closed on friday for the festival',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'general' },
  },
  { category: 'slack-write', text: 'ping jordan on slack and ask if the build is done already', tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: 'Post in #support that the outage is resolved.',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'support' },
  },
  { category: 'slack-write', text: 'slack maya the link to the deck', tools: ['slack'], action: 'post' },
  { category: 'slack-write', text: 'reply in the thread in #design that I agree with the new colours', tools: ['slack'], action: 'reply' },

  // multi
  { category: 'multi', text: 'did priya send me anything today po?', tools: ['gmail', 'slack'], action: 'read' },
  {
    category: 'multi',
    text: 'check my mails and slack both, has maya sent anything about the PO',
    tools: ['gmail', 'slack'],
    action: 'read',
  },
  {
    category: 'multi',
    text: 'what I missed yesterday on mail and slack, give me a summary',
    tools: ['gmail', 'slack'],
    action: 'summarize',
  },
  {
    category: 'multi',
    text: 'Check my calendar and my inbox for anything about the offsite.',
    tools: ['gmail', 'calendar'],
    action: 'read',
  },

  // remember
  {
    category: 'remember',
    text: 'please remember that my manager is Priya',
    tools: [],
    action: 'unknown',
    entities: { remember: 'my manager is Priya' },
  },
  {
    category: 'remember',
    text: 'kindly remember that Dana is our client from Northwind',
    tools: [],
    action: 'unknown',
    entities: { remember: 'Dana is our client from Northwind' },
  },
  {
    category: 'remember',
    text: 'forget that sam is on leave this week, he is back',
    tools: [],
    action: 'unknown',
    entities: { forget: 'sam is on leave this week' },
  },

  // other
  { category: 'other', text: 'thank you so much, very helpful', tools: [], action: 'unknown' },
  { category: 'other', text: 'set timer 10 minutes for my tea lah', tools: [], action: 'unknown' },

  // follow-ups
  {
    category: 'follow-up',
    text: 'kindly give me summary of the third one',
    history: [
      { role: 'user', text: 'what are my latest mails' },
      {
        role: 'assistant',
        text: '1. Jordan Kim about the release notes. 2. Maya Chen about the purchase order. 3. Dana Whitfield about the revised rates.',
      },
    ],
    tools: ['gmail'],
    action: 'summarize',
  },
  {
    category: 'follow-up',
    text: 'prepone it to 11 am',
    history: [
      { role: 'user', text: 'what do I have tomorrow' },
      { role: 'assistant', text: 'Tomorrow you have a 1:1 with Sam at 2pm.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'follow-up',
    text: 'that I will revert by EOD with the documents',
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Dana'], emails: ['dana@northwind.io'] }, missing: 'message' },
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'follow-up',
    text: 'the next monday at 4 of the afternoon',
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
    text: 'put it in product channel',
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [] }, missing: 'channel' },
    tools: ['slack'],
    action: 'post',
  },
  {
    category: 'follow-up',
    text: 'never mind, leave it, I will call him only',
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Sam'], emails: ['sam@example.com'] }, missing: 'message' },
    tools: [],
    action: 'unknown',
  },
  {
    category: 'follow-up',
    text: 'tell her thursday is fine for me',
    history: [
      { role: 'user', text: "read me dana's latest email" },
      { role: 'assistant', text: 'Dana Whitfield asks whether Thursday or Friday works for the contract review.' },
    ],
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'follow-up',
    text: 'Decline that one, I am on holidays.',
    history: [
      { role: 'user', text: 'which invites are pending for me?' },
      { role: 'assistant', text: 'You have one invite from Maya Chen: Vendor sync, Thursday at 2pm.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
];
