import type { CorpusCase } from '../types.js';

/** A clinic practice manager and a nurse team lead sharing the assistant: shift handovers, rota meetings, supplier
 * and insurance email, scheduling admin and the staff Slack (#frontdesk, #nurses, #general), said quickly between tasks. */
export const HELD_OUT_37: CorpusCase[] = [
  // calendar: read
  { category: 'calendar-read', text: 'what time is the rota meeting tomorrow', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'hey am I free at 3 today?', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'do I have anything between 12 and 1 on friday', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: "quick — what's on my calendar this afternoon", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: "when's the next all-staff meeting", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'is the call with the Medline rep still on for thursday?', tools: ['calendar'], action: 'read' },

  // calendar: create
  {
    category: 'calendar-create',
    text: 'for tomorrow, put the 7am shift handover on my calendar, 15 minutes',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'friday at 3 I need the rota meeting — sorry, make that 2 — book it for an hour',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'set up a 30 minute call with dana monday morning about the insurance renewal',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'block 1 to 2 today for payroll please',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'um find half an hour with priya and jordan next week to go over the new hire orientation',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'put in a fire drill briefing for all staff on the 20th at 8:30',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'Thursday at 4, put a 15 min slot on my calendar to call the autoclave repair company',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: "schedule the nurses' monthly team meeting for the last tuesday of june, 12:30",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },

  // calendar: change
  {
    category: 'calendar-change',
    text: 'at 3 I have the rota meeting, push it to 4',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: "sam's 1:1 tomorrow — cancel it, he's covering the early shift",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: 'decline the vendor demo invite for friday',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  {
    category: 'calendar-change',
    text: "accept jordan's invite for the CPR recert on the 18th",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },
  {
    category: 'calendar-change',
    text: "move thursday's handover from 7 to 7:30... no wait, 7:45",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: 'clear the 2pm with the billing consultant today, she cancelled on us',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },

  // mail: read
  { category: 'mail-read', text: 'any emails from the insurance company today?', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'did the invoice from medline come through yet', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'find the email with the new lab courier pickup times', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: "dana's lease paperwork — anything in my inbox from her yet?", tools: ['gmail'], action: 'read' },
  {
    category: 'mail-read',
    text: "anything in my email from the temp agency about next week's night cover?",
    tools: ['gmail'],
    action: 'read',
  },

  // mail: understand
  {
    category: 'mail-understand',
    text: 'summarize the email from blue shield about the claim denials',
    tools: ['gmail'],
    action: 'summarize',
  },
  {
    category: 'mail-understand',
    text: 'give me the short version of that new supplier terms email',
    tools: ['gmail'],
    action: 'summarize',
  },
  {
    category: 'mail-understand',
    text: "who's emailed me the most this week",
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'top_senders' },
  },
  {
    category: 'mail-understand',
    text: 'did sam get back to me about swapping the saturday shift',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  {
    category: 'mail-understand',
    text: 'did maya ever reply to my email about the scheduling software quote?',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  { category: 'mail-understand', text: 'catch me up on my inbox, I was on the floor all morning', tools: ['gmail'], action: 'summarize' },

  // mail: write
  {
    category: 'mail-write',
    text: "email dana that we'll need the revised insurance certificate by friday",
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'mail-write',
    text: 'reply to the temp agency and say tuesday and wednesday nights are the shifts we need covered',
    tools: ['gmail'],
    action: 'reply',
  },
  { category: 'mail-write', text: 'forward the medline invoice to priya', tools: ['gmail'], action: 'send', entities: { forward: true } },
  {
    category: 'mail-write',
    text: "draft an email to the landlord about the broken AC in the waiting room but don't send it yet",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: "reply all on the rota thread and say the new version is attached — actually say it's on the shared drive",
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  {
    category: 'mail-write',
    text: 'write up an email to all staff about the july 4th closure, just leave it in drafts',
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: 'let the billing company know we switched to the new clearinghouse as of june 1',
    tools: ['gmail'],
    action: 'send',
  },

  // slack: read
  { category: 'slack-read', text: "what's new in #frontdesk", tools: ['slack'], action: 'read', entities: { channel: 'frontdesk' } },
  {
    category: 'slack-read',
    text: 'anything in the nurses channel since this morning?',
    tools: ['slack'],
    action: 'read',
    entities: { channel: 'nurses' },
  },
  {
    category: 'slack-read',
    text: 'did anyone mention the broken label printer on slack',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  { category: 'slack-read', text: 'catch me up on slack', tools: ['slack'], action: 'summarize', entities: { chat_scope: 'catch_up' } },
  { category: 'slack-read', text: 'check my slack DMs', tools: ['slack'], action: 'read', entities: { chat_scope: 'dm' } },
  {
    category: 'slack-read',
    text: 'sum up #general from yesterday',
    tools: ['slack'],
    action: 'summarize',
    entities: { channel: 'general' },
  },

  // slack: write
  {
    category: 'slack-write',
    text: 'post in #frontdesk that the phones are down till 10, use the backup line',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'frontdesk' },
  },
  { category: 'slack-write', text: 'ping jordan that mrs alvarez moved her appointment to friday', tools: ['slack'], action: 'post' },
  { category: 'slack-write', text: 'slack maya the link to the new rota', tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: 'tell #nurses the flu vaccine delivery is arriving around noon',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'nurses' },
  },
  { category: 'slack-write', text: 'message priya on slack: can you cover the front desk from 12 to 1?', tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: 'reply in the parking lot thread in #general and say the gate code changes monday',
    tools: ['slack'],
    action: 'reply',
    entities: { channel: 'general' },
  },

  // multi-service
  {
    category: 'multi',
    text: 'check my calendar and email for anything about the state inspection',
    tools: ['calendar', 'gmail'],
    action: 'read',
  },
  {
    category: 'multi',
    text: 'anything from priya today? she was supposed to send the overtime numbers',
    tools: ['gmail', 'slack'],
    action: 'read',
  },
  { category: 'multi', text: 'what did I miss on slack and email this morning', tools: ['gmail', 'slack'], action: 'summarize' },
  { category: 'multi', text: 'what did jordan say about the weekend rota', tools: ['gmail', 'slack'], action: 'read' },

  // follow-ups
  {
    category: 'follow-up',
    text: 'push the rota meeting to 11',
    history: [
      { role: 'user', text: "what's on tomorrow" },
      {
        role: 'assistant',
        text: 'Tomorrow you have the 7:00 shift handover, the rota meeting at 10:00 and a call with Blue Shield at 2:00.',
      },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'follow-up',
    text: "reply and say we'll take both nurses they offered",
    history: [
      { role: 'user', text: 'any emails from the temp agency' },
      { role: 'assistant', text: "One from StaffRight Agency, 'Night cover options for next week', received at 8:12am." },
    ],
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'follow-up',
    text: 'that the insurance forms are ready, she can pick them up at the front desk',
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Dana'], emails: ['dana@northwind.io'] }, missing: 'message' },
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'follow-up',
    text: 'tomorrow right after handover, so like 8',
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
  {
    category: 'follow-up',
    text: 'put it in #nurses',
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [] }, missing: 'channel' },
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'nurses' },
  },
  {
    category: 'follow-up',
    text: "never mind, I'll do it myself later",
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Jordan'], emails: ['jordan@example.com'] }, missing: 'message' },
    tools: [],
    action: 'unknown',
  },
];
