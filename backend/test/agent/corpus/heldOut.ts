import type { PendingIntent, Turn } from '../../../src/agent/intent/schema.js';
import { type CorpusCase, at, day, span } from './types.js';

/**
 * The held-out corpus: written after the engine work on the development corpus and reported separately
 * by the bench.
 *
 * Batch 1 (HELD_OUT_1) as first measured: tools+action 63/67 (94.0 %), all entities 59/67 (88.1 %).
 * Its misses then led to general fixes (command leads with "me", "block off time", "to 3pm" targets,
 * "three most recent", companies vs. contacts, article-led search words, DMs vs. unread mail, "oh wait"),
 * so batch 1 is no longer unseen. Batch 2 (HELD_OUT_2) was written after those fixes; as first
 * measured: tools+action 44/47 (93.6 %), all entities 42/47 (89.4 %); its misses were fixed in turn
 * (a calendar word inside Slack search words, "get a meeting on the calendar", "I have anything at 4",
 * "did the legal team respond", a message answer starting with "that"). Batch 3 (HELD_OUT_3) was written
 * after those and a round of probing; as first measured: tools+action 49/53 (92.5 %), all entities 48/53
 * (90.6 %). Its misses were calendar questions with no calendar word ("what have I got on tomorrow
 * morning", "when is the design review"), "find 30 minutes for me and Priya", "make a meeting", and
 * "slack since" read as a name; fixed in general form after measuring. Batch 4 (HELD_OUT_4), written
 * after a further round of probing: tools+action 43/47 (91.5 %), all entities 40/47 (85.1 %) as first
 * measured; misses: "scheduled for the 16th", "organize a team dinner next Friday at 7pm", "can you set
 * something up … ?", "with attachments" read as a name, "unread messages" (either service), "the
 * Northwind email chain", "who's sent me the most mail". Batch 5 (HELD_OUT_5), written in a different
 * voice (terse, typed shorthand, formal, reversed word order): tools+action 42/44 (95.5 %), all entities
 * 40/44 (90.9 %) as first measured; misses: "meeting w/ jordan fri 2pm", "the latest on the Acme renewal",
 * "tell sam on slack the build is broken" (message), "forward to priya the email from dana" (sender).
 * Batch 6 (HELD_OUT_6), aimed at the issue's failure list in fresh words: tools+action 31/33 (93.9 %),
 * all entities 29/33 (87.9 %) as first measured, one of the entity misses being a labelling slip of
 * this corpus (a schedule case that did not list operation 'create'), corrected afterwards; engine
 * misses: "search slack for the word invoice" (a mail word inside the search words), "brought up",
 * "the renewal notice from Adobe". Batch 7 (HELD_OUT_7), everyday requests with new vocabulary:
 * tools+action 36/39 (92.3 %), all entities 31/39 (79.5 %) as first measured; misses: "RSVP no",
 * "mark me as attending", "send dana the agenda" (a document, not an event), "book a flight", "free to
 * grab coffee" (a verb read as a name), "reply all with …", "tell her thursday works" (message),
 * "talking about on slack" (scope). Batch 8 (HELD_OUT_8), the hardest so far: tools+action 35/41
 * (85.4 %), all entities 30/41 (73.2 %) as first measured, one entity miss being a labelling slip (a
 * schedule answer without operation 'create'), corrected; engine misses: "squeeze in 20 minutes",
 * "add an event for …", "move everything on friday to monday", "write maya a quick email", "call mom",
 * "summarize the one from priya" after a mail list, "tomorrow night", "any replies to", "cc maya",
 * "did anyone reply in #deals" (a Slack read, not a mailbox question). Batch 9 (HELD_OUT_9): tools+action
 * 35/41 (85.4 %), all entities 33/41 (80.5 %) as first measured; misses: "when do I next see priya",
 * "how's next week shaping up", "I need 15 minutes with sam", "no, make it 4 instead" (amending a
 * proposed meeting), "cancel the dentist" (right after a calendar answer), "what time is it", "the rest
 * of the day", "wednesday next week". Batch 10 (HELD_OUT_10), ordinary requests along the issue's list, as a
 * tester would try them: 41/41 tools+action and 41/41 all entities as first measured. Batch 11 (HELD_OUT_11),
 * harder again: tools+action 35/40 (87.5 %), all entities 33/40 (82.5 %) as first measured; misses: "how
 * packed is my thursday", "lock in 30 minutes", "tell the organizer … and decline", "anything from dana in
 * my inbox" (not the calendar), "what's dana's latest email about", "the email with the signed NDA",
 * "on slack overnight" (read as a name). Batch 12 (HELD_OUT_12), polite and roundabout wording: tools+action
 * 37/40 (92.5 %), all entities 34/40 (85.0 %) as first measured; misses: "would you mind booking …",
 * "start an email … leave it unsent", "post '…' to #events" (a channel name read as the calendar),
 * "needs to happen" (a verb read as a name), "most active in my inbox", "say anything on slack about …".
 * Batch 13 (HELD_OUT_13), a mixed everyday set: tools+action 39/40 (97.5 %), all entities 38/40 (95.0 %)
 * as first measured; misses: "dm jordan asking if he's free" (the question made it a calendar read),
 * "slack DMs" read as a name.
 */

/** Figures as first measured, before the fixes each batch's misses led to; the bench prints them. */
export const FIRST_MEASURED = [
  { batch: 'held-out batch 1', n: 67, toolsAction: 63, exact: 59 },
  { batch: 'held-out batch 2', n: 47, toolsAction: 44, exact: 42 },
  { batch: 'held-out batch 3', n: 53, toolsAction: 49, exact: 48 },
  { batch: 'held-out batch 4', n: 47, toolsAction: 43, exact: 40 },
  { batch: 'held-out batch 5', n: 44, toolsAction: 42, exact: 40 },
  { batch: 'held-out batch 6', n: 33, toolsAction: 31, exact: 29 },
  { batch: 'held-out batch 7', n: 39, toolsAction: 36, exact: 31 },
  { batch: 'held-out batch 8', n: 41, toolsAction: 35, exact: 30 },
  { batch: 'held-out batch 9', n: 41, toolsAction: 35, exact: 33 },
  { batch: 'held-out batch 10', n: 41, toolsAction: 41, exact: 41 },
  { batch: 'held-out batch 11', n: 40, toolsAction: 35, exact: 33 },
  { batch: 'held-out batch 12', n: 40, toolsAction: 37, exact: 34 },
  { batch: 'held-out batch 13', n: 40, toolsAction: 39, exact: 38 },
];

const THIS_WEEK = { start: at(11, '09:30'), end: at(16, '00:00') };
const NEXT_WEEK = { start: at(16, '00:00'), end: at(23, '00:00') };

const THREE_EMAILS: Turn[] = [
  { role: 'user', text: 'what are my newest emails' },
  { role: 'assistant', text: '1. Dana Whitfield about the NDA. 2. Sam Patel about the Q3 deck. 3. Priya Raman about the June invoice.' },
];
const TOMORROW_1ON1: Turn[] = [
  { role: 'user', text: 'what do I have tomorrow' },
  { role: 'assistant', text: 'Tomorrow you have a 1:1 with Sam at 2pm.' },
];
const sendToDana: PendingIntent = { tools: ['gmail'], action: 'send', entities: { people: ['Dana'], emails: ['dana@northwind.io'] }, missing: 'message' };
const replyToSam: PendingIntent = { tools: ['gmail'], action: 'reply', entities: { people: ['Sam'], emails: ['sam@example.com'] }, missing: 'message' };
const meetJordan: PendingIntent = {
  tools: ['calendar'],
  action: 'schedule',
  entities: { people: ['Jordan'], emails: ['jordan@example.com'], operation: 'create', duration_minutes: 30 },
  missing: 'start',
};
const deckToWhom: PendingIntent = { tools: ['gmail'], action: 'send', entities: { people: [], emails: [], message: 'the deck is ready' }, missing: 'recipient' };

const HELD_OUT_1: CorpusCase[] = [
  { category: 'calendar-read', text: "yo vouch how's my thursday looking", tools: ['calendar'], action: 'read', entities: { time_range: day(12) } },
  { category: 'calendar-read', text: 'Do I have any free time tomorrow afternoon?', tools: ['calendar'], action: 'read', entities: { time_range: span(12, '12:00', '17:00') } },
  { category: 'calendar-read', text: 'what meetings have I got on monday', tools: ['calendar'], action: 'read', entities: { time_range: day(16) } },
  { category: 'calendar-read', text: 'is there anything on my calendar at 3 today', tools: ['calendar'], action: 'read', entities: { time_range: span(11, '15:00', '16:00') } },
  { category: 'calendar-read', text: "When's my next one on one with Maya?", tools: ['calendar'], action: 'read', entities: { people: ['Maya'] } },
  { category: 'calendar-read', text: "Okay so what's my day like tomorrow", tools: ['calendar'], action: 'read', entities: { time_range: day(12) } },
  { category: 'calendar-read', text: 'list my events for next week', tools: ['calendar'], action: 'read', entities: { time_range: NEXT_WEEK } },

  { category: 'calendar-create', text: 'set up a 20 minute call with jordan on friday at 11am', tools: ['calendar'], action: 'schedule', entities: { people: ['Jordan'], operation: 'create', start: at(13, '11:00'), duration_minutes: 20 } },
  { category: 'calendar-create', text: 'Could you book me a meeting with Dana and Sam tomorrow at 2?', tools: ['calendar'], action: 'schedule', entities: { people: ['Dana', 'Sam'], operation: 'create', start: at(12, '14:00') } },
  { category: 'calendar-create', text: 'schedule coffee with maya on friday at half past ten', tools: ['calendar'], action: 'schedule', entities: { people: ['Maya'], operation: 'create', start: at(13, '10:30') } },
  { category: 'calendar-create', text: 'please add a call with Priya to my calendar for monday at 3', tools: ['calendar'], action: 'schedule', entities: { people: ['Priya'], operation: 'create', start: at(16, '15:00') } },
  { category: 'calendar-create', text: 'I need to schedule an hour with Sam on Tuesday at 9', tools: ['calendar'], action: 'schedule', entities: { people: ['Sam'], operation: 'create', start: at(17, '09:00'), duration_minutes: 60 } },
  { category: 'calendar-create', text: 'block off time for a planning session tomorrow at 1pm', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', start: at(12, '13:00') } },
  { category: 'calendar-create', text: 'set up a meeting with jordan kim about the roadmap on the 24th at 10', tools: ['calendar'], action: 'schedule', entities: { people: ['Jordan Kim'], operation: 'create', start: at(24, '10:00'), subject: 'roadmap' } },

  { category: 'calendar-change', text: 'move my meeting with Sam to 3pm', tools: ['calendar'], action: 'schedule', entities: { people: ['Sam'], operation: 'move', start: at(11, '15:00') } },
  { category: 'calendar-change', text: 'can you reschedule the budget review to next friday at 2', tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(13, '14:00') } },
  { category: 'calendar-change', text: 'cancel the standup tomorrow', tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel', time_range: day(12) } },
  { category: 'calendar-change', text: "decline dana's invite for friday", tools: ['calendar'], action: 'schedule', entities: { people: ['Dana'], operation: 'decline', time_range: day(13) } },
  { category: 'calendar-change', text: 'accept the 11am meeting invite', tools: ['calendar'], action: 'schedule', entities: { operation: 'accept', time_range: span(11, '11:00', '12:00') } },
  { category: 'calendar-change', text: 'push the 1:1 with priya back to thursday at 4', tools: ['calendar'], action: 'schedule', entities: { people: ['Priya'], operation: 'move', start: at(12, '16:00') } },
  { category: 'calendar-change', text: "please cancel my 2 o'clock", tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel', time_range: span(11, '14:00', '15:00') } },
  { category: 'calendar-change', text: "I won't make the product sync, decline it please", tools: ['calendar'], action: 'schedule', entities: { operation: 'decline' } },

  { category: 'mail-read', text: 'anything new in my inbox?', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'read me the last email from maya', tools: ['gmail'], action: 'read', entities: { people: ['Maya'], count: 1 } },
  { category: 'mail-read', text: 'Did I get any emails from Sam Patel today?', tools: ['gmail'], action: 'read', entities: { people: ['Sam Patel'], time_range: day(11) } },
  { category: 'mail-read', text: 'show me the three most recent emails', tools: ['gmail'], action: 'read', entities: { count: 3 } },
  { category: 'mail-read', text: 'look up the email about the lease renewal', tools: ['gmail'], action: 'read', entities: { query: 'lease renewal' } },
  { category: 'mail-read', text: 'any unread mail from jordan this morning?', tools: ['gmail'], action: 'read', entities: { people: ['Jordan'], time_range: span(11, '08:00', '12:00') } },

  { category: 'mail-understand', text: 'find the bill from Comcast', tools: ['gmail'], action: 'read', entities: { organization: 'Comcast', query: 'bill' } },
  { category: 'mail-understand', text: 'what did the legal team say about the contract', tools: ['gmail'], action: 'read', entities: { organization: 'legal', query: 'contract' } },
  { category: 'mail-understand', text: 'summarize the thread about the offsite', tools: ['gmail'], action: 'summarize', entities: { query: 'offsite' } },
  { category: 'mail-understand', text: 'who has emailed me the most this week?', tools: ['gmail'], action: 'read', entities: { analysis: 'top_senders', time_range: THIS_WEEK } },
  { category: 'mail-understand', text: 'has Maya replied to me yet', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply', people: ['Maya'] } },
  { category: 'mail-understand', text: 'did dana ever get back to me', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply', people: ['Dana'] } },
  { category: 'mail-understand', text: "what's the gist of the latest email from Priya", tools: ['gmail'], action: 'summarize', entities: { people: ['Priya'], count: 1 } },
  { category: 'mail-understand', text: 'any news from accounting about my expenses', tools: ['gmail'], action: 'read', entities: { organization: 'accounting', query: 'expenses' } },

  { category: 'mail-write', text: 'email maya and say the slides are done', tools: ['gmail'], action: 'send', entities: { people: ['Maya'], message: 'the slides are done' } },
  { category: 'mail-write', text: "reply to Jordan: let's do Friday", tools: ['gmail'], action: 'reply', entities: { people: ['Jordan'], message: "let's do Friday" } },
  { category: 'mail-write', text: "reply all saying I'll take care of it", tools: ['gmail'], action: 'reply', entities: { reply_all: true, message: "I'll take care of it" } },
  { category: 'mail-write', text: 'forward the contract from Dana to Priya', tools: ['gmail'], action: 'send', entities: { forward: true, people: ['Priya'], sender: 'Dana' } },
  { category: 'mail-write', text: 'forward this email to sam@example.com', tools: ['gmail'], action: 'send', entities: { forward: true, emails: ['sam@example.com'] } },
  { category: 'mail-write', text: "write a draft to Sam about Friday's launch but don't send it", tools: ['gmail'], action: 'draft', entities: { save_as_draft: true, people: ['Sam'] } },
  { category: 'mail-write', text: 'send a quick email to priya letting her know the invoice went out', tools: ['gmail'], action: 'send', entities: { people: ['Priya'], message: 'the invoice went out' } },
  { category: 'mail-write', text: "respond to sam's email and tell him I agree", tools: ['gmail'], action: 'reply', entities: { people: ['Sam'], message: 'I agree' } },
  { category: 'mail-write', text: "put together a draft reply to Dana saying we need more time, don't send it", tools: ['gmail'], action: 'draft', entities: { save_as_draft: true, people: ['Dana'], message: 'we need more time' } },

  { category: 'slack-read', text: "catch me up on what's happening in slack", tools: ['slack'], action: 'summarize', entities: { slack_scope: 'catch_up' } },
  { category: 'slack-read', text: 'search slack for anything about the Q4 roadmap', tools: ['slack'], action: 'read', entities: { slack_scope: 'search', query: 'Q4 roadmap' } },
  { category: 'slack-read', text: 'did anyone talk about the outage on slack today', tools: ['slack'], action: 'read', entities: { slack_scope: 'search', query: 'outage', time_range: day(11) } },
  { category: 'slack-read', text: 'do I have any unread DMs', tools: ['slack'], action: 'read', entities: { slack_scope: 'dm' } },
  { category: 'slack-read', text: "what's going on in #marketing", tools: ['slack'], action: 'read', entities: { channel: 'marketing' } },
  { category: 'slack-read', text: 'did someone mention my name on slack', tools: ['slack'], action: 'read', entities: { slack_scope: 'search' } },
  { category: 'slack-read', text: 'what did jordan send me on slack', tools: ['slack'], action: 'read', entities: { people: ['Jordan'] } },

  { category: 'slack-write', text: 'post in #eng that the deploy is done', tools: ['slack'], action: 'post', entities: { channel: 'eng', message: 'the deploy is done' } },
  { category: 'slack-write', text: 'send a DM to maya saying thanks for the help', tools: ['slack'], action: 'post', entities: { slack_scope: 'dm', people: ['Maya'], message: 'thanks for the help' } },
  { category: 'slack-write', text: 'tell the general channel that the all-hands is moved to 3', tools: ['slack'], action: 'post', entities: { channel: 'general', message: 'the all-hands is moved to 3' } },
  { category: 'slack-write', text: 'message jordan on slack: running 5 min late', tools: ['slack'], action: 'post', entities: { slack_scope: 'dm', people: ['Jordan'], message: 'running 5 min late' } },
  { category: 'slack-write', text: 'post an update to #deals saying Acme signed', tools: ['slack'], action: 'post', entities: { channel: 'deals', message: 'Acme signed' } },

  { category: 'follow-up', text: "say that I'll be there at noon", pending: sendToDana, tools: ['gmail'], action: 'send', entities: { people: ['Dana'], message: "I'll be there at noon" } },
  { category: 'follow-up', text: 'friday at 10:30', pending: meetJordan, tools: ['calendar'], action: 'schedule', entities: { people: ['Jordan'], operation: 'create', start: at(13, '10:30') } },
  { category: 'follow-up', text: 'send it to maya', pending: deckToWhom, tools: ['gmail'], action: 'send', entities: { people: ['Maya'], emails: ['maya@acme.com'], message: 'the deck is ready' } },
  { category: 'follow-up', text: 'forward the third one to jordan', history: THREE_EMAILS, tools: ['gmail'], action: 'send', entities: { forward: true, ordinal: 3, people: ['Jordan'] } },
  { category: 'follow-up', text: 'push it to 3:30', history: TOMORROW_1ON1, tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(12, '15:30') } },
  { category: 'follow-up', text: "oh wait, what's on my calendar today?", pending: replyToSam, tools: ['calendar'], action: 'read', entities: { time_range: day(11) } },

  { category: 'remember', text: "remember that Sam's birthday is on the 30th", tools: [], action: 'unknown', entities: { remember: "Sam's birthday is on the 30th" } },
  { category: 'remember', text: 'make a note that the Acme deal closes next quarter', tools: [], action: 'unknown', entities: { remember: 'the Acme deal closes next quarter' } },

  { category: 'other', text: "what's 15 percent of 80", tools: [], action: 'unknown' },
  { category: 'other', text: 'who won the game last night', tools: [], action: 'unknown' },
];

const LAST_WEEK = { start: at(2, '00:00'), end: at(9, '00:00') };

const HELD_OUT_2: CorpusCase[] = [
  { category: 'calendar-read', text: 'hey vouch am i free for lunch tomorrow', tools: ['calendar'], action: 'read', entities: { time_range: day(12) } },
  { category: 'calendar-read', text: "what's on the agenda for friday afternoon", tools: ['calendar'], action: 'read', entities: { time_range: span(13, '12:00', '17:00') } },
  { category: 'calendar-read', text: 'when do i meet with dana next', tools: ['calendar'], action: 'read', entities: { people: ['Dana'] } },
  { category: 'calendar-read', text: 'check whether i have anything at 4 on thursday', tools: ['calendar'], action: 'read', entities: { time_range: span(12, '16:00', '17:00') } },
  { category: 'calendar-read', text: 'Which meetings do I have this week with Sam?', tools: ['calendar'], action: 'read', entities: { people: ['Sam'], time_range: THIS_WEEK } },

  { category: 'calendar-create', text: 'pencil in a catch up with priya for tuesday at 10', tools: ['calendar'], action: 'schedule', entities: { people: ['Priya'], operation: 'create', start: at(17, '10:00') } },
  { category: 'calendar-create', text: 'set up a 15 minute check-in with maya tomorrow at 9:15', tools: ['calendar'], action: 'schedule', entities: { people: ['Maya'], operation: 'create', start: at(12, '09:15'), duration_minutes: 15 } },
  { category: 'calendar-create', text: 'Schedule a one on one with Jordan next Monday at two', tools: ['calendar'], action: 'schedule', entities: { people: ['Jordan'], operation: 'create', start: at(16, '14:00') } },
  { category: 'calendar-create', text: 'book a team lunch on friday at 12:30 for an hour', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', start: at(13, '12:30'), duration_minutes: 60 } },
  { category: 'calendar-create', text: 'can you get a meeting on the calendar with Dana for Thursday morning', tools: ['calendar'], action: 'schedule', entities: { people: ['Dana'], operation: 'create', time_range: span(12, '08:00', '12:00') } },

  { category: 'calendar-change', text: 'move the standup to 10:15', tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(11, '10:15') } },
  { category: 'calendar-change', text: 'reschedule my 4pm to tomorrow', tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(12, '16:00'), time_range: span(11, '16:00', '17:00') } },
  { category: 'calendar-change', text: 'cancel all my meetings on friday', tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel', time_range: day(13) } },
  { category: 'calendar-change', text: 'decline the invite from jordan', tools: ['calendar'], action: 'schedule', entities: { people: ['Jordan'], operation: 'decline' } },
  { category: 'calendar-change', text: 'yes accept the meeting with Priya tomorrow', tools: ['calendar'], action: 'schedule', entities: { people: ['Priya'], operation: 'accept', time_range: day(12) } },
  { category: 'calendar-change', text: 'shift my call with sam to 5:30', tools: ['calendar'], action: 'schedule', entities: { people: ['Sam'], operation: 'move', start: at(11, '17:30') } },

  { category: 'mail-read', text: 'read my most recent email from dana', tools: ['gmail'], action: 'read', entities: { people: ['Dana'], count: 1 } },
  { category: 'mail-read', text: 'are there any emails from priya about the budget', tools: ['gmail'], action: 'read', entities: { people: ['Priya'], query: 'budget' } },
  { category: 'mail-read', text: 'whats in my inbox from yesterday', tools: ['gmail'], action: 'read', entities: { time_range: day(10) } },
  { category: 'mail-read', text: 'find emails from jordan last week', tools: ['gmail'], action: 'read', entities: { people: ['Jordan'], time_range: LAST_WEEK } },

  { category: 'mail-understand', text: 'what did the bank send me', tools: ['gmail'], action: 'read', entities: { organization: 'bank' } },
  { category: 'mail-understand', text: 'give me the gist of the contract thread', tools: ['gmail'], action: 'summarize', entities: { query: 'contract' } },
  { category: 'mail-understand', text: 'has anyone replied to my email about the offsite', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply', query: 'offsite' } },
  { category: 'mail-understand', text: 'who emails me the most', tools: ['gmail'], action: 'read', entities: { analysis: 'top_senders' } },
  { category: 'mail-understand', text: 'did the legal team respond about the NDA', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply', organization: 'legal', query: 'NDA' } },

  { category: 'mail-write', text: 'send jordan an email saying the report is attached', tools: ['gmail'], action: 'send', entities: { people: ['Jordan'], message: 'the report is attached' } },
  { category: 'mail-write', text: "reply to maya and let her know I'll call her later", tools: ['gmail'], action: 'reply', entities: { people: ['Maya'], message: "I'll call her later" } },
  { category: 'mail-write', text: 'reply all and say thanks for the update', tools: ['gmail'], action: 'reply', entities: { reply_all: true, message: 'thanks for the update' } },
  { category: 'mail-write', text: 'forward the last email from Sam to Dana', tools: ['gmail'], action: 'send', entities: { forward: true, sender: 'Sam', people: ['Dana'] } },
  { category: 'mail-write', text: 'draft an email to the team about the holiday schedule and keep it as a draft', tools: ['gmail'], action: 'draft', entities: { save_as_draft: true, subject: 'holiday schedule' } },
  { category: 'mail-write', text: "shoot priya a quick note that I'm running late", tools: ['gmail'], action: 'send', entities: { people: ['Priya'], message: "I'm running late" } },
  { category: 'mail-write', text: 'write back to dana saying sounds good', tools: ['gmail'], action: 'reply', entities: { people: ['Dana'], message: 'sounds good' } },

  { category: 'slack-read', text: 'what did i miss in slack this morning', tools: ['slack'], action: 'summarize', entities: { slack_scope: 'catch_up', time_range: span(11, '08:00', '12:00') } },
  { category: 'slack-read', text: 'search slack for the deploy schedule', tools: ['slack'], action: 'read', entities: { slack_scope: 'search', query: 'deploy schedule' } },
  { category: 'slack-read', text: 'anything new in the sales channel', tools: ['slack'], action: 'read', entities: { channel: 'sales' } },
  { category: 'slack-read', text: 'check my DMs on slack from jordan', tools: ['slack'], action: 'read', entities: { slack_scope: 'dm', people: ['Jordan'] } },
  { category: 'slack-read', text: 'has anyone on slack mentioned the Acme deal', tools: ['slack'], action: 'read', entities: { slack_scope: 'search', query: 'Acme deal' } },

  { category: 'slack-write', text: 'post to #general: pizza in the kitchen', tools: ['slack'], action: 'post', entities: { channel: 'general', message: 'pizza in the kitchen' } },
  { category: 'slack-write', text: 'dm sam that the build is fixed', tools: ['slack'], action: 'post', entities: { slack_scope: 'dm', people: ['Sam'], message: 'the build is fixed' } },
  { category: 'slack-write', text: 'let everyone in #eng know the deploy is done', tools: ['slack'], action: 'post', entities: { channel: 'eng', message: 'the deploy is done' } },

  { category: 'follow-up', text: "let's say wednesday at noon", pending: meetJordan, tools: ['calendar'], action: 'schedule', entities: { operation: 'create', start: at(11, '12:00') } },
  { category: 'follow-up', text: "that I'll send the contract tomorrow", pending: sendToDana, tools: ['gmail'], action: 'send', entities: { message: "I'll send the contract tomorrow" } },
  { category: 'follow-up', text: 'dana@northwind.io', pending: deckToWhom, tools: ['gmail'], action: 'send', entities: { emails: ['dana@northwind.io'] } },
  { category: 'follow-up', text: 'read me the second one', history: THREE_EMAILS, tools: ['gmail'], action: 'read', entities: { ordinal: 2 } },
  { category: 'follow-up', text: 'move that to friday', history: TOMORROW_1ON1, tools: ['calendar'], action: 'schedule', entities: { operation: 'move' } },

  { category: 'remember', text: 'remember I prefer 30 minute meetings', tools: [], action: 'unknown', entities: { remember: 'I prefer 30 minute meetings' } },

  { category: 'other', text: "what's the capital of france", tools: [], action: 'unknown' },
];

const THIS_MONTH = { start: at(1, '00:00'), end: '2025-07-01T00:00:00-07:00' };
const LAST_MONTH = { start: '2025-05-01T00:00:00-07:00', end: at(1, '00:00') };
const postToDeals: PendingIntent = { tools: ['slack'], action: 'post', entities: { people: [], emails: [], channel: 'deals' }, missing: 'message' };

const HELD_OUT_3: CorpusCase[] = [
  { category: 'calendar-read', text: 'what have i got on tomorrow morning', tools: ['calendar'], action: 'read', entities: { time_range: span(12, '08:00', '12:00') } },
  { category: 'calendar-read', text: 'is my calendar clear on friday afternoon', tools: ['calendar'], action: 'read', entities: { time_range: span(13, '12:00', '17:00') } },
  { category: 'calendar-read', text: 'do i have any calls after lunch today', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'when is the design review', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'anything on my schedule for the weekend?', tools: ['calendar'], action: 'read', entities: { time_range: { start: at(14, '00:00'), end: at(16, '00:00') } } },

  { category: 'calendar-create', text: 'can you find 30 minutes for me and priya next week', tools: ['calendar'], action: 'schedule', entities: { people: ['Priya'], operation: 'create', duration_minutes: 30, time_range: NEXT_WEEK } },
  { category: 'calendar-create', text: 'schedule a call with dana for tomorrow at four', tools: ['calendar'], action: 'schedule', entities: { people: ['Dana'], operation: 'create', start: at(12, '16:00') } },
  { category: 'calendar-create', text: 'add lunch with jordan to my calendar on thursday at 12:30', tools: ['calendar'], action: 'schedule', entities: { people: ['Jordan'], operation: 'create', start: at(12, '12:30') } },
  { category: 'calendar-create', text: 'set up a video call with maya and sam monday morning at 10', tools: ['calendar'], action: 'schedule', entities: { people: ['Maya', 'Sam'], operation: 'create', start: at(16, '10:00') } },
  { category: 'calendar-create', text: 'please book a 90 minute planning meeting on the 18th at 1pm', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', start: at(18, '13:00'), duration_minutes: 90 } },
  { category: 'calendar-create', text: 'make a meeting with priya tomorrow at 11', tools: ['calendar'], action: 'schedule', entities: { people: ['Priya'], operation: 'create', start: at(12, '11:00') } },

  { category: 'calendar-change', text: 'could you move my 10am tomorrow to 11:30', tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(12, '11:30'), time_range: span(12, '10:00', '11:00') } },
  { category: 'calendar-change', text: 'cancel the meeting with jordan on friday', tools: ['calendar'], action: 'schedule', entities: { people: ['Jordan'], operation: 'cancel', time_range: day(13) } },
  { category: 'calendar-change', text: "decline tomorrow's all-hands", tools: ['calendar'], action: 'schedule', entities: { operation: 'decline', time_range: day(12) } },
  { category: 'calendar-change', text: 'push my call with dana to next week', tools: ['calendar'], action: 'schedule', entities: { people: ['Dana'], operation: 'move' } },
  { category: 'calendar-change', text: 'accept the invitation from sam for monday', tools: ['calendar'], action: 'schedule', entities: { people: ['Sam'], operation: 'accept', time_range: day(16) } },
  { category: 'calendar-change', text: 'reschedule the 1:1 with maya to 3 tomorrow', tools: ['calendar'], action: 'schedule', entities: { people: ['Maya'], operation: 'move', start: at(12, '15:00') } },
  { category: 'calendar-change', text: "I can't make the sync with Priya today, please decline", tools: ['calendar'], action: 'schedule', entities: { people: ['Priya'], operation: 'decline', time_range: day(11) } },

  { category: 'mail-read', text: 'show me the emails i got today', tools: ['gmail'], action: 'read', entities: { time_range: day(11) } },
  { category: 'mail-read', text: 'any email from jordan kim', tools: ['gmail'], action: 'read', entities: { people: ['Jordan Kim'] } },
  { category: 'mail-read', text: 'find the thread with dana about pricing', tools: ['gmail'], action: 'read', entities: { people: ['Dana'], query: 'pricing' } },
  { category: 'mail-read', text: 'read the last two emails from sam', tools: ['gmail'], action: 'read', entities: { people: ['Sam'], count: 2 } },
  { category: 'mail-read', text: 'check my inbox for anything from priya', tools: ['gmail'], action: 'read', entities: { people: ['Priya'] } },

  { category: 'mail-understand', text: 'what did marketing send about the launch', tools: ['gmail'], action: 'read', entities: { organization: 'marketing', query: 'launch' } },
  { category: 'mail-understand', text: 'get me the gist of the email from maya', tools: ['gmail'], action: 'summarize', entities: { people: ['Maya'] } },
  { category: 'mail-understand', text: 'has sam responded yet', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply', people: ['Sam'] } },
  { category: 'mail-understand', text: 'who emailed me most last month', tools: ['gmail'], action: 'read', entities: { analysis: 'top_senders', time_range: LAST_MONTH } },
  { category: 'mail-understand', text: 'find the order confirmation from Amazon', tools: ['gmail'], action: 'read', entities: { organization: 'Amazon' } },
  { category: 'mail-understand', text: 'did jordan get back to me on the budget', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply', people: ['Jordan'] } },

  { category: 'mail-write', text: 'email priya saying the meeting is moved to friday', tools: ['gmail'], action: 'send', entities: { people: ['Priya'], message: 'the meeting is moved to friday' } },
  { category: 'mail-write', text: "reply to dana and say I'll sign it today", tools: ['gmail'], action: 'reply', entities: { people: ['Dana'], message: "I'll sign it today" } },
  { category: 'mail-write', text: 'reply to everyone on that thread saying great work', tools: ['gmail'], action: 'reply', entities: { reply_all: true, message: 'great work' } },
  { category: 'mail-write', text: 'forward the receipt from uber to jordan', tools: ['gmail'], action: 'send', entities: { forward: true, people: ['Jordan'], organization: 'uber' } },
  { category: 'mail-write', text: "write an email to sam asking if he's free tomorrow but save it as a draft", tools: ['gmail'], action: 'draft', entities: { save_as_draft: true, people: ['Sam'] } },
  { category: 'mail-write', text: "let jordan know I'll be late to the meeting", tools: ['gmail'], action: 'send', entities: { people: ['Jordan'], message: "I'll be late to the meeting" } },
  { category: 'mail-write', text: 'send maya an email about the contract renewal', tools: ['gmail'], action: 'send', entities: { people: ['Maya'], subject: 'contract renewal' } },

  { category: 'slack-read', text: 'anything new on slack since this morning', tools: ['slack'], action: 'read', entities: { slack_scope: 'catch_up' } },
  { category: 'slack-read', text: 'search slack for messages about the migration', tools: ['slack'], action: 'read', entities: { slack_scope: 'search', query: 'migration' } },
  { category: 'slack-read', text: 'did anyone on slack ask about the demo', tools: ['slack'], action: 'read', entities: { slack_scope: 'search', query: 'demo' } },
  { category: 'slack-read', text: "what's happening in #support", tools: ['slack'], action: 'read', entities: { channel: 'support' } },
  { category: 'slack-read', text: 'check my slack direct messages', tools: ['slack'], action: 'read', entities: { slack_scope: 'dm' } },
  { category: 'slack-read', text: "summarize today's slack", tools: ['slack'], action: 'summarize', entities: { slack_scope: 'catch_up', time_range: day(11) } },

  { category: 'slack-write', text: 'post in the deals channel that we signed acme', tools: ['slack'], action: 'post', entities: { channel: 'deals', message: 'we signed acme' } },
  { category: 'slack-write', text: 'dm dana on slack saying the doc is ready', tools: ['slack'], action: 'post', entities: { slack_scope: 'dm', people: ['Dana'], message: 'the doc is ready' } },
  { category: 'slack-write', text: 'send a slack message to jordan: can you review my PR', tools: ['slack'], action: 'post', entities: { slack_scope: 'dm', people: ['Jordan'], message: 'can you review my PR' } },

  { category: 'follow-up', text: 'tomorrow afternoon at 2:30', pending: meetJordan, tools: ['calendar'], action: 'schedule', entities: { operation: 'create', start: at(12, '14:30') } },
  { category: 'follow-up', text: 'let her know the contract is signed', pending: sendToDana, tools: ['gmail'], action: 'send', entities: { people: ['Dana'], message: 'the contract is signed' } },
  { category: 'follow-up', text: 'we hit our Q2 target', pending: postToDeals, tools: ['slack'], action: 'post', entities: { channel: 'deals', message: 'we hit our Q2 target' } },
  { category: 'follow-up', text: 'actually cancel that', history: TOMORROW_1ON1, tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel' } },
  { category: 'follow-up', text: "reply to the first one saying I'll review it tonight", history: THREE_EMAILS, tools: ['gmail'], action: 'reply', entities: { ordinal: 1, message: "I'll review it tonight" } },

  { category: 'remember', text: 'please remember that my standup is at 9:15 every day', tools: [], action: 'unknown', entities: { remember: 'my standup is at 9:15 every day' } },

  { category: 'other', text: "what's the time in tokyo", tools: [], action: 'unknown' },
  { category: 'other', text: 'order me a pizza', tools: [], action: 'unknown' },
];

const HELD_OUT_4: CorpusCase[] = [
  { category: 'calendar-read', text: 'how does my afternoon look', tools: ['calendar'], action: 'read', entities: { time_range: span(11, '12:00', '17:00') } },
  { category: 'calendar-read', text: 'am I booked solid on wednesday', tools: ['calendar'], action: 'read', entities: { time_range: day(11) } },
  { category: 'calendar-read', text: 'got anything scheduled for the 16th', tools: ['calendar'], action: 'read', entities: { time_range: day(16) } },
  { category: 'calendar-read', text: "what's after my 2 o'clock today", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'are there any meetings i can skip tomorrow', tools: ['calendar'], action: 'read', entities: { time_range: day(12) } },

  { category: 'calendar-create', text: 'grab 45 minutes with dana on monday at 2', tools: ['calendar'], action: 'schedule', entities: { people: ['Dana'], operation: 'create', start: at(16, '14:00'), duration_minutes: 45 } },
  { category: 'calendar-create', text: 'organize a team dinner next friday at 7pm', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', start: at(13, '19:00') } },
  { category: 'calendar-create', text: 'can you set something up with jordan and priya for wednesday at 3?', tools: ['calendar'], action: 'schedule', entities: { people: ['Jordan', 'Priya'], operation: 'create', start: at(11, '15:00') } },
  { category: 'calendar-create', text: 'schedule a 2-hour offsite planning session with maya on june 25 at 9am', tools: ['calendar'], action: 'schedule', entities: { people: ['Maya'], operation: 'create', start: at(25, '09:00'), duration_minutes: 120 } },
  { category: 'calendar-create', text: 'send sam an invite for friday at 4pm', tools: ['calendar'], action: 'schedule', entities: { people: ['Sam'], operation: 'create', start: at(13, '16:00') } },

  { category: 'calendar-change', text: "move tomorrow's meeting with dana to 4pm", tools: ['calendar'], action: 'schedule', entities: { people: ['Dana'], operation: 'move', start: at(12, '16:00') } },
  { category: 'calendar-change', text: 'cancel the call with jordan at 5', tools: ['calendar'], action: 'schedule', entities: { people: ['Jordan'], operation: 'cancel', time_range: span(11, '17:00', '18:00') } },
  { category: 'calendar-change', text: 'please decline the all hands invite on friday', tools: ['calendar'], action: 'schedule', entities: { operation: 'decline', time_range: day(13) } },
  { category: 'calendar-change', text: "go ahead and accept dana's invite", tools: ['calendar'], action: 'schedule', entities: { people: ['Dana'], operation: 'accept' } },
  { category: 'calendar-change', text: 'bump the standup to 9:45 tomorrow', tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(12, '09:45') } },
  { category: 'calendar-change', text: 'scrap my meetings this afternoon', tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel', time_range: span(11, '12:00', '17:00') } },

  { category: 'mail-read', text: 'did i get anything from the bank', tools: ['gmail'], action: 'read', entities: { organization: 'bank' } },
  { category: 'mail-read', text: 'show me what priya emailed me this week', tools: ['gmail'], action: 'read', entities: { people: ['Priya'], time_range: THIS_WEEK } },
  { category: 'mail-read', text: 'find emails with attachments from sam', tools: ['gmail'], action: 'read', entities: { people: ['Sam'] } },
  { category: 'mail-read', text: 'open my unread messages', tools: ['gmail', 'slack'], action: 'read' },
  { category: 'mail-read', text: "what's in the thread about the Q3 budget", tools: ['gmail'], action: 'read', entities: { query: 'Q3 budget' } },

  { category: 'mail-understand', text: 'what did procurement say about the vendor contract', tools: ['gmail'], action: 'read', entities: { organization: 'procurement', query: 'vendor contract' } },
  { category: 'mail-understand', text: 'boil down the Northwind email chain for me', tools: ['gmail'], action: 'summarize', entities: { query: 'Northwind' } },
  { category: 'mail-understand', text: 'has priya gotten back to me', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply', people: ['Priya'] } },
  { category: 'mail-understand', text: "who's sent me the most mail this month", tools: ['gmail'], action: 'read', entities: { analysis: 'top_senders', time_range: THIS_MONTH } },
  { category: 'mail-understand', text: 'any response from jordan about the offer', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply', people: ['Jordan'] } },

  { category: 'mail-write', text: 'email sam and tell him the demo went well', tools: ['gmail'], action: 'send', entities: { people: ['Sam'], message: 'the demo went well' } },
  { category: 'mail-write', text: "reply to priya's email with a thumbs up", tools: ['gmail'], action: 'reply', entities: { people: ['Priya'] } },
  { category: 'mail-write', text: "reply all: I'll be there", tools: ['gmail'], action: 'reply', entities: { reply_all: true, message: "I'll be there" } },
  { category: 'mail-write', text: "forward jordan's email about the budget to maya", tools: ['gmail'], action: 'send', entities: { forward: true, sender: 'Jordan', people: ['Maya'] } },
  { category: 'mail-write', text: 'compose an email to dana about the renewal and leave it in drafts', tools: ['gmail'], action: 'draft', entities: { save_as_draft: true, people: ['Dana'], subject: 'renewal' } },
  { category: 'mail-write', text: 'send a note to maya that the office is closed monday', tools: ['gmail'], action: 'send', entities: { people: ['Maya'], message: 'the office is closed monday' } },
  { category: 'mail-write', text: 'write back to jordan that friday works', tools: ['gmail'], action: 'reply', entities: { people: ['Jordan'], message: 'friday works' } },

  { category: 'slack-read', text: 'any pings for me on slack', tools: ['slack'], action: 'read' },
  { category: 'slack-read', text: 'look through slack for anything on the hiring plan', tools: ['slack'], action: 'read', entities: { slack_scope: 'search', query: 'hiring plan' } },
  { category: 'slack-read', text: "what's the chatter in #random today", tools: ['slack'], action: 'read', entities: { channel: 'random', time_range: day(11) } },
  { category: 'slack-read', text: 'read my slack messages from priya', tools: ['slack'], action: 'read', entities: { people: ['Priya'] } },
  { category: 'slack-read', text: 'catch me up on the engineering channel', tools: ['slack'], action: 'summarize', entities: { channel: 'engineering' } },

  { category: 'slack-write', text: 'post to #design that the mockups are ready', tools: ['slack'], action: 'post', entities: { channel: 'design', message: 'the mockups are ready' } },
  { category: 'slack-write', text: 'send jordan a dm saying lunch at noon?', tools: ['slack'], action: 'post', entities: { slack_scope: 'dm', people: ['Jordan'], message: 'lunch at noon?' } },
  { category: 'slack-write', text: 'tell everyone in #general the wifi is back', tools: ['slack'], action: 'post', entities: { channel: 'general', message: 'the wifi is back' } },

  { category: 'follow-up', text: 'make it thursday at 4:30', pending: meetJordan, tools: ['calendar'], action: 'schedule', entities: { operation: 'create', start: at(12, '16:30') } },
  { category: 'follow-up', text: 'to dana and jordan', pending: deckToWhom, tools: ['gmail'], action: 'send', entities: { people: ['Dana', 'Jordan'] } },
  { category: 'follow-up', text: 'what did the third one say', history: THREE_EMAILS, tools: ['gmail'], action: 'read', entities: { ordinal: 3 } },
  { category: 'follow-up', text: 'decline that one', history: TOMORROW_1ON1, tools: ['calendar'], action: 'schedule', entities: { operation: 'decline' } },

  { category: 'remember', text: "remember that i'm out of office the week of july 4", tools: [], action: 'unknown', entities: { remember: "i'm out of office the week of july 4" } },

  { category: 'other', text: 'translate hello into spanish', tools: [], action: 'unknown' },
];

const ACME_INVOICE: Turn[] = [
  { role: 'user', text: 'any emails from acme?' },
  { role: 'assistant', text: 'Acme billing sent the June invoice yesterday.' },
];
const TOMORROW_TWO: Turn[] = [
  { role: 'user', text: "what's on tomorrow" },
  { role: 'assistant', text: 'You have standup at 9 and a client call at 2.' },
];

const HELD_OUT_5: CorpusCase[] = [
  { category: 'calendar-read', text: 'calendar tomorrow', tools: ['calendar'], action: 'read', entities: { time_range: day(12) } },
  { category: 'mail-read', text: 'emails from sam', tools: ['gmail'], action: 'read', entities: { people: ['Sam'] } },
  { category: 'slack-read', text: 'slack dms', tools: ['slack'], action: 'read', entities: { slack_scope: 'dm' } },
  { category: 'calendar-create', text: 'meeting w/ jordan fri 2pm', tools: ['calendar'], action: 'schedule', entities: { people: ['Jordan'], operation: 'create', start: at(13, '14:00') } },
  { category: 'calendar-read', text: 'I would like to know if I have meetings on thursday', tools: ['calendar'], action: 'read', entities: { time_range: day(12) } },
  { category: 'mail-understand', text: 'Please can you tell me whether Dana has written back to me', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply', people: ['Dana'] } },
  { category: 'calendar-create', text: 'Kindly schedule a call with Priya for next Monday 11 am', tools: ['calendar'], action: 'schedule', entities: { people: ['Priya'], operation: 'create', start: at(16, '11:00') } },
  { category: 'multi', text: "what's the latest on the Acme renewal", tools: ['gmail', 'slack'], action: 'read' },
  { category: 'mail-write', text: 'send the slides to maya', tools: ['gmail'], action: 'send', entities: { people: ['Maya'] } },
  { category: 'slack-write', text: 'tell sam on slack the build is broken', tools: ['slack'], action: 'post', entities: { slack_scope: 'dm', people: ['Sam'], message: 'the build is broken' } },
  { category: 'mail-write', text: "could you reply to jordan's last email and tell him we're good to go", tools: ['gmail'], action: 'reply', entities: { people: ['Jordan'], message: "we're good to go" } },
  { category: 'mail-write', text: "draft but don't send a note to dana about the renewal", tools: ['gmail'], action: 'draft', entities: { save_as_draft: true, people: ['Dana'] } },
  { category: 'mail-write', text: 'forward to priya the email from dana about the nda', tools: ['gmail'], action: 'send', entities: { forward: true, people: ['Priya'], sender: 'Dana' } },
  { category: 'mail-write', text: "reply to everybody on the thread that we'll ship friday", tools: ['gmail'], action: 'reply', entities: { reply_all: true, message: "we'll ship friday" } },
  { category: 'calendar-change', text: 'move the sync with maya from 3 to 4', tools: ['calendar'], action: 'schedule', entities: { people: ['Maya'], operation: 'move', start: at(11, '16:00') } },
  { category: 'calendar-change', text: 'can you cancel everything on my calendar tomorrow afternoon', tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel', time_range: span(12, '12:00', '17:00') } },
  { category: 'calendar-change', text: "i'd like to decline the meeting invite from sam", tools: ['calendar'], action: 'schedule', entities: { people: ['Sam'], operation: 'decline' } },
  { category: 'calendar-change', text: 'please accept all invites for next week', tools: ['calendar'], action: 'schedule', entities: { operation: 'accept', time_range: NEXT_WEEK } },
  { category: 'mail-read', text: 'how many emails did I get today', tools: ['gmail'], action: 'read', entities: { time_range: day(11) } },
  { category: 'slack-read', text: "who's been messaging me on slack", tools: ['slack'], action: 'read' },
  { category: 'slack-read', text: 'what are people saying in #deals', tools: ['slack'], action: 'read', entities: { channel: 'deals' } },
  { category: 'mail-read', text: 'find anything about the budget in my email', tools: ['gmail'], action: 'read', entities: { query: 'budget' } },
  { category: 'mail-understand', text: 'any news from the legal team', tools: ['gmail'], action: 'read', entities: { organization: 'legal' } },
  { category: 'mail-understand', text: 'did the finance team send the invoice', tools: ['gmail'], action: 'read', entities: { organization: 'finance' } },
  { category: 'calendar-read', text: "what's my week look like", tools: ['calendar'], action: 'read' },
  { category: 'slack-write', text: 'ping jordan', tools: ['slack'], action: 'post', entities: { people: ['Jordan'] } },
  { category: 'slack-write', text: "text maya that I'm downstairs", tools: ['slack'], action: 'post', entities: { people: ['Maya'], message: "I'm downstairs" } },
  { category: 'calendar-create', text: 'put a 1:1 with priya on thursday at 10 on the calendar', tools: ['calendar'], action: 'schedule', entities: { people: ['Priya'], operation: 'create', start: at(12, '10:00') } },
  { category: 'calendar-create', text: 'set up a recurring weekly sync with the team on mondays at 9', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', start: at(16, '09:00') } },
  { category: 'calendar-change', text: 'push the review to 3:30 please', tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(11, '15:30') } },
  { category: 'mail-write', text: "respond to maya's message saying thanks", tools: ['gmail'], action: 'reply', entities: { people: ['Maya'], message: 'thanks' } },
  { category: 'slack-read', text: 'what did jordan post in #general', tools: ['slack'], action: 'read', entities: { channel: 'general', people: ['Jordan'] } },
  { category: 'mail-read', text: 'search my inbox for flight confirmations', tools: ['gmail'], action: 'read', entities: { query: 'flight confirmations' } },
  { category: 'mail-read', text: 'show me newsletters from this week', tools: ['gmail'], action: 'read', entities: { time_range: THIS_WEEK } },
  { category: 'mail-read', text: 'any unanswered emails', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: "summarize yesterday's emails", tools: ['gmail'], action: 'summarize', entities: { time_range: day(10) } },

  { category: 'follow-up', text: 'forward it to sam', history: ACME_INVOICE, tools: ['gmail'], action: 'send', entities: { forward: true, people: ['Sam'] } },
  { category: 'follow-up', text: 'move the client call to 3', history: TOMORROW_TWO, tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(12, '15:00') } },
  { category: 'follow-up', text: 'maya please', pending: deckToWhom, tools: ['gmail'], action: 'send', entities: { people: ['Maya'] } },
  { category: 'follow-up', text: 'monday', pending: meetJordan, tools: ['calendar'], action: 'schedule', entities: { operation: 'create', time_range: day(16) } },
  { category: 'follow-up', text: "just that I'm running late", pending: sendToDana, tools: ['gmail'], action: 'send', entities: { message: "I'm running late" } },

  { category: 'remember', text: "remember my assistant's name is Alex", tools: [], action: 'unknown', entities: { remember: "my assistant's name is Alex" } },

  { category: 'other', text: "what's 2 plus 2", tools: [], action: 'unknown' },
  { category: 'other', text: 'who are you', tools: [], action: 'unknown' },
];

const turns = (user: string, assistant: string): Turn[] => [
  { role: 'user', text: user },
  { role: 'assistant', text: assistant },
];

const HELD_OUT_6: CorpusCase[] = [
  { category: 'slack-read', text: 'catch me up on what I missed in slack', tools: ['slack'], action: 'summarize', entities: { slack_scope: 'catch_up' } },
  { category: 'slack-read', text: 'search slack for the word invoice', tools: ['slack'], action: 'read', entities: { slack_scope: 'search' } },
  { category: 'slack-read', text: 'has anybody brought up the merger in slack', tools: ['slack'], action: 'read', entities: { slack_scope: 'search' } },
  { category: 'slack-read', text: 'any dms from maya', tools: ['slack'], action: 'read', entities: { slack_scope: 'dm', people: ['Maya'] } },
  { category: 'slack-read', text: 'show me my slack direct messages from today', tools: ['slack'], action: 'read', entities: { slack_scope: 'dm', time_range: day(11) } },
  { category: 'mail-understand', text: 'the renewal notice from Adobe', tools: ['gmail'], action: 'read', entities: { organization: 'Adobe' } },
  { category: 'mail-understand', text: 'what did HR say about the new policy', tools: ['gmail'], action: 'read', entities: { organization: 'hr', query: 'new policy' } },
  { category: 'mail-understand', text: 'give me a summary of the thread with the Acme folks', tools: ['gmail'], action: 'summarize' },
  { category: 'mail-understand', text: 'who has been emailing me the most lately', tools: ['gmail'], action: 'read', entities: { analysis: 'top_senders' } },
  { category: 'mail-understand', text: 'did priya write back', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply', people: ['Priya'] } },
  { category: 'mail-write', text: "reply to all of them saying I'm in", tools: ['gmail'], action: 'reply', entities: { reply_all: true, message: "I'm in" } },
  { category: 'mail-write', text: 'forward this to my manager', tools: ['gmail'], action: 'send', entities: { forward: true } },
  { category: 'mail-write', text: "save this as a draft and don't send", tools: ['gmail'], action: 'draft', entities: { save_as_draft: true } },
  { category: 'mail-write', text: 'email jordan about the Q3 numbers but keep it in drafts', tools: ['gmail'], action: 'draft', entities: { save_as_draft: true, people: ['Jordan'] } },
  { category: 'calendar-change', text: "move my 1 o'clock to 2", tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(11, '14:00') } },
  { category: 'calendar-change', text: 'could you reschedule the team sync to thursday at 11am', tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(12, '11:00') } },
  { category: 'calendar-change', text: 'cancel my lunch with priya tomorrow', tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel', people: ['Priya'], time_range: day(12) } },
  { category: 'calendar-change', text: 'decline the 9am tomorrow', tools: ['calendar'], action: 'schedule', entities: { operation: 'decline', time_range: span(12, '09:00', '10:00') } },
  { category: 'calendar-change', text: 'accept the invite for the board meeting', tools: ['calendar'], action: 'schedule', entities: { operation: 'accept' } },
  { category: 'calendar-create', text: 'schedule a meeting with sam tomorrow at 2 even if it clashes with something', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Sam'], start: at(12, '14:00') } },
  { category: 'calendar-create', text: 'book 30 minutes with dana at 3 tomorrow', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Dana'], start: at(12, '15:00'), duration_minutes: 30 } },
  { category: 'mail-write', text: 'email JORDAN about lunch', tools: ['gmail'], action: 'send', entities: { people: ['Jordan'], emails: ['jordan@example.com'] } },
  { category: 'mail-write', text: 'send an email to priya raman about the contract', tools: ['gmail'], action: 'send', entities: { people: ['Priya Raman'], emails: ['priya@example.com'] } },
  { category: 'remember', text: 'remember that the quarterly review is in the big conference room', tools: [], action: 'unknown', entities: { remember: 'the quarterly review is in the big conference room' } },

  { category: 'follow-up', text: 'that the report is late', history: turns('email maya', 'What should the email say?'), tools: ['gmail'], action: 'send', entities: { people: ['Maya'], message: 'the report is late' } },
  { category: 'follow-up', text: 'friday morning at 9', history: turns('book a meeting with sam', 'When should the meeting be?'), tools: ['calendar'], action: 'schedule', entities: { people: ['Sam'], operation: 'create', start: at(13, '09:00') } },
  { category: 'follow-up', text: 'move it to 11', history: turns("what's on tomorrow", 'You have a call with Dana at 10.'), tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(12, '11:00') } },
  { category: 'follow-up', text: 'reply to the second one saying yes we can', history: turns('show me emails from dana', '1. NDA draft 2. Pricing question'), tools: ['gmail'], action: 'reply', entities: { ordinal: 2, message: 'yes we can' } },
  { category: 'follow-up', text: 'forward it to priya', history: turns('any new emails', 'One from Sam Patel about the Q3 deck.'), tools: ['gmail'], action: 'send', entities: { forward: true, people: ['Priya'] } },
  { category: 'follow-up', text: 'decline it', history: turns("what's on my calendar friday", 'A design review at 11.'), tools: ['calendar'], action: 'schedule', entities: { operation: 'decline' } },
  { category: 'follow-up', text: '#eng', history: turns('send a slack message saying the build is green', 'Which channel should I post that in?'), tools: ['slack'], action: 'post', entities: { channel: 'eng', message: 'the build is green' } },

  { category: 'other', text: "what's the exchange rate for euros", tools: [], action: 'unknown' },
  { category: 'other', text: 'tell me about yourself', tools: [], action: 'unknown' },
];

const HELD_OUT_7: CorpusCase[] = [
  { category: 'calendar-read', text: "what's coming up this afternoon", tools: ['calendar'], action: 'read', entities: { time_range: span(11, '12:00', '17:00') } },
  { category: 'calendar-read', text: 'am i free to grab coffee with dana at 4', tools: ['calendar'], action: 'read', entities: { people: ['Dana'], time_range: span(11, '16:00', '17:00') } },
  { category: 'calendar-read', text: 'do I have a gap tomorrow for a quick call', tools: ['calendar'], action: 'read', entities: { time_range: day(12) } },
  { category: 'calendar-read', text: "when's the offsite", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: "what's the first thing on my schedule monday", tools: ['calendar'], action: 'read', entities: { time_range: day(16) } },
  { category: 'calendar-create', text: 'set up time with priya next week to go over the budget', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Priya'], time_range: NEXT_WEEK } },
  { category: 'calendar-create', text: 'lunch with sam friday at noon', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Sam'], start: at(13, '12:00') } },
  { category: 'calendar-create', text: 'can you throw a 15 min sync on the calendar with jordan for 4pm today', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Jordan'], start: at(11, '16:00'), duration_minutes: 15 } },
  { category: 'calendar-change', text: 'push my afternoon meetings to tomorrow', tools: ['calendar'], action: 'schedule', entities: { operation: 'move' } },
  { category: 'calendar-change', text: 'drop the 2pm from my calendar', tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel', time_range: span(11, '14:00', '15:00') } },
  { category: 'calendar-change', text: 'RSVP no to the holiday party', tools: ['calendar'], action: 'schedule', entities: { operation: 'decline' } },
  { category: 'calendar-change', text: 'mark me as attending the all-hands', tools: ['calendar'], action: 'schedule', entities: { operation: 'accept' } },
  { category: 'mail-read', text: "any emails I haven't replied to", tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'pull up the last message from dana in my inbox', tools: ['gmail'], action: 'read', entities: { people: ['Dana'], count: 1 } },
  { category: 'mail-read', text: 'look up the shipping confirmation from Amazon', tools: ['gmail'], action: 'read', entities: { organization: 'Amazon' } },
  { category: 'mail-read', text: "what's the newest thing in my inbox", tools: ['gmail'], action: 'read' },
  { category: 'mail-understand', text: 'what did the design team email about the logo', tools: ['gmail'], action: 'read', entities: { organization: 'design', query: 'logo' } },
  { category: 'mail-understand', text: 'did anyone from acme get back to me', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply' } },
  { category: 'mail-understand', text: 'who writes to me the most', tools: ['gmail'], action: 'read', entities: { analysis: 'top_senders' } },
  { category: 'mail-understand', text: 'tl;dr the thread from maya', tools: ['gmail'], action: 'summarize', entities: { people: ['Maya'] } },
  { category: 'mail-write', text: 'reply to jordan ok sounds good', tools: ['gmail'], action: 'reply', entities: { people: ['Jordan'], message: 'ok sounds good' } },
  { category: 'mail-write', text: 'send dana the agenda for tomorrow', tools: ['gmail'], action: 'send', entities: { people: ['Dana'] } },
  { category: 'mail-write', text: 'forward the flight confirmation to my wife', tools: ['gmail'], action: 'send', entities: { forward: true } },
  { category: 'mail-write', text: 'reply all with the updated numbers', tools: ['gmail'], action: 'reply', entities: { reply_all: true, message: 'the updated numbers' } },
  { category: 'mail-write', text: "put together an email to sam about the offsite but don't send it", tools: ['gmail'], action: 'draft', entities: { save_as_draft: true, people: ['Sam'] } },
  { category: 'slack-read', text: "what's new in the marketing channel", tools: ['slack'], action: 'read', entities: { channel: 'marketing' } },
  { category: 'slack-read', text: 'did jordan message me on slack', tools: ['slack'], action: 'read', entities: { people: ['Jordan'] } },
  { category: 'slack-read', text: 'any mentions of the launch in slack this week', tools: ['slack'], action: 'read', entities: { slack_scope: 'search', query: 'launch', time_range: THIS_WEEK } },
  { category: 'slack-read', text: "what's everyone talking about on slack", tools: ['slack'], action: 'read', entities: { slack_scope: 'catch_up' } },
  { category: 'slack-write', text: 'post in #general: all hands moved to 4', tools: ['slack'], action: 'post', entities: { channel: 'general', message: 'all hands moved to 4' } },
  { category: 'slack-write', text: 'dm maya the new link', tools: ['slack'], action: 'post', entities: { slack_scope: 'dm', people: ['Maya'] } },
  { category: 'slack-write', text: 'let the team know on slack that the release is out', tools: ['slack'], action: 'post', entities: { message: 'the release is out' } },
  { category: 'follow-up', text: "ask him if he's free thursday", history: turns('email jordan', 'What would you like to say to Jordan?'), tools: ['gmail'], action: 'send', entities: { people: ['Jordan'] } },
  { category: 'follow-up', text: 'thursday noon', history: turns('schedule lunch with maya', 'When should the meeting be?'), tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Maya'], start: at(12, '12:00') } },
  { category: 'follow-up', text: 'can we push that to 3', history: turns("what's on my calendar tomorrow", 'You have a 1:1 with Sam at 2pm tomorrow.'), tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(12, '15:00') } },
  { category: 'follow-up', text: 'forward the second one to jordan', history: turns('read my last 3 emails', '1. Dana… 2. Sam… 3. Priya…'), tools: ['gmail'], action: 'send', entities: { forward: true, ordinal: 2, people: ['Jordan'] } },
  { category: 'follow-up', text: 'tell her thursday works', history: turns('any emails from dana', 'Dana Whitfield asked if Thursday works.'), tools: ['gmail'], action: 'send', entities: { people: ['Dana Whitfield'], message: 'thursday works' } },
  { category: 'remember', text: 'remember that jordan prefers slack over email', tools: [], action: 'unknown', entities: { remember: 'jordan prefers slack over email' } },
  { category: 'other', text: 'book a flight to new york', tools: [], action: 'unknown' },
];

const HELD_OUT_8: CorpusCase[] = [
  { category: 'calendar-read', text: 'what am I doing tomorrow night', tools: ['calendar'], action: 'read', entities: { time_range: { start: at(12, '18:00'), end: at(13, '00:00') } } },
  { category: 'calendar-read', text: 'is there time for lunch with priya on friday', tools: ['calendar'], action: 'read', entities: { people: ['Priya'], time_range: day(13) } },
  { category: 'calendar-read', text: 'how long is my meeting with dana', tools: ['calendar'], action: 'read', entities: { people: ['Dana'] } },
  { category: 'calendar-read', text: "where's my 3 o'clock", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'anything scheduled after 5 today', tools: ['calendar'], action: 'read' },
  { category: 'calendar-create', text: 'plan a lunch with jordan next thursday at 1', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Jordan'], start: at(12, '13:00') } },
  { category: 'calendar-create', text: 'squeeze in 20 minutes with maya this afternoon', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Maya'], duration_minutes: 20, time_range: span(11, '12:00', '17:00') } },
  { category: 'calendar-create', text: 'set up a zoom with dana tomorrow at 11', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Dana'], start: at(12, '11:00') } },
  { category: 'calendar-create', text: 'add an event for the product launch on june 30 at 10am', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', start: at(30, '10:00') } },
  { category: 'calendar-change', text: 'move everything on friday to monday', tools: ['calendar'], action: 'schedule', entities: { operation: 'move' } },
  { category: 'calendar-change', text: 'shift the demo back half an hour', tools: ['calendar'], action: 'schedule', entities: { operation: 'move' } },
  { category: 'calendar-change', text: 'kill the 4:30', tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel', time_range: span(11, '16:30', '17:30') } },
  { category: 'calendar-change', text: "i'm going to skip the retro, decline it", tools: ['calendar'], action: 'schedule', entities: { operation: 'decline' } },
  { category: 'calendar-change', text: "confirm i'll attend the kickoff", tools: ['calendar'], action: 'schedule', entities: { operation: 'accept' } },
  { category: 'mail-read', text: 'show me mail from priya since monday', tools: ['gmail'], action: 'read', entities: { people: ['Priya'] } },
  { category: 'mail-read', text: 'find the thread where sam talks about the roadmap', tools: ['gmail'], action: 'read', entities: { people: ['Sam'], query: 'roadmap' } },
  { category: 'mail-read', text: 'do I have unread email from legal', tools: ['gmail'], action: 'read', entities: { organization: 'legal' } },
  { category: 'mail-understand', text: 'any replies to my proposal', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply' } },
  { category: 'mail-understand', text: 'who has sent me the most emails today', tools: ['gmail'], action: 'read', entities: { analysis: 'top_senders', time_range: day(11) } },
  { category: 'mail-understand', text: "what's the gist of the Acme thread", tools: ['gmail'], action: 'summarize', entities: { query: 'Acme' } },
  { category: 'mail-understand', text: 'sum up my inbox', tools: ['gmail'], action: 'summarize' },
  { category: 'mail-write', text: 'email the deck to jordan and cc maya', tools: ['gmail'], action: 'send', entities: { people: ['Jordan', 'Maya'] } },
  { category: 'mail-write', text: "answer priya saying I'll be there", tools: ['gmail'], action: 'reply', entities: { people: ['Priya'], message: "I'll be there" } },
  { category: 'mail-write', text: 'reply back to sam that tuesday works', tools: ['gmail'], action: 'reply', entities: { people: ['Sam'], message: 'tuesday works' } },
  { category: 'mail-write', text: 'fwd the invoice to accounting', tools: ['gmail'], action: 'send', entities: { forward: true } },
  { category: 'mail-write', text: "draft an email to jordan saying thanks for the intro, but don't send it yet", tools: ['gmail'], action: 'draft', entities: { save_as_draft: true, people: ['Jordan'], message: 'thanks for the intro' } },
  { category: 'mail-write', text: 'write maya a quick email about the schedule change', tools: ['gmail'], action: 'send', entities: { people: ['Maya'] } },
  { category: 'slack-read', text: 'did anyone reply in the #deals channel', tools: ['slack'], action: 'read', entities: { channel: 'deals' } },
  { category: 'slack-read', text: 'what did i miss in #general', tools: ['slack'], action: 'summarize', entities: { channel: 'general' } },
  { category: 'slack-read', text: 'check slack for anything from dana', tools: ['slack'], action: 'read', entities: { slack_scope: 'search', people: ['Dana'] } },
  { category: 'multi', text: 'search slack and email for the contract', tools: ['gmail', 'slack'], action: 'read', entities: { query: 'contract' } },
  { category: 'slack-write', text: 'message the team in #eng that standup is cancelled', tools: ['slack'], action: 'post', entities: { channel: 'eng', message: 'standup is cancelled' } },
  { category: 'slack-write', text: "tell jordan over slack that I'm on my way", tools: ['slack'], action: 'post', entities: { people: ['Jordan'], message: "I'm on my way" } },
  { category: 'slack-write', text: 'post a thank you in #general', tools: ['slack'], action: 'post', entities: { channel: 'general' } },
  { category: 'follow-up', text: 'that the numbers look right', history: turns('draft a reply to sam', 'What would you like to say to Sam?'), tools: ['gmail'], action: 'reply', entities: { people: ['Sam'], message: 'the numbers look right' } },
  { category: 'follow-up', text: 'move lunch to 1', history: turns("what's on thursday", 'You have a design review at 10 and lunch with Dana at 12.'), tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(12, '13:00') } },
  { category: 'follow-up', text: 'summarize the one from priya', history: turns('find emails about the budget', 'Two threads: one from Jordan, one from Priya.'), tools: ['gmail'], action: 'summarize', entities: { people: ['Priya'] } },
  { category: 'follow-up', text: 'any time thursday afternoon', history: turns('set up a call with maya', 'When should the meeting be?'), tools: ['calendar'], action: 'schedule', entities: { people: ['Maya'], operation: 'create', time_range: span(12, '12:00', '17:00') } },
  { category: 'follow-up', text: 'Acme just signed!', history: turns('post in #deals', 'What should I post in #deals?'), tools: ['slack'], action: 'post', entities: { channel: 'deals', message: 'Acme just signed!' } },
  { category: 'other', text: 'call mom', tools: [], action: 'unknown' },
  { category: 'other', text: 'open spotify', tools: [], action: 'unknown' },
];

const HELD_OUT_9: CorpusCase[] = [
  { category: 'calendar-read', text: 'do I have anything tonight', tools: ['calendar'], action: 'read', entities: { time_range: { start: at(11, '18:00'), end: at(12, '00:00') } } },
  { category: 'calendar-read', text: "what's my schedule for the rest of the day", tools: ['calendar'], action: 'read', entities: { time_range: { start: at(11, '09:30'), end: at(12, '00:00') } } },
  { category: 'calendar-read', text: 'when do I next see priya', tools: ['calendar'], action: 'read', entities: { people: ['Priya'] } },
  { category: 'calendar-read', text: 'am I meeting anyone for lunch tomorrow', tools: ['calendar'], action: 'read', entities: { time_range: day(12) } },
  { category: 'calendar-read', text: "how's next week shaping up", tools: ['calendar'], action: 'read', entities: { time_range: NEXT_WEEK } },
  { category: 'calendar-create', text: 'set up a meeting for the three of us, me, dana and sam, on friday at 10', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Dana', 'Sam'], start: at(13, '10:00') } },
  { category: 'calendar-create', text: 'get lunch on the calendar with maya for thursday', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Maya'], time_range: day(12) } },
  { category: 'calendar-create', text: 'schedule a 1:1 with jordan every monday at 9', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Jordan'], start: at(16, '09:00') } },
  { category: 'calendar-create', text: 'I need 15 minutes with sam before 5 today', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Sam'], duration_minutes: 15 } },
  { category: 'calendar-change', text: 'move the 3pm with dana to wednesday next week', tools: ['calendar'], action: 'schedule', entities: { operation: 'move', people: ['Dana'], start: at(18, '15:00') } },
  { category: 'calendar-change', text: "cancel friday's standup", tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel', time_range: day(13) } },
  { category: 'calendar-change', text: 'decline all meetings tomorrow afternoon', tools: ['calendar'], action: 'schedule', entities: { operation: 'decline', time_range: span(12, '12:00', '17:00') } },
  { category: 'calendar-change', text: "please accept jordan's meeting for next tuesday", tools: ['calendar'], action: 'schedule', entities: { operation: 'accept', people: ['Jordan'], time_range: day(17) } },
  { category: 'calendar-change', text: 'can you move my lunch with sam half an hour later', tools: ['calendar'], action: 'schedule', entities: { operation: 'move', people: ['Sam'] } },
  { category: 'mail-read', text: 'what did the recruiter email me', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'anything from northwind in my inbox', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'find the email where dana mentions the deadline', tools: ['gmail'], action: 'read', entities: { people: ['Dana'], query: 'deadline' } },
  { category: 'mail-understand', text: 'did sam ever answer about the budget', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply', people: ['Sam'] } },
  { category: 'mail-understand', text: 'who wrote to me most often last week', tools: ['gmail'], action: 'read', entities: { analysis: 'top_senders', time_range: LAST_WEEK } },
  { category: 'mail-understand', text: "what's the summary of the offsite thread", tools: ['gmail'], action: 'summarize', entities: { query: 'offsite' } },
  { category: 'mail-write', text: "reply to dana's last email and say we'll confirm by friday", tools: ['gmail'], action: 'reply', entities: { people: ['Dana'], message: "we'll confirm by friday" } },
  { category: 'mail-write', text: 'reply-all saying thanks, will do', tools: ['gmail'], action: 'reply', entities: { reply_all: true, message: 'thanks, will do' } },
  { category: 'mail-write', text: 'forward the email from the bank to my accountant', tools: ['gmail'], action: 'send', entities: { forward: true, organization: 'bank' } },
  { category: 'mail-write', text: "save a reply to jordan as a draft saying I'll get back to him monday", tools: ['gmail'], action: 'draft', entities: { save_as_draft: true, people: ['Jordan'], message: "I'll get back to him monday" } },
  { category: 'mail-write', text: 'send maya a message on email saying the doc is shared', tools: ['gmail'], action: 'send', entities: { people: ['Maya'], message: 'the doc is shared' } },
  { category: 'mail-write', text: 'email priya and jordan the meeting notes', tools: ['gmail'], action: 'send', entities: { people: ['Priya', 'Jordan'] } },
  { category: 'slack-read', text: "what's up in the deals channel today", tools: ['slack'], action: 'read', entities: { channel: 'deals', time_range: day(11) } },
  { category: 'slack-read', text: 'catch me up on slack since yesterday', tools: ['slack'], action: 'summarize', entities: { slack_scope: 'catch_up' } },
  { category: 'slack-read', text: 'search slack for Q2 results', tools: ['slack'], action: 'read', entities: { slack_scope: 'search', query: 'Q2 results' } },
  { category: 'slack-read', text: 'any new DMs from sam on slack', tools: ['slack'], action: 'read', entities: { slack_scope: 'dm', people: ['Sam'] } },
  { category: 'slack-read', text: 'did anybody mention me on slack', tools: ['slack'], action: 'read', entities: { slack_scope: 'search' } },
  { category: 'slack-write', text: 'post in #random asking who wants lunch', tools: ['slack'], action: 'post', entities: { channel: 'random' } },
  { category: 'slack-write', text: "slack the team that I'm out sick", tools: ['slack'], action: 'post', entities: { message: "I'm out sick" } },
  { category: 'slack-write', text: 'DM priya: can we talk later?', tools: ['slack'], action: 'post', entities: { slack_scope: 'dm', people: ['Priya'], message: 'can we talk later?' } },
  { category: 'follow-up', text: "that we're moving it to july", history: turns('email sam about the offsite', 'What should the email say?'), tools: ['gmail'], action: 'send', entities: { people: ['Sam'], message: "we're moving it to july" } },
  { category: 'follow-up', text: 'how about 11 tomorrow', history: turns('book a meeting with dana', 'When should the meeting be?'), tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Dana'], start: at(12, '11:00') } },
  { category: 'follow-up', text: 'no, make it 4 instead', history: turns('schedule a call with priya tomorrow at 3', 'You already have a 1:1 with Sam at 3. Book it anyway?'), tools: ['calendar'], action: 'schedule', entities: { operation: 'create', start: at(12, '16:00') } },
  { category: 'follow-up', text: 'forward the invoice to sam', history: turns('what emails do I have from acme', 'Two: an invoice and a renewal notice.'), tools: ['gmail'], action: 'send', entities: { forward: true, people: ['Sam'] } },
  { category: 'follow-up', text: 'cancel the dentist', history: turns('what do I have friday', 'A dentist appointment at 8:30 and a team sync at 11.'), tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel' } },
  { category: 'remember', text: "remember that dana's assistant is called Kim", tools: [], action: 'unknown', entities: { remember: "dana's assistant is called Kim" } },
  { category: 'other', text: 'what time is it', tools: [], action: 'unknown' },
];

const HELD_OUT_10: CorpusCase[] = [
  { category: 'calendar-read', text: 'whats on my calendar today', tools: ['calendar'], action: 'read', entities: { time_range: day(11) } },
  { category: 'calendar-read', text: 'any meetings friday', tools: ['calendar'], action: 'read', entities: { time_range: day(13) } },
  { category: 'calendar-read', text: 'am i free at 11 tomorrow', tools: ['calendar'], action: 'read', entities: { time_range: span(12, '11:00', '12:00') } },
  { category: 'calendar-read', text: "what's my next call about", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'do I have any conflicts tomorrow afternoon', tools: ['calendar'], action: 'read', entities: { time_range: span(12, '12:00', '17:00') } },
  { category: 'calendar-create', text: 'book a call with priya next wednesday at 10:30', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Priya'], start: at(18, '10:30') } },
  { category: 'calendar-create', text: 'schedule time with jordan and dana tomorrow afternoon', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Jordan', 'Dana'], time_range: span(12, '12:00', '17:00') } },
  { category: 'calendar-create', text: 'set up a 1 hour meeting with sam on the 20th at 2pm', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Sam'], start: at(20, '14:00'), duration_minutes: 60 } },
  { category: 'calendar-create', text: 'create a meeting called budget review on friday at 3', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', subject: 'budget review', start: at(13, '15:00') } },
  { category: 'calendar-change', text: 'move my meeting with maya from thursday to friday at 2', tools: ['calendar'], action: 'schedule', entities: { operation: 'move', people: ['Maya'], start: at(13, '14:00') } },
  { category: 'calendar-change', text: 'cancel the sync on monday', tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel', time_range: day(16) } },
  { category: 'calendar-change', text: 'decline the meeting with jordan tomorrow', tools: ['calendar'], action: 'schedule', entities: { operation: 'decline', people: ['Jordan'], time_range: day(12) } },
  { category: 'calendar-change', text: "accept all of dana's invites", tools: ['calendar'], action: 'schedule', entities: { operation: 'accept', people: ['Dana'] } },
  { category: 'calendar-change', text: 'can you reschedule lunch with sam to 1pm', tools: ['calendar'], action: 'schedule', entities: { operation: 'move', people: ['Sam'], start: at(11, '13:00') } },
  { category: 'mail-read', text: 'read my new emails', tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'what did priya email me about', tools: ['gmail'], action: 'read', entities: { people: ['Priya'] } },
  { category: 'mail-read', text: 'find emails from maya about the contract', tools: ['gmail'], action: 'read', entities: { people: ['Maya'], query: 'contract' } },
  { category: 'mail-understand', text: 'any emails from the accounting team', tools: ['gmail'], action: 'read', entities: { organization: 'accounting' } },
  { category: 'mail-understand', text: 'find the invoice from Globex', tools: ['gmail'], action: 'read', entities: { organization: 'Globex', query: 'invoice' } },
  { category: 'mail-understand', text: 'summarize the email thread with jordan', tools: ['gmail'], action: 'summarize', entities: { people: ['Jordan'] } },
  { category: 'mail-understand', text: 'who has emailed me the most this week', tools: ['gmail'], action: 'read', entities: { analysis: 'top_senders', time_range: THIS_WEEK } },
  { category: 'mail-understand', text: 'did maya reply to my last email', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply', people: ['Maya'] } },
  { category: 'mail-write', text: 'reply to sam and say thanks for the update', tools: ['gmail'], action: 'reply', entities: { people: ['Sam'], message: 'thanks for the update' } },
  { category: 'mail-write', text: 'reply all and say the meeting is moved to 3', tools: ['gmail'], action: 'reply', entities: { reply_all: true, message: 'the meeting is moved to 3' } },
  { category: 'mail-write', text: 'forward the contract to jordan', tools: ['gmail'], action: 'send', entities: { forward: true, people: ['Jordan'] } },
  { category: 'mail-write', text: 'forward the last email from priya to dana', tools: ['gmail'], action: 'send', entities: { forward: true, sender: 'Priya', people: ['Dana'] } },
  { category: 'mail-write', text: 'write an email to maya saying hi and save it as a draft', tools: ['gmail'], action: 'draft', entities: { save_as_draft: true, people: ['Maya'], message: 'hi' } },
  { category: 'mail-write', text: 'send an email to jordan about the launch', tools: ['gmail'], action: 'send', entities: { people: ['Jordan'], subject: 'launch' } },
  { category: 'slack-read', text: 'catch me up on slack today', tools: ['slack'], action: 'summarize', entities: { slack_scope: 'catch_up', time_range: day(11) } },
  { category: 'slack-read', text: 'search slack for the launch date', tools: ['slack'], action: 'read', entities: { slack_scope: 'search', query: 'launch date' } },
  { category: 'slack-read', text: 'did anyone mention the outage on slack', tools: ['slack'], action: 'read', entities: { slack_scope: 'search', query: 'outage' } },
  { category: 'slack-read', text: 'check my slack DMs from today', tools: ['slack'], action: 'read', entities: { slack_scope: 'dm', time_range: day(11) } },
  { category: 'slack-read', text: "what's happening in #engineering", tools: ['slack'], action: 'read', entities: { channel: 'engineering' } },
  { category: 'slack-write', text: "post in #general that I'm working from home", tools: ['slack'], action: 'post', entities: { channel: 'general', message: "I'm working from home" } },
  { category: 'slack-write', text: 'dm sam on slack that the doc is ready', tools: ['slack'], action: 'post', entities: { slack_scope: 'dm', people: ['Sam'], message: 'the doc is ready' } },
  { category: 'follow-up', text: "ask if she's free for lunch", history: turns('email priya', 'What should the email say?'), tools: ['gmail'], action: 'send', entities: { people: ['Priya'] } },
  { category: 'follow-up', text: 'friday at 3pm', history: turns('schedule a call with sam', 'When should the meeting be?'), tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Sam'], start: at(13, '15:00') } },
  { category: 'follow-up', text: 'move it to 3', history: turns("what's on my calendar today", 'You have a sync with Jordan at 2pm.'), tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(11, '15:00') } },
  { category: 'follow-up', text: "reply to the third one saying I'll sign today", history: turns('show me my last 3 emails', '1. Priya: invoice 2. Sam: deck 3. Dana: NDA'), tools: ['gmail'], action: 'reply', entities: { ordinal: 3, message: "I'll sign today" } },
  { category: 'remember', text: 'remember that sam is on vacation next week', tools: [], action: 'unknown', entities: { remember: 'sam is on vacation next week' } },
  { category: 'other', text: "what's the weather in london", tools: [], action: 'unknown' },
];

const HELD_OUT_11: CorpusCase[] = [
  { category: 'calendar-read', text: "what's on the books for tomorrow", tools: ['calendar'], action: 'read', entities: { time_range: day(12) } },
  { category: 'calendar-read', text: 'do i have to be anywhere this afternoon', tools: ['calendar'], action: 'read', entities: { time_range: span(11, '12:00', '17:00') } },
  { category: 'calendar-read', text: 'when am I seeing jordan', tools: ['calendar'], action: 'read', entities: { people: ['Jordan'] } },
  { category: 'calendar-read', text: 'is friday morning still open', tools: ['calendar'], action: 'read', entities: { time_range: span(13, '08:00', '12:00') } },
  { category: 'calendar-read', text: 'how packed is my thursday', tools: ['calendar'], action: 'read', entities: { time_range: day(12) } },
  { category: 'calendar-create', text: 'grab a slot with maya thursday afternoon', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Maya'], time_range: span(12, '12:00', '17:00') } },
  { category: 'calendar-create', text: 'could you arrange a call with sam and jordan for monday at 4', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Sam', 'Jordan'], start: at(16, '16:00') } },
  { category: 'calendar-create', text: 'lock in 30 minutes with dana tomorrow at 9', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Dana'], start: at(12, '09:00'), duration_minutes: 30 } },
  { category: 'calendar-create', text: 'i want to meet with priya on friday at noon', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Priya'], start: at(13, '12:00') } },
  { category: 'calendar-change', text: 'push everything after 3 to tomorrow', tools: ['calendar'], action: 'schedule', entities: { operation: 'move' } },
  { category: 'calendar-change', text: 'can we bump the 1:1 with sam to later this week', tools: ['calendar'], action: 'schedule', entities: { operation: 'move', people: ['Sam'] } },
  { category: 'calendar-change', text: 'get rid of the 5pm', tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel', time_range: span(11, '17:00', '18:00') } },
  { category: 'calendar-change', text: "tell the organizer I can't come and decline", tools: ['calendar'], action: 'schedule', entities: { operation: 'decline' } },
  { category: 'calendar-change', text: 'yes, accept the invite from maya for tomorrow', tools: ['calendar'], action: 'schedule', entities: { operation: 'accept', people: ['Maya'], time_range: day(12) } },
  { category: 'mail-read', text: 'whats the last email jordan sent me', tools: ['gmail'], action: 'read', entities: { people: ['Jordan'], count: 1 } },
  { category: 'mail-read', text: 'do I have anything from dana in my inbox', tools: ['gmail'], action: 'read', entities: { people: ['Dana'] } },
  { category: 'mail-read', text: 'look for the email with the signed NDA', tools: ['gmail'], action: 'read', entities: { query: 'signed NDA' } },
  { category: 'mail-understand', text: 'any bills from Comcast this month', tools: ['gmail'], action: 'read', entities: { organization: 'Comcast', query: 'bill', time_range: THIS_MONTH } },
  { category: 'mail-understand', text: 'did the client get back to us about the proposal', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply' } },
  { category: 'mail-understand', text: 'who sent the most emails to me this month', tools: ['gmail'], action: 'read', entities: { analysis: 'top_senders', time_range: THIS_MONTH } },
  { category: 'mail-understand', text: "what's dana's latest email about", tools: ['gmail'], action: 'summarize', entities: { people: ['Dana'], count: 1 } },
  { category: 'mail-write', text: 'reply to the thread about the offsite saying count me in', tools: ['gmail'], action: 'reply', entities: { message: 'count me in' } },
  { category: 'mail-write', text: "respond to all saying we're aligned", tools: ['gmail'], action: 'reply', entities: { reply_all: true, message: "we're aligned" } },
  { category: 'mail-write', text: 'pass this along to jordan', tools: ['gmail'], action: 'send', entities: { forward: true, people: ['Jordan'] } },
  { category: 'mail-write', text: "make a draft for sam about the pricing update, don't send", tools: ['gmail'], action: 'draft', entities: { save_as_draft: true, people: ['Sam'] } },
  { category: 'mail-write', text: 'write to priya and let her know the event is confirmed', tools: ['gmail'], action: 'send', entities: { people: ['Priya'], message: 'the event is confirmed' } },
  { category: 'mail-write', text: 'email maya: lunch is on me today', tools: ['gmail'], action: 'send', entities: { people: ['Maya'], message: 'lunch is on me today' } },
  { category: 'slack-read', text: "what's going on in the sales channel", tools: ['slack'], action: 'read', entities: { channel: 'sales' } },
  { category: 'slack-read', text: 'skim slack for anything about pricing', tools: ['slack'], action: 'read', entities: { slack_scope: 'search', query: 'pricing' } },
  { category: 'slack-read', text: 'what did i get on slack overnight', tools: ['slack'], action: 'read', entities: { slack_scope: 'catch_up' } },
  { category: 'slack-read', text: 'any new messages in my slack dms', tools: ['slack'], action: 'read', entities: { slack_scope: 'dm' } },
  { category: 'slack-write', text: 'send a message to #deals saying the demo went great', tools: ['slack'], action: 'post', entities: { channel: 'deals', message: 'the demo went great' } },
  { category: 'slack-write', text: 'ping maya on slack to ask about the deck', tools: ['slack'], action: 'post', entities: { slack_scope: 'dm', people: ['Maya'] } },
  { category: 'slack-write', text: "let #eng know I'm deploying now", tools: ['slack'], action: 'post', entities: { channel: 'eng', message: "I'm deploying now" } },
  { category: 'follow-up', text: 'tell him the budget is approved', history: turns('draft an email to jordan', 'What should the email say?'), tools: ['gmail'], action: 'draft', entities: { people: ['Jordan'], message: 'the budget is approved' } },
  { category: 'follow-up', text: 'the 24th at 3', history: turns('set up a meeting with priya', 'When should the meeting be?'), tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Priya'], start: at(24, '15:00') } },
  { category: 'follow-up', text: 'read the one from sam', history: turns('who emailed me today', 'Dana Whitfield, Sam Patel and Acme billing.'), tools: ['gmail'], action: 'read', entities: { people: ['Sam'] } },
  { category: 'follow-up', text: 'move the review to 2', history: turns("what's on my calendar friday", 'A design review at 11 and lunch with Sam at 12:30.'), tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(13, '14:00') } },
  { category: 'remember', text: 'remember that i like my meetings in the afternoon', tools: [], action: 'unknown', entities: { remember: 'i like my meetings in the afternoon' } },
  { category: 'other', text: 'play the latest episode of my podcast', tools: [], action: 'unknown' },
];

const HELD_OUT_12: CorpusCase[] = [
  { category: 'calendar-read', text: 'I was wondering if I have anything on Thursday morning', tools: ['calendar'], action: 'read', entities: { time_range: span(12, '08:00', '12:00') } },
  { category: 'calendar-read', text: 'could you let me know when my next meeting is', tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: 'tell me about my day tomorrow', tools: ['calendar'], action: 'read', entities: { time_range: day(12) } },
  { category: 'calendar-read', text: 'is anything happening on the 19th', tools: ['calendar'], action: 'read', entities: { time_range: day(19) } },
  { category: 'calendar-read', text: 'what meetings are left today', tools: ['calendar'], action: 'read', entities: { time_range: day(11) } },
  { category: 'calendar-create', text: "I'd like to set up a meeting with Maya and Priya next Thursday at 2", tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Maya', 'Priya'], start: at(12, '14:00') } },
  { category: 'calendar-create', text: 'would you mind booking 45 minutes with jordan tomorrow morning', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Jordan'], duration_minutes: 45, time_range: span(12, '08:00', '12:00') } },
  { category: 'calendar-create', text: 'a meeting with sam needs to happen friday at 10, please schedule it', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Sam'], start: at(13, '10:00') } },
  { category: 'calendar-change', text: 'reschedule my 11am to the afternoon', tools: ['calendar'], action: 'schedule', entities: { operation: 'move' } },
  { category: 'calendar-change', text: 'the 2pm needs to move to 4', tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(11, '16:00') } },
  { category: 'calendar-change', text: "please cancel tomorrow's 1:1 with dana", tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel', people: ['Dana'], time_range: day(12) } },
  { category: 'calendar-change', text: 'go ahead and decline everything on friday', tools: ['calendar'], action: 'schedule', entities: { operation: 'decline', time_range: day(13) } },
  { category: 'multi', text: 'has priya sent me anything today', tools: ['gmail', 'slack'], action: 'read', entities: { people: ['Priya'], time_range: day(11) } },
  { category: 'mail-read', text: "I'm looking for an email from jordan about the merger", tools: ['gmail'], action: 'read', entities: { people: ['Jordan'], query: 'merger' } },
  { category: 'mail-understand', text: 'what has legal sent over this week', tools: ['gmail'], action: 'read', entities: { organization: 'legal', time_range: THIS_WEEK } },
  { category: 'multi', text: 'get me a summary of what dana sent yesterday', tools: ['gmail', 'slack'], action: 'summarize', entities: { people: ['Dana'], time_range: day(10) } },
  { category: 'mail-read', text: 'which emails still need a reply', tools: ['gmail'], action: 'read' },
  { category: 'mail-understand', text: 'has the vendor replied to my question', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply' } },
  { category: 'mail-understand', text: "who's been most active in my inbox this week", tools: ['gmail'], action: 'read', entities: { analysis: 'top_senders' } },
  { category: 'mail-write', text: "write back to maya saying let's push to next week", tools: ['gmail'], action: 'reply', entities: { people: ['Maya'], message: "let's push to next week" } },
  { category: 'mail-write', text: 'reply to everyone: great job team', tools: ['gmail'], action: 'reply', entities: { reply_all: true, message: 'great job team' } },
  { category: 'mail-write', text: "forward dana's invoice email to accounting@example.com", tools: ['gmail'], action: 'send', entities: { forward: true, sender: 'Dana', emails: ['accounting@example.com'] } },
  { category: 'mail-write', text: 'start an email to jordan about the offsite but leave it unsent', tools: ['gmail'], action: 'draft', entities: { save_as_draft: true, people: ['Jordan'] } },
  { category: 'mail-write', text: 'send priya a note saying thanks for covering', tools: ['gmail'], action: 'send', entities: { people: ['Priya'], message: 'thanks for covering' } },
  { category: 'slack-read', text: 'anything interesting in slack today', tools: ['slack'], action: 'read', entities: { slack_scope: 'catch_up', time_range: day(11) } },
  { category: 'slack-read', text: "what's the latest in #product", tools: ['slack'], action: 'read', entities: { channel: 'product' } },
  { category: 'slack-read', text: "search slack for who's handling the migration", tools: ['slack'], action: 'read', entities: { slack_scope: 'search' } },
  { category: 'slack-read', text: 'show my slack direct messages', tools: ['slack'], action: 'read', entities: { slack_scope: 'dm' } },
  { category: 'slack-read', text: 'did sam say anything on slack about the offsite', tools: ['slack'], action: 'read', entities: { slack_scope: 'search', people: ['Sam'], query: 'offsite' } },
  { category: 'slack-write', text: "post 'doors open at 6' to #events", tools: ['slack'], action: 'post', entities: { channel: 'events', message: 'doors open at 6' } },
  { category: 'slack-write', text: "message sam on slack: call me when you're free", tools: ['slack'], action: 'post', entities: { slack_scope: 'dm', people: ['Sam'], message: "call me when you're free" } },
  { category: 'slack-write', text: 'let the engineering channel know the release is delayed', tools: ['slack'], action: 'post', entities: { channel: 'engineering', message: 'the release is delayed' } },
  { category: 'follow-up', text: "I'll call him after lunch", history: turns('email sam', 'What would you like to say to Sam?'), tools: ['gmail'], action: 'send', entities: { people: ['Sam'], message: "I'll call him after lunch" } },
  { category: 'follow-up', text: 'wednesday at 4', history: turns('schedule coffee with dana', 'When should the meeting be?'), tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Dana'], start: at(11, '16:00') } },
  { category: 'follow-up', text: 'jordan kim', history: turns('send the deck', 'Who should I send that to?'), tools: ['gmail'], action: 'send', entities: { people: ['Jordan Kim'], emails: ['jordan@example.com'] } },
  { category: 'follow-up', text: 'cancel lunch', history: turns("what's on my calendar tomorrow", 'Tomorrow: standup at 9:30, lunch with Priya at 12.'), tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel' } },
  { category: 'follow-up', text: 'forward the first one to sam', history: turns('show me the emails from acme', '1. June invoice 2. Renewal notice'), tools: ['gmail'], action: 'send', entities: { forward: true, ordinal: 1, people: ['Sam'] } },
  { category: 'remember', text: 'remember: my dentist is on the 3rd', tools: [], action: 'unknown', entities: { remember: 'my dentist is on the 3rd' } },
  { category: 'other', text: "what's the score of the game", tools: [], action: 'unknown' },
  { category: 'other', text: "thanks that's all", tools: [], action: 'unknown' },
];

const HELD_OUT_13: CorpusCase[] = [
  { category: 'calendar-read', text: 'whats happening tomorrow', tools: ['calendar'], action: 'read', entities: { time_range: day(12) } },
  { category: 'calendar-read', text: 'am I double booked on monday', tools: ['calendar'], action: 'read', entities: { time_range: day(16) } },
  { category: 'calendar-read', text: "what's my first appointment on friday", tools: ['calendar'], action: 'read', entities: { time_range: day(13) } },
  { category: 'calendar-read', text: 'when is lunch with sam', tools: ['calendar'], action: 'read', entities: { people: ['Sam'] } },
  { category: 'calendar-read', text: 'do I have anything between 1 and 3 today', tools: ['calendar'], action: 'read', entities: { time_range: span(11, '13:00', '15:00') } },
  { category: 'calendar-create', text: 'schedule a call with the Acme team thursday at 10', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', start: at(12, '10:00') } },
  { category: 'calendar-create', text: 'set something up with maya for next week', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Maya'], time_range: NEXT_WEEK } },
  { category: 'calendar-create', text: 'book the conference room for friday 2 to 3', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', start: at(13, '14:00'), duration_minutes: 60 } },
  { category: 'calendar-create', text: 'add a reminder to my calendar for tomorrow at 8am to call the bank', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', start: at(12, '08:00') } },
  { category: 'calendar-change', text: 'move the board meeting to next monday at 9', tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(16, '09:00') } },
  { category: 'calendar-change', text: "bump tomorrow's 3pm to 4pm", tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(12, '16:00'), time_range: span(12, '15:00', '16:00') } },
  { category: 'calendar-change', text: 'cancel every meeting I have on friday afternoon', tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel', time_range: span(13, '12:00', '17:00') } },
  { category: 'calendar-change', text: "decline sam's invite for the offsite", tools: ['calendar'], action: 'schedule', entities: { operation: 'decline', people: ['Sam'] } },
  { category: 'calendar-change', text: "say yes to maya's lunch invite", tools: ['calendar'], action: 'schedule', entities: { operation: 'accept', people: ['Maya'] } },
  { category: 'mail-read', text: 'any email from jordan today', tools: ['gmail'], action: 'read', entities: { people: ['Jordan'], time_range: day(11) } },
  { category: 'mail-read', text: 'read me the email from the bank', tools: ['gmail'], action: 'read', entities: { organization: 'bank' } },
  { category: 'mail-read', text: 'find the latest newsletter from Substack', tools: ['gmail'], action: 'read', entities: { organization: 'Substack' } },
  { category: 'multi', text: 'what did dana send me about the contract', tools: ['gmail', 'slack'], action: 'read', entities: { people: ['Dana'], query: 'contract' } },
  { category: 'mail-understand', text: 'who emailed me the most last week', tools: ['gmail'], action: 'read', entities: { analysis: 'top_senders', time_range: LAST_WEEK } },
  { category: 'mail-understand', text: 'did jordan ever respond to my invite', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply', people: ['Jordan'] } },
  { category: 'mail-understand', text: 'summarize the last 5 emails', tools: ['gmail'], action: 'summarize', entities: { count: 5 } },
  { category: 'mail-write', text: "reply to maya's email saying I'll send it tonight", tools: ['gmail'], action: 'reply', entities: { people: ['Maya'], message: "I'll send it tonight" } },
  { category: 'mail-write', text: 'reply to all and tell them the launch is on track', tools: ['gmail'], action: 'reply', entities: { reply_all: true, message: 'the launch is on track' } },
  { category: 'mail-write', text: 'forward the offer letter to my personal email', tools: ['gmail'], action: 'send', entities: { forward: true } },
  { category: 'mail-write', text: "draft a reply to dana saying let's meet thursday but don't send it", tools: ['gmail'], action: 'draft', entities: { save_as_draft: true, people: ['Dana'], message: "let's meet thursday" } },
  { category: 'mail-write', text: 'email sam and jordan that the office is closed', tools: ['gmail'], action: 'send', entities: { people: ['Sam', 'Jordan'], message: 'the office is closed' } },
  { category: 'slack-read', text: 'catch me up on everything in slack', tools: ['slack'], action: 'summarize', entities: { slack_scope: 'catch_up' } },
  { category: 'slack-read', text: 'search slack for the onboarding doc', tools: ['slack'], action: 'read', entities: { slack_scope: 'search', query: 'onboarding doc' } },
  { category: 'slack-read', text: 'did anyone in slack ask for me', tools: ['slack'], action: 'read' },
  { category: 'slack-read', text: 'read my slack DMs from jordan', tools: ['slack'], action: 'read', entities: { slack_scope: 'dm', people: ['Jordan'] } },
  { category: 'slack-read', text: 'summarize #deals for this week', tools: ['slack'], action: 'summarize', entities: { channel: 'deals', time_range: THIS_WEEK } },
  { category: 'slack-write', text: 'post to the random channel that cake is in the kitchen', tools: ['slack'], action: 'post', entities: { channel: 'random', message: 'cake is in the kitchen' } },
  { category: 'slack-write', text: "dm jordan asking if he's free", tools: ['slack'], action: 'post', entities: { slack_scope: 'dm', people: ['Jordan'] } },
  { category: 'slack-write', text: 'tell maya on slack the meeting moved to 3', tools: ['slack'], action: 'post', entities: { slack_scope: 'dm', people: ['Maya'], message: 'the meeting moved to 3' } },
  { category: 'follow-up', text: 'lunch is here', history: turns('post in #general', 'What should I post in #general?'), tools: ['slack'], action: 'post', entities: { channel: 'general', message: 'lunch is here' } },
  { category: 'follow-up', text: 'next tuesday at 11:30', history: turns('set up a call with jordan', 'When should the meeting be?'), tools: ['calendar'], action: 'schedule', entities: { operation: 'create', people: ['Jordan'], start: at(17, '11:30') } },
  { category: 'follow-up', text: 'never mind', history: turns('reply to dana', 'What would you like to say to Dana?'), tools: [], action: 'unknown' },
  { category: 'follow-up', text: 'push it to 4:30', history: turns('what do I have today', 'You have a 1:1 with Maya at 3pm.'), tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(11, '16:30') } },
  { category: 'remember', text: 'remember that my flight to boston is on june 20', tools: [], action: 'unknown', entities: { remember: 'my flight to boston is on june 20' } },
  { category: 'other', text: 'how do i make pancakes', tools: [], action: 'unknown' },
];

export const HELD_OUT_CORPUS: CorpusCase[] = [...HELD_OUT_1, ...HELD_OUT_2, ...HELD_OUT_3, ...HELD_OUT_4, ...HELD_OUT_5, ...HELD_OUT_6, ...HELD_OUT_7, ...HELD_OUT_8, ...HELD_OUT_9, ...HELD_OUT_10, ...HELD_OUT_11, ...HELD_OUT_12, ...HELD_OUT_13];
