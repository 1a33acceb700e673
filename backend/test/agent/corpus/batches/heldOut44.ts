import type { CorpusCase } from '../types.js';

/** A power user who packs constraints and detail into single requests, with plain one-liners in between: calendar
 *  reads and every change operation, all kinds of mail, Slack reads/search/posts/thread replies, multi-service reads
 *  and two-turn follow-ups. */
export const HELD_OUT_44: CorpusCase[] = [
  // calendar reads
  { category: 'calendar-read', text: "what's on thursday afternoon between 1 and 5", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'am I free friday at 3 for like an hour?', tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-read',
    text: "when's my next 1:1 with priya, and is it still on zoom or in person",
    tools: ['calendar'],
    action: 'read',
  },
  { category: 'calendar-read', text: 'do i have any gaps longer than 45 min on monday before noon?', tools: ['calendar'], action: 'read' },

  // calendar create
  {
    category: 'calendar-create',
    text: 'find 45 minutes next week with sam and priya, not before 10 and not on friday',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'block 2 to 4 tomorrow for deep work and mark me as busy',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'set up a 30 min call with dana thursday at 11, call it "NDA review", and add a meet link',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'put lunch with maya on the calendar for friday 12:30',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'Book a recurring standup with Jordan every weekday at 9:15, fifteen minutes, starting next Monday',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },

  // calendar changes
  {
    category: 'calendar-change',
    text: 'push my 2pm with sam to 4, same length',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: "move tomorrow's design review to friday morning, whenever everyone's free before 11",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: "clear everything on my calendar friday after 3, i'm heading out early",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: 'delete the "hold" placeholder I put in for tuesday morning',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: "decline the offsite planning invite from jordan, I'm out that whole week",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  {
    category: 'calendar-change',
    text: 'say no to the 7am vendor call',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  {
    category: 'calendar-change',
    text: "accept maya's invite for the acme quarterly review",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },
  {
    category: 'calendar-change',
    text: 'rsvp yes to the all-hands on the 18th',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },

  // mail reads
  { category: 'mail-read', text: 'any emails from the bank in the last 3 days?', tools: ['gmail'], action: 'read' },
  {
    category: 'mail-read',
    text: 'check my email for the signed W-9 from the contractor, should be a pdf attachment',
    tools: ['gmail'],
    action: 'read',
  },
  {
    category: 'mail-read',
    text: 'find the email with the ups tracking number for the monitor I ordered',
    tools: ['gmail'],
    action: 'read',
  },
  { category: 'mail-read', text: 'unread emails from dana since monday, subject lines only', tools: ['gmail'], action: 'read' },

  // mail understanding
  {
    category: 'mail-understand',
    text: 'tl;dr of the long thread with legal about the MSA redlines',
    tools: ['gmail'],
    action: 'summarize',
  },
  {
    category: 'mail-understand',
    text: 'summarize my unread email from this morning, skip newsletters and receipts',
    tools: ['gmail'],
    action: 'summarize',
  },
  {
    category: 'mail-understand',
    text: "give me the short version of jordan's email about the q3 budget",
    tools: ['gmail'],
    action: 'summarize',
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
    text: 'did priya ever reply to my email about the vendor contract?',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },

  // mail writes
  {
    category: 'mail-write',
    text: 'email jordan that the q3 numbers are final and ask him to get me the deck by friday noon',
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'mail-write',
    text: "reply to dana's email about the nda: we're fine with the changes to section 4 but the term needs to be 2 years, not 3",
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'mail-write',
    text: 'reply all on the offsite thread and say I can do either date but prefer the 24th',
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  {
    category: 'mail-write',
    text: 'forward the last two invoices from acme to finance with a note saying these are approved',
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'mail-write',
    text: "pass maya's contract email along to legal and ask them to sign off by thursday",
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'mail-write',
    text: "draft a follow-up to the acme folks about pricing, keep it under 5 sentences, and don't send it, I want to look first",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: "write up a reply to sam's offer email accepting the july 7 start date but leave it in drafts",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: "draft a forward of my travel itinerary to priya, don't send it yet",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true, forward: true },
  },
  { category: 'mail-write', text: "let priya know i'm running 10 late to our 1:1", tools: ['gmail'], action: 'send' },

  // slack reads
  { category: 'slack-read', text: "what's new in #eng since yesterday", tools: ['slack'], action: 'read', entities: { channel: 'eng' } },
  {
    category: 'slack-read',
    text: 'catch me up on #support and #eng since monday, skip the bot noise',
    tools: ['slack'],
    action: 'summarize',
  },
  {
    category: 'slack-read',
    text: 'search slack for anything about the staging outage last week',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  {
    category: 'slack-read',
    text: 'did anyone bring up the acme renewal in slack?',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  { category: 'slack-read', text: "any slack DMs I haven't answered?", tools: ['slack'], action: 'read', entities: { chat_scope: 'dm' } },
  {
    category: 'slack-read',
    text: 'what did I miss on slack this morning',
    tools: ['slack'],
    action: 'summarize',
    entities: { chat_scope: 'catch_up' },
  },

  // slack writes
  {
    category: 'slack-write',
    text: 'post in #eng: deploy freeze starts friday 5pm, no merges to main after that without a +1 from me',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'eng' },
  },
  { category: 'slack-write', text: "ping jordan on slack and ask if the pr's ready for review", tools: ['slack'], action: 'post' },
  { category: 'slack-write', text: 'dm sam the figma link for the onboarding flow', tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: "reply in the outage thread in #support saying we've rolled back and are monitoring",
    tools: ['slack'],
    action: 'reply',
  },
  {
    category: 'slack-write',
    text: 'in the #design thread about the new logo, reply that I like option b but the wordmark feels heavy',
    tools: ['slack'],
    action: 'reply',
  },

  // multi-service reads
  {
    category: 'multi',
    text: 'anything from maya about the acme numbers yet? email or slack, whichever',
    tools: ['gmail', 'slack'],
    action: 'read',
  },
  { category: 'multi', text: "what's jordan been saying about the budget lately", tools: ['gmail', 'slack'], action: 'read' },
  {
    category: 'multi',
    text: 'catch me up on email and slack since yesterday afternoon, just the stuff that actually needs me',
    tools: ['gmail', 'slack'],
    action: 'summarize',
  },
  {
    category: 'multi',
    text: 'check my calendar and inbox for anything about the acme offsite',
    tools: ['gmail', 'calendar'],
    action: 'read',
  },
  {
    category: 'multi',
    text: 'look through slack and my email for the latest on the hiring plan',
    tools: ['gmail', 'slack'],
    action: 'read',
  },

  // follow-ups
  {
    category: 'follow-up',
    text: 'push the design review to 3:30 and keep it 45 min',
    history: [
      { role: 'user', text: "what's on tomorrow" },
      { role: 'assistant', text: 'Tomorrow you have standup at 10am, a design review with Priya at 1pm, and a 1:1 with Sam at 4pm.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'follow-up',
    text: "forward the first one to finance and say it's approved",
    history: [
      { role: 'user', text: 'show me my latest emails' },
      { role: 'assistant', text: '1. Maya Chen: Acme invoice #4471. 2. Dana Whitfield: NDA redlines. 3. Jordan Kim: Q3 budget.' },
    ],
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'follow-up',
    text: 'write back that thursday works, 2pm her time',
    history: [
      { role: 'user', text: 'anything new from dana in my inbox?' },
      { role: 'assistant', text: 'Dana emailed at 8:12 asking whether Thursday works to sign the NDA.' },
    ],
    tools: ['gmail'],
    action: 'reply',
  },
  // The assistant asked "Which channel should I post that in?"
  {
    category: 'follow-up',
    text: '#product',
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [] }, missing: 'channel' },
    tools: ['slack'],
    action: 'post',
  },
  // The assistant asked "When should the meeting with Sam and Priya be?"
  {
    category: 'follow-up',
    text: 'tuesday afternoon, anytime after 2',
    pending: {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['Sam', 'Priya'], emails: ['sam@example.com', 'priya@example.com'], operation: 'create', duration_minutes: 45 },
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

  // memory and other
  {
    category: 'remember',
    text: 'remember that the acme account lead is maya',
    tools: [],
    action: 'unknown',
    entities: { remember: 'the acme account lead is maya' },
  },
  {
    category: 'remember',
    text: 'forget that jordan is on the design team',
    tools: [],
    action: 'unknown',
    entities: { forget: 'jordan is on the design team' },
  },
  { category: 'other', text: "thanks, that's perfect", tools: [], action: 'unknown' },
];
