import { findOrdinal } from './features.js';
import { contactFor, contactsMatching, findEmails, findPeople, lastMentionedPerson } from './people.js';
import {
  type Contact,
  type Intent,
  type IntentContext,
  type PendingIntent,
  type PendingOutcome,
  type PendingSlot,
  WRITE_ACTIONS,
} from './schema.js';
import { cleanUtterance, stripHesitations } from './text.js';
import { type IntentLexicon, SHIPPED_LEXICON } from './vocabulary.js';
import { parseNumber, resolveWhen } from './when.js';
import { type CivilDate, isValidTimeZone, toRfc3339, zonedParts, zonedTimeToInstant } from '../../time/zonedTime.js';

const DAY_SAID =
  /\b(?:today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|next|the \d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d)/i;

function civilDay(iso: string, tz: string): CivilDate {
  const p = zonedParts(new Date(iso), tz);
  return { year: p.year, month: p.month, day: p.day };
}

/**
 * Slot filling: after "What should the email say?" the next utterance is the answer, not a new request.
 * Given the pending write, an answer fills its one open slot; a clear new request (a question or command
 * that names a service) replaces it; "never mind" abandons it. Pure: the pipeline carries the state.
 */

type Filled = Intent & { pending_outcome: PendingOutcome };
type Parse = (text: string, ctx: IntentContext) => Intent;

/**
 * Dropping the open question, alone or with the person's own plan instead ("never mind, I'll just call
 * her", "nvm don't bother"): what follows is about them, so it is no content to send.
 */
const ABANDON =
  /^(?:never ?mind|nvm|scrap (?:that|it)|forget (?:it|that|about it)|cancel(?: (?:it|that|this))?|stop|don'?t bother|do not bother|no need|skip it|scratch that|no(?:pe)?[,.]? (?:never ?mind|forget it|cancel(?: it)?|don't|leave it)|leave it|drop it|abort)\b(?:[\s,.;:!-]+(?:(?:i'?ll|i will|i'm going to|i am going to|i can|i'd rather|let me|we'll|it's fine|its fine|not needed|(?:don'?t|do not) bother|no need|skip it|forget it|leave it|drop it|scratch that|scrap (?:that|it)|(?:don'?t|do not) (?:send|post|book|schedule|do|write)|i (?:don'?t|do not) (?:wanna|want|need)|it'?s|it is|it has|that'?s|(?:he|she|they|we)\s+\w+)\b.*)?)?[\s.!]*$/i;

/**
 * Putting the question aside for another request ("hold on, what time is my dentist thing tomorrow?",
 * "catch me up on the chat first"): an interruption, then a question or a command of its own.
 */
const INTERRUPTION =
  /^(?:(?:oh|ah|hmm+|ugh|eh)[,.]?\s+)*(?:hold on|hang on|wait|actually|before that|one sec(?:ond)?)\b|\bfirst\s*[?.!]*$/i;
const QUESTION_LIKE = /\?\s*$|^(?:what|whats|what's|when|who|which|where|how|any|anything|is|are|am|do|does|did|was|were|has|have)\b/i;

const CONFIRM =
  /^(?:(?:ok(?:ay)?|yes|yeah|yep|sure|fine|great)[,.!]?\s*)*(?:send it|go ahead|do it|looks good|that's (?:it|fine|good)|sounds good)?[.!]*$/i;

/** Leads that make an utterance a new request rather than an answer, when a service is also named. */
const NEW_REQUEST_LEAD =
  /^(?:what|whats|what's|when|who|which|where|how(?! about)|any|anything|is|are|am|do|does|did|was|were|has|have|show|list|check|find|search|open|read|summari[sz]e|catch me up|schedule|book|set up|post|cancel|move|reschedule|decline|accept|forward|draft|reply to|respond to|email|e-mail|send|message|dm)\b/i;
/** Words that name a service, the registered services' own names among them. */
const serviceWordsByLexicon = new WeakMap<IntentLexicon, RegExp>();
function serviceWords(lex: IntentLexicon): RegExp {
  let re = serviceWordsByLexicon.get(lex);
  if (!re) {
    re = new RegExp(
      String.raw`\b(?:e-?mails?|inbox|threads?|calendar|channel|#[\w-]+|meetings?|events?|invites?|agenda|schedule|dms?|unread|messages)\b|\b${lex.names('mail', 'calendar', 'chat', 'other')}\b`,
      'i',
    );
    serviceWordsByLexicon.set(lex, re);
  }
  return re;
}

const MESSAGE_LEAD =
  /^(?:(?:just|please|and)\s+)?(?:(?:tell|let)\s+(?:him|her|them|everyone|everybody|all|[a-z][\w'-]*)(?:\s+know)?(?:\s+that)?|say(?:\s+something)?(?:\s+like)?(?:\s+that)?|(?:it|the (?:e-?mail|message|note|post|reply))\s+should\s+say(?:\s+that)?|(?:the )?message(?: is|:)|make it say(?:\s+that)?|write(?:\s+that)?|reply(?:\s+with|\s+that)?|respond(?:\s+with|\s+that)?|answer(?:\s+with|\s+that)?|something like|how about|with|that)\s*[:,]?\s+/i;

const MEDIUM_WORDS = { mail: 'e-?mails?|mail', chat: 'messages?|texts?|dms?', calendar: 'calendar|invites?' } as const;

/** A service of these kinds said not to be meant: "not an email", "not on <chat>". */
export function negatedServices(lex: IntentLexicon, kinds: ReadonlyArray<keyof typeof MEDIUM_WORDS>, flags = 'i'): RegExp {
  const generic = kinds.map((k) => MEDIUM_WORDS[k]).join('|');
  return new RegExp(String.raw`\bnot\s+(?:an?\s+|by\s+|via\s+|on\s+|in\s+|over\s+)?(?:${lex.names(...kinds)}|${generic})\b`, flags);
}

function negatesMedium(answer: string, pending: PendingIntent, lex: IntentLexicon): boolean {
  const kinds = (['mail', 'chat', 'calendar'] as const).filter((k) => pending.tools.includes(lex[k]));
  return kinds.length > 0 && negatedServices(lex, kinds).test(answer);
}

function newRequest(answer: string, fresh: Intent, lex: IntentLexicon): boolean {
  return fresh.tools.length > 0 && fresh.action !== 'unknown' && NEW_REQUEST_LEAD.test(answer) && serviceWords(lex).test(answer);
}

function titleCase(s: string): string {
  return s
    .split(/\s+/)
    .map((w) => (w ? (w[0] ?? '').toUpperCase() + w.slice(1) : w))
    .join(' ');
}

function unquote(s: string): string {
  return s
    .trim()
    .replace(/^["“']|["”']$/g, '')
    .trim();
}

function done(pending: PendingIntent, entities: Intent['entities'], outcome: PendingOutcome): Filled {
  return {
    tools: pending.tools,
    action: pending.action,
    entities,
    needs_write: WRITE_ACTIONS.has(pending.action),
    pending_outcome: outcome,
  };
}

function withPerson(entities: Intent['entities'], name: string, contacts: Contact[], email?: string): Intent['entities'] {
  const people = entities.people.some((p) => p.toLowerCase() === name.toLowerCase()) ? entities.people : [...entities.people, name];
  const emails = new Set(entities.emails);
  const addr = email ?? contactFor(name, contacts)?.email;
  if (addr) emails.add(addr.toLowerCase());
  return { ...entities, people, emails: [...emails] };
}

/** The contact an answer to "Which Sam?" picks: an ordinal, a full name, or part of the address. */
function pickCandidate(answer: string, candidates: Contact[]): Contact | undefined {
  const ordinal =
    findOrdinal(answer) ??
    (/\b(first|second|third)\b/i.exec(answer)
      ? ({ first: 1, second: 2, third: 3 } as Record<string, number>)[(/\b(first|second|third)\b/i.exec(answer)?.[1] ?? '').toLowerCase()]
      : undefined);
  if (ordinal !== undefined && candidates[ordinal - 1]) return candidates[ordinal - 1];
  if (/\b(?:the )?last one\b/i.test(answer)) return candidates[candidates.length - 1];
  const words = answer
    .toLowerCase()
    .split(/[^a-z0-9@.-]+/)
    .filter((w) => w.length > 1 && !/^(?:the|one|at|from|with|who|that|is|i|mean|meant|no|yes|please|works|in)$/.test(w));
  const scored = candidates.map((c) => {
    const hay = `${c.name} ${c.email}`.toLowerCase();
    return { c, score: words.filter((w) => hay.includes(w)).length };
  });
  const best = Math.max(0, ...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best && best > 0);
  return top.length === 1 ? top[0]?.c : undefined;
}

export function fillPending(text: string, ctx: IntentContext, parse: Parse, lex: IntentLexicon = SHIPPED_LEXICON): Filled | undefined {
  const pending = ctx.pending;
  if (!pending) return undefined;
  const tz = isValidTimeZone(ctx.timezone) ? ctx.timezone : 'UTC';
  const contacts = ctx.contacts ?? [];
  const { text: answer } = cleanUtterance(text);
  // Content keeps its politeness ("could you send the deck?" is what to say), only hesitations go.
  const spoken = stripHesitations(text);
  const base = pending.entities;

  if (ABANDON.test(answer)) {
    return { tools: [], action: 'unknown', entities: { people: [], emails: [] }, needs_write: false, pending_outcome: 'abandoned' };
  }
  // "not an email — just <chat> her that I'm running late": the pending write's medium is taken back.
  if (negatesMedium(answer, pending, lex)) return undefined;
  if (INTERRUPTION.test(spoken)) {
    const fresh = parse(text, { ...ctx, pending: undefined });
    const request = answer.replace(/^(?:before that|first)[,]?\s+/i, '');
    if (fresh.tools.length > 0 && fresh.action !== 'unknown' && (QUESTION_LIKE.test(request) || NEW_REQUEST_LEAD.test(request)))
      return undefined;
  }

  switch (pending.missing) {
    case 'message': {
      // "ok send it", "go ahead": a go-ahead, not what to say.
      if (CONFIRM.test(answer)) return done(pending, base, 'unfilled');
      // The words after "say …" as spoken (", thanks" included), else after the fillers are gone.
      for (const said of [spoken, answer]) {
        const lead = MESSAGE_LEAD.exec(said);
        const message = lead ? unquote(said.slice(lead[0].length)) : '';
        if (message) return done(pending, { ...base, message }, 'filled');
      }
      // "check your calendar and let me know" speaks to the recipient: it is the message.
      if (!/\b(?:you|your)\b/i.test(answer) && newRequest(answer, parse(text, { ...ctx, pending: undefined }), lex)) return undefined;
      const message = unquote(spoken);
      return message ? done(pending, { ...base, message }, 'filled') : done(pending, base, 'unfilled');
    }
    case 'subject': {
      if (newRequest(answer, parse(text, { ...ctx, pending: undefined }), lex)) return undefined;
      const subject = unquote(answer.replace(/^(?:it's |it is )?(?:about|regarding|re)\s+|^(?:the )?subject(?: is|:)\s*|^call it\s+/i, ''));
      return subject ? done(pending, { ...base, subject }, 'filled') : done(pending, base, 'unfilled');
    }
    case 'start': {
      if (newRequest(answer, parse(text, { ...ctx, pending: undefined }), lex) && !/^(?:what|how) about\b/i.test(answer)) return undefined;
      const said = answer
        .replace(/^(?:what|how) about\s+|^(?:let's say|say|make it|let's do|do|maybe|try)\s+/i, '')
        // "to 4", "push it to thursday at 2": the new time of a move, said with its preposition.
        .replace(/^(?:(?:move|push|shift|bump|change|put) it\s+)?(?:to|until|till)\s+/i, '')
        .replace(/^(\d{1,2}(?::\d{2})?)(?=\s*(?:a\.?m\.?|p\.?m\.?|o'?clock)?\b)/i, 'at $1')
        .replace(
          /^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?!\s+(?:minutes?|hours?))/i,
          (w) => `at ${parseNumber(w) ?? w}`,
        )
        .replace(
          /\bat (one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/i,
          (_m, w: string) => `at ${parseNumber(w) ?? w}`,
        );
      const w = resolveWhen(said, ctx.now, tz, { future: true, defaultSlotMinutes: base.duration_minutes ?? 30 });
      const entities = { ...base };
      if (w.duration_minutes !== undefined) entities.duration_minutes = w.duration_minutes;
      // "make it 4" for a meeting already set for tomorrow keeps tomorrow.
      const keptDay = base.start && w.time && !DAY_SAID.test(said) ? civilDay(base.start, tz) : undefined;
      if (keptDay && w.time) {
        entities.start = toRfc3339(zonedTimeToInstant(keptDay, w.time.hour, w.time.minute, tz), tz);
        return done(pending, entities, 'filled');
      }
      if (w.start) {
        entities.start = toRfc3339(w.start, tz);
        return done(pending, entities, 'filled');
      }
      if (w.range) {
        entities.time_range = { start: toRfc3339(w.range.start, tz), end: toRfc3339(w.range.end, tz) };
        return done(pending, entities, 'filled');
      }
      return done(pending, entities, 'unfilled');
    }
    case 'recipient':
    case 'person': {
      if (pending.missing === 'person' && pending.candidates?.length) {
        const c = pickCandidate(answer, pending.candidates);
        if (!c) return done(pending, base, 'unfilled');
        const first = (c.name.split(/\s+/)[0] ?? '').toLowerCase();
        const people = base.people.filter((p) => (p.split(/\s+/)[0] ?? '').toLowerCase() !== first);
        return done(pending, withPerson({ ...base, people }, c.name, contacts, c.email), 'filled');
      }
      if (newRequest(answer, parse(text, { ...ctx, pending: undefined }), lex)) return undefined;
      const emails = findEmails(answer);
      // "Who?" asked with a person already named means that one could not be used: the answer replaces them.
      const kept = pending.missing === 'recipient' ? { ...base, people: [], emails: [] } : base;
      let entities = { ...kept, emails: [...new Set([...kept.emails, ...emails])] };
      const bare = answer
        .replace(/^(?:send it |it's |it goes |address it |make it )?(?:to|for)\s+|^(?:cc|email|send to)\s+/i, '')
        .replace(/[.!?]+$/, '');
      let names = findPeople(`to ${bare}`, contacts, lex);
      if (names.length === 0 && /^(?:her|him|them)$/i.test(bare)) {
        const last = lastMentionedPerson(ctx.history, contacts, lex, ctx.self);
        if (last) names = [last];
      }
      if (names.length === 0 && emails.length === 0 && /^[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?$/i.test(bare)) names = [titleCase(bare)];
      for (const n of names) entities = withPerson(entities, n, contacts);
      return names.length || emails.length ? done(pending, entities, 'filled') : done(pending, base, 'unfilled');
    }
    case 'channel': {
      if (newRequest(answer, parse(text, { ...ctx, pending: undefined }), lex) && !/^#/.test(answer)) return undefined;
      const where = answer
        .replace(/^(?:post|send|put|share|drop) (?:it|this|that)\s+/i, '')
        .replace(/[,\s]+(?:i (?:guess|think|suppose)|probably|maybe|please)[.!]?$/i, '');
      const m = /#([a-z0-9][\w-]*)/i.exec(where) ?? /^(?:in |to |on |into )?(?:the )?([a-z0-9][\w-]*)(?: channel| one)?[.!]?$/i.exec(where);
      return m?.[1] ? done(pending, { ...base, channel: m[1].toLowerCase() }, 'filled') : done(pending, base, 'unfilled');
    }
  }
  return undefined;
}

/** The assistant's own questions for each slot, as the pipeline and the reply writers word them. */
const SLOT_QUESTIONS: Array<[PendingSlot, RegExp]> = [
  ['channel', /\b(?:which|what) (?:\w+ )?channel\b|\bwhere should i post\b/i],
  [
    'message',
    /\bwhat (?:should|would you like|do you want|shall)\b.*\b(?:say|post|write|tell)\b|\bwhat should the (?:e-?mail|message|reply|post|note) say\b/i,
  ],
  ['start', /\bwhen should\b|\bwhat time\b|\bwhen (?:would you like|do you want|works)\b|\bwhat day\b|\bwhen is good\b/i],
  [
    'recipient',
    /\bwho should i\b|\bwho (?:is it|should it go) (?:for|to)\b|\bwho(?:m)? (?:do you want|would you like) (?:me )?to\b|\bwho (?:to|do i) send\b/i,
  ],
];

/**
 * The open question when the pipeline carried no state: the assistant's last turn asked for a slot
 * ("What should the email say?") about the user's request before it. Lets two-turn follow-ups work from
 * the history alone.
 */
export function inferPending(
  ctx: IntentContext,
  previous: () => Intent | undefined,
  lex: IntentLexicon = SHIPPED_LEXICON,
): PendingIntent | undefined {
  const last = ctx.history[ctx.history.length - 1];
  if (last?.role !== 'assistant' || !/\?\s*$/.test(last.text)) return undefined;
  const which = /\b(?:[Ww]hich|[Dd]id you mean)\s+([A-Z][a-z'-]+)\b/.exec(last.text);
  if (which?.[1] && !lex.nameWords.has(which[1].toLowerCase()) && !/^(?:Channel|One|Day|Time|Email|Thread|Meeting)$/.test(which[1])) {
    const candidates = contactsMatching(which[1], ctx.contacts ?? []);
    const prev = previous();
    if (candidates.length > 1 && prev)
      return { tools: prev.tools, action: prev.action, entities: prev.entities, missing: 'person', candidates };
  }
  const slot = SLOT_QUESTIONS.find(([, re]) => re.test(last.text))?.[0];
  if (!slot) return undefined;
  const prev = previous();
  if (!prev || !prev.needs_write) return undefined;
  return { tools: prev.tools, action: prev.action, entities: prev.entities, missing: slot };
}
