import type { CorpusCase } from '../types.js';

/** A startup founder typing terse, abbreviated requests between investor meetings (plus a few spoken ones while
 * driving): investors, board deck, fundraising, hiring, customers, co-founder Jordan and the team Slack. */
export const HELD_OUT_33: CorpusCase[] = [
  // ── calendar: read ──
  { category: 'calendar-read', text: 'whats my day look like, back to back mtgs again?', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'am i free thurs 2-3 for an investor call', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: "when's my next 1:1 w jordan", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'anything on cal w the sequoia ppl this wk?', tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-read',
    text: "hey so I'm driving, can you tell me what I've got on the calendar after the board prep meeting this afternoon",
    tools: ['calendar'],
    action: 'read',
  },
  { category: 'calendar-read', text: 'any gaps fri afternoon?', tools: ['calendar'], action: 'read' },

  // ── calendar: create ──
  {
    category: 'calendar-create',
    text: 'book 30 min w priya tmrw 10am re hiring plan',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'set up 1:1 w sam fri 4pm',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'block 2 hrs thurs am for board deck. no mtgs',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: "ok can you put a call with maya from acme on my calendar for next tuesday at eleven, like forty five minutes, it's about their renewal",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'find 30 min w jordan tmrw aft n book it, need to go over term sheet',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'put candidate interview on cal mon 1pm, 1hr',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },

  // ── calendar: change ──
  {
    category: 'calendar-change',
    text: 'push investor sync to 3',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: 'cancel my 4pm today pls',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: 'decline the vendor demo invite thurs',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  {
    category: 'calendar-change',
    text: "accept dana's invite for fri",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },
  {
    category: 'calendar-change',
    text: 'mv 1:1 w jordan to tmrw same time',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: "hey can you drop the all hands prep on friday, we don't need it anymore",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },

  // ── mail: read ──
  { category: 'mail-read', text: 'any emails from dana re term sheet', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'did the signed offer letter email come in from the candidate yet', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'find the email w the cap table from legal', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: "what's unread in my inbox", tools: ['gmail'], action: 'read' },

  // ── mail: understand ──
  {
    category: 'mail-understand',
    text: 'who emailed me most this wk',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'top_senders' },
  },
  {
    category: 'mail-understand',
    text: 'did sam get back to me re the pricing deck',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  { category: 'mail-understand', text: "tldr of maya's latest email pls", tools: ['gmail'], action: 'summarize' },
  { category: 'mail-understand', text: 'sum up the email thread w legal re the safe notes', tools: ['gmail'], action: 'summarize' },
  { category: 'mail-understand', text: 'gist of the replies to my investor update email', tools: ['gmail'], action: 'summarize' },
  { category: 'mail-understand', text: "short version of dana's email about diligence", tools: ['gmail'], action: 'summarize' },

  // ── mail: write ──
  { category: 'mail-write', text: 'email jordan the updated board deck link, say pls review by eod', tools: ['gmail'], action: 'send' },
  { category: 'mail-write', text: 'reply to dana, thurs 2pm works for the partner mtg', tools: ['gmail'], action: 'reply' },
  {
    category: 'mail-write',
    text: 'reply all on the diligence thread: data room ready by fri',
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  { category: 'mail-write', text: "fwd maya's contract email to legal", tools: ['gmail'], action: 'send', entities: { forward: true } },
  {
    category: 'mail-write',
    text: "draft the may investor update, dont send, i'll edit tonight",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: "write back to the recruiter, we're pausing the senior eng search for now",
    tools: ['gmail'],
    action: 'reply',
  },
  { category: 'mail-write', text: 'let priya know the offer for the designer is approved', tools: ['gmail'], action: 'send' },
  {
    category: 'mail-write',
    text: "ok I'm in the car, can you email Sam and ask him to pull together the churn numbers for the board deck by tomorrow morning",
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'mail-write',
    text: 'draft reply to the acme folks re pricing, leave it in drafts',
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: 'pass along the term sheet email to jordan asap',
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },

  // ── slack: read ──
  { category: 'slack-read', text: "what's new in #deals", tools: ['slack'], action: 'read', entities: { channel: 'deals' } },
  { category: 'slack-read', text: 'any dms on slack?', tools: ['slack'], action: 'read', entities: { chat_scope: 'dm' } },
  {
    category: 'slack-read',
    text: 'search slack for the hiring plan doc',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  {
    category: 'slack-read',
    text: 'catch me up on slack, been in pitches all am',
    tools: ['slack'],
    action: 'summarize',
    entities: { chat_scope: 'catch_up' },
  },
  { category: 'slack-read', text: 'summarize #eng from yesterday', tools: ['slack'], action: 'summarize', entities: { channel: 'eng' } },
  {
    category: 'slack-read',
    text: 'did anyone mention the series a on slack',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },

  // ── slack: write ──
  {
    category: 'slack-write',
    text: 'post in #general: all hands moved to 4pm thurs',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'general' },
  },
  { category: 'slack-write', text: 'ping jordan on slack, need him in the investor mtg at 2', tools: ['slack'], action: 'post' },
  { category: 'slack-write', text: 'slack maya the link to the demo recording', tools: ['slack'], action: 'post' },
  { category: 'slack-write', text: 'slack dm to priya: great job on the launch', tools: ['slack'], action: 'post' },
  {
    category: 'slack-write',
    text: "hey can you post in the product channel that we're freezing the roadmap until after the board meeting, and Jordan will share details on Monday",
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'product' },
  },
  { category: 'slack-write', text: 'reply in the #support thread re the login bug, fix is deployed', tools: ['slack'], action: 'reply' },

  // ── multi-service ──
  { category: 'multi', text: 'check cal n inbox for anything w sequoia this wk', tools: ['calendar', 'gmail'], action: 'read' },
  { category: 'multi', text: 'any msgs from jordan today', tools: ['gmail', 'slack'], action: 'read' },
  { category: 'multi', text: 'catch me up, been in mtgs since 7', tools: ['gmail', 'slack'], action: 'summarize' },
  { category: 'multi', text: 'what did dana say about the valuation', tools: ['gmail', 'slack'], action: 'read' },

  // ── follow-ups ──
  {
    category: 'follow-up',
    text: "reply to the first one, say we'd love to meet next wk",
    history: [
      { role: 'user', text: 'any investor emails today' },
      {
        role: 'assistant',
        text: '1. Dana Whitfield about a partner meeting. 2. A note from Redpoint about your deck. 3. Sam Patel forwarding an intro.',
      },
    ],
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'follow-up',
    text: 'cancel the 4',
    history: [
      { role: 'user', text: 'whats on tmrw' },
      {
        role: 'assistant',
        text: 'Tomorrow you have pitch practice with Jordan at 10am, a call with Maya Chen at 1pm and a candidate interview at 4pm.',
      },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'follow-up',
    text: 'board deck v3 is in the drive, need his comments by eod',
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Jordan'], emails: ['jordan@example.com'] }, missing: 'message' },
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'follow-up',
    text: 'tmrw 3pm',
    pending: {
      tools: ['calendar'],
      action: 'schedule',
      entities: { people: ['Priya'], emails: ['priya@example.com'], operation: 'create', duration_minutes: 30 },
      missing: 'start',
    },
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'follow-up',
    text: 'nvm, skip it',
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [], channel: 'deals' }, missing: 'message' },
    tools: [],
    action: 'unknown',
  },
  {
    category: 'follow-up',
    text: 'tell her tues works',
    history: [
      { role: 'user', text: "read me dana's latest email" },
      {
        role: 'assistant',
        text: 'Dana Whitfield wrote: "Can we push the diligence call to early next week? Tuesday or Wednesday works on our side."',
      },
    ],
    tools: ['gmail'],
    action: 'reply',
  },
];
