import type { Tool } from '../../src/protocol/common.js';
import type { Contact, Intent, IntentAction, IntentContext, Turn } from '../../src/agent/intent/schema.js';

/**
 * The offline engine's accuracy set: phrasings a person would say to a mail/calendar/Slack assistant,
 * each with what must come out. Shared by the unit test (which fails under 95 %) and
 * `bench/intent-accuracy.ts` (which prints the table). Clock: Wednesday 11 June 2025, 09:30 in
 * Los Angeles (UTC-7), so every date below is a PDT wall time.
 */

export const CASE_NOW = new Date('2025-06-11T09:30:00-07:00');
export const CASE_TZ = 'America/Los_Angeles';
export const CASE_CONTACTS: Contact[] = [
  { name: 'Dana Whitfield', email: 'dana@northwind.io' },
  { name: 'Sam Patel', email: 'sam@example.com' },
  { name: 'Priya Raman', email: 'priya@example.com' },
];

export interface IntentCase {
  text: string;
  tools: Tool[];
  action: IntentAction;
  /** Only the entities listed are checked; strings compare case-insensitively. */
  entities?: Partial<Intent['entities']>;
  history?: Turn[];
}

const day = (d: string) => ({
  start: `2025-06-${d}T00:00:00-07:00`,
  end: `2025-06-${String(Number(d) + 1).padStart(2, '0')}T00:00:00-07:00`,
});
const at = (d: string, hm: string) => `2025-06-${d}T${hm}:00-07:00`;

const DANA_HISTORY: Turn[] = [
  { role: 'user', text: 'summarize my last emails from Dana' },
  { role: 'assistant', text: 'Dana Whitfield asked whether Thursday works for the Northwind NDA review.' },
];
const SAM_HISTORY: Turn[] = [
  { role: 'user', text: 'any new email from Sam?' },
  { role: 'assistant', text: 'Sam sent notes on the Q3 deck this morning.' },
];

export const INTENT_CASES: IntentCase[] = [
  // Calendar reads
  { text: "what's on my calendar tomorrow", tools: ['calendar'], action: 'read', entities: { time_range: day('12') } },
  {
    text: 'am I free Friday afternoon',
    tools: ['calendar'],
    action: 'read',
    entities: { time_range: { start: at('13', '12:00'), end: at('13', '17:00') } },
  },
  { text: 'What do I have today?', tools: ['calendar'], action: 'read', entities: { time_range: day('11') } },
  {
    text: 'Do I have any meetings this afternoon?',
    tools: ['calendar'],
    action: 'read',
    entities: { time_range: { start: at('11', '12:00'), end: at('11', '17:00') } },
  },
  { text: 'When is my next meeting?', tools: ['calendar'], action: 'read' },
  { text: 'What does my day look like tomorrow?', tools: ['calendar'], action: 'read', entities: { time_range: day('12') } },
  {
    text: 'Am I busy on Monday morning?',
    tools: ['calendar'],
    action: 'read',
    entities: { time_range: { start: at('16', '08:00'), end: at('16', '12:00') } },
  },
  {
    text: "What's on my agenda next week?",
    tools: ['calendar'],
    action: 'read',
    entities: { time_range: { start: at('16', '00:00'), end: at('23', '00:00') } },
  },
  {
    text: 'Is there anything on my calendar tonight?',
    tools: ['calendar'],
    action: 'read',
    entities: { time_range: { start: at('11', '18:00'), end: at('12', '00:00') } },
  },
  {
    text: 'Am I free in 2 hours?',
    tools: ['calendar'],
    action: 'read',
    entities: { time_range: { start: at('11', '11:30'), end: at('11', '12:30') } },
  },
  { text: 'Do I have anything on June 20th?', tools: ['calendar'], action: 'read', entities: { time_range: day('20') } },
  { text: 'What time is my meeting with Dana?', tools: ['calendar'], action: 'read', entities: { people: ['Dana'] } },
  {
    text: 'Can you tell me what is on my calendar for Thursday?',
    tools: ['calendar'],
    action: 'read',
    entities: { time_range: day('12') },
  },
  {
    text: 'am i available tomorrow at 3',
    tools: ['calendar'],
    action: 'read',
    entities: { time_range: { start: at('12', '15:00'), end: at('12', '16:00') } },
  },

  // Calendar writes
  {
    text: 'schedule 30 minutes with Sam on Friday at 2pm',
    tools: ['calendar'],
    action: 'schedule',
    entities: { people: ['Sam'], emails: ['sam@example.com'], start: at('13', '14:00'), duration_minutes: 30 },
  },
  {
    text: 'set up a meeting with Dana next Tuesday at 10',
    tools: ['calendar'],
    action: 'schedule',
    entities: { people: ['Dana'], start: at('17', '10:00'), duration_minutes: 30 },
  },
  {
    text: 'Book an hour with Priya tomorrow at 3pm',
    tools: ['calendar'],
    action: 'schedule',
    entities: { people: ['Priya'], start: at('12', '15:00'), duration_minutes: 60 },
  },
  {
    text: 'Schedule a call with Dana Whitfield on Thursday at 11am about the NDA',
    tools: ['calendar'],
    action: 'schedule',
    entities: { people: ['Dana Whitfield'], start: at('12', '11:00'), subject: 'NDA' },
  },
  {
    text: 'Put a meeting with Sam on my calendar for Monday at 9:30',
    tools: ['calendar'],
    action: 'schedule',
    entities: { people: ['Sam'], start: at('16', '09:30') },
  },
  {
    text: 'Set up a 45 minute sync with Priya on Friday at 1',
    tools: ['calendar'],
    action: 'schedule',
    entities: { start: at('13', '13:00'), duration_minutes: 45 },
  },
  {
    text: 'Invite Sam to a meeting tomorrow at noon',
    tools: ['calendar'],
    action: 'schedule',
    entities: { people: ['Sam'], start: at('12', '12:00') },
  },
  {
    text: 'Schedule lunch with Dana tomorrow at 12:30 for an hour and a half',
    tools: ['calendar'],
    action: 'schedule',
    entities: { start: at('12', '12:30'), duration_minutes: 90 },
  },
  {
    text: 'Schedule a meeting with Sam and Priya on Monday at 4pm',
    tools: ['calendar'],
    action: 'schedule',
    entities: { people: ['Sam', 'Priya'], start: at('16', '16:00') },
  },
  {
    text: 'Please book half an hour with Sam today at 5',
    tools: ['calendar'],
    action: 'schedule',
    entities: { start: at('11', '17:00'), duration_minutes: 30 },
  },
  {
    text: 'Find a time with Dana next week',
    tools: ['calendar'],
    action: 'schedule',
    entities: { people: ['Dana'], time_range: { start: at('16', '00:00'), end: at('23', '00:00') } },
  },
  {
    text: 'Can you set up a call with Dana on the 19th at 10am?',
    tools: ['calendar'],
    action: 'schedule',
    entities: { people: ['Dana'], start: at('19', '10:00') },
  },

  // Gmail reads
  {
    text: 'summarize my last emails from Dana',
    tools: ['gmail'],
    action: 'summarize',
    entities: { people: ['Dana'], emails: ['dana@northwind.io'] },
  },
  { text: 'any new email from Sam?', tools: ['gmail'], action: 'read', entities: { people: ['Sam'] } },
  { text: 'Check my inbox', tools: ['gmail'], action: 'read' },
  { text: 'Do I have any unread emails?', tools: ['gmail'], action: 'read' },
  { text: 'Read me the latest email from Priya', tools: ['gmail'], action: 'read', entities: { people: ['Priya'], count: 1 } },
  { text: 'Summarize the Northwind thread', tools: ['gmail'], action: 'summarize', entities: { subject: 'Northwind' } },
  { text: 'Did Dana email me about the NDA?', tools: ['gmail'], action: 'read', entities: { people: ['Dana'], query: 'NDA' } },
  { text: 'Show my last 3 emails', tools: ['gmail'], action: 'read', entities: { count: 3 } },
  { text: 'What did Sam say in his last email?', tools: ['gmail'], action: 'read', entities: { people: ['Sam'], count: 1 } },
  {
    text: 'Any emails from dana@northwind.io this week?',
    tools: ['gmail'],
    action: 'read',
    entities: { emails: ['dana@northwind.io'], time_range: { start: at('11', '09:30'), end: at('16', '00:00') } },
  },
  { text: 'Catch me up on my email', tools: ['gmail'], action: 'summarize' },
  { text: "Give me a summary of today's emails", tools: ['gmail'], action: 'summarize', entities: { time_range: day('11') } },
  {
    text: 'Find the email from Sam about the contract',
    tools: ['gmail'],
    action: 'read',
    entities: { people: ['Sam'], query: 'contract' },
  },
  { text: 'summarize my last emails from dana', tools: ['gmail'], action: 'summarize', entities: { people: ['Dana'] } },

  // Gmail writes
  {
    text: 'reply to Dana that Thursday works',
    tools: ['gmail'],
    action: 'reply',
    entities: { people: ['Dana'], emails: ['dana@northwind.io'], message: 'Thursday works' },
  },
  {
    text: 'email Sam that the deck is ready',
    tools: ['gmail'],
    action: 'send',
    entities: { people: ['Sam'], emails: ['sam@example.com'], message: 'the deck is ready' },
  },
  {
    text: "Reply to Sam saying I'll send the contract tonight",
    tools: ['gmail'],
    action: 'reply',
    entities: { people: ['Sam'], message: "I'll send the contract tonight" },
  },
  {
    text: "Respond to Priya that I'm running ten minutes late",
    tools: ['gmail'],
    action: 'reply',
    entities: { people: ['Priya'], message: "I'm running ten minutes late" },
  },
  {
    text: 'Write back to Dana: Thursday at 2 works for me',
    tools: ['gmail'],
    action: 'reply',
    entities: { people: ['Dana'], message: 'Thursday at 2 works for me' },
  },
  {
    text: 'Draft an email to Sam about the quarterly numbers',
    tools: ['gmail'],
    action: 'draft',
    entities: { people: ['Sam'], subject: 'quarterly numbers' },
  },
  {
    text: 'Send an email to Priya saying the invoice is paid',
    tools: ['gmail'],
    action: 'send',
    entities: { people: ['Priya'], message: 'the invoice is paid' },
  },
  {
    text: 'Email dana@northwind.io that the signed NDA is attached',
    tools: ['gmail'],
    action: 'send',
    entities: { emails: ['dana@northwind.io'], message: 'the signed NDA is attached' },
  },
  { text: 'Tell Sam the deck is ready', tools: ['gmail'], action: 'send', entities: { people: ['Sam'], message: 'the deck is ready' } },
  {
    text: 'Let Dana know that the contract is signed',
    tools: ['gmail'],
    action: 'send',
    entities: { people: ['Dana'], message: 'the contract is signed' },
  },
  {
    text: 'tell sam that the deck is ready',
    tools: ['gmail'],
    action: 'send',
    entities: { people: ['Sam'], message: 'the deck is ready' },
  },
  { text: 'Send Sam an email about the meeting tomorrow', tools: ['gmail'], action: 'send', entities: { people: ['Sam'] } },

  // Slack
  {
    text: 'post to #deals that the NDA is signed',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'deals', message: 'the NDA is signed' },
  },
  { text: "what's new in #general", tools: ['slack'], action: 'read', entities: { channel: 'general' } },
  {
    text: 'Post in #general that the office is closed Friday',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'general', message: 'the office is closed Friday' },
  },
  {
    text: 'Announce in #deals we closed Northwind',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'deals', message: 'we closed Northwind' },
  },
  {
    text: 'Tell #deals that the pricing is approved',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'deals', message: 'the pricing is approved' },
  },
  {
    text: 'Share in #general that lunch is on me',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'general', message: 'lunch is on me' },
  },
  {
    text: "Post 'standup moved to 10' in #general",
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'general', message: 'standup moved to 10' },
  },
  { text: "What's happening in the deals channel?", tools: ['slack'], action: 'read', entities: { channel: 'deals' } },
  { text: 'Summarize #general from today', tools: ['slack'], action: 'summarize', entities: { channel: 'general', time_range: day('11') } },
  { text: 'Any new messages in #deals?', tools: ['slack'], action: 'read', entities: { channel: 'deals' } },
  { text: 'Did anyone mention the NDA in Slack?', tools: ['slack'], action: 'read' },
  {
    text: 'Send a Slack message to #general saying the build is green',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'general', message: 'the build is green' },
  },
  {
    text: "Message Sam on Slack that I'm on my way",
    tools: ['slack'],
    action: 'post',
    entities: { people: ['Sam'], message: "I'm on my way" },
  },
  {
    text: 'DM Priya that the deck is ready',
    tools: ['slack'],
    action: 'post',
    entities: { people: ['Priya'], message: 'the deck is ready' },
  },
  {
    text: 'let the deals channel know the contract is signed',
    tools: ['slack'],
    action: 'post',
    entities: { channel: 'deals', message: 'the contract is signed' },
  },
  { text: "Reply on Slack to Sam that I'll join", tools: ['slack'], action: 'reply', entities: { people: ['Sam'], message: "I'll join" } },

  // Several tools
  { text: 'what did Dana write about the NDA', tools: ['gmail', 'slack'], action: 'read', entities: { people: ['Dana'], query: 'NDA' } },
  {
    text: 'remind me what Sam said yesterday',
    tools: ['gmail', 'slack'],
    action: 'read',
    entities: { people: ['Sam'], time_range: day('10') },
  },
  { text: 'Catch me up', tools: ['gmail', 'slack'], action: 'summarize' },
  { text: 'What did I miss today?', tools: ['gmail', 'slack'], action: 'summarize', entities: { time_range: day('11') } },
  { text: 'Any new messages from Priya?', tools: ['gmail', 'slack'], action: 'read', entities: { people: ['Priya'] } },
  { text: 'Check my email and calendar for tomorrow', tools: ['gmail', 'calendar'], action: 'read', entities: { time_range: day('12') } },
  {
    text: 'Summarize my emails and Slack from this morning',
    tools: ['gmail', 'slack'],
    action: 'summarize',
    entities: { time_range: { start: at('11', '08:00'), end: at('11', '12:00') } },
  },
  {
    text: "What's on my calendar for Friday and are there any emails from Dana?",
    tools: ['gmail', 'calendar'],
    action: 'read',
    entities: { people: ['Dana'], time_range: day('13') },
  },

  // Conversation: pronouns and follow-ups
  {
    text: 'reply to her that Thursday works',
    tools: ['gmail'],
    action: 'reply',
    history: DANA_HISTORY,
    entities: { people: ['Dana Whitfield'], emails: ['dana@northwind.io'], message: 'Thursday works' },
  },
  {
    text: 'Email him that the deck is ready',
    tools: ['gmail'],
    action: 'send',
    history: SAM_HISTORY,
    entities: { people: ['Sam'], emails: ['sam@example.com'] },
  },
  {
    text: 'Set up a meeting with her next Tuesday at 10',
    tools: ['calendar'],
    action: 'schedule',
    history: DANA_HISTORY,
    entities: { people: ['Dana Whitfield'], start: at('17', '10:00') },
  },
  {
    text: 'And tomorrow?',
    tools: ['calendar'],
    action: 'read',
    history: [
      { role: 'user', text: "what's on my calendar today" },
      { role: 'assistant', text: 'You have two meetings today.' },
    ],
    entities: { time_range: day('12') },
  },

  // Not for Vouch
  { text: "What's the weather like?", tools: [], action: 'unknown' },
  { text: 'Tell me a joke', tools: [], action: 'unknown' },
];

export function caseContext(c: IntentCase): IntentContext {
  return { now: CASE_NOW, timezone: CASE_TZ, history: c.history ?? [], contacts: CASE_CONTACTS };
}

export interface CaseScore {
  toolsOk: boolean;
  actionOk: boolean;
  entitiesOk: boolean;
  mismatches: string[];
}

/** Case- and space-insensitive form of an expected or produced value, for comparing intents. */
export const norm = (v: unknown): unknown =>
  typeof v === 'string'
    ? v.toLowerCase().trim()
    : Array.isArray(v)
      ? v.map(norm)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, norm(x)]))
        : v;

export function scoreCase(c: IntentCase, got: Intent): CaseScore {
  const mismatches: string[] = [];
  const toolsOk = JSON.stringify([...got.tools].sort()) === JSON.stringify([...c.tools].sort());
  if (!toolsOk) mismatches.push(`tools ${got.tools.join('+') || '-'} ≠ ${c.tools.join('+') || '-'}`);
  const actionOk = got.action === c.action;
  if (!actionOk) mismatches.push(`action ${got.action} ≠ ${c.action}`);
  let entitiesOk = true;
  for (const [k, want] of Object.entries(c.entities ?? {})) {
    const have = (got.entities as Record<string, unknown>)[k];
    if (JSON.stringify(norm(have)) !== JSON.stringify(norm(want))) {
      entitiesOk = false;
      mismatches.push(`${k} ${JSON.stringify(have)} ≠ ${JSON.stringify(want)}`);
    }
  }
  return { toolsOk, actionOk, entitiesOk, mismatches };
}
