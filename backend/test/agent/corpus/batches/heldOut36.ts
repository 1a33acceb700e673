import type { CorpusCase } from '../types.js';

/** A consultant at a small law/advisory firm juggling clients, matters, engagement letters, invoices and filing
 * deadlines: calendar, mail, the firm's Slack (#matters, #billing, #general), a few mixed reads and follow-ups. */
export const HELD_OUT_36: CorpusCase[] = [
  // calendar: reads, free time, conflicts
  { category: 'calendar-read', text: "what's my calendar look like tomorrow morning", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'am I free friday at two for a client call?', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'does anything clash with the Brennan hearing thursday afternoon', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: "when's my next call with Maya Chen", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'Is there a free hour anywhere on Monday, comma, ideally in the morning', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'how many client meetings have I got this week', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'um what time is the internal review on the okafor matter', tools: ['calendar'], action: 'read' },
  // calendar: create
  { category: 'calendar-create', text: 'book a call with Dana Whitfield thursday at 10 to go over the engagement letter', tools: ['calendar'], action: 'schedule', entities: { operation: 'create' } },
  { category: 'calendar-create', text: 'block two hours friday morning for drafting the Keane motion, no interruptions', tools: ['calendar'], action: 'schedule', entities: { operation: 'create' } },
  { category: 'calendar-create', text: 'put the filing deadline for the Ridgeway appeal on my calendar for june 20th', tools: ['calendar'], action: 'schedule', entities: { operation: 'create' } },
  { category: 'calendar-create', text: 'find 45 minutes with jordan and priya early next week for the billing review and set it up', tools: ['calendar'], action: 'schedule', entities: { operation: 'create' } },
  { category: 'calendar-create', text: 'quick one: set up an internal review with sam tomorrow at 4, half an hour', tools: ['calendar'], action: 'schedule', entities: { operation: 'create' } },
  // calendar: changes
  { category: 'calendar-change', text: 'push the Okafor client call to next tuesday, same time', tools: ['calendar'], action: 'schedule', entities: { operation: 'move' } },
  { category: 'calendar-change', text: "cancel my 3 o'clock today, the client postponed", tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel' } },
  { category: 'calendar-change', text: "decline the partners' lunch invite on friday", tools: ['calendar'], action: 'schedule', entities: { operation: 'decline' } },
  { category: 'calendar-change', text: "accept maya's invite for the contract walkthrough", tools: ['calendar'], action: 'schedule', entities: { operation: 'accept' } },
  { category: 'calendar-change', text: 'can you bring my 1:1 with Priya forward to 11 instead of 2', tools: ['calendar'], action: 'schedule', entities: { operation: 'move' } },
  { category: 'calendar-change', text: "clear the strategy sync off thursday, it's not happening", tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel' } },

  // mail: reads
  { category: 'mail-read', text: 'any emails from the court clerk today?', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'has the signed engagement letter from northwind landed in my inbox yet', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'find the email with the wire instructions for the Pell settlement', tools: ['gmail'], action: 'read' },
  // mail: understanding
  { category: 'mail-understand', text: 'summarize the email thread with opposing counsel about the discovery schedule', tools: ['gmail'], action: 'summarize' },
  { category: 'mail-understand', text: "gimme the short version of maya's last email", tools: ['gmail'], action: 'summarize' },
  { category: 'mail-understand', text: "what's the gist of that long email from the Acme folks about the indemnity clause", tools: ['gmail'], action: 'summarize' },
  { category: 'mail-understand', text: "who's emailed me the most this week", tools: ['gmail'], action: 'read', entities: { analysis: 'top_senders' } },
  { category: 'mail-understand', text: 'did sam ever get back to me about the retainer invoice', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply' } },
  { category: 'mail-understand', text: 'has opposing counsel replied to my email from monday?', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply' } },
  // mail: writes
  { category: 'mail-write', text: 'email jordan and let him know the final Keane invoice is due in 30 days', tools: ['gmail'], action: 'send' },
  { category: 'mail-write', text: 'send Priya a quick note saying the filing went in this morning full stop thanks', tools: ['gmail'], action: 'send' },
  { category: 'mail-write', text: 'ask priya whether the conflict check on the new client has cleared', tools: ['gmail'], action: 'send' },
  { category: 'mail-write', text: 'reply to dana and tell her thursday at ten works for signing', tools: ['gmail'], action: 'reply' },
  { category: 'mail-write', text: "reply all on the Hollis thread and confirm we'll have the redlines by friday", tools: ['gmail'], action: 'reply', entities: { reply_all: true } },
  { category: 'mail-write', text: "forward the court's scheduling order to sam", tools: ['gmail'], action: 'send', entities: { forward: true } },
  { category: 'mail-write', text: "pass maya's email about the indemnity cap along to jordan", tools: ['gmail'], action: 'send', entities: { forward: true } },
  { category: 'mail-write', text: "draft a reply to the acme folks about the revised fee estimate but don't send it, I want to review it first", tools: ['gmail'], action: 'draft', entities: { save_as_draft: true } },
  { category: 'mail-write', text: 'write up a cover email to dana for the engagement letter and leave it in drafts', tools: ['gmail'], action: 'draft', entities: { save_as_draft: true } },
  { category: 'mail-write', text: 'draft an email to the client, um, Mr. Okafor, reminding him the documents are due next friday', tools: ['gmail'], action: 'draft' },
  { category: 'mail-write', text: "forward opposing counsel's letter to jordan but just keep it in drafts for now", tools: ['gmail'], action: 'draft', entities: { forward: true, save_as_draft: true } },

  // slack
  { category: 'slack-read', text: "what's new in #matters", tools: ['slack'], action: 'read', entities: { channel: 'matters' } },
  { category: 'slack-read', text: "any DMs on slack I haven't seen", tools: ['slack'], action: 'read', entities: { chat_scope: 'dm' } },
  { category: 'slack-read', text: 'catch me up on slack', tools: ['slack'], action: 'summarize', entities: { chat_scope: 'catch_up' } },
  { category: 'slack-read', text: 'search slack for the Ridgeway conflict waiver', tools: ['slack'], action: 'read', entities: { chat_scope: 'search' } },
  { category: 'slack-read', text: 'sum up what happened in #general yesterday', tools: ['slack'], action: 'summarize', entities: { channel: 'general' } },
  { category: 'slack-read', text: 'did anybody mention the brennan hearing date on slack?', tools: ['slack'], action: 'read', entities: { chat_scope: 'search' } },
  { category: 'slack-write', text: 'post in #billing that June invoices are going out friday', tools: ['slack'], action: 'post', entities: { channel: 'billing' } },
  { category: 'slack-write', text: 'ping jordan that the client call got pushed to 3', tools: ['slack'], action: 'post' },
  { category: 'slack-write', text: 'message sam on slack, can you cover the 2pm intake call', tools: ['slack'], action: 'post' },
  { category: 'slack-write', text: "reply in the #matters thread about Keane saying I've got the filing covered", tools: ['slack'], action: 'reply', entities: { channel: 'matters' } },

  // multi-service
  { category: 'multi', text: 'any messages from maya today', tools: ['gmail', 'slack'], action: 'read' },
  { category: 'multi', text: "catch me up, I've been in court all morning", tools: ['gmail', 'slack'], action: 'summarize' },
  { category: 'multi', text: 'check my calendar and inbox for anything about the Okafor mediation', tools: ['gmail', 'calendar'], action: 'read' },
  { category: 'multi', text: 'what did priya say about the retainer?', tools: ['gmail', 'slack'], action: 'read' },
  { category: 'multi', text: 'what did I miss on slack and email while I was on the client call', tools: ['gmail', 'slack'], action: 'summarize' },
  { category: 'multi', text: "what's on my calendar this afternoon, and is there anything urgent in my email", tools: ['gmail', 'calendar'], action: 'read' },

  // follow-ups
  { category: 'follow-up', text: "reply to maya's and say we can live with the cap at two million",
    history: [ { role: 'user', text: 'what are my newest emails' },
               { role: 'assistant', text: '1. The county clerk about the hearing date. 2. Maya Chen about the indemnity cap. 3. Sam Patel about the retainer invoice.' } ],
    tools: ['gmail'], action: 'reply' },
  { category: 'follow-up', text: 'push the one with dana to friday, same time',
    history: [ { role: 'user', text: 'what do I have thursday' },
               { role: 'assistant', text: 'Thursday you have the Brennan hearing at 9am and a client call with Dana Whitfield at 3pm.' } ],
    tools: ['calendar'], action: 'schedule', entities: { operation: 'move' } },
  { category: 'follow-up', text: "that the retainer's been received and we can start work monday",
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Sam'], emails: ['sam@example.com'] }, missing: 'message' },
    tools: ['gmail'], action: 'send' },
  { category: 'follow-up', text: 'tomorrow at 3:30',
    pending: { tools: ['calendar'], action: 'schedule', entities: { people: ['Jordan'], emails: ['jordan@example.com'], operation: 'create', duration_minutes: 30 }, missing: 'start' },
    tools: ['calendar'], action: 'schedule', entities: { operation: 'create' } },
  { category: 'follow-up', text: 'billing',
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [] }, missing: 'channel' },
    tools: ['slack'], action: 'post', entities: { channel: 'billing' } },
  { category: 'follow-up', text: "actually never mind, I'll deal with it later",
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Priya'], emails: ['priya@example.com'] }, missing: 'message' },
    tools: [], action: 'unknown' },
];
