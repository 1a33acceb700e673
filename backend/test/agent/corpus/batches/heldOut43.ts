import type { CorpusCase } from '../types.js';

/** Someone answering the question the assistant just asked (plain answers, fillers, mid-answer corrections,
 *  dropped requests and unrelated new requests, across every missing slot), plus 20 everyday standalone requests. */
export const HELD_OUT_43: CorpusCase[] = [
  // ---- pending: missing 'message' ----
  // "What should the email to Dana say?"
  {
    category: 'follow-up',
    text: "that the contract's signed and I'll send the pdf over tonight",
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Dana'], emails: ['dana@northwind.io'] }, missing: 'message' },
    tools: ['gmail'],
    action: 'send',
  },
  // "What do you want to tell Jordan on Slack?"
  {
    category: 'follow-up',
    text: "um, just say I'm running like ten minutes late, thanks",
    pending: { tools: ['slack'], action: 'post', entities: { people: ['Jordan'], emails: ['jordan@example.com'] }, missing: 'message' },
    tools: ['slack'],
    action: 'post',
  },
  // "What should I say back to Priya?"
  {
    category: 'follow-up',
    text: 'that the invoice looks fine.. oh wait, actually tell her we need one more line item fixed first',
    pending: { tools: ['gmail'], action: 'reply', entities: { people: ['Priya'], emails: ['priya@example.com'] }, missing: 'message' },
    tools: ['gmail'],
    action: 'reply',
  },
  // "What should I post in #eng?"
  {
    category: 'follow-up',
    text: "nah forget it, I'll post it myself later",
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [], channel: 'eng' }, missing: 'message' },
    tools: [],
    action: 'unknown',
  },
  // "What should the email to Maya say?"
  {
    category: 'follow-up',
    text: 'hold on, what time is my dentist thing tomorrow?',
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Maya'], emails: ['maya@acme.com'] }, missing: 'message' },
    tools: ['calendar'],
    action: 'read',
  },
  // "What should I reply in the #support thread?"
  {
    category: 'follow-up',
    text: "sounds good, I'll take a look right after standup",
    pending: { tools: ['slack'], action: 'reply', entities: { people: [], emails: [], channel: 'support' }, missing: 'message' },
    tools: ['slack'],
    action: 'reply',
  },
  // "What should the email to Sam say?"
  {
    category: 'follow-up',
    text: 'could you let him know the offsite got moved to the 24th please',
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Sam'], emails: ['sam@example.com'] }, missing: 'message' },
    tools: ['gmail'],
    action: 'send',
  },
  // "What should I message Maya?"
  {
    category: 'follow-up',
    text: "the deck's in the shared drive - no sorry, it's in the design folder",
    pending: { tools: ['slack'], action: 'post', entities: { people: ['Maya'], emails: ['maya@acme.com'] }, missing: 'message' },
    tools: ['slack'],
    action: 'post',
  },
  // "What should the draft to Jordan say?"
  {
    category: 'follow-up',
    text: 'ok so something like: hey jordan, thanks for covering friday, I owe you one',
    pending: {
      tools: ['gmail'],
      action: 'draft',
      entities: { people: ['Jordan'], emails: ['jordan@example.com'], save_as_draft: true },
      missing: 'message',
    },
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },

  // ---- pending: missing 'start' ----
  // "When should the meeting with Jordan be?"
  {
    category: 'follow-up',
    text: 'thursday, no wait, friday at 10',
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
  // "When do you want to meet Priya?"
  {
    category: 'follow-up',
    text: "tomorrow at 2 if she's free",
    pending: {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['Priya'], emails: ['priya@example.com'], operation: 'create' },
      missing: 'start',
    },
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  // "When should I move your 1:1 with Sam to?"
  {
    category: 'follow-up',
    text: 'uh, push it to next monday morning, like 9:30',
    pending: {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['Sam'], emails: ['sam@example.com'], operation: 'move' },
      missing: 'start',
    },
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  // "When should I block time for the dentist?"
  {
    category: 'follow-up',
    text: "oh actually skip it, I'll book it once I know my week",
    pending: { tools: ['calendar'], action: 'schedule', entities: { people: [], emails: [], operation: 'create' }, missing: 'start' },
    tools: [],
    action: 'unknown',
  },
  // "When should the call with Dana be?"
  {
    category: 'follow-up',
    text: 'wait, did dana ever get back to me about the NDA?',
    pending: {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['Dana'], emails: ['dana@northwind.io'], operation: 'create' },
      missing: 'start',
    },
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  // "When should the 45 minutes with Maya be?"
  {
    category: 'follow-up',
    text: 'next tuesday at 3 please',
    pending: {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['Maya'], emails: ['maya@acme.com'], operation: 'create', duration_minutes: 45 },
      missing: 'start',
    },
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  // "What time should the team sync move to?"
  {
    category: 'follow-up',
    text: '3:30 today. no, make that 4',
    pending: { tools: ['calendar'], action: 'schedule', entities: { people: [], emails: [], operation: 'move' }, missing: 'start' },
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  // "When should the meeting with Sam and Priya be?"
  {
    category: 'follow-up',
    text: 'whenever all three of us are free friday afternoon',
    pending: {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['Sam', 'Priya'], emails: ['sam@example.com', 'priya@example.com'], operation: 'create' },
      missing: 'start',
    },
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  // "When do you want the focus block?"
  {
    category: 'follow-up',
    text: 'um 1 to 3 tomorrow I guess',
    pending: { tools: ['calendar'], action: 'schedule', entities: { people: [], emails: [], operation: 'create' }, missing: 'start' },
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },

  // ---- pending: missing 'recipient' ----
  // "Who should I send the Q3 numbers to?"
  {
    category: 'follow-up',
    text: 'priya',
    pending: { tools: ['gmail'], action: 'send', entities: { people: [], emails: [] }, missing: 'recipient' },
    tools: ['gmail'],
    action: 'send',
  },
  // "Who should I forward it to?"
  {
    category: 'follow-up',
    text: 'send it over to maya at acme',
    pending: { tools: ['gmail'], action: 'send', entities: { people: [], emails: [], forward: true }, missing: 'recipient' },
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  // "Who should I send that to on Slack?"
  {
    category: 'follow-up',
    text: 'jordan please, thank you',
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [] }, missing: 'recipient' },
    tools: ['slack'],
    action: 'post',
  },
  // "Who's the email for?"
  {
    category: 'follow-up',
    text: "hmm never mind, don't send anything",
    pending: { tools: ['gmail'], action: 'send', entities: { people: [], emails: [] }, missing: 'recipient' },
    tools: [],
    action: 'unknown',
  },
  // "Who should I message?"
  {
    category: 'follow-up',
    text: "actually can you first check what's new in #deals",
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [] }, missing: 'recipient' },
    tools: ['slack'],
    action: 'read',
    entities: { channel: 'deals' },
  },
  // "Who should I email it to?"
  {
    category: 'follow-up',
    text: 'dana. oh wait no, send it to jordan instead',
    pending: { tools: ['gmail'], action: 'send', entities: { people: [], emails: [] }, missing: 'recipient' },
    tools: ['gmail'],
    action: 'send',
  },

  // ---- pending: missing 'channel' ----
  // "Which channel should I post it in?"
  {
    category: 'follow-up',
    text: '#general',
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [] }, missing: 'channel' },
    tools: ['slack'],
    action: 'post',
  },
  {
    category: 'follow-up',
    text: 'uhh put it in product I think',
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [] }, missing: 'channel' },
    tools: ['slack'],
    action: 'post',
  },
  {
    category: 'follow-up',
    text: 'random. no actually, marketing',
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [] }, missing: 'channel' },
    tools: ['slack'],
    action: 'post',
  },
  {
    category: 'follow-up',
    text: "scratch that, I don't wanna announce it yet",
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [] }, missing: 'channel' },
    tools: [],
    action: 'unknown',
  },
  {
    category: 'follow-up',
    text: 'oh wait, before that, any emails from the bank this morning?',
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [] }, missing: 'channel' },
    tools: ['gmail'],
    action: 'read',
  },

  // ---- pending: missing 'subject' ----
  // "What should the subject be?"
  {
    category: 'follow-up',
    text: 'Q3 renewal',
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Maya'], emails: ['maya@acme.com'] }, missing: 'subject' },
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'follow-up',
    text: 'oh just call it "quick question", thanks',
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Dana'], emails: ['dana@northwind.io'] }, missing: 'subject' },
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'follow-up',
    text: 'friday plans, no, make it weekend plans',
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Jordan'], emails: ['jordan@example.com'] }, missing: 'subject' },
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'follow-up',
    text: "ugh forget about it, I'll write that email myself tonight",
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Sam'], emails: ['sam@example.com'] }, missing: 'subject' },
    tools: [],
    action: 'unknown',
  },

  // ---- pending: missing 'person' (with candidates) ----
  // "Which Sam: Sam Patel or Sam Rivera?"
  {
    category: 'follow-up',
    text: 'patel',
    pending: {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['Sam'], emails: [], operation: 'create' },
      missing: 'person',
      candidates: [
        { name: 'Sam Patel', email: 'sam@example.com' },
        { name: 'Sam Rivera', email: 'sam.rivera@northwind.io' },
      ],
    },
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'follow-up',
    text: 'the one from northwind, thanks',
    pending: {
      tools: ['gmail'],
      action: 'send',
      entities: { people: ['Sam'], emails: [] },
      missing: 'person',
      candidates: [
        { name: 'Sam Patel', email: 'sam@example.com' },
        { name: 'Sam Rivera', email: 'sam.rivera@northwind.io' },
      ],
    },
    tools: ['gmail'],
    action: 'send',
  },
  // "Which Maya: Maya Chen or Maya Lopez?"
  {
    category: 'follow-up',
    text: 'maya chen.. no wait, lopez, the designer',
    pending: {
      tools: ['slack'],
      action: 'post',
      entities: { people: ['Maya'], emails: [] },
      missing: 'person',
      candidates: [
        { name: 'Maya Chen', email: 'maya@acme.com' },
        { name: 'Maya Lopez', email: 'maya.lopez@example.com' },
      ],
    },
    tools: ['slack'],
    action: 'post',
  },
  // "Which Jordan: Jordan Kim or Jordan Blake?"
  {
    category: 'follow-up',
    text: "never mind, I'll just set it up from my phone",
    pending: {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['Jordan'], emails: [], operation: 'create' },
      missing: 'person',
      candidates: [
        { name: 'Jordan Kim', email: 'jordan@example.com' },
        { name: 'Jordan Blake', email: 'jblake@acme.com' },
      ],
    },
    tools: [],
    action: 'unknown',
  },
  // "Which Priya: Priya Raman or Priya Shah?"
  {
    category: 'follow-up',
    text: 'hmm, actually catch me up on slack first',
    pending: {
      tools: ['gmail'],
      action: 'send',
      entities: { people: ['Priya'], emails: [] },
      missing: 'person',
      candidates: [
        { name: 'Priya Raman', email: 'priya@example.com' },
        { name: 'Priya Shah', email: 'priya.shah@northwind.io' },
      ],
    },
    tools: ['slack'],
    action: 'summarize',
    entities: { chat_scope: 'catch_up' },
  },
  // "Which Dana: Dana Whitfield or Dana Ortiz?"
  {
    category: 'follow-up',
    text: 'um, whitfield, the northwind one',
    pending: {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['Dana'], emails: [], operation: 'create', duration_minutes: 60 },
      missing: 'person',
      candidates: [
        { name: 'Dana Whitfield', email: 'dana@northwind.io' },
        { name: 'Dana Ortiz', email: 'dana.ortiz@example.com' },
      ],
    },
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'follow-up',
    text: 'Sam Patel please',
    pending: {
      tools: ['slack'],
      action: 'post',
      entities: { people: ['Sam'], emails: [] },
      missing: 'person',
      candidates: [
        { name: 'Sam Patel', email: 'sam@example.com' },
        { name: 'Sam Rivera', email: 'sam.rivera@northwind.io' },
      ],
    },
    tools: ['slack'],
    action: 'post',
  },

  // ---- standalone requests ----
  { category: 'calendar-read', text: 'what does my afternoon look like', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'am i free thursday around lunch?', tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-create',
    text: 'can you set up a half hour with priya tomorrow afternoon',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-change',
    text: "cancel my 4 o'clock today",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: 'decline the vendor demo invite on friday',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  { category: 'mail-read', text: 'hey, any new emails from my landlord?', tools: ['gmail'], action: 'read' },
  { category: 'mail-understand', text: 'give me the gist of the last email from dana', tools: ['gmail'], action: 'summarize' },
  {
    category: 'mail-understand',
    text: "who's been emailing me the most this week",
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'top_senders' },
  },
  {
    category: 'mail-write',
    text: "reply all on the budget thread and say I'm in",
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  {
    category: 'mail-write',
    text: 'forward the flight confirmation to maya',
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'mail-write',
    text: "write up a note to legal about the NDA changes but don't send it yet",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: 'email jordan and ask whether the budget review is still on for monday',
    tools: ['gmail'],
    action: 'send',
  },
  { category: 'slack-read', text: 'anything new in #design?', tools: ['slack'], action: 'read', entities: { channel: 'design' } },
  { category: 'slack-read', text: 'do I have any unread DMs', tools: ['slack'], action: 'read', entities: { chat_scope: 'dm' } },
  { category: 'slack-write', text: 'ping sam and tell him the build is green', tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: 'post in #general that the office is closed friday',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'general' },
  },
  { category: 'multi', text: 'catch me up on my inbox and slack from yesterday', tools: ['gmail', 'slack'], action: 'summarize' },
  { category: 'multi', text: 'did maya send me anything this morning', tools: ['gmail', 'slack'], action: 'read' },
  {
    category: 'remember',
    text: 'remember that Jordan handles the Acme account',
    tools: [],
    action: 'unknown',
    entities: { remember: 'Jordan handles the Acme account' },
  },
  { category: 'other', text: "thanks, that's all for now", tools: [], action: 'unknown' },
];
