import type { CorpusCase } from '../types.js';

/** A university student with a part-time job: classes, office hours, TA and professor emails, group-project and club
 * Slack, café/bookstore shifts and internship applications, in casual and sometimes nervous spoken English. */
export const HELD_OUT_42: CorpusCase[] = [
  // calendar — read
  { category: 'calendar-read', text: 'wait do i have anything before my 2pm lecture today', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: "when's my next shift at the cafe", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'am i free thursday afternoon? the group wants to meet', tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-read',
    text: 'what time are prof okafors office hours again, are they on my calendar',
    tools: ['calendar'],
    action: 'read',
  },
  {
    category: 'calendar-read',
    text: 'how packed is next week looking. midterms are coming up and im kinda scared',
    tools: ['calendar'],
    action: 'read',
  },
  { category: 'calendar-read', text: 'Do I have a gap between classes on Friday?', tools: ['calendar'], action: 'read' },

  // calendar — create
  {
    category: 'calendar-create',
    text: 'put a study session with priya in for tomorrow 7 to 9pm at the library',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'can u block off saturday morning for the stats problem set',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'add my shift sunday, 10 to 4',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'find like an hour with jordan and sam sometime friday for the cs project and book it',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'um set up a call with the internship recruiter next tuesday at 11, 30 mins is fine',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'i kinda need office hours on my calendar, thursdays 3 to 4 every week',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },

  // calendar — change
  {
    category: 'calendar-change',
    text: "push the study group to 8 tonight, everyone's running late",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: "cancel my meeting with the TA tomorrow, i'm gonna be stuck at work",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: 'decline that club meeting invite for friday',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  {
    category: 'calendar-change',
    text: "accept maya's invite for the resume workshop",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },
  {
    category: 'calendar-change',
    text: 'hey could you move my dentist appointment from monday to wednesday, same time',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: 'delete the gym block on thursday, i need that time for the lab report',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },

  // mail — read
  { category: 'mail-read', text: 'any emails from the registrar?', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'find the email with the zoom link for the TA review session', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'any emails from that stripe recruiter yet', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'check my inbox for the financial aid thing', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: "what's the latest email from my manager at the bookstore", tools: ['gmail'], action: 'read' },

  // mail — understand
  {
    category: 'mail-understand',
    text: 'did prof henderson email me back about my extension',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  {
    category: 'mail-understand',
    text: 'summarize the email from the professor about the final project',
    tools: ['gmail'],
    action: 'summarize',
  },
  {
    category: 'mail-understand',
    text: 'give me the tl;dr of that super long email the department sent about graduation',
    tools: ['gmail'],
    action: 'summarize',
  },
  {
    category: 'mail-understand',
    text: "who's been emailing me the most this week, my inbox is a mess",
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'top_senders' },
  },
  {
    category: 'mail-understand',
    text: 'did jordan ever reply to my email about splitting up the slides?',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },

  // mail — write
  {
    category: 'mail-write',
    text: 'is it ok to email prof henderson about an extension? like can u just send it, say i was sick last week and ask for two more days',
    tools: ['gmail'],
    action: 'send',
  },
  { category: 'mail-write', text: "reply to dana's email and say thursday works for the interview", tools: ['gmail'], action: 'reply' },
  {
    category: 'mail-write',
    text: "write back to the TA, tell him thanks and i'll fix the citations tonight",
    tools: ['gmail'],
    action: 'reply',
  },
  { category: 'mail-write', text: 'forward the syllabus email to maya', tools: ['gmail'], action: 'send', entities: { forward: true } },
  {
    category: 'mail-write',
    text: "draft an email to my manager saying i can't work saturday cause of finals, but don't send it yet i wanna reread it",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: "reply all on the group project email and say i'll handle the intro slides",
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  { category: 'mail-write', text: 'let priya know i submitted the lab report', tools: ['gmail'], action: 'send' },
  {
    category: 'mail-write',
    text: "write an email to maya at acme about the summer internship, just save it as a draft, i'm nervous about it",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },

  // slack — read
  { category: 'slack-read', text: "what's new in #cs-project", tools: ['slack'], action: 'read', entities: { channel: 'cs-project' } },
  {
    category: 'slack-read',
    text: "catch me up on slack, i haven't looked since yesterday",
    tools: ['slack'],
    action: 'summarize',
    entities: { chat_scope: 'catch_up' },
  },
  { category: 'slack-read', text: 'did anyone dm me on slack', tools: ['slack'], action: 'read', entities: { chat_scope: 'dm' } },
  {
    category: 'slack-read',
    text: 'did anyone mention the deadline change on slack?',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  {
    category: 'slack-read',
    text: "sum up #club for me, there's like 200 messages",
    tools: ['slack'],
    action: 'summarize',
    entities: { channel: 'club' },
  },
  {
    category: 'slack-read',
    text: 'what did people say in #random today lol',
    tools: ['slack'],
    action: 'read',
    entities: { channel: 'random' },
  },
  {
    category: 'slack-read',
    text: 'search slack for the figma file priya shared',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },

  // slack — write
  { category: 'slack-write', text: 'hey ping jordan, tell him i pushed my part of the code', tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: 'post in #cs-project that the demo got moved to friday',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'cs-project' },
  },
  { category: 'slack-write', text: 'slack maya the link to the google doc', tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: 'can u message sam on slack and ask if he finished the database part',
    tools: ['slack'],
    action: 'post',
  },
  { category: 'slack-write', text: 'reply in the bake sale thread in #club, say i can bring cookies', tools: ['slack'], action: 'reply' },

  // multi
  { category: 'multi', text: 'what did priya say about the presentation', tools: ['gmail', 'slack'], action: 'read' },
  { category: 'multi', text: 'catch me up, i just got off a double shift', tools: ['gmail', 'slack'], action: 'summarize' },
  {
    category: 'multi',
    text: 'check my calendar and inbox for anything about the career fair',
    tools: ['gmail', 'calendar'],
    action: 'read',
  },
  { category: 'multi', text: 'any messages from jordan since last night?', tools: ['gmail', 'slack'], action: 'read' },

  // follow-ups
  {
    category: 'follow-up',
    text: "reply to the first one, say thank you and i'll be there",
    history: [
      { role: 'user', text: 'any new emails' },
      {
        role: 'assistant',
        text: '1. Prof Henderson about the midterm review. 2. Jordan Kim about the slides. 3. Campus Bookstore about your Saturday shift.',
      },
    ],
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'follow-up',
    text: 'push the study thing to 6',
    history: [
      { role: 'user', text: 'what do i have friday' },
      { role: 'assistant', text: 'Friday you have CS 161 lecture at 10am and a study session with Priya at 4pm.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  // The assistant asked "What should the email to Jordan say?"
  {
    category: 'follow-up',
    text: "uh just that i'll send my part of the slides tonight",
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Jordan'], emails: ['jordan@example.com'] }, missing: 'message' },
    tools: ['gmail'],
    action: 'send',
  },
  // The assistant asked "When should the meeting with Sam be?"
  {
    category: 'follow-up',
    text: "nvm, we'll just talk after class",
    pending: {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['Sam'], emails: ['sam@example.com'], operation: 'create' },
      missing: 'start',
    },
    tools: [],
    action: 'unknown',
  },

  // remember / other
  { category: 'remember', text: 'remember that my TA is jordan', tools: [], action: 'unknown', entities: { remember: 'my TA is jordan' } },
  {
    category: 'remember',
    text: 'forget that my shifts are on tuesdays',
    tools: [],
    action: 'unknown',
    entities: { forget: 'my shifts are on tuesdays' },
  },
  { category: 'other', text: "what's the derivative of x squared times sin x", tools: [], action: 'unknown' },
  { category: 'other', text: 'tell me a joke, i need one before this exam', tools: [], action: 'unknown' },
];
