import type { CorpusCase } from '../types.js';

/** A busy sales account executive dictating between calls: Acme and Northwind deals, renewals, quotes and contracts,
 *  calendar juggling, quick emails, #deals on Slack, a few two-turn follow-ups and some chit-chat. */
export const HELD_OUT_24: CorpusCase[] = [
  // calendar reads
  { category: 'calendar-read', text: 'whats my afternoon look like', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'am i free thursday around 2?', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: "when's the acme renewal call again", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'do i have anything before 10 tomorrow', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'how many meetings have i got friday', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'quick one, any gaps monday afternoon?', tools: ['calendar'], action: 'read' },

  // calendar creates
  {
    category: 'calendar-create',
    text: 'book 30 min with maya friday at 11, acme renewal',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'block 2 to 4 tomorrow for quote prep. no meetings',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'set up a call with Dana next tuesday morning re the northwind contract',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'um find an hour with sam and jordan sometime this week for pipeline review and get it on the calendar',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'put a reminder on my calendar friday 4pm to send the q3 forecast',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },

  // calendar changes
  { category: 'calendar-change', text: 'push my 3 oclock to 4', tools: ['calendar'], action: 'schedule', entities: { operation: 'move' } },
  {
    category: 'calendar-change',
    text: 'move the northwind QBR to next wednesday, same time',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: 'can you bring the acme pricing call forward to 1:30',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: 'cancel my 4:30 today, deal slipped',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: 'clear the internal forecast sync on friday off my calendar',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: "decline the offsite planning invite, i'm on the road all next week",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  {
    category: 'calendar-change',
    text: "accept maya's invite for the contract walkthrough",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },

  // mail reads
  { category: 'mail-read', text: 'any emails from northwind today', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'did the signed contract from acme hit my inbox yet', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'find the email with the revised quote for Northwind', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'show me my unread emails', tools: ['gmail'], action: 'read' },

  // mail understanding
  { category: 'mail-understand', text: "summarize maya's email about the renewal terms", tools: ['gmail'], action: 'summarize' },
  { category: 'mail-understand', text: 'gist of the acme procurement email chain pls', tools: ['gmail'], action: 'summarize' },
  { category: 'mail-understand', text: 'tl;dr my inbox this morning', tools: ['gmail'], action: 'summarize' },
  { category: 'mail-understand', text: 'hey catch me up on my email, been in calls all day', tools: ['gmail'], action: 'summarize' },
  {
    category: 'mail-understand',
    text: 'did dana ever reply to my email about pricing?',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  {
    category: 'mail-understand',
    text: 'has Maya responded to the quote email i sent monday',
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

  // mail writes
  {
    category: 'mail-write',
    text: 'reply to dana, tell her we can do 12% off if they sign by end of month',
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'mail-write',
    text: "write back to the acme procurement guy and say the PO number's coming tomorrow",
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'mail-write',
    text: 'reply all on the northwind contract thread, legal signed off',
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  {
    category: 'mail-write',
    text: "respond to everyone on maya's email that thursday works for the demo",
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  { category: 'mail-write', text: 'forward the acme quote to jordan', tools: ['gmail'], action: 'send', entities: { forward: true } },
  {
    category: 'mail-write',
    text: "pass dana's email about the pilot along to priya",
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  { category: 'mail-write', text: 'email sam and ask if the discount got approved', tools: ['gmail'], action: 'send' },
  {
    category: 'mail-write',
    text: "shoot maya an email saying the contract's on its way, should land today",
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'mail-write',
    text: "draft a renewal email to dana but don't send it, want to look it over first",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: 'write up a follow up to the Acme folks about the quote, leave it in drafts',
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: "draft a reply to jordan's email saying we need another week on the proposal. keep it unsent",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },

  // slack reads
  { category: 'slack-read', text: "what's new in #deals", tools: ['slack'], action: 'read', entities: { channel: 'deals' } },
  {
    category: 'slack-read',
    text: 'anything in the deals channel about northwind closing?',
    tools: ['slack'],
    action: 'read',
    entities: { channel: 'deals' },
  },
  { category: 'slack-read', text: 'catch me up on slack', tools: ['slack'], action: 'summarize', entities: { chat_scope: 'catch_up' } },
  { category: 'slack-read', text: 'any slack dms?', tools: ['slack'], action: 'read', entities: { chat_scope: 'dm' } },
  { category: 'slack-read', text: 'search slack for acme pricing', tools: ['slack'], action: 'read', entities: { chat_scope: 'search' } },
  { category: 'slack-read', text: "what'd i miss in #sales", tools: ['slack'], action: 'summarize', entities: { channel: 'sales' } },

  // slack writes
  {
    category: 'slack-write',
    text: 'post in #deals that northwind signed, 3 year deal 🎉',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'deals' },
  },
  { category: 'slack-write', text: 'ping jordan on slack, need an SE for the acme demo thursday', tools: ['slack'], action: 'post' },
  { category: 'slack-write', text: 'dm priya, can she approve the discount by eod', tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: "let everyone know in #general i'm ooo friday",
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'general' },
  },

  // follow-ups
  {
    category: 'follow-up',
    text: "reply to the first one, say we'll hold pricing till the 30th",
    history: [
      { role: 'user', text: 'any emails from acme' },
      { role: 'assistant', text: '1. Maya Chen about the renewal quote. 2. Acme Procurement about the PO.' },
    ],
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'follow-up',
    text: 'cancel the second one',
    history: [
      { role: 'user', text: "what's on friday" },
      { role: 'assistant', text: 'Friday you have the Northwind QBR at 10am and the Acme demo at 2pm.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'follow-up',
    text: 'forward that to priya',
    history: [
      { role: 'user', text: 'find the email from dana with the signed order form' },
      { role: 'assistant', text: 'Found it: Dana Whitfield, "Signed order form – Northwind", sent yesterday at 4:12pm.' },
    ],
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  // The assistant asked "What should the email to Maya say?"
  {
    category: 'follow-up',
    text: "that redlines are back and we're good to sign",
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Maya'], emails: ['maya@acme.com'] }, missing: 'message' },
    tools: ['gmail'],
    action: 'send',
  },
  // The assistant asked "When should the meeting with Dana be?"
  {
    category: 'follow-up',
    text: 'tues 10am',
    pending: {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['Dana'], emails: ['dana@northwind.io'], operation: 'create', duration_minutes: 30 },
      missing: 'start',
    },
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  // The assistant asked "What should I tell Sam on Slack?"
  {
    category: 'follow-up',
    text: 'the acme call moved to 3',
    pending: { tools: ['slack'], action: 'post', entities: { people: ['Sam'], emails: [] }, missing: 'message' },
    tools: ['slack'],
    action: 'post',
  },

  // remember / other
  {
    category: 'remember',
    text: 'remember that maya is the decision maker at acme',
    tools: [],
    action: 'unknown',
    entities: { remember: 'maya is the decision maker at acme' },
  },
  {
    category: 'remember',
    text: 'forget that dana prefers mornings',
    tools: [],
    action: 'unknown',
    entities: { forget: 'dana prefers mornings' },
  },
  { category: 'other', text: "thanks, that's all for now", tools: [], action: 'unknown' },
  { category: 'other', text: 'set a timer for 10 min', tools: [], action: 'unknown' },
];
