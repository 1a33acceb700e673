import type { CorpusCase } from '../types.js';

/** A project manager at an events/construction company, often on site: site visits, supplier quotes and delivery
 * emails, client walkthroughs, permits, and crew coordination on Slack (#site-ops, #logistics, #general). */
export const HELD_OUT_40: CorpusCase[] = [
  // ── calendar: reads, free time, conflicts ──
  { category: 'calendar-read', text: "sorry, loud here — what's on my calendar tomorrow?", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'am I free thursday at 2 for a site walk', tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-read',
    text: 'does anything clash with the fire marshal inspection friday morning?',
    tools: ['calendar'],
    action: 'read',
  },
  { category: 'calendar-read', text: "when's my next walkthrough with maya", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'how much open time have I got monday afternoon', tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-read',
    text: 'quick one: is the crane delivery still on my calendar for the 17th?',
    tools: ['calendar'],
    action: 'read',
  },

  // ── calendar: create ──
  {
    category: 'calendar-create',
    text: 'put a site visit at 1400 Harbor Blvd on my calendar tomorrow at 8am, two hours',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'book 45 minutes with jordan on friday to go over the rigging quote',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'block off next tuesday 9 to noon, I have to be at the permit office',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: "um find half an hour with sam and priya sometime this week and set it up, it's about the staging crew",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'set up a client walkthrough with Dana at the venue on the 19th at 3pm',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },

  // ── calendar: changes ──
  {
    category: 'calendar-change',
    text: "push the 11 o'clock supplier call to 1:30",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: "move friday's crew briefing to monday, same time",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: 'cancel the tent vendor meeting on thursday, they pulled out',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: "decline the budget review invite from finance — I'm on site all day",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  {
    category: 'calendar-change',
    text: "accept maya's invite for the load-in rehearsal",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },
  {
    category: 'calendar-change',
    text: 'hey can you bring the electrician walkthrough forward to 7:30',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: 'drop the 4pm safety meeting today from my calendar',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },

  // ── mail: reads ──
  { category: 'mail-read', text: 'did the scaffolding quote from Brennan Supply come in yet', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'any emails from the city about the street closure permit?', tools: ['gmail'], action: 'read' },
  {
    category: 'mail-read',
    text: 'find the delivery confirmation email for the generator, the one with the tracking number',
    tools: ['gmail'],
    action: 'read',
  },
  { category: 'mail-read', text: 'anything new in my inbox since last night', tools: ['gmail'], action: 'read' },

  // ── mail: understanding ──
  {
    category: 'mail-understand',
    text: "who's been emailing me the most this week",
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'top_senders' },
  },
  {
    category: 'mail-understand',
    text: 'did priya ever get back to me about the rental invoice',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  {
    category: 'mail-understand',
    text: 'summarize the email from the venue about the load-in rules',
    tools: ['gmail'],
    action: 'summarize',
  },
  {
    category: 'mail-understand',
    text: 'give me the short version of the email thread with the Acme folks on the stage specs',
    tools: ['gmail'],
    action: 'summarize',
  },
  {
    category: 'mail-understand',
    text: 'has the lumber yard replied to my email about the delivery window?',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },

  // ── mail: writes ──
  {
    category: 'mail-write',
    text: 'email maya@acme.com that the stage build is on schedule for the 20th',
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'mail-write',
    text: 'shoot an email to sam asking for the updated crew headcount by friday',
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'mail-write',
    text: "let the landlord at 220 Mission St know we'll need the loading dock saturday from 6am",
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'mail-write',
    text: "reply to Brennan Supply's quote and tell them we accept the $14,200 figure",
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'mail-write',
    text: 'reply all on the permit thread saying the revised site plan is attached',
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  {
    category: 'mail-write',
    text: 'forward the electrical inspection report to jordan',
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'mail-write',
    text: "pass the caterer's delivery schedule email along to priya",
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'mail-write',
    text: "draft an email to the client about the two-day delay but don't send it yet, I want to read it first",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: 'write up a reply to dana about the change order and leave it in drafts',
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: 'draft a forward of the insurance certificate to the venue manager, keep it in my drafts',
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true, forward: true },
  },
  {
    category: 'mail-write',
    text: 'can you draft an email to the fencing supplier asking for a quote on 300 feet of crowd barrier',
    tools: ['gmail'],
    action: 'draft',
  },

  // ── slack: reads ──
  { category: 'slack-read', text: "what's new in #site-ops", tools: ['slack'], action: 'read', entities: { channel: 'site-ops' } },
  {
    category: 'slack-read',
    text: "sorry it's loud — anything posted in logistics on slack this morning?",
    tools: ['slack'],
    action: 'read',
    entities: { channel: 'logistics' },
  },
  { category: 'slack-read', text: 'check my slack DMs', tools: ['slack'], action: 'read', entities: { chat_scope: 'dm' } },
  {
    category: 'slack-read',
    text: 'search slack for the forklift rental',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  {
    category: 'slack-read',
    text: 'did anyone on slack mention the power drop at the north gate',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  { category: 'slack-read', text: 'catch me up on slack', tools: ['slack'], action: 'summarize', entities: { chat_scope: 'catch_up' } },
  {
    category: 'slack-read',
    text: 'tl;dr of #general from yesterday',
    tools: ['slack'],
    action: 'summarize',
    entities: { channel: 'general' },
  },

  // ── slack: writes ──
  {
    category: 'slack-write',
    text: 'post in #site-ops that crew call time tomorrow is 6:30 at the east lot',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'site-ops' },
  },
  { category: 'slack-write', text: 'ping jordan and ask if the rigging crew is confirmed for saturday', tools: ['slack'], action: 'post' },
  { category: 'slack-write', text: 'slack maya the link to the revised floor plan', tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: 'let #logistics know the truck from Coastal Rentals is running about 40 minutes late',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'logistics' },
  },
  {
    category: 'slack-write',
    text: "in the barricades thread in #site-ops, reply that we've got 40 more coming thursday",
    tools: ['slack'],
    action: 'reply',
  },

  // ── multi-service ──
  {
    category: 'multi',
    text: 'check my calendar and my email for anything about the fire inspection',
    tools: ['calendar', 'gmail'],
    action: 'read',
  },
  { category: 'multi', text: 'just got off site, catch me up on email and slack', tools: ['gmail', 'slack'], action: 'summarize' },
  { category: 'multi', text: 'has priya sent me anything today?', tools: ['gmail', 'slack'], action: 'read' },
  { category: 'multi', text: 'what did sam say about the crane permit', tools: ['gmail', 'slack'], action: 'read' },

  // ── follow-ups ──
  {
    category: 'follow-up',
    text: "ok reply and say we'll have the traffic control plan to them by friday",
    history: [
      { role: 'user', text: 'any emails from the permit office?' },
      { role: 'assistant', text: "Yes, one from City of LA Permits: 'Street closure permit #SC-4471 — additional info needed'." },
    ],
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'follow-up',
    text: 'cancel the crew briefing',
    history: [
      { role: 'user', text: "what's thursday look like" },
      { role: 'assistant', text: 'Thursday you have a site walk with Dana at 10am and a crew briefing at 2pm.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'follow-up',
    text: 'summarize the one from the rental company',
    history: [
      { role: 'user', text: 'read me my latest emails' },
      {
        role: 'assistant',
        text: '1. Coastal Rentals about the generator pickup. 2. Maya Chen about stage specs. 3. Brennan Supply with a revised quote.',
      },
    ],
    tools: ['gmail'],
    action: 'summarize',
  },
  // The assistant asked "What should the email to Sam say?"
  {
    category: 'follow-up',
    text: 'that the dumpster swap got moved to 7am',
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Sam'], emails: ['sam@example.com'] }, missing: 'message' },
    tools: ['gmail'],
    action: 'send',
  },
  // The assistant asked "When should the walkthrough with Maya be?"
  {
    category: 'follow-up',
    text: 'monday at 9, meet at the venue',
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
  // The assistant asked "What should the email to Jordan say?"
  {
    category: 'follow-up',
    text: "never mind, I'll just call him",
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Jordan'], emails: ['jordan@example.com'] }, missing: 'message' },
    tools: [],
    action: 'unknown',
  },
];
