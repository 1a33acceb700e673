import type { CorpusCase } from '../types.js';

/** A busy person talking to the assistant in real back-and-forth conversations: half are follow-ups that lean on
 * earlier turns (pronouns, ordinals, "and slack?", "do that again", answers to an open question), half are
 * standalone spoken requests across calendar, mail and Slack. */
export const HELD_OUT_35: CorpusCase[] = [
  // ---- follow-ups with two or more earlier exchanges ----
  {
    category: 'follow-up', text: 'write back and say the 24th works for us',
    history: [
      { role: 'user', text: 'any new emails' },
      { role: 'assistant', text: "Three new: 1. Dana Whitfield about the NDA redlines. 2. Jordan Kim re: offsite venue. 3. Chase, your statement is ready." },
      { role: 'user', text: 'what did jordan want' },
      { role: 'assistant', text: 'Jordan is asking whether the Sonoma venue works for the 24th and needs a yes by Friday.' },
    ],
    tools: ['gmail'], action: 'reply',
  },
  {
    category: 'follow-up', text: 'ok and #design?',
    history: [
      { role: 'user', text: "what's new in #eng" },
      { role: 'assistant', text: "Priya posted that the deploy is blocked on a flaky test; Sam said he's looking into it." },
      { role: 'user', text: 'anything in support' },
      { role: 'assistant', text: 'Two new tickets in #support, both flagged by Jordan, about login timeouts.' },
    ],
    tools: ['slack'], action: 'read', entities: { channel: 'design' },
  },
  {
    category: 'follow-up', text: 'set something up with him friday afternoon then, half an hour',
    history: [
      { role: 'user', text: 'do I have anything with priya this week' },
      { role: 'assistant', text: 'Yes, a 30-minute sync with Priya on Thursday at 11.' },
      { role: 'user', text: 'and with jordan?' },
      { role: 'assistant', text: 'Nothing with Jordan this week.' },
    ],
    tools: ['calendar'], action: 'schedule', entities: { operation: 'create' },
  },
  {
    category: 'follow-up', text: 'reply all and say we can kick off next tuesday',
    history: [
      { role: 'user', text: 'read me the email from maya' },
      { role: 'assistant', text: 'Maya Chen from Acme says the contract is signed and asks when kickoff can happen.' },
      { role: 'user', text: 'who else is on that' },
      { role: 'assistant', text: "Dana Whitfield and Sam Patel are cc'd." },
    ],
    tools: ['gmail'], action: 'reply', entities: { reply_all: true },
  },
  {
    category: 'follow-up', text: 'forward it to sam',
    history: [
      { role: 'user', text: 'show me emails from the landlord' },
      { role: 'assistant', text: "Two: 'Lease renewal' from June 2 and 'Water shutoff Friday' from yesterday." },
      { role: 'user', text: "what's the renewal one say" },
      { role: 'assistant', text: "He's offering a 12-month renewal at $2,450 a month and wants an answer by June 20." },
    ],
    tools: ['gmail'], action: 'send', entities: { forward: true },
  },
  {
    category: 'follow-up', text: "ping him on slack that I'll get to it after lunch",
    history: [
      { role: 'user', text: 'catch me up on slack' },
      { role: 'assistant', text: "Busy morning: in #deals the Acme contract closed, and in #eng the deploy is blocked on a flaky test." },
      { role: 'user', text: 'anything in my dms' },
      { role: 'assistant', text: 'Jordan DMed you asking if you can review his PR today.' },
    ],
    tools: ['slack'], action: 'post',
  },
  {
    category: 'follow-up', text: 'cancel the dentist one',
    history: [
      { role: 'user', text: 'what do I have on monday' },
      { role: 'assistant', text: 'Monday: 9:30 standup, 11:00 roadmap review with Priya, 4:00pm dentist.' },
      { role: 'user', text: 'and tuesday' },
      { role: 'assistant', text: 'Tuesday: 10:00 interview panel and a 2:00pm vendor call.' },
    ],
    tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel' },
  },
  {
    category: 'follow-up', text: 'cool, accept that one',
    history: [
      { role: 'user', text: "any invites I haven't answered" },
      { role: 'assistant', text: "Two: 'Q3 planning offsite' from Priya on June 18, and 'Happy hour' from Jordan on Friday at 5pm." },
      { role: 'user', text: 'what time is the offsite' },
      { role: 'assistant', text: 'Wednesday June 18, 9am to 5pm, at the Oakland office.' },
    ],
    tools: ['calendar'], action: 'schedule', entities: { operation: 'accept' },
  },
  {
    category: 'follow-up', text: 'and decline the other one',
    history: [
      { role: 'user', text: 'do I have pending invites' },
      { role: 'assistant', text: '1. Design crit on Thursday at 3pm from Maya. 2. Vendor demo on Friday at 10am from someone at Globex.' },
      { role: 'user', text: 'accept the design crit' },
      { role: 'assistant', text: 'Done, you accepted the design crit on Thursday at 3.' },
    ],
    tools: ['calendar'], action: 'schedule', entities: { operation: 'decline' },
  },
  {
    category: 'follow-up', text: 'give me the short version of the legal one',
    history: [
      { role: 'user', text: "what's in my inbox from today" },
      { role: 'assistant', text: '1. Dana: NDA redlines. 2. Sam: Q3 deck v2. 3. Legal: updated MSA template. 4. The Morning Brew newsletter.' },
      { role: 'user', text: 'which of those actually matter' },
      { role: 'assistant', text: "Dana's NDA redlines and the MSA template from legal look like they need action." },
    ],
    tools: ['gmail'], action: 'summarize',
  },
  {
    category: 'follow-up', text: 'do that again for friday',
    history: [
      { role: 'user', text: 'block 9 to 11 tomorrow morning for deep work' },
      { role: 'assistant', text: 'Blocked Thursday 12 June, 9:00–11:00am: Deep work.' },
      { role: 'user', text: 'nice thanks' },
      { role: 'assistant', text: "You're welcome!" },
    ],
    tools: ['calendar'], action: 'schedule', entities: { operation: 'create' },
  },
  {
    category: 'follow-up', text: 'hmm actually make it 3',
    history: [
      { role: 'user', text: 'put a call with maya on thursday at 2' },
      { role: 'assistant', text: 'Added: Call with Maya, Thursday 12 June, 2:00–2:30pm.' },
      { role: 'user', text: 'what else is on thursday' },
      { role: 'assistant', text: 'Thursday you also have a design review at 10 and a 1:1 with Sam at 3:30.' },
    ],
    tools: ['calendar'], action: 'schedule', entities: { operation: 'move' },
  },
  {
    category: 'follow-up', text: "reply to the last one, just say thanks dana, I'll take it from here",
    history: [
      { role: 'user', text: 'any emails from dana' },
      { role: 'assistant', text: "Three: 'NDA redlines' on Monday, 'Lunch next week?' on Tuesday, and 'Intro: Northwind CFO' this morning." },
      { role: 'user', text: "what's the intro about" },
      { role: 'assistant', text: "Dana is introducing you to Northwind's CFO, Alex Moreno, to talk about pricing." },
    ],
    tools: ['gmail'], action: 'reply',
  },
  {
    category: 'follow-up', text: 'forward it to sam too',
    history: [
      { role: 'user', text: 'find the email with my flight confirmation' },
      { role: 'assistant', text: 'Found it: United confirmation for UA 1432, SFO to JFK on June 23, received yesterday.' },
      { role: 'user', text: 'send that along to priya' },
      { role: 'assistant', text: 'Forwarded to priya@example.com.' },
    ],
    tools: ['gmail'], action: 'send', entities: { forward: true },
  },
  {
    category: 'follow-up', text: 'what about jordan',
    history: [
      { role: 'user', text: 'did priya reply to my email about the budget' },
      { role: 'assistant', text: 'Yes, Priya replied yesterday: she approved the Q3 budget with a 10% cut to travel.' },
      { role: 'user', text: 'did sam' },
      { role: 'assistant', text: 'No reply from Sam yet.' },
    ],
    tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply' },
  },
  {
    category: 'follow-up', text: 'and slack?',
    history: [
      { role: 'user', text: 'any emails from maya today' },
      { role: 'assistant', text: 'Nothing from Maya in email today.' },
      { role: 'user', text: "hm, she said she'd send over the logo files" },
      { role: 'assistant', text: "I don't see any attachments from her this week." },
    ],
    tools: ['slack'], action: 'read',
  },
  {
    category: 'follow-up', text: "reply in that thread that I'm fine with scale",
    history: [
      { role: 'user', text: "what's happening in #product" },
      { role: 'assistant', text: 'Sam started a thread about the pricing page copy; Priya and Maya replied with edits.' },
      { role: 'user', text: 'what did priya suggest' },
      { role: 'assistant', text: "She suggested dropping the 'Enterprise' tier name and calling it 'Scale' instead." },
    ],
    tools: ['slack'], action: 'reply',
  },
  {
    category: 'follow-up', text: 'post in deals that legal will have the NDA back by friday',
    history: [
      { role: 'user', text: 'summarize #deals from yesterday' },
      { role: 'assistant', text: 'Yesterday in #deals: Acme signed, Northwind is waiting on legal, and two new inbound leads came in.' },
      { role: 'user', text: "who's on northwind" },
      { role: 'assistant', text: "Jordan owns the Northwind account; he posted the last update." },
    ],
    tools: ['slack'], action: 'post', entities: { channel: 'deals' },
  },
  {
    category: 'follow-up', text: "draft a reply saying I'll have notes by thursday morning, but don't send it yet",
    history: [
      { role: 'user', text: 'what did sam send me about the q3 deck' },
      { role: 'assistant', text: 'Sam sent v2 of the Q3 deck and asked for feedback on slides 4 to 7.' },
      { role: 'user', text: 'when does he need it by' },
      { role: 'assistant', text: 'End of day Thursday.' },
    ],
    tools: ['gmail'], action: 'draft', entities: { save_as_draft: true },
  },
  {
    category: 'follow-up', text: 'ok just sum up the thread for me',
    history: [
      { role: 'user', text: 'any emails about the offsite' },
      { role: 'assistant', text: "Four: a thread called 'Offsite logistics' with 12 messages, plus three hotel confirmations." },
      { role: 'user', text: "who's in the thread" },
      { role: 'assistant', text: 'Jordan, Priya, Sam and you.' },
    ],
    tools: ['gmail'], action: 'summarize',
  },
  {
    category: 'follow-up', text: 'same question for tomorrow',
    history: [
      { role: 'user', text: "what's on today" },
      { role: 'assistant', text: 'Today: 10am eng sync, 12:30 lunch with Dana, 3pm roadmap review.' },
      { role: 'user', text: 'am I free after 4' },
      { role: 'assistant', text: "Yes, there's nothing after 4 today." },
    ],
    tools: ['calendar'], action: 'read',
  },
  {
    category: 'follow-up', text: 'forward it to legal but leave it in drafts, I want to add a note first',
    history: [
      { role: 'user', text: 'anything from the acme folks' },
      { role: 'assistant', text: "Maya sent 'Updated SOW' this morning with a PDF attached." },
      { role: 'user', text: 'what changed' },
      { role: 'assistant', text: 'The timeline went from 8 to 10 weeks and the price went up 5%.' },
    ],
    tools: ['gmail'], action: 'draft', entities: { save_as_draft: true, forward: true },
  },
  {
    category: 'follow-up', text: 'remember that maya is our main contact at acme',
    history: [
      { role: 'user', text: "who's my contact at northwind" },
      { role: 'assistant', text: 'Dana Whitfield (dana@northwind.io) is the Northwind person you email most.' },
      { role: 'user', text: 'and at acme' },
      { role: 'assistant', text: 'Maya Chen, maya@acme.com.' },
    ],
    tools: [], action: 'unknown', entities: { remember: 'maya is our main contact at acme' },
  },
  {
    category: 'follow-up', text: 'has he sent me anything about it?',
    history: [
      { role: 'user', text: "what's on my calendar with jordan next week" },
      { role: 'assistant', text: 'Tuesday at 2pm: Offsite planning with Jordan.' },
      { role: 'user', text: "what's that about again" },
      { role: 'assistant', text: "The invite just says 'finalize venue and agenda'." },
    ],
    tools: ['gmail', 'slack'], action: 'read',
  },
  {
    category: 'follow-up', text: "who's sending me the most?",
    history: [
      { role: 'user', text: 'how many unread emails do I have' },
      { role: 'assistant', text: 'You have 47 unread emails.' },
      { role: 'user', text: 'ugh. how many of those are from this week' },
      { role: 'assistant', text: '31 of them are from this week.' },
    ],
    tools: ['gmail'], action: 'read', entities: { analysis: 'top_senders' },
  },
  {
    category: 'follow-up', text: 'tl;dr the whole thing for me',
    history: [
      { role: 'user', text: 'anything new in #marketing' },
      { role: 'assistant', text: 'Quite a bit: 38 messages since yesterday, mostly about the launch email.' },
      { role: 'user', text: 'anything I need to deal with?' },
      { role: 'assistant', text: 'Priya tagged you once asking you to sign off on the subject line.' },
    ],
    tools: ['slack'], action: 'summarize', entities: { channel: 'marketing' },
  },

  // ---- follow-ups answering an open question ----
  // The assistant asked "Which channel should I post it in?"
  {
    category: 'follow-up', text: 'uh, general I guess',
    pending: { tools: ['slack'], action: 'post', entities: { people: [], emails: [] }, missing: 'channel' },
    tools: ['slack'], action: 'post', entities: { channel: 'general' },
  },
  // The assistant asked "When should the meeting with Sam be?"
  {
    category: 'follow-up', text: "nah never mind, I'll sort it out with him myself",
    pending: { tools: ['calendar'], action: 'schedule', entities: { people: ['Sam'], emails: ['sam@example.com'], operation: 'create' }, missing: 'start' },
    tools: [], action: 'unknown',
  },
  // The assistant asked "What should the email to Priya say?"
  {
    category: 'follow-up', text: "hold on, what's on my calendar at 2 today?",
    pending: { tools: ['gmail'], action: 'send', entities: { people: ['Priya'], emails: ['priya@example.com'] }, missing: 'message' },
    tools: ['calendar'], action: 'read',
  },
  // The assistant asked "What should I send Maya on Slack?"
  {
    category: 'follow-up', text: 'that the demo got moved to 4',
    pending: { tools: ['slack'], action: 'post', entities: { people: ['Maya'], emails: ['maya@acme.com'] }, missing: 'message' },
    tools: ['slack'], action: 'post',
  },

  // ---- standalone ----
  { category: 'calendar-read', text: "hey what's my afternoon look like", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'am I free thursday at 10?', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: "when's my next meeting with dana", tools: ['calendar'], action: 'read' },
  { category: 'calendar-create', text: 'book lunch with maya next tuesday at noon', tools: ['calendar'], action: 'schedule', entities: { operation: 'create' } },
  {
    category: 'calendar-create', text: 'can you find 45 minutes with priya and jordan sometime friday and put it on the calendar',
    tools: ['calendar'], action: 'schedule', entities: { operation: 'create' },
  },
  { category: 'calendar-change', text: 'push my 2 oclock to 3:30', tools: ['calendar'], action: 'schedule', entities: { operation: 'move' } },
  { category: 'calendar-change', text: 'cancel the vendor demo on friday', tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel' } },
  {
    category: 'calendar-change', text: "decline the all-hands invite, I'll be on a plane",
    tools: ['calendar'], action: 'schedule', entities: { operation: 'decline' },
  },
  { category: 'calendar-change', text: "accept maya's invite for thursday", tools: ['calendar'], action: 'schedule', entities: { operation: 'accept' } },
  { category: 'mail-read', text: 'did the invoice from northwind come in yet', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'um, any emails from my landlord this week?', tools: ['gmail'], action: 'read' },
  { category: 'mail-understand', text: 'summarize the email thread about the sonoma offsite', tools: ['gmail'], action: 'summarize' },
  {
    category: 'mail-understand', text: 'did dana ever answer my email about the NDA',
    tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply' },
  },
  {
    category: 'mail-understand', text: "quick one: who's emailed me the most this month",
    tools: ['gmail'], action: 'read', entities: { analysis: 'top_senders' },
  },
  { category: 'mail-write', text: 'email sam and ask if the deck is ready for the board meeting', tools: ['gmail'], action: 'send' },
  {
    category: 'mail-write', text: "write up a note to legal about the renewal terms but don't send it, just save it",
    tools: ['gmail'], action: 'draft', entities: { save_as_draft: true },
  },
  { category: 'mail-write', text: "reply to maya's last email and tell her we're good to go", tools: ['gmail'], action: 'reply' },
  { category: 'mail-write', text: 'forward the chase statement to my accountant', tools: ['gmail'], action: 'send', entities: { forward: true } },
  { category: 'slack-read', text: 'whats new in #eng', tools: ['slack'], action: 'read', entities: { channel: 'eng' } },
  {
    category: 'slack-read', text: 'search slack for anything about the pricing page',
    tools: ['slack'], action: 'read', entities: { chat_scope: 'search' },
  },
  { category: 'slack-read', text: "any DMs I haven't read?", tools: ['slack'], action: 'read', entities: { chat_scope: 'dm' } },
  {
    category: 'slack-read', text: 'what did I miss on slack this morning',
    tools: ['slack'], action: 'summarize', entities: { chat_scope: 'catch_up' },
  },
  {
    category: 'slack-write', text: "post in #random that there's leftover pizza in the kitchen",
    tools: ['slack'], action: 'post', entities: { channel: 'random' },
  },
  { category: 'slack-write', text: "ping jordan and ask if he's joining standup", tools: ['slack'], action: 'post' },
  { category: 'multi', text: 'catch me up on email and slack', tools: ['gmail', 'slack'], action: 'summarize' },
  { category: 'multi', text: 'has priya messaged me about the roadmap', tools: ['gmail', 'slack'], action: 'read' },
  {
    category: 'multi', text: 'check my calendar and my inbox for anything about the board meeting',
    tools: ['calendar', 'gmail'], action: 'read',
  },
  {
    category: 'remember', text: "remember that sam's out the whole week of the 23rd",
    tools: [], action: 'unknown', entities: { remember: "sam's out the whole week of the 23rd" },
  },
  {
    category: 'remember', text: 'forget that jordan is my backup for on-call',
    tools: [], action: 'unknown', entities: { forget: 'jordan is my backup for on-call' },
  },
  { category: 'other', text: 'set a timer for 10 minutes', tools: [], action: 'unknown' },
];
