import type { CorpusCase } from '../types.js';

/** A product tester on day one, deliberately sweeping the breadth of what the assistant should handle: every calendar
 *  and mail operation, Slack reads and writes, cross-service reads, memory, and things that are not requests at all. */
export const HELD_OUT_31: CorpusCase[] = [
  // ── calendar reads (free time, conflicts, next meeting) ──
  { category: 'calendar-read', text: "hey, what's my day look like", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'am I free thursday afternoon? anytime after 2 is fine', tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-read',
    text: 'I think I double-booked myself on friday, can you check if anything clashes',
    tools: ['calendar'],
    action: 'read',
  },
  { category: 'calendar-read', text: "when's my next meeting with priya", tools: ['calendar'], action: 'read' },

  // ── calendar create ──
  {
    category: 'calendar-create',
    text: 'book a 30 min call with Jordan tomorrow at 11',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'put the dentist on my calendar june 19th, 8:15am',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'Block off Friday 1 to 4 for focus time please',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'um find an hour next week when sam and priya are both around and set up a planning session',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },

  // ── calendar changes: move / cancel / decline / accept ──
  {
    category: 'calendar-change',
    text: 'bump my 1:1 with sam to 3:30',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: "can we shift tomorrow's standup half an hour later?",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: 'slide the budget review over to next thursday, same time',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: 'call off the team lunch on friday',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  { category: 'calendar-change', text: 'nix my 4pm today', tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel' } },
  {
    category: 'calendar-change',
    text: "bin the design crit on monday, nobody's ready for it",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: 'decline the vendor demo invite for thursday',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  {
    category: 'calendar-change',
    text: "RSVP yes to Priya's roadmap review",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },
  {
    category: 'calendar-change',
    text: 'go ahead and accept the acme kickoff next tuesday',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },

  // ── mail reads ──
  { category: 'mail-read', text: 'anything new in my inbox?', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'did the invoice from northwind come through yet', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'find that email from my landlord about renewing the lease', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'Show me the emails from the Acme folks this week', tools: ['gmail'], action: 'read' },

  // ── mail understanding ──
  {
    category: 'mail-understand',
    text: 'give me the gist of the email thread with legal about the NDA',
    tools: ['gmail'],
    action: 'summarize',
  },
  { category: 'mail-understand', text: 'tl;dr that long email chain from sam re q3 planning', tools: ['gmail'], action: 'summarize' },
  {
    category: 'mail-understand',
    text: "who's been emailing me the most this week",
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'top_senders' },
  },
  {
    category: 'mail-understand',
    text: 'did jordan ever get back to me about the contract?',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  {
    category: 'mail-understand',
    text: 'Has Maya replied to my pricing email yet',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },

  // ── mail writes ──
  { category: 'mail-write', text: "reply to dana's email and say thursday works for the walkthrough", tools: ['gmail'], action: 'reply' },
  {
    category: 'mail-write',
    text: "reply all on the budget email thread: I'm fine with the numbers, let's ship it",
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  { category: 'mail-write', text: 'forward the acme quote to priya', tools: ['gmail'], action: 'send', entities: { forward: true } },
  {
    category: 'mail-write',
    text: "could you pass sam's email about the offsite along to jordan",
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'mail-write',
    text: "draft an email to my manager asking for friday off, but don't send it yet",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: 'write a reply to maya about the renewal and just leave it in my drafts',
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  { category: 'mail-write', text: "email jordan and ask if he's still ok to present on monday", tools: ['gmail'], action: 'send' },
  {
    category: 'mail-write',
    text: "send a new email to dana@northwind.io with the subject 'contract redlines' saying I'll have them by end of day",
    tools: ['gmail'],
    action: 'send',
  },

  // ── slack reads ──
  { category: 'slack-read', text: "what's going on in #eng", tools: ['slack'], action: 'read', entities: { channel: 'eng' } },
  {
    category: 'slack-read',
    text: 'read me the latest from the deals channel',
    tools: ['slack'],
    action: 'read',
    entities: { channel: 'deals' },
  },
  {
    category: 'slack-read',
    text: 'search slack for anything about the outage last night',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  {
    category: 'slack-read',
    text: 'quick one: catch me up on slack',
    tools: ['slack'],
    action: 'summarize',
    entities: { chat_scope: 'catch_up' },
  },
  {
    category: 'slack-read',
    text: 'did anybody DM me on slack this morning',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'dm' },
  },

  // ── slack writes ──
  {
    category: 'slack-write',
    text: 'post in #general that the office is closed friday',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'general' },
  },
  { category: 'slack-write', text: 'ping jordan and ask if the PR is ready for review', tools: ['slack'], action: 'post' },
  { category: 'slack-write', text: 'DM maya on slack the figma link for the new onboarding flow', tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: 'drop a message in the design channel: new mocks are up, feedback by thursday pls',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'design' },
  },
  {
    category: 'slack-write',
    text: "in #support, reply in the thread under sam's message and say the fix is live in 2.3.1",
    tools: ['slack'],
    action: 'reply',
    entities: { channel: 'support' },
  },

  // ── cross-service ──
  { category: 'multi', text: 'has priya sent me anything today?', tools: ['gmail', 'slack'], action: 'read' },
  { category: 'multi', text: 'I was out yesterday, what did I miss on email and slack', tools: ['gmail', 'slack'], action: 'summarize' },
  {
    category: 'multi',
    text: 'check my calendar and my inbox for anything about the acme renewal',
    tools: ['calendar', 'gmail'],
    action: 'read',
  },

  // ── memory ──
  {
    category: 'remember',
    text: "remember that my landlord's name is Greg Olsen",
    tools: [],
    action: 'unknown',
    entities: { remember: "my landlord's name is Greg Olsen" },
  },
  {
    category: 'remember',
    text: 'please remember I prefer meetings after 10am',
    tools: [],
    action: 'unknown',
    entities: { remember: 'I prefer meetings after 10am' },
  },
  {
    category: 'remember',
    text: 'forget that jordan is on the design team',
    tools: [],
    action: 'unknown',
    entities: { forget: 'jordan is on the design team' },
  },

  // ── not requests / out of scope ──
  { category: 'other', text: 'ugh. long day today', tools: [], action: 'unknown' },
  { category: 'other', text: "thanks, that's everything for now", tools: [], action: 'unknown' },
  { category: 'other', text: "what's the capital of australia", tools: [], action: 'unknown' },
  { category: 'other', text: 'play some lo-fi on spotify', tools: [], action: 'unknown' },

  // ── two-turn follow-ups ──
  {
    category: 'follow-up',
    text: 'scrap the 3pm one',
    history: [
      { role: 'user', text: "what's on tomorrow" },
      { role: 'assistant', text: 'Tomorrow you have standup at 9:30, lunch with Maya at 12, and a vendor call at 3pm.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'follow-up',
    text: 'forward the dana one to jordan',
    history: [
      { role: 'user', text: 'read me my latest emails' },
      { role: 'assistant', text: '1. Dana Whitfield about the NDA. 2. Sam Patel about the offsite. 3. Your bank about a statement.' },
    ],
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'follow-up',
    text: 'ok write back and tell her tuesday at 2 works',
    history: [
      { role: 'user', text: 'any email from dana?' },
      { role: 'assistant', text: 'Dana Whitfield wrote this morning asking when you can do the contract walkthrough next week.' },
    ],
    tools: ['gmail'],
    action: 'reply',
  },
  // The assistant asked "What should the email to Maya say?"
  {
    category: 'follow-up',
    text: "that the contract's signed and I'll send the copy over tonight",
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Maya'], emails: ['maya@acme.com'] }, missing: 'message' },
    tools: ['gmail'],
    action: 'send',
  },
  // The assistant asked "Which channel should I post that in?"
  {
    category: 'follow-up',
    text: 'marketing',
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [] }, missing: 'channel' },
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'marketing' },
  },
  // The assistant asked "When should the meeting with Sam be?" and the person drops it.
  {
    category: 'follow-up',
    text: "nah, scratch that, don't bother",
    pending: {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['Sam'], emails: ['sam@example.com'], operation: 'create' },
      missing: 'start',
    },
    tools: [],
    action: 'unknown',
  },
];
