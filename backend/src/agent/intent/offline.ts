import type { Tool } from '../../protocol/common.js';
import { contactFor, findEmails, findPeople, lastMentionedPerson, mentionsPersonPronoun } from './people.js';
import {
  type AnalyzedIntent,
  type Intent,
  type IntentAction,
  type IntentContext,
  type IntentEngine,
  WRITE_ACTIONS,
} from './schema.js';
import { parseNumber, resolveWhen } from './when.js';
import { isValidTimeZone, toRfc3339 } from '../../time/zonedTime.js';

/**
 * The embedded intent engine: a deterministic parser for the requests people actually make of a
 * mail/calendar/Slack assistant. It is the default with no Gemini key and the fallback when Gemini
 * fails, so it must never throw: anything it cannot place becomes `action: 'unknown'`.
 */

const TOOL_ORDER: Tool[] = ['gmail', 'calendar', 'slack'];

const RE = {
  slack: /\bslack\b|#[a-z0-9]|\bchannel\b|\bdms?\b|\bpost(ing)?\b|\bposted\b|\bannounce\b/i,
  calendar:
    /\bcalendar\b|\bschedul(e|ing)\b|\bmeetings?\b|\bmeet\b|\bevents?\b|\bappointments?\b|\bfree\b|\bbusy\b|\bavailab(le|ility)\b|\bagenda\b|\bbook\b|\bset up\b|\binvite\b|\bcalls?\b|\b1:1\b|\bone on one\b|\bsync\b|\bmy day\b|\bdo i have (anything|something)\b|\bwhat do i have\b|\bstand-?up\b|\blunch with\b|\bfind (a )?time\b|\bslot\b/i,
  /** Words that can only mean mail. */
  gmail: /\be-?mails?\b|\bmail\b|\binbox\b|\bgmail\b|\bthreads?\b|\bunread\b|\bnewsletters?\b/i,
  /** Words that mean mail unless Slack was named ("reply on Slack to Sam"). */
  gmailWeak: /\brepl(y|ies)\b|\brespond\b|\bwrite back\b|\bget back to\b/i,
  message: /\bmessages?\b|\bping\b|\btext\b/i,
};

/** Politeness and wake words that carry no meaning for the parser. */
function stripLead(text: string): string {
  return text
    .replace(/^(?:(?:hey|ok|okay|hi)\s+vouch[,!.]?\s*)/i, '')
    .replace(/^(?:(?:can|could|would|will) you\s+(?:please\s+)?|please\s+|i (?:need|want|would like|'d like) (?:you )?to\s+|go ahead and\s+)/i, '')
    .trim();
}

const QUESTION_LEAD =
  /^(what|whats|what's|when|who|whom|which|where|how|any|anything|is|are|am|do|does|did|was|were|has|have|show|list|read|check|find(?! (?:a )?time)|open|look|search|give me|get me|tell me|fetch)\b/i;
const SEND_LEAD = /^(e-?mail|mail|send|tell|let|message|ping|dm|text|forward|write to|shoot)\b(?!\s+me\b)/i;
/** Requests that start with a command stay commands even when said with a question mark. */
const COMMAND_LEAD =
  /^(schedule|set up|book|arrange|put|add|create|invite|reply|respond|write|draft|compose|post|announce|share|e-?mail|mail|send|tell|let|message|ping|dm|text|forward|summari[sz]e)\b(?!\s+me\b)/i;
const SEND_ANYWHERE = /\bsend (?:an? |the )?(?:quick )?(?:e-?mail|message|note|slack|dm)\b/i;

const ACTION_RE = {
  summarize: /\b(summari[sz]e|summary|recap|catch me up|brief me|tl;?dr|digest|what did i miss|go over|rundown)\b/i,
  reply: /\b(reply|respond|write back|get back to)\b/i,
  schedule: /\b(schedule|set up|book|arrange|find (a )?time|put .* on my calendar|add .* to my calendar|create (an? )?(event|meeting)|invite)\b/i,
  draft: /\b(draft|compose|write (an? )?(e-?mail|note|message))\b/i,
  post: /\b(post|announce|share (it |this |that )?(in|on|to))\b/i,
};

/** The part of the request that is content to say, not instructions ("…that Thursday works"). */
function splitMessage(text: string, action: IntentAction): { instruction: string; message?: string } {
  if (!['reply', 'send', 'post', 'draft'].includes(action)) return { instruction: text };
  const marker = /\s(?:that|saying|to say|and say(?: that)?|and tell (?:him|her|them)(?: that)?|letting (?:him|her|them) know(?: that)?)\s+|:\s*/i.exec(text);
  if (marker && marker.index > 0) {
    const message = cleanMessage(text.slice(marker.index + marker[0].length));
    if (message) return { instruction: text.slice(0, marker.index), message };
  }
  // "tell Sam the deck is ready", "post in #deals we closed Northwind": content follows the target.
  const target =
    /^(?:[Tt]ell|[Ll]et)\s+([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?|#[\w-]+|the [\w-]+ channel)\s+(?:know\s+)?(?:that\s+)?(.+)$/.exec(text) ??
    /^(?:please\s+)?(?:post|announce|say)\s+(?:(?:in|to|on)\s+)?(#[\w-]+)\s+(.+)$/i.exec(text);
  if (target?.[2]) {
    const message = cleanMessage(target[2]);
    if (message) return { instruction: text.slice(0, text.length - target[2].length), message };
  }
  // 'post "we closed Northwind" in #deals'
  const quoted = /["“]([^"”]+)["”]|(?:^|\s)['‘]([^'’]+)['’](?=\s|$)/.exec(text);
  const quotedText = quoted?.[1] ?? quoted?.[2];
  if (quoted && quotedText) return { instruction: text.replace(quoted[0], ' '), message: cleanMessage(quotedText) };
  return { instruction: text };
}

function cleanMessage(s: string): string {
  return s
    .replace(/\s+(?:on|in|via|over)\s+(?:slack|email|e-mail|gmail)\s*[.?!]?$/i, '')
    .replace(/\s+(?:in|to|on)\s+#[\w-]+\s*[.?!]?$/i, '')
    .trim()
    .replace(/^["“']|["”']$/g, '')
    .trim();
}

function findChannel(text: string): string | undefined {
  const hash = /#([a-z0-9][\w-]*)/i.exec(text);
  if (hash?.[1]) return hash[1].toLowerCase();
  const named = /\b(?:the|in|to|on|into|from)\s+(?:the\s+)?([a-z0-9][\w-]*)\s+channel\b/i.exec(text);
  if (named?.[1] && !/^(slack|a|this|that|same)$/i.test(named[1])) return named[1].toLowerCase();
  const slackIn = /\b(?:slack|post(?:ed)?)\b.*\b(?:in|to)\s+(general|deals|random)\b/i.exec(text);
  return slackIn?.[1]?.toLowerCase();
}

const GENERIC = /^(last|latest|new|recent|unread|my|an?|the|this|that|every|all|few|\d+|important|next|first|one)$/i;

function findSubject(instruction: string): string | undefined {
  const about =
    /\b(?:about|regarding|re|on the topic of|titled|called|subject)\s+(?:the\s+|my\s+|our\s+)?(.+?)(?=\s+(?:on|at|for|tomorrow|today|tonight|next|this|from|with|in|to|by|and)\b|\s*[?.!,]?\s*$)/i.exec(
      instruction,
    );
  if (about?.[1] && !/^(it|that|this|them)$/i.test(about[1])) return about[1].trim();
  const thread = /\b(?:the|my)\s+([\w-]+(?:\s+[\w-]+)?)\s+(?:thread|email|emails|conversation)\b/i.exec(instruction);
  if (thread?.[1]) {
    const words = thread[1].split(/\s+/).filter((w) => !GENERIC.test(w));
    if (words.length > 0 && !/^(e-?mail|messages?)$/i.test(words.join(' '))) return words.join(' ');
  }
  return undefined;
}

function findCount(text: string): number | undefined {
  const n = /\b(?:last|latest|recent|top|first|most recent)\s+(\d+|two|three|four|five|six|seven|eight|nine|ten|twenty)\b/i.exec(text);
  if (n?.[1]) return parseNumber(n[1]);
  if (/\b(?:last|latest|most recent|newest)\s+(e-?mail|message|thread)\b(?!s)/i.test(text)) return 1;
  return undefined;
}

function detectTools(text: string, action?: IntentAction): Tool[] {
  const lead = stripLead(text);
  const tools = new Set<Tool>();
  if (RE.slack.test(text)) tools.add('slack');
  if (RE.gmail.test(text)) tools.add('gmail');
  if (RE.gmailWeak.test(text) && !tools.has('slack')) tools.add('gmail');
  if (RE.calendar.test(text)) tools.add('calendar');
  // "message Sam", "any new messages from Priya": a message with no medium named could be either.
  if (RE.message.test(text) && !tools.has('slack') && !tools.has('gmail')) {
    if (action === 'send' || action === 'post' || SEND_LEAD.test(lead)) tools.add('slack');
    else {
      tools.add('gmail');
      tools.add('slack');
    }
  }
  if (tools.size === 0) {
    // "catch me up" / "what did I miss" with no medium: mail and Slack.
    if (/\b(catch me up|what did i miss|anything new|what's new|whats new)\b/i.test(text)) {
      tools.add('gmail');
      tools.add('slack');
    } else if (/\b(say|said|write|wrote|sent|ask|asked|mention(ed)?|reply|replied|hear from|heard from)\b/i.test(text) && /\b[A-Z][a-z]+\b/.test(text.slice(1))) {
      // "what did Dana write about the NDA": someone said something somewhere; look in both.
      tools.add('gmail');
      tools.add('slack');
    } else if (SEND_LEAD.test(lead) || SEND_ANYWHERE.test(text)) {
      // "tell Sam the deck is ready": with no medium named, a note to a person is an email.
      tools.add('gmail');
    }
  }
  // "send Sam an email about the meeting": the meeting is the topic, not a calendar write.
  if (tools.has('gmail') && tools.has('calendar') && /^(?:e-?mail|send|reply|respond|write|draft|tell|let)\b/i.test(lead)) {
    tools.delete('calendar');
  }
  return TOOL_ORDER.filter((t) => tools.has(t));
}

function detectAction(text: string, tools: Tool[]): IntentAction {
  if (tools.length === 0) return 'unknown';
  const lead = stripLead(text);
  const sends = SEND_LEAD.test(lead) || SEND_ANYWHERE.test(lead);
  const isQuestion = QUESTION_LEAD.test(lead) || (!COMMAND_LEAD.test(lead) && /\?\s*$/.test(lead));

  if (ACTION_RE.summarize.test(lead)) return 'summarize';
  if (ACTION_RE.reply.test(lead) && !isQuestion) return 'reply';
  if (tools.includes('calendar') && ACTION_RE.schedule.test(lead) && !isQuestion) return 'schedule';
  if (ACTION_RE.draft.test(lead) && !isQuestion) return 'draft';
  if (tools.includes('slack') && (ACTION_RE.post.test(lead) || sends) && !isQuestion) return 'post';
  if (sends && !isQuestion) return 'send';
  return 'read';
}

export function parseIntent(text: string, ctx: IntentContext): Intent {
  const tz = isValidTimeZone(ctx.timezone) ? ctx.timezone : 'UTC';
  const contacts = ctx.contacts ?? [];
  const raw = stripLead(text.trim().replace(/\s+/g, ' '));

  // A first guess at the action decides where the message starts; tools and action are then taken
  // from the instruction alone so "tell Sam the meeting moved" is not a calendar request.
  const guessTools = detectTools(raw);
  const firstAction = detectAction(raw, guessTools);
  const { instruction, message } = splitMessage(raw, firstAction);
  let tools = detectTools(instruction, firstAction);
  let action = tools.length > 0 ? detectAction(instruction, tools) : 'unknown';
  if (action === 'unknown' && message === undefined) {
    // Follow-ups ("and tomorrow?", "what about Friday") inherit what the previous request was about.
    const prevUser = [...ctx.history].reverse().find((t) => t.role === 'user');
    if (prevUser && /^(and|what about|how about|also|then)\b|^(tomorrow|today|friday|monday|tuesday|wednesday|thursday|next)\b/i.test(raw)) {
      const prev = parseIntent(prevUser.text, { ...ctx, history: [] });
      if (prev.tools.length > 0 && !prev.needs_write) {
        tools = prev.tools;
        action = prev.action;
      }
    }
  }

  // People come from the instruction: in "tell Sam that Dana agreed", Dana is content, not a recipient.
  let people = findPeople(instruction, contacts);
  if (people.length === 0 && mentionsPersonPronoun(instruction)) {
    const last = lastMentionedPerson(ctx.history, contacts);
    if (last) people = [last];
  }
  const emails = new Set(findEmails(instruction));
  for (const p of people) {
    const c = contactFor(p, contacts);
    if (c) emails.add(c.email.toLowerCase());
  }

  const entities: Intent['entities'] = { people, emails: [...emails] };
  const isSchedule = action === 'schedule';
  const when = resolveWhen(instruction, ctx.now, tz, { future: isSchedule || WRITE_ACTIONS.has(action), defaultSlotMinutes: 60 });
  if (isSchedule) {
    if (when.start) entities.start = toRfc3339(when.start, tz);
    // A meeting with no length said is the common half hour.
    entities.duration_minutes = when.duration_minutes ?? 30;
    if (!when.start && when.range) entities.time_range = { start: toRfc3339(when.range.start, tz), end: toRfc3339(when.range.end, tz) };
  } else {
    if (when.range) entities.time_range = { start: toRfc3339(when.range.start, tz), end: toRfc3339(when.range.end, tz) };
    if (when.duration_minutes !== undefined) entities.duration_minutes = when.duration_minutes;
  }

  const subject = findSubject(instruction);
  if (subject) entities.subject = subject;
  if (message) entities.message = message;
  const channel = findChannel(instruction);
  if (channel && tools.includes('slack')) entities.channel = channel;
  const count = findCount(instruction);
  if (count !== undefined) entities.count = count;
  if (!WRITE_ACTIONS.has(action) && subject && (tools.includes('gmail') || tools.includes('slack'))) entities.query = subject;

  return { tools, action, entities, needs_write: WRITE_ACTIONS.has(action) };
}

export class OfflineIntentEngine implements IntentEngine {
  readonly name = 'offline' as const;

  async analyze(text: string, ctx: IntentContext): Promise<AnalyzedIntent> {
    return { ...parseIntent(text, ctx), engine: 'offline' };
  }
}
