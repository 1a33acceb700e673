import type { CorpusCase } from '../types.js';

/** A busy team lead hopping between mail, calendar and Slack in one conversation: mostly follow-ups that
 *  lean on what the assistant just read out (often switching service), plus standalone everyday requests. */
export const HELD_OUT_46: CorpusCase[] = [
  // ---- follow-ups (history) ----
  {
    category: 'follow-up',
    text: 'and dana?',
    history: [
      { role: 'user', text: 'any emails from sam today?' },
      {
        role: 'assistant',
        text: 'Yes, one from Sam Patel at 8:12 about the Q3 deck. He wants you to review slides 4 through 9 before Friday.',
      },
    ],
    tools: ['gmail'],
    action: 'read',
  },
  {
    category: 'follow-up',
    text: 'hm ok what about on slack',
    history: [
      { role: 'user', text: 'search my email for anything about the offsite' },
      {
        role: 'assistant',
        text: 'Two emails: the venue quote from Lakeside Lodge on June 2, and Priya Raman asking for dietary restrictions on June 9.',
      },
    ],
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  {
    category: 'follow-up',
    text: 'cancel the vendor call',
    history: [
      { role: 'user', text: "what's on friday" },
      {
        role: 'assistant',
        text: 'Friday you have a 10am design review, lunch with Maya Chen at 1pm, and a 3pm vendor call with the Acme folks.',
      },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'follow-up',
    text: 'ok book it. 30 min is plenty',
    history: [
      { role: 'user', text: 'when are sam and I both free tomorrow afternoon?' },
      { role: 'assistant', text: 'You and Sam Patel are both free tomorrow from 2 to 3:30pm.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'follow-up',
    text: "reply to him and say tuesday's fine",
    history: [
      { role: 'user', text: 'read me the latest from jordan' },
      {
        role: 'assistant',
        text: "Jordan Kim wrote at 7:40: 'Can we push the launch review to next week? Tuesday or Wednesday works for me.'",
      },
    ],
    tools: ['gmail'],
    action: 'reply',
  },
  {
    category: 'follow-up',
    text: 'post that in #eng too so they see it',
    history: [
      { role: 'user', text: 'what did priya say in #product this morning' },
      { role: 'assistant', text: 'Priya posted that the API freeze moves to June 20 and asked every team to flag blockers by Monday.' },
    ],
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'eng' },
  },
  {
    category: 'follow-up',
    text: 'who else is going',
    history: [
      { role: 'user', text: "when's the offsite planning meeting" },
      { role: 'assistant', text: 'Offsite planning is tomorrow, Thursday, at 11am in the Redwood room.' },
    ],
    tools: ['calendar'],
    action: 'read',
  },
  {
    category: 'follow-up',
    text: 'and next week?',
    history: [
      { role: 'user', text: 'do I have anything with maya this week' },
      { role: 'assistant', text: 'No, nothing with Maya Chen on your calendar this week.' },
    ],
    tools: ['calendar'],
    action: 'read',
  },
  {
    category: 'follow-up',
    text: 'summarize it',
    history: [
      { role: 'user', text: 'did the contract from legal come in' },
      { role: 'assistant', text: "Yes, legal emailed yesterday at 5:02pm: 'Revised MSA v3', with a PDF attached and a fairly long note." },
    ],
    tools: ['gmail'],
    action: 'summarize',
  },
  {
    category: 'follow-up',
    text: 'forward that one to priya',
    history: [
      { role: 'user', text: 'find the email with the hotel confirmation' },
      { role: 'assistant', text: "Found it: 'Your reservation at Hotel Zetta, confirmation #88213', from Hotel Zetta on June 3." },
    ],
    tools: ['gmail'],
    action: 'send',
    entities: { forward: true },
  },
  {
    category: 'follow-up',
    text: 'ok decline it',
    history: [
      { role: 'user', text: 'any new invites?' },
      { role: 'assistant', text: "One new invite: 'Q3 budget sync' from Jordan Kim, this Friday 4 to 5pm." },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  {
    category: 'follow-up',
    text: 'now check slack for the same thing',
    history: [
      { role: 'user', text: 'any emails about the acme renewal?' },
      {
        role: 'assistant',
        text: 'Just one, from Maya Chen on Monday: she says Acme wants to renew but is asking about a multi-year discount.',
      },
    ],
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  {
    category: 'follow-up',
    text: "reply in that thread that it's a known bug and the fix ships friday",
    history: [
      { role: 'user', text: "what's the latest in #support" },
      {
        role: 'assistant',
        text: "Sam started a thread 20 minutes ago: a customer on the Pro plan can't export CSVs, and he's asking if anyone has seen it before.",
      },
    ],
    tools: ['slack'],
    action: 'reply',
  },
  {
    category: 'follow-up',
    text: 'push the 1:1 to 3',
    history: [
      { role: 'user', text: "what's on today" },
      { role: 'assistant', text: 'Today you have standup at 10 and a dentist appointment at 4:30.' },
      { role: 'user', text: 'and tomorrow?' },
      { role: 'assistant', text: 'Tomorrow: standup at 10 and a 1:1 with Sam Patel at 2pm.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'follow-up',
    text: 'ok and the other one?',
    history: [
      { role: 'user', text: 'any emails from maya?' },
      { role: 'assistant', text: "Two: 'Pricing questions' from yesterday, and 'Pilot kickoff agenda' from this morning." },
      { role: 'user', text: 'read the pricing one' },
      {
        role: 'assistant',
        text: 'Maya asks whether the annual discount also applies to the add-on seats, and whether you can send a revised quote.',
      },
    ],
    tools: ['gmail'],
    action: 'read',
  },
  {
    category: 'follow-up',
    text: 'sure, accept it',
    history: [
      { role: 'user', text: "what's that invite from dana about" },
      {
        role: 'assistant',
        text: "It's 'Northwind partnership check-in', Monday June 16 at 10am on video. Dana's note says: quick 30 to align on Q3 goals.",
      },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },
  {
    category: 'follow-up',
    text: "write a reply saying I'll be home, but don't send it yet",
    history: [
      { role: 'user', text: 'what did my landlord say' },
      {
        role: 'assistant',
        text: 'Your landlord emailed yesterday: the building inspection is June 18 between 9 and noon, and he needs to know if someone will be home.',
      },
    ],
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'follow-up',
    text: 'reply all and say july 1 works for me',
    history: [
      { role: 'user', text: 'summarize the email thread about the launch date' },
      {
        role: 'assistant',
        text: "Sam, Priya and Jordan are going back and forth on June 24 vs July 1. Jordan prefers July 1 to finish QA; Priya's fine either way.",
      },
    ],
    tools: ['gmail'],
    action: 'reply',
    entities: { reply_all: true },
  },
  {
    category: 'follow-up',
    text: 'nice. did the PO for that come in by email?',
    history: [
      { role: 'user', text: "what's new in #deals" },
      { role: 'assistant', text: 'Maya posted that Acme signed the pilot order, and Jordan shared the updated pipeline sheet.' },
    ],
    tools: ['gmail'],
    action: 'read',
  },
  {
    category: 'follow-up',
    text: 'ok set up 15 min with him after lunch',
    history: [
      { role: 'user', text: 'any DMs?' },
      { role: 'assistant', text: "One from Jordan Kim: 'got a sec today to go over the hiring plan?'" },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'follow-up',
    text: 'ugh. give me the short version',
    history: [
      { role: 'user', text: 'anything happening in #eng?' },
      { role: 'assistant', text: 'Pretty busy: 43 new messages since yesterday, mostly about the deploy rollback.' },
    ],
    tools: ['slack'],
    action: 'summarize',
  },
  {
    category: 'follow-up',
    text: 'is there a confirmation email for it?',
    history: [
      { role: 'user', text: "when's my dentist appointment" },
      { role: 'assistant', text: 'The dentist is Tuesday June 17 at 8:30am.' },
    ],
    tools: ['gmail'],
    action: 'read',
  },
  {
    category: 'follow-up',
    text: 'put coffee with her on tuesday at 10 then',
    history: [
      { role: 'user', text: 'what did dana say about next week' },
      { role: 'assistant', text: "Dana emailed that she's in LA Tuesday and Wednesday next week and would love to grab coffee." },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'follow-up',
    text: 'did he ever get back to me on it',
    history: [
      { role: 'user', text: 'what was the last email I sent to jordan' },
      { role: 'assistant', text: 'Yesterday at 4:15pm you sent Jordan Kim the revised project timeline.' },
    ],
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  {
    category: 'follow-up',
    text: "post in #general that we're aware and working on it",
    history: [
      { role: 'user', text: 'did anyone on slack mention the login outage' },
      { role: 'assistant', text: 'Yes: Sam flagged it in #support at 8:50, and Priya said in #eng that she is looking into it.' },
    ],
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'general' },
  },
  {
    category: 'follow-up',
    text: 'email dana and ask her to bring the revenue numbers',
    history: [
      { role: 'user', text: 'what time is board prep tomorrow' },
      { role: 'assistant', text: 'Board prep is tomorrow at 1pm with Priya Raman and Dana Whitfield.' },
    ],
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'follow-up',
    text: "draft a forward of that to accounting, I'll send it myself later",
    history: [
      { role: 'user', text: 'find the invoice from the acme folks' },
      { role: 'assistant', text: "Found 'Invoice #4471, June services' from billing@acme.com, sent Monday." },
    ],
    tools: ['gmail'],
    action: 'draft',
    entities: { forward: true, save_as_draft: true },
  },
  {
    category: 'follow-up',
    text: 'what exactly did priya say in that DM',
    history: [
      { role: 'user', text: 'what did I miss on slack' },
      {
        role: 'assistant',
        text: 'Busiest were #eng (deploy rollback) and #deals (Acme signed), plus a DM from Priya asking about the offsite budget.',
      },
    ],
    tools: ['slack'],
    action: 'read',
  },
  {
    category: 'follow-up',
    text: "reply to jordan's thread with the link to the grafana dashboard",
    history: [
      { role: 'user', text: 'anything in #eng about the rollback?' },
      { role: 'assistant', text: "Jordan started a thread at 8:40 asking whether anyone has the error logs from last night's deploy." },
    ],
    tools: ['slack'],
    action: 'reply',
  },
  {
    category: 'follow-up',
    text: 'can we bring that forward to 1?',
    history: [
      { role: 'user', text: "when's my call with the acme people" },
      { role: 'assistant', text: "Tomorrow at 3pm, 'Acme pilot sync', with Maya Chen." },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'follow-up',
    text: 'am I free then?',
    history: [
      { role: 'user', text: 'open the email from priya' },
      { role: 'assistant', text: 'Priya would like to meet this Friday at 2pm to go over the hiring plan.' },
    ],
    tools: ['calendar'],
    action: 'read',
  },
  {
    category: 'follow-up',
    text: 'ok put it on the calendar',
    history: [
      { role: 'user', text: 'anything from sam about the retro?' },
      { role: 'assistant', text: 'Sam emailed suggesting the sprint retro next Monday at 4pm, for an hour.' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'follow-up',
    text: 'tl;dr pls',
    history: [
      { role: 'user', text: 'is there anything new in #marketing' },
      { role: 'assistant', text: 'Yes, 18 new messages, mostly about the June newsletter and picking a date for the webinar.' },
    ],
    tools: ['slack'],
    action: 'summarize',
  },
  {
    category: 'follow-up',
    text: 'ok then delete it from my calendar',
    history: [
      { role: 'user', text: "did anyone email about tomorrow's all-hands" },
      { role: 'assistant', text: "Yes, HR emailed that tomorrow's all-hands is cancelled and will happen next Thursday instead." },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'cancel' },
  },
  {
    category: 'follow-up',
    text: 'great, then catch me up on email and slack',
    history: [
      { role: 'user', text: "what's on my calendar this morning" },
      { role: 'assistant', text: 'Nothing until 11am.' },
    ],
    tools: ['gmail', 'slack'],
    action: 'summarize',
  },

  // ---- standalone ----
  { category: 'calendar-read', text: 'hey whats on my calendar tmrw', tools: ['calendar'], action: 'read' },
  {
    category: 'calendar-create',
    text: 'block two hours friday morning for deep work',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  {
    category: 'mail-write',
    text: 'um can you email my landlord that the dishwasher is leaking again',
    tools: ['gmail'],
    action: 'send',
  },
  {
    category: 'remember',
    text: 'remember that jordan prefers mornings for meetings',
    tools: [],
    action: 'unknown',
    entities: { remember: 'jordan prefers mornings for meetings' },
  },
  { category: 'slack-write', text: 'ping sam on slack that the build is green again', tools: ['slack'], action: 'post' },
  { category: 'mail-read', text: 'did I get the flight confirmation from united yet?', tools: ['gmail'], action: 'read' },
  {
    category: 'slack-read',
    text: 'catch me up on slack real quick',
    tools: ['slack'],
    action: 'summarize',
    entities: { chat_scope: 'catch_up' },
  },
  { category: 'multi', text: 'anything from priya today?', tools: ['gmail', 'slack'], action: 'read' },
  { category: 'other', text: "thanks, that's all for now", tools: [], action: 'unknown' },
  {
    category: 'mail-write',
    text: "draft an email to maya about the pilot pricing but don't send it, I want to look it over",
    tools: ['gmail'],
    action: 'draft',
    entities: { save_as_draft: true },
  },
  {
    category: 'calendar-change',
    text: 'reschedule my 1:1 with Jordan to next monday',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'move' },
  },
  {
    category: 'slack-read',
    text: 'search slack for the figma link for the onboarding flow',
    tools: ['slack'],
    action: 'read',
    entities: { chat_scope: 'search' },
  },
  { category: 'slack-read', text: "what's new in #random", tools: ['slack'], action: 'read', entities: { channel: 'random' } },
  {
    category: 'mail-understand',
    text: 'did dana reply about the NDA?',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'did_reply' },
  },
  {
    category: 'multi',
    text: 'check my calendar and inbox for anything about the board meeting',
    tools: ['gmail', 'calendar'],
    action: 'read',
  },
  {
    category: 'remember',
    text: 'forget that sam is on vacation',
    tools: [],
    action: 'unknown',
    entities: { forget: 'sam is on vacation' },
  },
  { category: 'mail-write', text: "let priya know I'm running ten minutes late", tools: ['gmail'], action: 'send' },
  { category: 'mail-understand', text: 'Summarize my unread emails', tools: ['gmail'], action: 'summarize' },
  { category: 'slack-read', text: 'any DMs?', tools: ['slack'], action: 'read', entities: { chat_scope: 'dm' } },
  {
    category: 'slack-write',
    text: 'post in #eng: deploy freeze starts at 5pm today',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'eng' },
  },
  {
    category: 'calendar-change',
    text: 'decline the 4pm on friday',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'decline' },
  },
  {
    category: 'calendar-create',
    text: 'find 30 minutes with dana and maya sometime next week',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'create' },
  },
  { category: 'other', text: "what's the weather like in LA today", tools: [], action: 'unknown' },
  {
    category: 'calendar-change',
    text: 'accept the design review invite',
    tools: ['calendar'],
    action: 'schedule',
    entities: { operation: 'accept' },
  },
  {
    category: 'mail-understand',
    text: 'who emailed me the most this week',
    tools: ['gmail'],
    action: 'read',
    entities: { analysis: 'top_senders' },
  },
];
