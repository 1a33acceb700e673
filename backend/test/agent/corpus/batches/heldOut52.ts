import type { CorpusCase } from '../types.js';

/** A personal trainer running a small gym business: client sessions and classes on the calendar, bookings and
 * invoices by email, and a staff Slack (#coaches, #frontdesk, #general). Calendar, mail, Slack, multi and follow-ups. */
export const HELD_OUT_52: CorpusCase[] = [
  // calendar reads / free-time questions
  { category: 'calendar-read', text: "yo what's tomorrow look like, how many sessions have I got", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'am I free at 6am friday? someone wants a PT slot', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'do i have any gaps saturday morning between classes', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: "when's my next session with jordan", tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-read',
    text: 'How packed is next week? like how many clients am I booked with',
    tools: ['calendar'],
    action: 'read',
  },
  { category: 'calendar-read', text: 'is the 5:30 spin class still on for tonight', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'any openings thursday arvo after 2?', tools: ['calendar'], action: 'read' },

  // calendar creates
  {
    category: 'calendar-create',
    text: 'book priya in for a PT session friday 7am, one hour',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'put a HIIT class on my calendar every tuesday at 6pm starting next week',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: "block 12 to 1 today for lunch and meal prep, I don't want anyone booking me then",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'hey can you find 45 minutes with sam next week to go over his nutrition plan and book it',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'set up a fitness assessment with Maya Chen monday at 10',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'add bootcamp in the park saturday 8 to 9am',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },

  // calendar changes
  {
    category: 'calendar-change',
    text: 'push my 4pm with dana to 5:30',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: "can you move tomorrow's boxing class to friday, same time",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: "bring jordan's session forward to 8 instead of 9",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: "cancel my 6am with sam tomorrow, he's tweaked his hamstring",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: "delete the thursday yoga cover from my calendar, I'm not subbing anymore",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: 'say no to the first aid refresher invite on sunday',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  {
    category: 'calendar-change',
    text: "RSVP yes to priya's invite for the wellness expo on the 21st",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },

  // mail reads
  { category: 'mail-read', text: 'any emails from jordan about paying for his 10 pack?', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'check if anyone emailed about booking a trial session this week', tools: ['gmail'], action: 'read' },
  {
    category: 'mail-read',
    text: "who's been emailing me the most this week",
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'top_senders' },
  },
  {
    category: 'mail-read',
    text: 'did maya ever get back to me about the corporate bootcamp quote',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  { category: 'mail-read', text: 'find the email with the gym insurance renewal', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'um any unread emails from new clients', tools: ['gmail'], action: 'read' },

  // mail summaries
  {
    category: 'mail-understand',
    text: 'sum up the email thread with dana about the team training package',
    tools: ['gmail'],
    action: 'summarize',
  },
  { category: 'mail-understand', text: 'gimme the tl;dr of my inbox this morning', tools: ['gmail'], action: 'summarize' },

  // mail writes
  {
    category: 'mail-write',
    text: "email sam that his invoice is ready, it's $320 for the month and due friday",
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'mail-write',
    text: "shoot priya an email letting her know saturday's class moved to the north field",
    tools: ['gmail'],
    action: 'send',
  },
  { category: 'mail-write', text: "let jordan know I'm running ten minutes late for our 11 o'clock", tools: ['gmail'], action: 'send' },
  {
    category: 'mail-write',
    text: "reply to dana's email and say wednesdays at 7 work great for the team sessions",
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'mail-write',
    text: "write back to the guy who asked about pricing, tell him it's 80 a session or 700 for ten",
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'mail-write',
    text: "reply all on the charity run thread and say I'm in for coaching the warm up!",
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  {
    category: 'mail-write',
    text: "forward maya's booking confirmation to priya",
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'mail-write',
    text: 'pass the invoice from the equipment supplier on to my accountant',
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'mail-write',
    text: "draft an email to my tuesday clients about the holiday schedule but don't send it yet, I wanna check it first",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: "write a reply to sam's email about cancelling his membership, just leave it in drafts",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },

  // slack reads
  { category: 'slack-read', text: "what's new in #coaches", tools: ['slack'], action: 'read', entities: { channel: 'coaches' } },
  {
    category: 'slack-read',
    text: 'catch me up on slack real quick',
    tools: ['slack'],
    action: 'summarize',
    entities: { chat_scope: 'catch_up' },
  },
  { category: 'slack-read', text: 'got any DMs on slack?', tools: ['slack'], action: 'read', entities: { chat_scope: 'dm' } },
  {
    category: 'slack-read',
    text: 'did anyone on slack mention the broken rower',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  {
    category: 'slack-read',
    text: 'summarize #frontdesk from yesterday',
    tools: ['slack'],
    action: 'summarize',
    entities: { channel: 'frontdesk' },
  },
  {
    category: 'slack-read',
    text: 'Anything happening in #general today?',
    tools: ['slack'],
    action: 'read',
    entities: { channel: 'general' },
  },

  // slack writes
  {
    category: 'slack-write',
    text: 'post in #coaches that I need someone to cover my 6pm spin on friday',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'coaches' },
  },
  { category: 'slack-write', text: 'ping jordan on slack and ask if he can open up saturday', tools: ['slack'], action: 'post' },
  { category: 'slack-write', text: 'text maya that the new kettlebells came in 💪', tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: 'tell #frontdesk the 7am bootcamp is full, no more walk-ins',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'frontdesk' },
  },
  {
    category: 'slack-write',
    text: 'reply in that slack thread about the weekend roster saying I can take the saturday shift',
    tools: ['slack'],
    action: 'reply',
  },
  { category: 'slack-write', text: 'slack sam the link to the new warm up video', tools: ['slack'], action: 'post' },

  // multi-service
  { category: 'multi', text: 'any messages from priya today?', tools: ['gmail', 'slack'], action: 'read' },
  { category: 'multi', text: "ugh been on the gym floor all morning, what'd I miss?", tools: ['gmail', 'slack'], action: 'summarize' },
  {
    category: 'multi',
    text: 'check my calendar and inbox for anything about the saturday bootcamp',
    tools: ['calendar', 'gmail'],
    action: 'read',
  },
  {
    category: 'multi',
    text: 'has dana said anything about the corporate package, email or slack',
    tools: ['gmail', 'slack'],
    action: 'read',
  },

  // follow-ups
  {
    category: 'follow-up',
    text: 'cancel the 4',
    history: [
      { role: 'user', text: "what's on tomorrow" },
      { role: 'assistant', text: 'Tomorrow you have a 6am PT session with Sam, the 9am HIIT class, and a 4pm session with Jordan.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'follow-up',
    text: 'sum up the first one',
    history: [
      { role: 'user', text: 'any new emails' },
      {
        role: 'assistant',
        text: '1. Maya Chen about a corporate bootcamp quote. 2. Priya Raman about rescheduling Friday. 3. Gym Supplies Co, invoice #2231.',
      },
    ],
    tools: ['gmail'],
    action: 'summarize',
  },
  {
    category: 'follow-up',
    text: 'tell her 7 works, no problem',
    history: [
      { role: 'user', text: 'read me the latest from dana' },
      { role: 'assistant', text: "Dana Whitfield wrote: 'Could we do the team sessions Wednesdays at 7am instead of 6?'" },
    ],
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'follow-up',
    text: "just that his june invoice is 280 and it's due end of the month",
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Jordan'], emails: ['jordan@example.com'] }, missing: 'message' },
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'follow-up',
    text: 'thursday 6:30am',
    pending: {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['Priya'], emails: ['priya@example.com'], operation: 'create', duration_minutes: 60 },
      missing: 'start',
    },
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'follow-up',
    text: 'nah never mind, skip it',
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [], channel: 'coaches' }, missing: 'message' },
    tools: [],
    action: 'unknown',
  },
];
