import type { CorpusCase } from '../types.js';

/** A warm, chatty non-profit program coordinator (volunteers, donors, grant reports, community events, the board,
 * a small team Slack with #volunteers, #events, #general): calendar, mail, Slack, a few multi-service asks and follow-ups. */
export const HELD_OUT_48: CorpusCase[] = [
  // ---- calendar: reads, free time, conflicts ----
  {
    category: 'calendar-read',
    text: "morning! ok so what does my thursday look like, I have a feeling it's packed",
    tools: ['calendar'],
    action: 'read',
  },
  {
    category: 'calendar-read',
    text: "hmm, I'm thinking about popping over to the food bank friday afternoon... am I free then?",
    tools: ['calendar'],
    action: 'read',
  },
  {
    category: 'calendar-read',
    text: 'does the board meeting next tuesday overlap with anything else I have going on',
    tools: ['calendar'],
    action: 'read',
  },
  { category: 'calendar-read', text: "when's the next volunteer orientation on my calendar?", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'do i have like an hour gap anywhere on monday', tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-read',
    text: "what's on my schedule for gala weekend, the 21st and 22nd? I want to make sure I didn't double book myself",
    tools: ['calendar'],
    action: 'read',
  },
  // ---- calendar: create ----
  {
    category: 'calendar-create',
    text: 'can you put the donor appreciation lunch on my calendar for june 27th at noon, two hours',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'set up a call with priya tomorrow at 2 so we can go over the grant report',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'so jordan and I really need to plan the park cleanup... find us 45 minutes sometime next week and book it?',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'Block off friday morning for writing the foundation grant. no meetings please!!',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'oh, and add a board prep meeting with sam and dana on monday at 10am',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  // ---- calendar: changes ----
  {
    category: 'calendar-change',
    text: 'ugh, the volunteer training got bumped. can you move it from this thursday to next thursday, same time',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: 'push my 1:1 with maya to 3:30',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: 'could we bring the events committee sync forward to 9 tomorrow instead of 11? folks want to start earlier',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: 'cancel the venue site visit on friday, that place fell through unfortunately',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: 'please drop the coffee with the rotary club folks from my calendar',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: "decline the webinar invite from the county arts council, I just can't swing it this month",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  {
    category: 'calendar-change',
    text: "go ahead and accept dana's invite for the partnership check-in",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },

  // ---- mail: reads ----
  { category: 'mail-read', text: 'any emails from the community foundation about our application?', tools: ['gmail'], action: 'read' },
  {
    category: 'mail-read',
    text: 'did the check from the Henderson family fund come through? there should be an email about it',
    tools: ['gmail'],
    action: 'read',
  },
  { category: 'mail-read', text: "um, find the email with the caterer's quote for the gala", tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: "what's in my inbox this morning", tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'is there anything in my email from maya about the sponsorship tier?', tools: ['gmail'], action: 'read' },
  // ---- mail: understanding ----
  {
    category: 'mail-understand',
    text: 'can you sum up that looong email thread about the volunteer waiver policy',
    tools: ['gmail'],
    action: 'summarize',
  },
  { category: 'mail-understand', text: "tl;dr of priya's email on the budget variance?", tools: ['gmail'], action: 'summarize' },
  {
    category: 'mail-understand',
    text: "who's been emailing me the most this week? it feels like a LOT",
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'top_senders' },
  },
  {
    category: 'mail-understand',
    text: 'did sam ever get back to me about the van rental',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  {
    category: 'mail-understand',
    text: "has the mayor's office replied to my email inviting them to the gala yet?",
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  // ---- mail: writes ----
  { category: 'mail-write', text: 'email jordan and ask if he can bring the folding tables on saturday', tools: ['gmail'], action: 'send' },
  { category: 'mail-write', text: 'let dana know the grant report is going to be a day late, so sorry', tools: ['gmail'], action: 'send' },
  {
    category: 'mail-write',
    text: "send maya at acme a thank-you email for the sponsorship, make it warm, they've been amazing",
    tools: ['gmail'],
    action: 'send',
  },
  { category: 'mail-write', text: "reply to priya's email and tell her the numbers look good to me", tools: ['gmail'], action: 'reply' },
  {
    category: 'mail-write',
    text: "reply all on the gala logistics thread and say we're confirmed for 6pm setup",
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  {
    category: 'mail-write',
    text: "forward the caterer's quote to sam please",
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'mail-write',
    text: "draft an email to the board about the q2 numbers but don't send it yet, I want to look it over first",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: 'can you forward the volunteer survey results to jordan, but keep it in drafts for now',
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true, forward: true },
  },
  {
    category: 'mail-write',
    text: 'write a reply to the program officer at the foundation thanking them for the extension, and just leave it in drafts',
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: 'shoot an email to the parks department asking what permit dates they have for the september cleanup',
    tools: ['gmail'],
    action: 'send',
  },

  // ---- slack: reads ----
  { category: 'slack-read', text: "what's new in #volunteers", tools: ['slack'], action: 'read', entities: { channel: 'volunteers' } },
  {
    category: 'slack-read',
    text: 'anything going on in the events channel?',
    tools: ['slack'],
    action: 'read',
    entities: { channel: 'events' },
  },
  {
    category: 'slack-read',
    text: 'did anybody mention the t-shirt order on slack? I lost track of it',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  {
    category: 'slack-read',
    text: 'catch me up on slack, I was out at the school fair all day yesterday',
    tools: ['slack'],
    action: 'summarize',
    entities: { chat_scope: 'catch_up' },
  },
  { category: 'slack-read', text: 'do i have any slack DMs', tools: ['slack'], action: 'read', entities: { chat_scope: 'dm' } },
  {
    category: 'slack-read',
    text: 'give me the short version of #general from this week',
    tools: ['slack'],
    action: 'summarize',
    entities: { channel: 'general' },
  },
  // ---- slack: writes ----
  {
    category: 'slack-write',
    text: "post in #volunteers that saturday's shift starts at 8, not 9",
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'volunteers' },
  },
  { category: 'slack-write', text: "ping sam on slack and ask if the banner's been printed", tools: ['slack'], action: 'post' },
  { category: 'slack-write', text: 'slack priya the link to the budget sheet', tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: 'message the #events channel: reminder, gala walkthrough today at 4!',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'events' },
  },
  {
    category: 'slack-write',
    text: "reply in the parking thread in #events and say we've got the church lot",
    tools: ['slack'],
    action: 'reply',
    entities: { channel: 'events' },
  },
  {
    category: 'slack-write',
    text: 'hey can you DM jordan and tell him thanks so much for covering for me yesterday',
    tools: ['slack'],
    action: 'post',
  },

  // ---- multi-service ----
  {
    category: 'multi',
    text: 'check my calendar and my email for anything about the board retreat',
    tools: ['gmail', 'calendar'],
    action: 'read',
  },
  { category: 'multi', text: 'has priya sent me anything today?', tools: ['gmail', 'slack'], action: 'read' },
  {
    category: 'multi',
    text: 'what did I miss on slack and email while I was at the food drive',
    tools: ['gmail', 'slack'],
    action: 'summarize',
  },
  { category: 'multi', text: 'what did jordan end up saying about the volunteer shirts', tools: ['gmail', 'slack'], action: 'read' },

  // ---- follow-ups ----
  {
    category: 'follow-up',
    text: "oh lovely, reply to the first one and say we'd be thrilled, I'll send the forms over",
    history: [
      { role: 'user', text: 'any new emails from donors?' },
      {
        role: 'assistant',
        text: '1. Linda Ortiz about a matching gift. 2. Tom from the Greenway Foundation about a site visit. 3. The Hendersons about their annual pledge.',
      },
    ],
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'follow-up',
    text: 'cancel the one with maya',
    history: [
      { role: 'user', text: "what's on friday" },
      { role: 'assistant', text: 'Friday you have the volunteer orientation at 10am and a call with Maya Chen at 2pm.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  // The assistant asked "What should the email to Sam say?"
  {
    category: 'follow-up',
    text: "that the van's booked for saturday, pickup at 7",
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Sam'], emails: ['sam@example.com'] }, missing: 'message' },
    tools: ['gmail'],
    action: 'send',
  },
  // The assistant asked "When should the meeting with Priya be?"
  {
    category: 'follow-up',
    text: "hmm let's say thursday at 3:30",
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
    text: 'put it in #events',
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [] }, missing: 'channel' },
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'events' },
  },
  // The assistant asked "What should the email to Dana say?"
  {
    category: 'follow-up',
    text: "actually never mind, I'll just call her",
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Dana'], emails: ['dana@northwind.io'] }, missing: 'message' },
    tools: [],
    action: 'unknown',
  },
];
