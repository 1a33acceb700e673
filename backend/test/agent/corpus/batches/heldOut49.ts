import type { CorpusCase } from '../types.js';

/** A newsroom reporter juggling sources, editors, pitches and embargoes: interview slots on the calendar, source
 *  and editor mail (did-they-reply, top senders, forwards, reply-all, unsent drafts), the #desk/#breaking/#features Slack. */
export const HELD_OUT_49: CorpusCase[] = [
  // ---- calendar: reads
  { category: 'calendar-read', text: "what's my afternoon look like, any interviews in there?", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: "when's my call with the city council press officer", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'am i free at 2 tomorrow for a quick phone interview', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'do I have anything before the 11am edit meeting on friday?', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'hey how many interview slots have I got booked next week', tools: ['calendar'], action: 'read' },
  // ---- calendar: new events
  {
    category: 'calendar-create',
    text: 'book 45 minutes with priya thursday at 10 to go over the features draft',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'put the embargo lift on my calendar, tuesday 6am eastern',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'Block two hours Friday morning for writing. No calls.',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'set up an interview with dr okafor next monday at 3, 30 min, and invite her',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'calendar-create',
    text: 'um find half an hour with jordan tomorrow afternoon to talk through the investigation and book it',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  // ---- calendar: changes
  {
    category: 'calendar-change',
    text: 'push my 3 oclock with the source to 4:30',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'calendar-change',
    text: "cancel thursday's pitch meeting, the editor's out sick",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'calendar-change',
    text: "decline the all-hands invite on friday — I'm on deadline",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  {
    category: 'calendar-change',
    text: "accept maya's invite for the acme briefing",
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },
  {
    category: 'calendar-change',
    text: 'can you bring the features meeting forward to 9 tomorrow',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  { category: 'calendar-change', text: 'clear my 4pm today', tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel' } },

  // ---- mail: reads and questions
  { category: 'mail-read', text: "any emails from the mayor's office today", tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'did the embargoed report from the institute come in yet?', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'find the email from acme with the press kit link', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: "quick one: what's unread in my inbox", tools: ['gmail'], action: 'read' },
  {
    category: 'mail-read',
    text: 'did dana get back to me about the interview request',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  {
    category: 'mail-read',
    text: 'has the spokesperson replied to my questions yet? I sent them monday',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  {
    category: 'mail-read',
    text: "who's been emailing me the most this week, feels like it's all PR people",
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'top_senders' },
  },
  // ---- mail: summaries
  {
    category: 'mail-understand',
    text: 'summarize the thread with legal about the defamation review',
    tools: ['gmail'],
    action: 'summarize',
  },
  { category: 'mail-understand', text: "give me the gist of sam's email on the budget cuts", tools: ['gmail'], action: 'summarize' },
  {
    category: 'mail-understand',
    text: 'tl;dr the press release the acme folks emailed this morning',
    tools: ['gmail'],
    action: 'summarize',
  },
  // ---- mail: writes
  { category: 'mail-write', text: 'email jordan that the piece is running sunday, not saturday', tools: ['gmail'], action: 'send' },
  {
    category: 'mail-write',
    text: 'Email Maya and ask if she would go on the record about the Acme layoffs',
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'mail-write',
    text: 'shoot an email to the metro editor at the chronicle pitching a longform on water rights in the central valley',
    tools: ['gmail'],
    action: 'send',
  },
  { category: 'mail-write', text: "reply to priya's email, say 800 words is fine and I'll file by 5", tools: ['gmail'], action: 'reply' },
  {
    category: 'mail-write',
    text: "reply all on the embargo thread and confirm we'll hold until thursday 6am",
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  {
    category: 'mail-write',
    text: "forward the spokesperson's statement to dana",
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'mail-write',
    text: "pass the leaked memo email along to sam, he's on the story with me",
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'mail-write',
    text: "draft a pitch to the features editor about the night-shift nurses story but don't send it yet",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: 'write a reply to the professor thanking her for the interview, leave it in drafts so I can double-check the quotes first',
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'mail-write',
    text: 'draft a forward of the court filing to legal but keep it unsent for now',
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true, forward: true },
  },
  { category: 'mail-write', text: 'write back to jordan: yes, but on background only', tools: ['gmail'], action: 'reply' },
  {
    category: 'mail-write',
    text: 'draft an email to the comms team at acme requesting comment on the recall',
    tools: ['gmail'],
    action: 'draft',
  },

  // ---- slack: reads
  { category: 'slack-read', text: "what's new in #breaking", tools: ['slack'], action: 'read', entities: { channel: 'breaking' } },
  {
    category: 'slack-read',
    text: 'catch me up on #desk from this morning',
    tools: ['slack'],
    action: 'summarize',
    entities: { channel: 'desk' },
  },
  {
    category: 'slack-read',
    text: 'search slack for anything on the refinery fire',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  {
    category: 'slack-read',
    text: 'did anyone mention the embargo on slack?',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  { category: 'slack-read', text: 'any slack DMs from the night editor', tools: ['slack'], action: 'read', entities: { chat_scope: 'dm' } },
  {
    category: 'slack-read',
    text: 'what did I miss on slack while I was at the courthouse',
    tools: ['slack'],
    action: 'summarize',
    entities: { chat_scope: 'catch_up' },
  },
  // ---- slack: writes
  {
    category: 'slack-write',
    text: 'post in #features that the nurses piece is slotted for sunday A1',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'features' },
  },
  { category: 'slack-write', text: 'ping sam on slack — need the FOIA docs by noon', tools: ['slack'], action: 'post' },
  { category: 'slack-write', text: 'drop the draft link in #desk please', tools: ['slack'], action: 'post', entities: { channel: 'desk' } },
  {
    category: 'slack-write',
    text: "reply in the thread in #breaking saying we've confirmed it with two sources",
    tools: ['slack'],
    action: 'reply',
  },
  { category: 'slack-write', text: "answer priya's thread in #desk, I'll take the 5pm update", tools: ['slack'], action: 'reply' },
  { category: 'slack-write', text: 'slack maya the embargo time', tools: ['slack'], action: 'post' },

  // ---- multi-service
  { category: 'multi', text: 'has the union rep sent me anything today?', tools: ['gmail', 'slack'], action: 'read' },
  { category: 'multi', text: "catch me up, I've been in interviews all morning", tools: ['gmail', 'slack'], action: 'summarize' },
  {
    category: 'multi',
    text: 'check my calendar and inbox for anything about the panel on friday',
    tools: ['calendar', 'gmail'],
    action: 'read',
  },
  { category: 'multi', text: 'what did jordan say about the legal read on the story', tools: ['gmail', 'slack'], action: 'read' },

  // ---- follow-ups
  {
    category: 'follow-up',
    text: 'summarize the one from the union rep',
    history: [
      { role: 'user', text: 'any new emails from sources?' },
      {
        role: 'assistant',
        text: '1. Teresa Alvarez (union rep) about the strike vote. 2. Dana Whitfield about the Northwind filing. 3. A tip from an anonymous Proton address.',
      },
    ],
    tools: ['gmail'],
    action: 'summarize',
  },
  {
    category: 'follow-up',
    text: 'push the okafor one to 11',
    history: [
      { role: 'user', text: "what's on thursday" },
      { role: 'assistant', text: 'Thursday you have an interview with Dr. Okafor at 10am and the features meeting at 2pm.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'follow-up',
    text: "tell her thursday works, I'll come to her office at 10",
    history: [
      { role: 'user', text: "read me dana's latest email" },
      { role: 'assistant', text: 'Dana Whitfield wrote: "Happy to do the interview in person. Would Thursday morning work for you?"' },
    ],
    tools: ['gmail'],
    action: 'reply',
  },
  // The assistant asked "What should the email to Sam say?"
  {
    category: 'follow-up',
    text: "that we're on for 3 and I'll bring the recorder",
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Sam'], emails: ['sam@example.com'] }, missing: 'message' },
    tools: ['gmail'],
    action: 'send',
  },
  // The assistant asked "When should the meeting with Priya be?"
  {
    category: 'follow-up',
    text: 'tuesday, 10:30',
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
  // The assistant asked "Which channel should I post it in?"
  {
    category: 'follow-up',
    text: "actually never mind, it's been spiked",
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [] }, missing: 'channel' },
    tools: [],
    action: 'unknown',
  },
];
