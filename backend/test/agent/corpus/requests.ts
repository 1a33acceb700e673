import type { PendingIntent, Turn } from '../../../src/agent/intent/schema.js';
import { type CorpusCase, at, day, span } from './types.js';

/**
 * The development corpus: written before and during the engine work, so the engine has seen it.
 * `heldOut.ts` holds requests written afterwards and never tuned against; the bench reports both.
 */

const THIS_WEEK = { start: at(11, '09:30'), end: at(16, '00:00') };
const NEXT_WEEK = { start: at(16, '00:00'), end: at(23, '00:00') };
const LAST_WEEK = { start: at(2, '00:00'), end: at(9, '00:00') };
const THIS_MONTH = { start: at(1, '00:00'), end: '2025-07-01T00:00:00-07:00' };
const DANA = { people: ['Dana'], emails: ['dana@northwind.io'] };
const JORDAN = { people: ['Jordan'], emails: ['jordan@example.com'] };

const THREE_EMAILS: Turn[] = [
  { role: 'user', text: 'show my last 3 emails' },
  { role: 'assistant', text: '1. Dana Whitfield: NDA review. 2. Sam Patel: Q3 deck. 3. Priya Raman: the June invoice.' },
];
const TOMORROW_1ON1: Turn[] = [
  { role: 'user', text: "what's on my calendar tomorrow" },
  { role: 'assistant', text: 'You have a 1:1 with Sam at 2pm tomorrow.' },
];
const DANA_ASKED: Turn[] = [
  { role: 'user', text: 'any new emails from Dana' },
  { role: 'assistant', text: 'Dana Whitfield asked whether Thursday works for the NDA review.' },
];

const sendToDana: PendingIntent = { tools: ['gmail'], action: 'send', entities: { people: ['Dana'], emails: ['dana@northwind.io'] }, missing: 'message' };
const replyToSam: PendingIntent = { tools: ['gmail'], action: 'reply', entities: { people: ['Sam'], emails: ['sam@example.com'] }, missing: 'message' };
const postToDeals: PendingIntent = { tools: ['slack'], action: 'post', entities: { people: [], emails: [], channel: 'deals' }, missing: 'message' };
const meetJordan: PendingIntent = {
  tools: ['calendar'],
  action: 'schedule',
  entities: { people: ['Jordan'], emails: ['jordan@example.com'], operation: 'create', duration_minutes: 30 },
  missing: 'start',
};
const moveThree: PendingIntent = {
  tools: ['calendar'],
  action: 'schedule',
  entities: { people: [], emails: [], operation: 'move', time_range: span(11, '15:00', '16:00') },
  missing: 'start',
};
const deckToWhom: PendingIntent = { tools: ['gmail'], action: 'send', entities: { people: [], emails: [], message: 'the deck is ready' }, missing: 'recipient' };
const postWhere: PendingIntent = { tools: ['slack'], action: 'post', entities: { people: [], emails: [], message: 'lunch is here' }, missing: 'channel' };
const whichSam: PendingIntent = {
  tools: ['gmail'],
  action: 'send',
  entities: { people: ['Sam'], emails: [], message: 'the deck is ready' },
  missing: 'person',
  candidates: [
    { name: 'Sam Patel', email: 'sam@example.com' },
    { name: 'Sam Lee', email: 'sam.lee@globex.com' },
  ],
};

export const DEV_CORPUS: CorpusCase[] = [
  // ── Calendar reads
  { category: 'calendar-read', text: "um what's on my calendar for tomorrow?", tools: ['calendar'], action: 'read', entities: { time_range: day(12) } },
  { category: 'calendar-read', text: 'hey vouch, do I have anything this afternoon?', tools: ['calendar'], action: 'read', entities: { time_range: span(11, '12:00', '17:00') } },
  { category: 'calendar-read', text: 'Am I free Thursday at 2?', tools: ['calendar'], action: 'read', entities: { time_range: span(12, '14:00', '15:00') } },
  { category: 'calendar-read', text: 'what does friday look like', tools: ['calendar'], action: 'read', entities: { time_range: day(13) } },
  { category: 'calendar-read', text: "when's my next meeting", tools: ['calendar'], action: 'read' },
  { category: 'calendar-read', text: "Could you please check if I'm busy Monday morning", tools: ['calendar'], action: 'read', entities: { time_range: span(16, '08:00', '12:00') } },
  { category: 'calendar-read', text: 'whats my schedule like next week', tools: ['calendar'], action: 'read', entities: { time_range: NEXT_WEEK } },
  { category: 'calendar-read', text: 'do i have any meetings with jordan this week', tools: ['calendar'], action: 'read', entities: { ...JORDAN, time_range: THIS_WEEK } },
  { category: 'calendar-read', text: 'When am I meeting Priya?', tools: ['calendar'], action: 'read', entities: { people: ['Priya'] } },
  { category: 'calendar-read', text: 'Is my afternoon free on the 20th?', tools: ['calendar'], action: 'read', entities: { time_range: span(20, '12:00', '17:00') } },
  { category: 'calendar-read', text: "what's my first meeting tomorrow", tools: ['calendar'], action: 'read', entities: { time_range: day(12) } },
  { category: 'calendar-read', text: 'Show me my agenda for today', tools: ['calendar'], action: 'read', entities: { time_range: day(11) } },
  { category: 'calendar-read', text: 'how many meetings do I have on Friday', tools: ['calendar'], action: 'read', entities: { time_range: day(13) } },
  { category: 'calendar-read', text: 'uh am i double booked tomorrow', tools: ['calendar'], action: 'read', entities: { time_range: day(12) } },
  { category: 'calendar-read', text: 'Anything on the calendar tonight?', tools: ['calendar'], action: 'read', entities: { time_range: { start: at(11, '18:00'), end: at(12, '00:00') } } },
  { category: 'calendar-read', text: 'what time is the standup tomorrow', tools: ['calendar'], action: 'read', entities: { time_range: day(12) } },
  { category: 'calendar-read', text: 'Am I available next Tuesday afternoon?', tools: ['calendar'], action: 'read', entities: { time_range: span(17, '12:00', '17:00') } },
  { category: 'calendar-read', text: "What's happening on my calendar this week?", tools: ['calendar'], action: 'read', entities: { time_range: THIS_WEEK } },
  { category: 'calendar-read', text: 'Do I have a call with Sam today?', tools: ['calendar'], action: 'read', entities: { people: ['Sam'], time_range: day(11) } },
  { category: 'calendar-read', text: 'who am I meeting with tomorrow', tools: ['calendar'], action: 'read', entities: { time_range: day(12) } },

  // ── Calendar: new events
  { category: 'calendar-create', text: 'schedule a meeting with jordan tomorrow at 3', tools: ['calendar'], action: 'schedule', entities: { ...JORDAN, operation: 'create', start: at(12, '15:00'), duration_minutes: 30 } },
  { category: 'calendar-create', text: 'Hey Vouch, book 45 minutes with Priya on Friday at 10am', tools: ['calendar'], action: 'schedule', entities: { people: ['Priya'], operation: 'create', start: at(13, '10:00'), duration_minutes: 45 } },
  { category: 'calendar-create', text: 'set up a call with Sam next Monday at 9', tools: ['calendar'], action: 'schedule', entities: { people: ['Sam'], operation: 'create', start: at(16, '09:00') } },
  { category: 'calendar-create', text: 'can you put a 1:1 with Dana on my calendar for Thursday at 4pm', tools: ['calendar'], action: 'schedule', entities: { ...DANA, operation: 'create', start: at(12, '16:00') } },
  { category: 'calendar-create', text: 'Please schedule an hour-long review with Maya next Tuesday at 11', tools: ['calendar'], action: 'schedule', entities: { people: ['Maya'], operation: 'create', start: at(17, '11:00'), duration_minutes: 60 } },
  { category: 'calendar-create', text: 'book lunch with Sam tomorrow at noon', tools: ['calendar'], action: 'schedule', entities: { people: ['Sam'], operation: 'create', start: at(12, '12:00') } },
  { category: 'calendar-create', text: 'schedule a sync with priya and jordan on friday at 2:30', tools: ['calendar'], action: 'schedule', entities: { people: ['Priya', 'Jordan'], operation: 'create', start: at(13, '14:30') } },
  { category: 'calendar-create', text: 'set up 30 minutes with dana monday at 1', tools: ['calendar'], action: 'schedule', entities: { ...DANA, operation: 'create', start: at(16, '13:00'), duration_minutes: 30 } },
  { category: 'calendar-create', text: 'Create an event called Quarterly planning on June 18 at 9am', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', subject: 'Quarterly planning', start: at(18, '09:00') } },
  { category: 'calendar-create', text: 'schedule a meeting with Sam at 4 even though I might have something then', tools: ['calendar'], action: 'schedule', entities: { people: ['Sam'], operation: 'create', start: at(11, '16:00') } },
  { category: 'calendar-create', text: 'find a time with jordan next week', tools: ['calendar'], action: 'schedule', entities: { ...JORDAN, operation: 'create', time_range: NEXT_WEEK } },
  { category: 'calendar-create', text: 'Add a dentist appointment to my calendar on Friday at 8:30am', tools: ['calendar'], action: 'schedule', entities: { people: [], operation: 'create', start: at(13, '08:30') } },
  { category: 'calendar-create', text: 'invite maya to a meeting tomorrow at 10', tools: ['calendar'], action: 'schedule', entities: { people: ['Maya'], emails: ['maya@acme.com'], operation: 'create', start: at(12, '10:00') } },
  { category: 'calendar-create', text: "let's meet with Priya on Thursday at 3pm", tools: ['calendar'], action: 'schedule', entities: { people: ['Priya'], operation: 'create', start: at(12, '15:00') } },
  { category: 'calendar-create', text: 'Schedule a quick call with Sam in 2 hours', tools: ['calendar'], action: 'schedule', entities: { people: ['Sam'], operation: 'create', start: at(11, '11:30'), duration_minutes: 30 } },
  { category: 'calendar-create', text: 'um could you set up a meeting with Dana Whitfield next Wednesday at 10 about the NDA', tools: ['calendar'], action: 'schedule', entities: { people: ['Dana Whitfield'], operation: 'create', start: at(18, '10:00'), subject: 'NDA' } },
  { category: 'calendar-create', text: 'book a 2 hour workshop on friday at 1', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', start: at(13, '13:00'), duration_minutes: 120 } },
  { category: 'calendar-create', text: 'put something on the calendar with jordan for tomorrow morning at 9', tools: ['calendar'], action: 'schedule', entities: { ...JORDAN, operation: 'create', start: at(12, '09:00') } },
  { category: 'calendar-create', text: 'Schedule a meeting with sam', tools: ['calendar'], action: 'schedule', entities: { people: ['Sam'], operation: 'create', duration_minutes: 30 } },
  { category: 'calendar-create', text: 'book a room for the team sync on monday at 11', tools: ['calendar'], action: 'schedule', entities: { operation: 'create', start: at(16, '11:00') } },
  { category: 'calendar-create', text: 'Set up a call with alex@example.org tomorrow at 5pm', tools: ['calendar'], action: 'schedule', entities: { emails: ['alex@example.org'], operation: 'create', start: at(12, '17:00') } },
  { category: 'calendar-create', text: 'can we schedule a coffee with Maya on the 19th at 3?', tools: ['calendar'], action: 'schedule', entities: { people: ['Maya'], operation: 'create', start: at(19, '15:00') } },

  // ── Calendar: changes to existing events
  { category: 'calendar-change', text: 'move my 3pm to 4', tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(11, '16:00'), time_range: span(11, '15:00', '16:00') } },
  { category: 'calendar-change', text: "reschedule tomorrow's standup to friday at 10", tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(13, '10:00') } },
  { category: 'calendar-change', text: 'push my 2pm with Sam to 4:30', tools: ['calendar'], action: 'schedule', entities: { people: ['Sam'], operation: 'move', start: at(11, '16:30') } },
  { category: 'calendar-change', text: 'can you move the meeting with Dana to Thursday at 11', tools: ['calendar'], action: 'schedule', entities: { ...DANA, operation: 'move', start: at(12, '11:00') } },
  { category: 'calendar-change', text: 'cancel my 4pm', tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel', time_range: span(11, '16:00', '17:00') } },
  { category: 'calendar-change', text: "Cancel tomorrow's sync with jordan", tools: ['calendar'], action: 'schedule', entities: { ...JORDAN, operation: 'cancel', time_range: day(12) } },
  { category: 'calendar-change', text: 'decline the 4pm invite', tools: ['calendar'], action: 'schedule', entities: { operation: 'decline', time_range: span(11, '16:00', '17:00') } },
  { category: 'calendar-change', text: 'Accept the invite from Priya', tools: ['calendar'], action: 'schedule', entities: { people: ['Priya'], operation: 'accept' } },
  { category: 'calendar-change', text: 'please decline the meeting with Maya on Friday', tools: ['calendar'], action: 'schedule', entities: { people: ['Maya'], operation: 'decline', time_range: day(13) } },
  { category: 'calendar-change', text: "I can't make the 10am tomorrow, decline it", tools: ['calendar'], action: 'schedule', entities: { operation: 'decline', time_range: span(12, '10:00', '11:00') } },
  { category: 'calendar-change', text: 'accept the design review invite for Thursday', tools: ['calendar'], action: 'schedule', entities: { operation: 'accept', time_range: day(12) } },
  { category: 'calendar-change', text: 'call off the lunch with Sam', tools: ['calendar'], action: 'schedule', entities: { people: ['Sam'], operation: 'cancel' } },
  { category: 'calendar-change', text: 'postpone the 1:1 with Dana to next Monday', tools: ['calendar'], action: 'schedule', entities: { ...DANA, operation: 'move' } },
  { category: 'calendar-change', text: "um, bump my 11 o'clock to 2", tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(11, '14:00') } },
  { category: 'calendar-change', text: 'RSVP yes to the offsite invite', tools: ['calendar'], action: 'schedule', entities: { operation: 'accept' } },
  { category: 'calendar-change', text: 'clear my afternoon on friday', tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel', time_range: span(13, '12:00', '17:00') } },
  { category: 'calendar-change', text: 'delete the dentist appointment on Friday', tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel', time_range: day(13) } },
  { category: 'calendar-change', text: 'say no to the 5pm call', tools: ['calendar'], action: 'schedule', entities: { operation: 'decline', time_range: span(11, '17:00', '18:00') } },
  { category: 'calendar-change', text: "move tomorrow's 9am to 10:30", tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(12, '10:30'), time_range: span(12, '09:00', '10:00') } },
  { category: 'calendar-change', text: 'reschedule my meeting with priya to next tuesday at 2pm', tools: ['calendar'], action: 'schedule', entities: { people: ['Priya'], operation: 'move', start: at(17, '14:00') } },
  { category: 'calendar-change', text: 'Can I push the standup to 10?', tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(11, '10:00') } },
  { category: 'calendar-change', text: "turn down Jordan's invite", tools: ['calendar'], action: 'schedule', entities: { people: ['Jordan'], operation: 'decline' } },
  { category: 'calendar-change', text: 'move the team sync from thursday to friday', tools: ['calendar'], action: 'schedule', entities: { operation: 'move' } },

  // ── Mail reads
  { category: 'mail-read', text: 'any new emails from jordan?', tools: ['gmail'], action: 'read', entities: JORDAN },
  { category: 'mail-read', text: 'read me my latest email', tools: ['gmail'], action: 'read', entities: { count: 1 } },
  { category: 'mail-read', text: "Hey vouch what's in my inbox", tools: ['gmail'], action: 'read' },
  { category: 'mail-read', text: 'show me unread mail from this morning', tools: ['gmail'], action: 'read', entities: { time_range: span(11, '08:00', '12:00') } },
  { category: 'mail-read', text: 'did I get any email from Priya today', tools: ['gmail'], action: 'read', entities: { people: ['Priya'], time_range: day(11) } },
  { category: 'mail-read', text: 'check email from dana@northwind.io', tools: ['gmail'], action: 'read', entities: { emails: ['dana@northwind.io'] } },
  { category: 'mail-read', text: 'show my last 5 emails', tools: ['gmail'], action: 'read', entities: { count: 5 } },
  { category: 'mail-read', text: 'what did sam email me about yesterday', tools: ['gmail'], action: 'read', entities: { people: ['Sam'], time_range: day(10) } },
  { category: 'mail-read', text: 'Find the email from Maya about the renewal', tools: ['gmail'], action: 'read', entities: { people: ['Maya'], query: 'renewal' } },
  { category: 'mail-read', text: 'any invoices from Acme this week?', tools: ['gmail'], action: 'read', entities: { organization: 'Acme', query: 'invoice', time_range: THIS_WEEK } },
  { category: 'mail-read', text: 'search my email for the signed contract', tools: ['gmail'], action: 'read', entities: { query: 'signed contract' } },
  { category: 'mail-read', text: 'do i have any emails about the offsite', tools: ['gmail'], action: 'read', entities: { query: 'offsite' } },
  { category: 'mail-read', text: 'open the latest thread from Sam', tools: ['gmail'], action: 'read', entities: { people: ['Sam'], count: 1 } },
  { category: 'mail-read', text: 'Are there any unread emails from Dana?', tools: ['gmail'], action: 'read', entities: DANA },
  { category: 'mail-read', text: 'Read the newest message in my inbox', tools: ['gmail'], action: 'read', entities: { count: 1 } },
  { category: 'mail-read', text: 'look for emails mentioning Northwind', tools: ['gmail'], action: 'read', entities: { query: 'Northwind' } },
  { category: 'mail-read', text: 'what came in from legal today', tools: ['gmail'], action: 'read', entities: { organization: 'legal', time_range: day(11) } },
  { category: 'mail-read', text: 'show me emails from last week', tools: ['gmail'], action: 'read', entities: { time_range: LAST_WEEK } },

  // ── Mail understanding: topic, organisation, gist, analysis
  { category: 'mail-understand', text: 'find the invoice from Acme', tools: ['gmail'], action: 'read', entities: { organization: 'Acme', query: 'invoice' } },
  { category: 'mail-understand', text: 'what did legal say about the NDA', tools: ['gmail'], action: 'read', entities: { organization: 'legal', query: 'NDA' } },
  { category: 'mail-understand', text: 'give me the gist of the Northwind thread', tools: ['gmail'], action: 'summarize', entities: { query: 'Northwind' } },
  { category: 'mail-understand', text: 'who emailed me the most this week', tools: ['gmail'], action: 'read', entities: { analysis: 'top_senders', time_range: THIS_WEEK } },
  { category: 'mail-understand', text: 'did Sam reply?', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply', people: ['Sam'] } },
  { category: 'mail-understand', text: 'has jordan gotten back to me about the budget', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply', ...JORDAN, query: 'budget' } },
  { category: 'mail-understand', text: "what's the gist of Dana's last email", tools: ['gmail'], action: 'summarize', entities: { ...DANA, count: 1 } },
  { category: 'mail-understand', text: "who's been writing to me most this month", tools: ['gmail'], action: 'read', entities: { analysis: 'top_senders', time_range: THIS_MONTH } },
  { category: 'mail-understand', text: 'Did Priya ever respond to my proposal?', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply', people: ['Priya'] } },
  { category: 'mail-understand', text: 'summarize the thread with Maya about pricing', tools: ['gmail'], action: 'summarize', entities: { people: ['Maya'], query: 'pricing' } },
  { category: 'mail-understand', text: 'find the receipt from Uber from last week', tools: ['gmail'], action: 'read', entities: { organization: 'Uber', query: 'receipt', time_range: LAST_WEEK } },
  { category: 'mail-understand', text: 'what did finance send about the budget', tools: ['gmail'], action: 'read', entities: { organization: 'finance', query: 'budget' } },
  { category: 'mail-understand', text: 'tl;dr of the email from Jordan', tools: ['gmail'], action: 'summarize', entities: JORDAN },
  { category: 'mail-understand', text: 'any reply from Dana on the contract?', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply', ...DANA } },
  { category: 'mail-understand', text: 'who sent me the most emails last week', tools: ['gmail'], action: 'read', entities: { analysis: 'top_senders', time_range: LAST_WEEK } },
  { category: 'mail-understand', text: "what's the latest from HR", tools: ['gmail'], action: 'read', entities: { organization: 'hr' } },
  { category: 'mail-understand', text: 'Is there an invoice from Northwind Inc?', tools: ['gmail'], action: 'read', entities: { organization: 'Northwind Inc', query: 'invoice' } },
  { category: 'mail-understand', text: 'did Maya answer my question about the demo', tools: ['gmail'], action: 'read', entities: { analysis: 'did_reply', people: ['Maya'], query: 'demo' } },

  // ── Mail writes
  { category: 'mail-write', text: 'email jordan that the budget is approved', tools: ['gmail'], action: 'send', entities: { ...JORDAN, message: 'the budget is approved' } },
  { category: 'mail-write', text: 'Reply to Dana saying Thursday works', tools: ['gmail'], action: 'reply', entities: { ...DANA, message: 'Thursday works' } },
  { category: 'mail-write', text: 'reply all to the Northwind thread saying thanks everyone', tools: ['gmail'], action: 'reply', entities: { reply_all: true, message: 'thanks everyone' } },
  { category: 'mail-write', text: "reply-all and tell them I'm in", tools: ['gmail'], action: 'reply', entities: { reply_all: true, message: "I'm in" } },
  { category: 'mail-write', text: 'forward the invoice from Acme to Sam', tools: ['gmail'], action: 'send', entities: { forward: true, people: ['Sam'], organization: 'Acme' } },
  { category: 'mail-write', text: "Forward Dana's last email to Jordan", tools: ['gmail'], action: 'send', entities: { forward: true, people: ['Jordan'], sender: 'Dana' } },
  { category: 'mail-write', text: 'fwd this to priya', tools: ['gmail'], action: 'send', entities: { forward: true, people: ['Priya'], emails: ['priya@example.com'] } },
  { category: 'mail-write', text: "draft a reply to Maya saying I'll review it tonight but don't send it", tools: ['gmail'], action: 'draft', entities: { save_as_draft: true, people: ['Maya'], message: "I'll review it tonight" } },
  { category: 'mail-write', text: 'write an email to Sam about the offsite and save it as a draft', tools: ['gmail'], action: 'draft', entities: { save_as_draft: true, people: ['Sam'], subject: 'offsite' } },
  { category: 'mail-write', text: 'Save a draft to Jordan saying the numbers look good', tools: ['gmail'], action: 'draft', entities: { save_as_draft: true, ...JORDAN, message: 'the numbers look good' } },
  { category: 'mail-write', text: 'send an email to maya saying the demo is at 3', tools: ['gmail'], action: 'send', entities: { people: ['Maya'], message: 'the demo is at 3' } },
  { category: 'mail-write', text: "tell priya I'll be ten minutes late", tools: ['gmail'], action: 'send', entities: { people: ['Priya'], message: "I'll be ten minutes late" } },
  { category: 'mail-write', text: 'write back to Sam and say the deck looks great', tools: ['gmail'], action: 'reply', entities: { people: ['Sam'], message: 'the deck looks great' } },
  { category: 'mail-write', text: "could you please respond to jordan that I can't make it", tools: ['gmail'], action: 'reply', entities: { ...JORDAN, message: "I can't make it" } },
  { category: 'mail-write', text: 'let Maya know the contract is signed', tools: ['gmail'], action: 'send', entities: { people: ['Maya'], message: 'the contract is signed' } },
  { category: 'mail-write', text: 'Email dana@northwind.io that the NDA is attached', tools: ['gmail'], action: 'send', entities: { emails: ['dana@northwind.io'], message: 'the NDA is attached' } },
  { category: 'mail-write', text: 'draft an email to Priya about the Q3 plan', tools: ['gmail'], action: 'draft', entities: { people: ['Priya'], subject: 'Q3 plan' } },
  { category: 'mail-write', text: "reply to all saying we're on track", tools: ['gmail'], action: 'reply', entities: { reply_all: true, message: "we're on track" } },
  { category: 'mail-write', text: 'forward the NDA thread to jordan and save it as a draft', tools: ['gmail'], action: 'draft', entities: { forward: true, save_as_draft: true, ...JORDAN } },
  { category: 'mail-write', text: 'get back to Sam and tell him the invoice is paid', tools: ['gmail'], action: 'reply', entities: { people: ['Sam'], message: 'the invoice is paid' } },
  { category: 'mail-write', text: "send Dana a note that I'm running late", tools: ['gmail'], action: 'send', entities: { ...DANA, message: "I'm running late" } },
  { category: 'mail-write', text: 'um reply to Priya: sounds good, see you then', tools: ['gmail'], action: 'reply', entities: { people: ['Priya'], message: 'sounds good, see you then' } },
  { category: 'mail-write', text: 'Pass the Acme invoice along to Sam', tools: ['gmail'], action: 'send', entities: { forward: true, people: ['Sam'] } },
  { category: 'mail-write', text: 'email the team that the office is closed friday', tools: ['gmail'], action: 'send', entities: { people: [], message: 'the office is closed friday' } },
  { category: 'mail-write', text: "Draft a reply to Jordan saying thanks, don't send it yet", tools: ['gmail'], action: 'draft', entities: { save_as_draft: true, ...JORDAN, message: 'thanks' } },
  { category: 'mail-write', text: "respond to dana's email saying I'm in", tools: ['gmail'], action: 'reply', entities: { ...DANA, message: "I'm in" } },

  // ── Slack reads (no channel: search, catch-up, DMs)
  { category: 'slack-read', text: 'catch me up on Slack', tools: ['slack'], action: 'summarize', entities: { slack_scope: 'catch_up' } },
  { category: 'slack-read', text: 'search Slack for the Q3 budget', tools: ['slack'], action: 'read', entities: { slack_scope: 'search', query: 'Q3 budget' } },
  { category: 'slack-read', text: 'did anyone mention Northwind on Slack?', tools: ['slack'], action: 'read', entities: { slack_scope: 'search', query: 'Northwind' } },
  { category: 'slack-read', text: 'any new DMs?', tools: ['slack'], action: 'read', entities: { slack_scope: 'dm' } },
  { category: 'slack-read', text: "what's new in #general", tools: ['slack'], action: 'read', entities: { channel: 'general' } },
  { category: 'slack-read', text: 'hey vouch what did I miss on slack today', tools: ['slack'], action: 'summarize', entities: { slack_scope: 'catch_up', time_range: day(11) } },
  { category: 'slack-read', text: 'check my slack dms', tools: ['slack'], action: 'read', entities: { slack_scope: 'dm' } },
  { category: 'slack-read', text: 'what did Sam DM me', tools: ['slack'], action: 'read', entities: { slack_scope: 'dm', people: ['Sam'] } },
  { category: 'slack-read', text: 'summarize the deals channel', tools: ['slack'], action: 'summarize', entities: { channel: 'deals' } },
  { category: 'slack-read', text: 'anything about the launch on slack?', tools: ['slack'], action: 'read', entities: { slack_scope: 'search', query: 'launch' } },
  { category: 'slack-read', text: 'what are people saying about the outage in Slack', tools: ['slack'], action: 'read', entities: { slack_scope: 'search', query: 'outage' } },
  { category: 'slack-read', text: 'look for messages about pricing in slack', tools: ['slack'], action: 'read', entities: { slack_scope: 'search', query: 'pricing' } },
  { category: 'slack-read', text: "what's happening in slack", tools: ['slack'], action: 'read', entities: { slack_scope: 'catch_up' } },
  { category: 'slack-read', text: 'any slack messages from jordan?', tools: ['slack'], action: 'read', entities: { slack_scope: 'search', people: ['Jordan'] } },
  { category: 'slack-read', text: 'catch me up on #deals from yesterday', tools: ['slack'], action: 'summarize', entities: { channel: 'deals', time_range: day(10) } },
  { category: 'slack-read', text: 'did anybody post in the random channel today', tools: ['slack'], action: 'read', entities: { channel: 'random', time_range: day(11) } },
  { category: 'slack-read', text: 'Search slack for messages from Priya about the deck', tools: ['slack'], action: 'read', entities: { slack_scope: 'search', people: ['Priya'], query: 'deck' } },
  { category: 'slack-read', text: 'Read my direct messages on Slack', tools: ['slack'], action: 'read', entities: { slack_scope: 'dm' } },
  { category: 'slack-read', text: "what's the latest in the engineering channel", tools: ['slack'], action: 'read', entities: { channel: 'engineering' } },
  { category: 'slack-read', text: 'has anyone on slack talked about the offsite', tools: ['slack'], action: 'read', entities: { slack_scope: 'search', query: 'offsite' } },

  // ── Slack writes
  { category: 'slack-write', text: 'post in #general that lunch is here', tools: ['slack'], action: 'post', entities: { channel: 'general', message: 'lunch is here' } },
  { category: 'slack-write', text: "DM jordan that I'm running late", tools: ['slack'], action: 'post', entities: { slack_scope: 'dm', people: ['Jordan'], message: "I'm running late" } },
  { category: 'slack-write', text: 'message Sam on Slack saying the build is green', tools: ['slack'], action: 'post', entities: { slack_scope: 'dm', people: ['Sam'], message: 'the build is green' } },
  { category: 'slack-write', text: 'send a slack message to #deals: we closed Acme', tools: ['slack'], action: 'post', entities: { channel: 'deals', message: 'we closed Acme' } },
  { category: 'slack-write', text: 'tell #random happy friday everyone', tools: ['slack'], action: 'post', entities: { channel: 'random', message: 'happy friday everyone' } },
  { category: 'slack-write', text: 'slack priya that the deck is ready', tools: ['slack'], action: 'post', entities: { slack_scope: 'dm', people: ['Priya'], message: 'the deck is ready' } },
  { category: 'slack-write', text: 'Announce in #general that the office is closed Monday', tools: ['slack'], action: 'post', entities: { channel: 'general', message: 'the office is closed Monday' } },
  { category: 'slack-write', text: 'let the deals channel know we signed Northwind', tools: ['slack'], action: 'post', entities: { channel: 'deals', message: 'we signed Northwind' } },
  { category: 'slack-write', text: "post 'standup moved to 10' in #eng", tools: ['slack'], action: 'post', entities: { channel: 'eng', message: 'standup moved to 10' } },
  { category: 'slack-write', text: "reply on slack to Maya that I'll join", tools: ['slack'], action: 'reply', entities: { people: ['Maya'], message: "I'll join" } },
  { category: 'slack-write', text: 'ping dana on slack about the NDA', tools: ['slack'], action: 'post', entities: { people: ['Dana'], subject: 'NDA' } },
  { category: 'slack-write', text: 'share in #deals that pricing is approved', tools: ['slack'], action: 'post', entities: { channel: 'deals', message: 'pricing is approved' } },
  { category: 'slack-write', text: 'could you DM Priya the link to the deck', tools: ['slack'], action: 'post', entities: { slack_scope: 'dm', people: ['Priya'] } },
  { category: 'slack-write', text: "post on slack that I'm out tomorrow", tools: ['slack'], action: 'post', entities: { message: "I'm out tomorrow" } },

  // ── Several services
  { category: 'multi', text: 'catch me up', tools: ['gmail', 'slack'], action: 'summarize' },
  { category: 'multi', text: 'what did jordan say about the budget', tools: ['gmail', 'slack'], action: 'read', entities: { people: ['Jordan'], query: 'budget' } },
  { category: 'multi', text: 'check my email and calendar for tomorrow', tools: ['gmail', 'calendar'], action: 'read', entities: { time_range: day(12) } },
  { category: 'multi', text: 'what did I miss this morning', tools: ['gmail', 'slack'], action: 'summarize', entities: { time_range: span(11, '08:00', '12:00') } },
  { category: 'multi', text: 'any messages from Maya?', tools: ['gmail', 'slack'], action: 'read', entities: { people: ['Maya'] } },
  { category: 'multi', text: 'did Priya say anything about the launch?', tools: ['gmail', 'slack'], action: 'read', entities: { people: ['Priya'], query: 'launch' } },
  { category: 'multi', text: 'summarize my email and slack from today', tools: ['gmail', 'slack'], action: 'summarize', entities: { time_range: day(11) } },
  { category: 'multi', text: "what's on my calendar today and do I have any emails from Sam", tools: ['gmail', 'calendar'], action: 'read', entities: { people: ['Sam'] } },

  // ── Follow-ups: an open question, then its answer; or a reference to the last turn
  { category: 'follow-up', text: "tell her I'm in", pending: sendToDana, tools: ['gmail'], action: 'send', entities: { ...DANA, message: "I'm in" } },
  { category: 'follow-up', text: 'Thursday works for me', pending: sendToDana, tools: ['gmail'], action: 'send', entities: { ...DANA, message: 'Thursday works for me' } },
  { category: 'follow-up', text: "just say thanks, I'll take a look", pending: replyToSam, tools: ['gmail'], action: 'reply', entities: { people: ['Sam'], message: "thanks, I'll take a look" } },
  { category: 'follow-up', text: 'we closed Northwind', pending: postToDeals, tools: ['slack'], action: 'post', entities: { channel: 'deals', message: 'we closed Northwind' } },
  { category: 'follow-up', text: "actually what's on my calendar tomorrow?", pending: sendToDana, tools: ['calendar'], action: 'read', entities: { time_range: day(12) } },
  { category: 'follow-up', text: 'never mind', pending: sendToDana, tools: [], action: 'unknown' },
  { category: 'follow-up', text: 'thursday at 3', pending: meetJordan, tools: ['calendar'], action: 'schedule', entities: { ...JORDAN, operation: 'create', start: at(12, '15:00') } },
  { category: 'follow-up', text: 'how about tomorrow at 10am', pending: meetJordan, tools: ['calendar'], action: 'schedule', entities: { ...JORDAN, operation: 'create', start: at(12, '10:00') } },
  { category: 'follow-up', text: '4pm', pending: meetJordan, tools: ['calendar'], action: 'schedule', entities: { operation: 'create', start: at(11, '16:00') } },
  { category: 'follow-up', text: 'next monday at 9:30', pending: meetJordan, tools: ['calendar'], action: 'schedule', entities: { operation: 'create', start: at(16, '09:30') } },
  { category: 'follow-up', text: 'make it 4', pending: moveThree, tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(11, '16:00') } },
  { category: 'follow-up', text: 'to jordan', pending: deckToWhom, tools: ['gmail'], action: 'send', entities: { ...JORDAN, message: 'the deck is ready' } },
  { category: 'follow-up', text: 'Priya', pending: deckToWhom, tools: ['gmail'], action: 'send', entities: { people: ['Priya'], emails: ['priya@example.com'] } },
  { category: 'follow-up', text: 'to her', pending: deckToWhom, history: DANA_ASKED, tools: ['gmail'], action: 'send', entities: { people: ['Dana Whitfield'], emails: ['dana@northwind.io'] } },
  { category: 'follow-up', text: '#deals', pending: postWhere, tools: ['slack'], action: 'post', entities: { channel: 'deals', message: 'lunch is here' } },
  { category: 'follow-up', text: 'the general channel', pending: postWhere, tools: ['slack'], action: 'post', entities: { channel: 'general' } },
  { category: 'follow-up', text: 'the second one', pending: whichSam, tools: ['gmail'], action: 'send', entities: { people: ['Sam Lee'], emails: ['sam.lee@globex.com'] } },
  { category: 'follow-up', text: 'Sam Patel', pending: whichSam, tools: ['gmail'], action: 'send', entities: { people: ['Sam Patel'], emails: ['sam@example.com'] } },
  { category: 'follow-up', text: 'reply to the second one saying thanks', history: THREE_EMAILS, tools: ['gmail'], action: 'reply', entities: { ordinal: 2, message: 'thanks' } },
  { category: 'follow-up', text: 'summarize the first one', history: THREE_EMAILS, tools: ['gmail'], action: 'summarize', entities: { ordinal: 1 } },
  { category: 'follow-up', text: 'move it to 4', history: TOMORROW_1ON1, tools: ['calendar'], action: 'schedule', entities: { operation: 'move', start: at(12, '16:00') } },
  { category: 'follow-up', text: 'cancel it', history: TOMORROW_1ON1, tools: ['calendar'], action: 'schedule', entities: { operation: 'cancel' } },
  {
    category: 'follow-up',
    text: 'and tomorrow?',
    history: [
      { role: 'user', text: "what's on my calendar today" },
      { role: 'assistant', text: 'You have two meetings today.' },
    ],
    tools: ['calendar'],
    action: 'read',
    entities: { time_range: day(12) },
  },
  { category: 'follow-up', text: 'reply to her that it does', history: DANA_ASKED, tools: ['gmail'], action: 'reply', entities: { people: ['Dana Whitfield'], emails: ['dana@northwind.io'], message: 'it does' } },
  {
    category: 'follow-up',
    text: 'what about the budget?',
    history: [
      { role: 'user', text: 'search slack for the launch' },
      { role: 'assistant', text: 'Two messages in #general mention the launch.' },
    ],
    tools: ['slack'],
    action: 'read',
    entities: { query: 'budget' },
  },

  // Two-turn pairs carried only by the history (no pending state): the assistant's question names the slot.
  {
    category: 'follow-up',
    text: "tell her I'm in",
    history: [
      { role: 'user', text: 'email dana' },
      { role: 'assistant', text: 'What should I say to Dana?' },
    ],
    tools: ['gmail'],
    action: 'send',
    entities: { ...DANA, message: "I'm in" },
  },
  {
    category: 'follow-up',
    text: 'thursday at 3',
    history: [
      { role: 'user', text: 'schedule a meeting with jordan' },
      { role: 'assistant', text: 'When should the meeting be?' },
    ],
    tools: ['calendar'],
    action: 'schedule',
    entities: { ...JORDAN, operation: 'create', start: at(12, '15:00') },
  },
  {
    category: 'follow-up',
    text: 'priya',
    history: [
      { role: 'user', text: 'send an email saying the deck is ready' },
      { role: 'assistant', text: 'Who should I send that to?' },
    ],
    tools: ['gmail'],
    action: 'send',
    entities: { people: ['Priya'], emails: ['priya@example.com'], message: 'the deck is ready' },
  },
  {
    category: 'follow-up',
    text: "what's on my calendar thursday?",
    history: [
      { role: 'user', text: 'schedule a meeting with jordan' },
      { role: 'assistant', text: 'When should I schedule the meeting with Jordan?' },
    ],
    tools: ['calendar'],
    action: 'read',
    entities: { time_range: day(12) },
  },
  {
    category: 'follow-up',
    text: 'general',
    history: [
      { role: 'user', text: 'post that lunch is here' },
      { role: 'assistant', text: 'Which channel should I post that in?' },
    ],
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'general', message: 'lunch is here' },
  },

  // ── "remember that …"
  { category: 'remember', text: 'remember that Dana prefers morning meetings', tools: [], action: 'unknown', entities: { remember: 'Dana prefers morning meetings' } },
  { category: 'remember', text: 'Please remember my flight lands at 6pm Friday', tools: [], action: 'unknown', entities: { remember: 'my flight lands at 6pm Friday' } },
  { category: 'remember', text: 'note that the Acme contract renews in July', tools: [], action: 'unknown', entities: { remember: 'the Acme contract renews in July' } },
  { category: 'remember', text: "keep in mind that I don't take calls before 9", tools: [], action: 'unknown', entities: { remember: "I don't take calls before 9" } },
  { category: 'remember', text: "hey vouch, don't forget that Jordan is out next week", tools: [], action: 'unknown', entities: { remember: 'Jordan is out next week' } },
  { category: 'remember', text: 'remember: the wifi password is on the fridge', tools: [], action: 'unknown', entities: { remember: 'the wifi password is on the fridge' } },

  // ── Not for Vouch
  { category: 'other', text: "what's the weather tomorrow", tools: [], action: 'unknown' },
  { category: 'other', text: 'play some music', tools: [], action: 'unknown' },
  { category: 'other', text: 'set a timer for 10 minutes', tools: [], action: 'unknown' },
  { category: 'other', text: 'how tall is the eiffel tower', tools: [], action: 'unknown' },
  { category: 'other', text: 'thanks!', tools: [], action: 'unknown' },
  { category: 'other', text: 'turn on the lights', tools: [], action: 'unknown' },
];
