import type { CorpusCase } from '../types.js';

/** A busy parent who runs the family calendar and a neighbourhood Slack (#carpool, #events, #general): kids'
 *  activities, carpools, school and club emails, relatives, plus their own work meetings; spoken, warm, chatty. */
export const HELD_OUT_54: CorpusCase[] = [
  // ---- calendar: read ----
  { category: 'calendar-read', text: "ok what's the damage today, how many things have I got on", tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-read',
    text: 'is soccer practice saturday at nine or at ten? I can never remember',
    tools: ['calendar'],
    action: 'read',
  },
  { category: 'calendar-read', text: "when's emma's dentist appointment, is that this week or next", tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-read',
    text: "am I free thursday afternoon? the school's asking for field day volunteers and I'd love to help",
    tools: ['calendar'],
    action: 'read',
  },
  { category: 'calendar-read', text: 'what time does my first work meeting start tomorrow', tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-read',
    text: 'Do I have anything that clashes with the piano recital friday evening?',
    tools: ['calendar'],
    action: 'read',
  },
  {
    category: 'calendar-read',
    text: 'ugh the boys are fighting again... ok, when do I see jordan next, I owe her for the pizza',
    tools: ['calendar'],
    action: 'read',
  },

  // ---- calendar: create ----
  {
    category: 'calendar-create',
    text: 'put swim lessons on the calendar, tuesdays at 4:30 starting next week',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: "can you block off friday 3 to 5 for carpool duty? it's my turn this week",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: "book a call with my sister linda sunday at 7pm, we need to plan mom's 70th",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'add the PTA meeting next thursday at 6:30, school library',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: "hey find me half an hour with priya tomorrow to go over the budget, ideally once I'm back from school drop-off",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'set up a planning meeting for the neighbourhood cleanup saturday at 10 and invite jordan and sam',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: "grandpa's flight lands monday at 2:15 at LAX, can you put that in so I don't forget to pick him up",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },

  // ---- calendar: change ----
  {
    category: 'calendar-change',
    text: 'push my 2 oclock with dana to 3:30, I have to grab liam from school early',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: 'cancel the playdate on friday, both boys have colds, poor things',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: "decline the offsite planning invite for thursday, that's the night of the recital",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  {
    category: 'calendar-change',
    text: "RSVP yes to the invite for jake's birthday party on saturday",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },
  {
    category: 'calendar-change',
    text: 'um move ballet from wednesday to thursday this week, same time',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: 'could you bring my 1:1 with sam forward to 10? I have to leave at 11 for the orthodontist',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },

  // ---- mail: read ----
  { category: 'mail-read', text: 'did the school email anything about the field trip permission slip', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'any emails from coach dave about the tournament schedule?', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'find the email with the swim club invoice, I need the amount', tools: ['gmail'], action: 'read' },
  {
    category: 'mail-read',
    text: "quick one: check my inbox for anything from the orthodontist's office",
    tools: ['gmail'],
    action: 'read',
  },

  // ---- mail: understand ----
  {
    category: 'mail-understand',
    text: 'did jordan ever reply to my email about the carpool rota',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  {
    category: 'mail-understand',
    text: "who's been emailing me the most this week? feels like a hundred school emails",
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'top_senders' },
  },
  {
    category: 'mail-understand',
    text: "can you sum up that long email from the PTA, I really don't have time to read all of it",
    tools: ['gmail'],
    action: 'summarize',
  },
  { category: 'mail-understand', text: 'give me the gist of what the HOA emailed yesterday', tools: ['gmail'], action: 'summarize' },
  {
    category: 'mail-understand',
    text: 'tl;dr of my inbox this morning please, coffee first then chaos',
    tools: ['gmail'],
    action: 'summarize',
  },

  // ---- mail: write ----
  {
    category: 'mail-write',
    text: "email maya and tell her I can't make thursday at 4, kid stuff, and ask if friday works instead",
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'mail-write',
    text: "send coach dave an email saying emma will miss practice on saturday, she's got a birthday party",
    tools: ['gmail'],
    action: 'send',
  },
  { category: 'mail-write', text: "reply to dana's email and say yes, the 20th works for me", tools: ['gmail'], action: 'reply' },
  {
    category: 'mail-write',
    text: "write back to the piano teacher, tell her we'll pay for the summer lessons by friday",
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'mail-write',
    text: 'reply all on the class parents email and say I can bring the juice boxes',
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  {
    category: 'mail-write',
    text: 'forward the field trip email to my husband',
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'mail-write',
    text: "pass the swim club invoice email along to priya, we're splitting it",
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'mail-write',
    text: "draft an email to the neighbourhood association about the broken streetlight on elm, but don't send it yet, I want to read it over tonight",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: 'write up a thank-you note to mrs alvarez for the end of the school year, just leave it in drafts',
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },

  // ---- slack: read ----
  { category: 'slack-read', text: "what's new in #carpool", tools: ['slack'], action: 'read', entities: { channel: 'carpool' } },
  {
    category: 'slack-read',
    text: 'anything going on in the events channel this week?',
    tools: ['slack'],
    action: 'read',
    entities: { channel: 'events' },
  },
  {
    category: 'slack-read',
    text: 'catch me up on the neighbourhood slack, I have not looked in days',
    tools: ['slack'],
    action: 'summarize',
    entities: { chat_scope: 'catch_up' },
  },
  {
    category: 'slack-read',
    text: 'did anybody mention the block party on slack?',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  { category: 'slack-read', text: 'any slack DMs for me?', tools: ['slack'], action: 'read', entities: { chat_scope: 'dm' } },

  // ---- slack: write ----
  {
    category: 'slack-write',
    text: "post in #carpool that I can take four kids to practice thursday, I've got the minivan",
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'carpool' },
  },
  { category: 'slack-write', text: 'ping jordan and ask if she still needs a ride on saturday', tools: ['slack'], action: 'post' },
  { category: 'slack-write', text: 'slack priya the link to the volunteer signup sheet', tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: 'tell #general the lost cat from maple street has been found!! so happy',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'general' },
  },
  {
    category: 'slack-write',
    text: "reply in the slack thread about the bake sale and say I'll bring brownies",
    tools: ['slack'],
    action: 'reply',
  },

  // ---- multi ----
  {
    category: 'multi',
    text: "has maya sent me anything about the playdate? might've been email, might've been slack",
    tools: ['gmail', 'slack'],
    action: 'read',
  },
  {
    category: 'multi',
    text: "catch me up, I've been at the pool all morning with the kids",
    tools: ['gmail', 'slack'],
    action: 'summarize',
  },
  {
    category: 'multi',
    text: 'check my calendar and my email for anything about the spring concert',
    tools: ['calendar', 'gmail'],
    action: 'read',
  },
  { category: 'multi', text: 'what did sam say about the carpool schedule', tools: ['gmail', 'slack'], action: 'read' },

  // ---- follow-ups ----
  {
    category: 'follow-up',
    text: "cancel the party one, he's running a fever",
    history: [
      { role: 'user', text: "what's on saturday" },
      { role: 'assistant', text: "Saturday you have Emma's soccer game at 9am and Liam's birthday party at Jake's at 2pm." },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'follow-up',
    text: "oh just that I'm running ten minutes late, pickup was total chaos",
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Dana'], emails: ['dana@northwind.io'] }, missing: 'message' },
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'follow-up',
    text: "reply to the first one and say it's signed and in liam's backpack",
    history: [
      { role: 'user', text: 'any new emails from the school?' },
      { role: 'assistant', text: '1. Field trip permission slip due Friday. 2. Spring concert photos are now online.' },
    ],
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'follow-up',
    text: 'put it in carpool',
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [] }, missing: 'channel' },
    tools: ['slack'],
    action: 'post',
  },

  // ---- remember / other ----
  {
    category: 'remember',
    text: "remember that emma's soccer coach is called dave",
    tools: [],
    action: 'unknown',
    entities: { remember: "emma's soccer coach is called dave" },
  },
  {
    category: 'remember',
    text: 'forget that sam does the tuesday carpool',
    tools: [],
    action: 'unknown',
    entities: { forget: 'sam does the tuesday carpool' },
  },
  { category: 'other', text: 'set a timer for 12 minutes for the lasagna', tools: [], action: 'unknown' },
  { category: 'other', text: "thanks, honestly you're a lifesaver this week", tools: [], action: 'unknown' },
];
