import type { CorpusCase } from '../types.js';

/** A young sales-development rep and a marketing intern, casual and slangy: prospects, demos, campaigns and
 * webinars across calendar, Gmail and Slack, plus a few two-turn follow-ups. */
export const HELD_OUT_38: CorpusCase[] = [
  // calendar: reads
  { category: 'calendar-read', text: "yo what's my day lookin like", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'am i free thurs afternoon or nah', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: "when's my next call w the acme folks", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'do i have anything on friday after 2', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: "how many meetings do i have tmrw, ngl i'm scared to look", tools: ['calendar'], action: 'read' },

  // calendar: create
  {
    category: 'calendar-create',
    text: 'lemme hop on a call with sam tmrw at 3, throw it on my cal',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'set up a 30 min sync w priya thursday morning',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'block 2 hrs friday morning for prospecting, no meetings pls',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'Book a discovery call with Maya from Acme next tuesday at 10am',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'find 45 min with jordan sometime this week to go over the q3 campaign and book it',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'put a quick touch base w dana on the calendar for monday at 1',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },

  // calendar: changes
  {
    category: 'calendar-change',
    text: 'push my 2pm to 3:30 pls',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: "cancel the pipeline review tmrw, nobody's ready lol",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: "decline the all hands invite for friday, i'm at the conference",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  {
    category: 'calendar-change',
    text: 'rsvp yes to the marketing offsite thing',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },
  {
    category: 'calendar-change',
    text: 'can u move my sync with sam to next week same time',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },

  // mail: reads
  { category: 'mail-read', text: 'any emails from the acme folks since monday', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'did the signed contract from northwind come thru yet', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'find that email w the webinar registration numbers', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: "what's in my inbox rn", tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'lowkey need the zoom link dana emailed me, can u dig it up', tools: ['gmail'], action: 'read' },

  // mail: understanding
  { category: 'mail-understand', text: 'gist of the super long email from legal pls', tools: ['gmail'], action: 'summarize' },
  { category: 'mail-understand', text: 'tl;dr my inbox from this morning', tools: ['gmail'], action: 'summarize' },
  {
    category: 'mail-understand',
    text: "who's been emailing me the most this week",
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'top_senders' },
  },
  {
    category: 'mail-understand',
    text: 'did jordan ever reply to my email about the campaign budget',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  { category: 'mail-understand', text: 'sum up the email thread with maya about the pilot pricing', tools: ['gmail'], action: 'summarize' },

  // mail: writes
  { category: 'mail-write', text: "shoot dana an email asking if she's down to do a demo next week", tools: ['gmail'], action: 'send' },
  { category: 'mail-write', text: 'email priya the deck link and say thx for the intro!!', tools: ['gmail'], action: 'send' },
  { category: 'mail-write', text: "reply to maya's email and tell her we can do the pilot at 20% off", tools: ['gmail'], action: 'reply' },
  {
    category: 'mail-write',
    text: "reply all on the webinar email thread saying i'll handle the follow ups",
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  {
    category: 'mail-write',
    text: 'forward the acme pricing email to jordan',
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'mail-write',
    text: "draft a follow up email to the acme folks but don't send it, wanna run it by my manager first",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: 'write up a cold email to the head of ops at globex and just leave it in drafts',
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  { category: 'mail-write', text: 'let sam know the campaign goes live friday', tools: ['gmail'], action: 'send' },
  { category: 'mail-write', text: 'write back to dana, thursday at 2 works for the demo', tools: ['gmail'], action: 'reply' },
  {
    category: 'mail-write',
    text: 'um pass the lead list email along to priya',
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },

  // slack: reads
  { category: 'slack-read', text: "what's new in #deals", tools: ['slack'], action: 'read', entities: { channel: 'deals' } },
  { category: 'slack-read', text: 'any slack dms rn', tools: ['slack'], action: 'read', entities: { chat_scope: 'dm' } },
  {
    category: 'slack-read',
    text: 'did anyone mention the acme renewal on slack',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  {
    category: 'slack-read',
    text: "catch me up on slack, i've been heads down all morning",
    tools: ['slack'],
    action: 'summarize',
    entities: { chat_scope: 'catch_up' },
  },
  {
    category: 'slack-read',
    text: 'sum up #marketing from yesterday',
    tools: ['slack'],
    action: 'summarize',
    entities: { channel: 'marketing' },
  },
  { category: 'slack-read', text: "what'd i miss in #random lol", tools: ['slack'], action: 'summarize', entities: { channel: 'random' } },
  {
    category: 'slack-read',
    text: 'search slack for the q3 campaign brief',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },

  // slack: writes
  { category: 'slack-write', text: 'ping jordan and ask if the landing page is live yet', tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: 'post in #deals that we just closed northwind!!! 🎉',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'deals' },
  },
  { category: 'slack-write', text: 'slack maya the link to the case study', tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: 'drop a msg in #marketing: webinar slides are in the shared drive',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'marketing' },
  },
  { category: 'slack-write', text: 'dm priya on slack, can she loop in design for the banner refresh', tools: ['slack'], action: 'post' },
  { category: 'slack-write', text: 'reply in the slack thread in #support that the fix shipped', tools: ['slack'], action: 'reply' },
  { category: 'slack-write', text: "text sam that i'm running 5 late to standup", tools: ['slack'], action: 'post' },

  // multi-service
  { category: 'multi', text: 'did maya send me anything about the pilot', tools: ['gmail', 'slack'], action: 'read' },
  { category: 'multi', text: 'ok just got back from lunch, catch me up on everything', tools: ['gmail', 'slack'], action: 'summarize' },
  { category: 'multi', text: 'check my calendar and inbox for anything about the acme demo', tools: ['calendar', 'gmail'], action: 'read' },
  {
    category: 'multi',
    text: "what's been going on in slack and email since friday, short version",
    tools: ['gmail', 'slack'],
    action: 'summarize',
  },

  // follow-ups
  {
    category: 'follow-up',
    text: 'push the demo to 4',
    history: [
      { role: 'user', text: "what's on my cal friday" },
      { role: 'assistant', text: 'Friday you have a pipeline review at 10am and a demo with Acme at 2pm.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'follow-up',
    text: "tell her yep i'll send it tonight",
    history: [
      { role: 'user', text: 'any new emails from dana' },
      { role: 'assistant', text: 'Yes, Dana Whitfield emailed at 8:12 asking if you can send the updated one-pager before Thursday.' },
    ],
    tools: ['gmail'],
    action: 'reply',
  },
  // The assistant asked "What should the email to Jordan say?"
  {
    category: 'follow-up',
    text: 'just say the leads are in the sheet, lmk if u have qs',
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Jordan'], emails: ['jordan@example.com'] }, missing: 'message' },
    tools: ['gmail'],
    action: 'send',
  },
  // The assistant asked "What should I post in #marketing?"
  {
    category: 'follow-up',
    text: 'new campaign goes live at noon, get hyped',
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [], channel: 'marketing' }, missing: 'message' },
    tools: ['slack'],
    action: 'post',
  },
  // The assistant asked "When should the call with Sam be?"
  {
    category: 'follow-up',
    text: 'nvm scrap that',
    pending: {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['Sam'], emails: ['sam@example.com'], operation: 'create', duration_minutes: 30 },
      missing: 'start',
    },
    tools: [],
    action: 'unknown',
  },
  {
    category: 'follow-up',
    text: 'forward the first one to sam',
    history: [
      { role: 'user', text: 'what are my latest emails' },
      {
        role: 'assistant',
        text: '1. Maya Chen about pilot pricing. 2. Legal about the MSA redlines. 3. HubSpot about your webinar report.',
      },
    ],
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
];
