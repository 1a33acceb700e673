import type { CorpusCase } from '../types.js';

/** A recruiter / HR business partner: interviews and candidate debriefs on the calendar, offer letters and candidate
 * mail, hiring-manager pings in #hiring and #people, reference checks and onboarding, plus a few two-turn follow-ups. */
export const HELD_OUT_32: CorpusCase[] = [
  // ---- calendar: reads and free-time questions ----
  { category: 'calendar-read', text: 'what interviews do i have today', tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-read',
    text: 'am I free thursday afternoon? trying to pull the panel together for a candidate debrief',
    tools: ['calendar'],
    action: 'read',
  },
  { category: 'calendar-read', text: "when's my next debrief with jordan", tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-read',
    text: "hey how packed is friday looking, I've got three finalists I need to squeeze in somewhere",
    tools: ['calendar'],
    action: 'read',
  },
  { category: 'calendar-read', text: 'do i have any gaps monday morning', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: "quick one: who's on the panel for the 2pm interview today?", tools: ['calendar'], action: 'read' },

  // ---- calendar: new events ----
  {
    category: 'calendar-create',
    text: 'set up a 45 minute phone screen with Alex Moreno tomorrow at 10',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'block off an hour friday morning for reference checks so nobody books over it',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'um find 30 minutes with priya tomorrow so we can go over the offer numbers for the senior designer',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'put a debrief on the calendar with sam and jordan thursday at 4, half an hour',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: "Book new hire orientation next Monday from 9 to 11, we've got two people starting",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },

  // ---- calendar: changes ----
  {
    category: 'calendar-change',
    text: "push my 3 o'clock interview to 3:30, the candidate's running late",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: 'can you move the hiring sync with dana to next tuesday, same time',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: "bring tomorrow's debrief forward to 1pm",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: 'cancel the final round with the backend candidate on friday, she accepted another offer',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: 'drop the 4pm screen today. he withdrew',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: "decline the recruiting vendor demo on thursday, I honestly don't have the bandwidth",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  {
    category: 'calendar-change',
    text: "accept maya's invite for the campus recruiting planning session",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },

  // ---- mail: reads by topic / organisation ----
  { category: 'mail-read', text: 'any emails from the background check company?', tools: ['gmail'], action: 'read' },
  {
    category: 'mail-read',
    text: 'did the signed offer letter from the product manager candidate come in yet',
    tools: ['gmail'],
    action: 'read',
  },
  { category: 'mail-read', text: "find the email with jordan's interview scorecard", tools: ['gmail'], action: 'read' },
  {
    category: 'mail-read',
    text: "who's been emailing me the most this week? feels like it's all agencies",
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'top_senders' },
  },

  // ---- mail: summaries and did-X-reply ----
  {
    category: 'mail-understand',
    text: 'summarize the email thread with dana about the relocation package',
    tools: ['gmail'],
    action: 'summarize',
  },
  {
    category: 'mail-understand',
    text: "give me the short version of legal's email on the non-compete language",
    tools: ['gmail'],
    action: 'summarize',
  },
  { category: 'mail-understand', text: 'tl;dr on the candidate feedback email sam sent last night', tools: ['gmail'], action: 'summarize' },
  {
    category: 'mail-understand',
    text: 'did priya ever get back to me about the salary band approval?',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  {
    category: 'mail-understand',
    text: 'has the candidate replied to my offer email yet',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },

  // ---- mail: writes ----
  { category: 'mail-write', text: 'reply to dana and say thursday at 2 works for the reference call', tools: ['gmail'], action: 'reply' },
  {
    category: 'mail-write',
    text: "write back to the candidate's email and tell him we'll have a decision by friday",
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'mail-write',
    text: "reply all on the interview loop thread and let everyone know the panel's confirmed",
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  {
    category: 'mail-write',
    text: 'forward jordans scorecard to priya so she has it before the debrief',
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'mail-write',
    text: 'send the offer approval email along to maya',
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'mail-write',
    text: "draft an offer email to Lena but don't send it, comp still has to sign off on the numbers",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: 'write up a rejection note for the ops manager candidate and just leave it in drafts',
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: "draft a reply to sam's email about the headcount freeze, keep it as a draft for now though",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: 'email jordan and ask if he can sit on the onsite panel tomorrow from 1 to 3',
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'mail-write',
    text: "send a welcome email to our new hire Marcus, his start date's June 23rd and he should come to the front desk at 9",
    tools: ['gmail'],
    action: 'send',
  },
  { category: 'mail-write', text: 'let dana know the reference check came back clean', tools: ['gmail'], action: 'send' },

  // ---- slack: reads ----
  { category: 'slack-read', text: "what's new in #hiring", tools: ['slack'], action: 'read', entities: { channel: 'hiring' } },
  {
    category: 'slack-read',
    text: 'anything in the people channel this morning?',
    tools: ['slack'],
    action: 'read',
    entities: { channel: 'people' },
  },
  {
    category: 'slack-read',
    text: 'search slack for the onsite feedback on the data engineer candidate',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  {
    category: 'slack-read',
    text: 'did anyone mention the referral bonus on slack?',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  {
    category: 'slack-read',
    text: 'catch me up on slack, I was stuck in interviews all morning',
    tools: ['slack'],
    action: 'summarize',
    entities: { chat_scope: 'catch_up' },
  },
  {
    category: 'slack-read',
    text: 'sum up what happened in #hiring yesterday',
    tools: ['slack'],
    action: 'summarize',
    entities: { channel: 'hiring' },
  },
  {
    category: 'slack-read',
    text: 'check my slack DMs, a couple hiring managers said they messaged me',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'dm' },
  },

  // ---- slack: writes ----
  {
    category: 'slack-write',
    text: 'post in #hiring that the staff engineer req is officially open',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'hiring' },
  },
  { category: 'slack-write', text: "ping jordan on slack and ask if he's submitted his scorecard yet", tools: ['slack'], action: 'post' },
  { category: 'slack-write', text: 'slack sam that the candidate confirmed for 11', tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: "reply in the open enrollment thread in #people and say the deadline's june 30",
    tools: ['slack'],
    action: 'reply',
  },
  {
    category: 'slack-write',
    text: 'Message the #people channel that the onboarding laptops arrive friday',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'people' },
  },

  // ---- multi-service ----
  {
    category: 'multi',
    text: 'check my calendar and my email for anything about the Rivera onsite',
    tools: ['calendar', 'gmail'],
    action: 'read',
  },
  { category: 'multi', text: 'any messages from maya about the contractor roles?', tools: ['gmail', 'slack'], action: 'read' },
  { category: 'multi', text: "catch me up, I've been in back to back interviews since 8", tools: ['gmail', 'slack'], action: 'summarize' },
  { category: 'multi', text: 'has priya sent me anything about the headcount plan today', tools: ['gmail', 'slack'], action: 'read' },

  // ---- follow-ups ----
  {
    category: 'follow-up',
    text: 'forward the second one to jordan',
    history: [
      { role: 'user', text: 'what are my latest emails' },
      {
        role: 'assistant',
        text: '1. Dana Whitfield about the relocation budget. 2. Checkr about the background check for Lena Ortiz. 3. Maya Chen about contractor rates.',
      },
    ],
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'follow-up',
    text: "cancel the 11 o'clock, that req just got put on hold",
    history: [
      { role: 'user', text: "what's on thursday" },
      {
        role: 'assistant',
        text: 'Thursday you have a phone screen with Chris Ng at 11am, a hiring sync with Dana at 1pm and a debrief with Sam at 4pm.',
      },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'follow-up',
    text: "write back and tell her that works, we'll send the paperwork monday",
    history: [
      { role: 'user', text: 'did maya reply about the contractor rates' },
      { role: 'assistant', text: 'Yes, Maya Chen replied yesterday: Acme can do $85 an hour for both contractors starting July 1.' },
    ],
    tools: ['gmail'],
    action: 'reply',
  },
  // The assistant asked "What should the email to Dana say?"
  {
    category: 'follow-up',
    text: 'that the candidate signed and starts on the 23rd',
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Dana'], emails: ['dana@northwind.io'] }, missing: 'message' },
    tools: ['gmail'],
    action: 'send',
  },
  // The assistant asked "When should the meeting with Sam be?"
  {
    category: 'follow-up',
    text: "tomorrow at 4 if he's free",
    pending: {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['Sam'], emails: ['sam@example.com'], operation: 'create', duration_minutes: 30 },
      missing: 'start',
    },
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  // The assistant asked "What should I post in #hiring?"
  {
    category: 'follow-up',
    text: "actually never mind, I'll post it myself later",
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [], channel: 'hiring' }, missing: 'message' },
    tools: [],
    action: 'unknown',
  },
];
