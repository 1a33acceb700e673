import type { Intent } from '../../agent/intent/schema.js';
import type { EventSummary } from './calendarTools.js';
import type { ThreadSummary } from './gmailTools.js';
import type { ReadContext } from '../providerModule.js';
import type { GoogleReadContext } from './reply.js';

type Thread = ThreadSummary;
type Event = EventSummary;

/** What the last answer listed, in the order it was spoken, so "the second email" or "move it" can point at it. */
export interface ListedItems {
  threads?: Thread[];
  events?: Event[];
  /** The read request that listed them ("when is my 1:1 with Sam"), for "it" when several were listed. */
  asked?: Intent['entities'];
  /** The event that request named by its words ("1:1"), when it named one. */
  askedTopic?: string;
}

/** What a request points at among the listed items: a thread to read or answer, or the event a change means. */
interface Pointed {
  thread?: Thread;
  /** The request with the event a change means named by its title (and its time). */
  intent: Intent;
}

const BACK = /\b(?:it|that|this|that one|this one|the (?:first|second|third|last) one)\b/i;

/**
 * Resolves "the second email", "that one", "move it to 4" against what the conversation last listed.
 * A request that names its own thing (a person, a subject, a time to look in) is left as it is.
 */
export function pointAt(intent: Intent, transcript: string, listed: ListedItems | undefined): Pointed {
  const e = intent.entities;
  if (!listed) return { intent };
  const nth = <T>(items: T[] | undefined): T | undefined => {
    if (!items?.length) return undefined;
    if (e.ordinal !== undefined) return items[e.ordinal - 1];
    if (/\bthe last one\b/i.test(transcript)) return items.at(-1);
    return items.length === 1 && BACK.test(transcript) ? items[0] : undefined;
  };
  if (intent.tools.includes('gmail') && e.people.length === 0 && !e.query && !e.sender) {
    const thread = nth(listed.threads);
    if (thread) return { thread, intent };
  }
  const change = intent.action === 'schedule' && e.operation !== undefined && e.operation !== 'create';
  if (change && !e.subject && !e.query && e.people.length === 0 && (e.ordinal !== undefined || BACK.test(transcript))) {
    const a = listed.asked;
    const subject = a?.subject ?? listed.askedTopic;
    // "it" is the event the last question named when it named one, whatever else the answer listed.
    const named = subject ? listed.events?.filter((ev) => ev.title.toLowerCase().includes(subject.toLowerCase())) : listed.events;
    const event = nth(named);
    if (event) return { intent: { ...intent, entities: { ...e, subject: event.title } } };
    // Several were listed, or the named one was not among them: the thing the last question was about.
    if (a && (subject || a.people.length))
      return { intent: { ...intent, entities: { ...e, ...(subject ? { subject } : {}), people: a.people } } };
  }
  return { intent };
}

/** What an answer listed, in spoken order (events by start time, threads as returned). */
export function listedBy(intent: Intent, context: ReadContext<GoogleReadContext>, transcript = ''): ListedItems | undefined {
  const events = context.events ? [...context.events].sort((a, b) => a.start.localeCompare(b.start)) : undefined;
  const topic = intent.tools.includes('calendar') ? eventTopic(transcript, intent.entities.people) : undefined;
  if (!context.threads?.length && !events?.length && !topic) return undefined;
  return {
    ...(context.threads?.length ? { threads: context.threads } : {}),
    ...(events?.length ? { events } : {}),
    asked: intent.entities,
    ...(topic ? { askedTopic: topic } : {}),
  };
}

const TOPIC_NOISE =
  /^(?:when|what|what's|whats|where|time|day|is|are|was|my|the|our|a|an|next|meeting|meetings|event|call|with|and|on|at|in|for|today|tomorrow|this|week|calendar|scheduled|start|starts|it|again)$/i;

/** The words of a calendar question that name an event ("when is my 1:1 with Sam" → "1:1"). */
function eventTopic(transcript: string, people: readonly string[]): string | undefined {
  const names = new Set(people.flatMap((p) => p.toLowerCase().split(/\s+/)));
  const words = transcript
    .replace(/[?.!,]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !TOPIC_NOISE.test(w) && !names.has(w.toLowerCase()));
  return words.some((w) => /\p{L}{3,}|\d:\d/u.test(w)) ? words.join(' ') : undefined;
}
