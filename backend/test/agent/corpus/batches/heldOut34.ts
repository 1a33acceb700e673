import type { CorpusCase } from '../types.js';

/** An older, less technical and very polite user (family, the doctor, the bank, a volunteer group and a part-time
 * shop job) asking about their diary, their emails and the work Slack, plus follow-ups, memory and small talk. */
export const HELD_OUT_34: CorpusCase[] = [
  // --- calendar: reading ---
  {
    category: 'calendar-read',
    text: 'I wonder if you could tell me what I have in my diary for tomorrow, please',
    tools: ['calendar'],
    action: 'read',
  },
  {
    category: 'calendar-read',
    text: "is there any way to see whether I'm free on Friday afternoon? My daughter wants to pop round",
    tools: ['calendar'],
    action: 'read',
  },
  { category: 'calendar-read', text: 'When is my next appointment with the doctor, do you know?', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: "would it be possible to see everything I've got on next week", tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-read',
    text: "Am I meant to be at the volunteer group meeting on Thursday? I can't remember if I put it in my diary.",
    tools: ['calendar'],
    action: 'read',
  },
  {
    category: 'calendar-read',
    text: 'what time is my shift at the shop on saturday? it should be in my calendar',
    tools: ['calendar'],
    action: 'read',
  },
  {
    category: 'calendar-read',
    text: "I'm not sure how this works, but could you look and see when I'm next seeing Priya?",
    tools: ['calendar'],
    action: 'read',
  },

  // --- calendar: new appointments ---
  {
    category: 'calendar-create',
    text: 'Could you possibly put my dentist appointment in for next Tuesday at 10 in the morning?',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'i wonder if you could book me in with sam for half an hour sometime tomorrow, whenever suits us both',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: "Would you mind adding my granddaughter's birthday lunch on Sunday at half past twelve? It's at the little Italian place.",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'please could you block off Thursday morning for me, the man from the bank is coming round about the mortgage',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'Is there any way to set up a little meeting with Dana and Maya on Monday at 2 about the volunteer rota?',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'put my flu jab at the surgery in my diary for the 20th, quarter past nine',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: "I'd like to arrange a call with Jordan on Friday at 4 if that's all right, just pop it in the calendar for me",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },

  // --- calendar: changes ---
  {
    category: 'calendar-change',
    text: "Oh dear, I need to move my doctor's appointment on Thursday to the following week, same time if possible",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: "Could you possibly cancel the volunteer meeting on Friday? I shan't be able to make it.",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: "i wonder if you'd push my coffee with priya back by an hour",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: "There's an invitation from Sam for the staff lunch next Wednesday, would you say yes to it for me?",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },
  {
    category: 'calendar-change',
    text: "I'm afraid I'll have to say no to the book club invitation on the 19th. Could you decline it, please?",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  {
    category: 'calendar-change',
    text: 'Would it be possible to bring my Monday shift in the diary forward to 8 instead of 9?',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },

  // --- mail: reading ---
  {
    category: 'mail-read',
    text: "Has anything come in from the bank in my emails? They said they'd write to me.",
    tools: ['gmail'],
    action: 'read',
  },
  {
    category: 'mail-read',
    text: "I wonder if you could check whether the doctor's surgery has emailed me about my test results",
    tools: ['gmail'],
    action: 'read',
  },
  {
    category: 'mail-read',
    text: "is there an email from maya about the volunteer rota? i can't seem to find it anywhere",
    tools: ['gmail'],
    action: 'read',
  },
  {
    category: 'mail-read',
    text: 'Could you find the email with my train tickets in it, please? I need the booking number.',
    tools: ['gmail'],
    action: 'read',
  },
  { category: 'mail-read', text: 'what new emails have I got this morning', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'Did the email from my grandson with the holiday photos ever arrive?', tools: ['gmail'], action: 'read' },

  // --- mail: understanding ---
  {
    category: 'mail-understand',
    text: "I'm not sure I follow that long email from Dana about the shop's new opening hours. Could you give me the short version?",
    tools: ['gmail'],
    action: 'summarize',
  },
  {
    category: 'mail-understand',
    text: 'would it be possible to sum up my emails from this week for me, there are rather a lot of them',
    tools: ['gmail'],
    action: 'summarize',
  },
  {
    category: 'mail-understand',
    text: "Who's been emailing me the most this week? It feels like somebody keeps writing.",
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'top_senders' },
  },
  {
    category: 'mail-understand',
    text: 'Did Priya ever get back to me about the church hall booking? I emailed her last week.',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  {
    category: 'mail-understand',
    text: 'has the bank replied to my email about the lost card yet',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },

  // --- mail: writing ---
  {
    category: 'mail-write',
    text: "Could you send an email to Dana to say I'll be a little late for my shift on Friday? The bus times have changed.",
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'mail-write',
    text: "I wonder if you could write back to Maya's email and tell her I'd be glad to help at the fete",
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'mail-write',
    text: 'please reply to everyone on the email from the volunteer group about the summer fete and say thank you for the lovely card',
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  {
    category: 'mail-write',
    text: "Would you forward the email from the surgery on to Jordan? He's helping me keep track of my appointments.",
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'mail-write',
    text: "Could you write an email to the bank asking them to send me a new chequebook, but don't send it yet, I'd like my son to look it over first",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  { category: 'mail-write', text: 'let sam know by email that I can cover the saturday shift after all', tools: ['gmail'], action: 'send' },
  {
    category: 'mail-write',
    text: "Would you draft a reply to Priya's email saying Tuesday suits me, and just leave it in the drafts for now?",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: "um, email jordan and ask whether he's still coming for tea on sunday",
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'mail-write',
    text: "I'd like to send the email from the volunteer group about the raffle along to Maya, if you'd be so kind",
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },

  // --- slack (the work chat) ---
  {
    category: 'slack-read',
    text: "I'm not sure how this works, but is there anything new in the general channel on the work Slack?",
    tools: ['slack'],
    action: 'read',
    entities: { channel: 'general' },
  },
  {
    category: 'slack-write',
    text: "could you possibly send a message to Jordan on the work chat, the Slack I mean, to say I'll be in at ten tomorrow",
    tools: ['slack'],
    action: 'post',
  },
  {
    category: 'slack-read',
    text: "Would it be possible to see if anyone's mentioned the Christmas party on Slack at work?",
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  {
    category: 'slack-read',
    text: 'Have I got any private messages on Slack? My manager said she would message me there.',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'dm' },
  },
  {
    category: 'slack-write',
    text: 'I wonder if you could put a note in the #support channel on Slack saying the printer is fixed now',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'support' },
  },
  {
    category: 'slack-read',
    text: "Could you catch me up on the work Slack? I've been off a few days with my knee.",
    tools: ['slack'],
    action: 'summarize',
    entities: { chat_scope: 'catch_up' },
  },
  {
    category: 'slack-write',
    text: "please send priya a slack message that I've left the shop keys under the mat",
    tools: ['slack'],
    action: 'post',
  },
  {
    category: 'slack-read',
    text: 'what have people been saying in the random channel on Slack lately?',
    tools: ['slack'],
    action: 'read',
    entities: { channel: 'random' },
  },

  // --- follow-ups ---
  {
    category: 'follow-up',
    text: 'could you read me the one from the bank, please',
    history: [
      { role: 'user', text: 'what emails have I had today' },
      {
        role: 'assistant',
        text: '1. Dana Whitfield about the shift rota. 2. Your bank about your June statement. 3. Maya Chen about the bake sale.',
      },
    ],
    tools: ['gmail'],
    action: 'read',
  },
  {
    category: 'follow-up',
    text: "oh, could you cancel the doctor one? I'll ring them and rebook",
    history: [
      { role: 'user', text: "what's on friday" },
      { role: 'assistant', text: 'On Friday you have the volunteer group at 10am and the doctor at 3pm.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  // The assistant asked "What should the email to Maya say?"
  {
    category: 'follow-up',
    text: "oh, just that I'll bring the scones on Saturday, if that's all right with her",
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Maya'], emails: ['maya@acme.com'] }, missing: 'message' },
    tools: ['gmail'],
    action: 'send',
  },
  // The assistant asked "When should the meeting with Sam be?"
  {
    category: 'follow-up',
    text: 'um, would Thursday at half past two be all right?',
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
  // The assistant asked "Which Slack channel should I post it in?"
  {
    category: 'follow-up',
    text: 'the general one, I think',
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [] }, missing: 'channel' },
    tools: ['slack'],
    action: 'post',
  },

  // --- memory, remarks and other things ---
  {
    category: 'remember',
    text: 'Could you please remember that Dana is my manager at the shop?',
    tools: [],
    action: 'unknown',
    entities: { remember: 'Dana is my manager at the shop' },
  },
  {
    category: 'remember',
    text: 'would you remember for me that Jordan is my grandson',
    tools: [],
    action: 'unknown',
    entities: { remember: 'Jordan is my grandson' },
  },
  {
    category: 'remember',
    text: 'oh, I got that muddled. please forget that Sam is my neighbour',
    tools: [],
    action: 'unknown',
    entities: { forget: 'Sam is my neighbour' },
  },
  { category: 'other', text: "thank you dear, that's ever so helpful", tools: [], action: 'unknown' },
  { category: 'other', text: "What's the weather going to be like for my walk this afternoon?", tools: [], action: 'unknown' },
  { category: 'other', text: 'Could you set a timer for the cake, forty minutes?', tools: [], action: 'unknown' },
  { category: 'other', text: "goodness, I never thought I'd be talking to my computer", tools: [], action: 'unknown' },
];
