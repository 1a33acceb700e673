import type { CorpusCase } from '../types.js';

/** Two speakers: a customer-success / ops manager (escalations, #support and #ops, QBRs, renewals, SLAs) and a
 * school teacher who also runs a small shop (parents' emails, supplier invoices, staff meetings, a small team Slack). */
export const HELD_OUT_30: CorpusCase[] = [
  // ---- Customer-success / operations manager ----
  // calendar
  { category: 'calendar-read', text: 'what time is the acme QBR tomorrow', tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-read',
    text: 'Do I have anything clashing with the Northwind renewal call on Friday?',
    tools: ['calendar'],
    action: 'read',
  },
  { category: 'calendar-read', text: "um when's my next customer call", tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-create',
    text: 'book a 45 minute QBR prep with priya monday morning',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'set up a call with Maya Chen thursday at 2 to walk through the escalation',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'I need friday afternoon blocked off for ticket cleanup, nobody books over it',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-change',
    text: 'push the ops standup to 10:30',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: "cancel today's renewal review with jordan, he's out sick",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: 'hey decline that vendor demo invite on thursday, not interested',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  // mail
  { category: 'mail-read', text: 'any new escalations in my inbox this morning?', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'did the signed renewal from northwind come through yet', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'find the email from dana with the SLA breach report', tools: ['gmail'], action: 'read' },
  {
    category: 'mail-understand',
    text: "give me the short version of that huge email thread with the acme folks about Monday's outage",
    tools: ['gmail'],
    action: 'summarize',
  },
  {
    category: 'mail-understand',
    text: 'did maya get back to me about the renewal quote?',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  {
    category: 'mail-understand',
    text: "who's been emailing me the most this week? feels like it's all one customer",
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'top_senders' },
  },
  { category: 'mail-write', text: 'email dana that the fix for ticket 4821 shipped last night', tools: ['gmail'], action: 'send' },
  {
    category: 'mail-write',
    text: "reply to maya's email and tell her we can extend the SLA credit through july",
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'mail-write',
    text: 'Reply all on the outage email saying the postmortem will be out by Friday.',
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  {
    category: 'mail-write',
    text: 'forward the northwind contract email to legal',
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'mail-write',
    text: "draft a renewal reminder to jordan but don't send it, I want to double check the numbers first",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  // slack
  {
    category: 'slack-read',
    text: "what's going on in #support right now",
    tools: ['slack'],
    action: 'read',
    entities: { channel: 'support' },
  },
  { category: 'slack-read', text: 'anything new in the ops channel?', tools: ['slack'], action: 'read', entities: { channel: 'ops' } },
  { category: 'slack-read', text: 'search slack for ticket 5503', tools: ['slack'], action: 'read', entities: { chat_scope: 'search' } },
  {
    category: 'slack-read',
    text: 'catch me up on slack, I was stuck in QBRs all day yesterday',
    tools: ['slack'],
    action: 'summarize',
    entities: { chat_scope: 'catch_up' },
  },
  {
    category: 'slack-write',
    text: 'post in #support that the acme outage is resolved and people can start closing the related tickets',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'support' },
  },
  { category: 'slack-write', text: "ping sam and ask if he's covering the queue over lunch", tools: ['slack'], action: 'post' },
  // multi
  { category: 'multi', text: 'check my email and slack for anything about the acme renewal', tools: ['gmail', 'slack'], action: 'read' },
  { category: 'multi', text: 'what did priya say about the churn numbers', tools: ['gmail', 'slack'], action: 'read' },
  // follow-ups
  {
    category: 'follow-up',
    text: "write back to the first one saying we'll have an update by end of day",
    history: [
      { role: 'user', text: 'any customer emails I need to deal with?' },
      {
        role: 'assistant',
        text: '1. Maya Chen about the login errors. 2. Dana Whitfield asking for the Q2 uptime report. 3. Jordan Kim about the renewal invoice.',
      },
    ],
    tools: ['gmail'],
    action: 'reply',
  },
  // The assistant asked "Which channel should I post it in?"
  {
    category: 'follow-up',
    text: 'the ops one',
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [] }, missing: 'channel' },
    tools: ['slack'],
    action: 'post',
  },

  // ---- School teacher / small-business owner ----
  // calendar
  { category: 'calendar-read', text: 'what have I got after school today', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'am i free thursday at 4 for a parent meeting?', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: "When's the next staff meeting?", tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-create',
    text: 'put a parent-teacher conference with the Nguyens on my calendar tuesday at 3:30',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'find half an hour with jordan next week to go over the supply order and book it',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'stick thirty minutes on my calendar friday morning for doing payroll',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-change',
    text: 'can you bring tomorrows staff meeting forward to 3',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: "take the field trip planning meeting off thursday, it's not happening anymore",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: "accept sam's invite for curriculum night",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },
  // mail
  { category: 'mail-read', text: 'any emails from parents today?', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'I need the invoice from the printer', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'is there an email from the district about the grant application', tools: ['gmail'], action: 'read' },
  {
    category: 'mail-understand',
    text: "sum up that email from mrs alvarez about her son's homework",
    tools: ['gmail'],
    action: 'summarize',
  },
  { category: 'mail-understand', text: 'tl;dr of the PTA newsletter email please', tools: ['gmail'], action: 'summarize' },
  {
    category: 'mail-understand',
    text: 'has the landlord replied about the leaky roof yet',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  { category: 'mail-write', text: 'email priya the updated rota for next week', tools: ['gmail'], action: 'send' },
  { category: 'mail-write', text: "let the hendersons know Lily's permission slip is still missing", tools: ['gmail'], action: 'send' },
  {
    category: 'mail-write',
    text: "write back to the flour supplier and say we'll go with the bigger order",
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'mail-write',
    text: 'write up a note to the year 4 parents about the zoo trip, just leave it in drafts for now',
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: 'Forward the electricity bill to my accountant',
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  // slack
  {
    category: 'slack-read',
    text: "what's new in #general on the team slack",
    tools: ['slack'],
    action: 'read',
    entities: { channel: 'general' },
  },
  { category: 'slack-read', text: 'do I have any slack DMs', tools: ['slack'], action: 'read', entities: { chat_scope: 'dm' } },
  {
    category: 'slack-read',
    text: 'summarize #random from this week',
    tools: ['slack'],
    action: 'summarize',
    entities: { channel: 'random' },
  },
  { category: 'slack-write', text: "text maya that I'm running ten minutes late to the shop", tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: 'tell everyone in #general the shop closes early on friday',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'general' },
  },
  {
    category: 'slack-write',
    text: 'reply in the weekend schedule thread in #general and say I can cover saturday',
    tools: ['slack'],
    action: 'reply',
  },
  // multi
  {
    category: 'multi',
    text: 'check my calendar and inbox for anything about the school trip',
    tools: ['calendar', 'gmail'],
    action: 'read',
  },
  { category: 'multi', text: "catch me up, I've been teaching all morning", tools: ['gmail', 'slack'], action: 'summarize' },
  // follow-ups
  {
    category: 'follow-up',
    text: 'cancel the supplier one',
    history: [
      { role: 'user', text: 'what do I have friday' },
      { role: 'assistant', text: 'Friday you have the staff meeting at 3:30pm and a call with the bakery supplier at 5pm.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  // The assistant asked "What should the email to Sam say?"
  {
    category: 'follow-up',
    text: "tell him the delivery's pushed to thursday",
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Sam'], emails: ['sam@example.com'] }, missing: 'message' },
    tools: ['gmail'],
    action: 'send',
  },
];
