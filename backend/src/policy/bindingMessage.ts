import { addressesOf, reachesChannel, type ProposedAction } from './action.js';

/**
 * CIBA binding messages. Auth0 requires one, "up to 64 characters", using "only alphanumeric and
 * +-_.,:# characters" (its own examples contain spaces, so spaces are kept). The phone shows it and
 * the app shows the same string while waiting, so the person can match the two.
 */
export const BINDING_MESSAGE_MAX = 64;
export const BINDING_MESSAGE_FALLBACK = 'Approve Vouch action';
const ALLOWED = /^[A-Za-z0-9 +\-_.,:#]+$/;

/** Readable stand-ins for characters Auth0 refuses, applied before everything else is dropped. */
const REPLACEMENTS: readonly [RegExp, string][] = [
  [/@/g, ' at '],
  [/&/g, ' and '],
  [/%/g, ' pct'],
  [/[\u2010-\u2015\u2212]/g, '-'], // dashes and minus
  [/[\u2018\u2019\u201a\u201b\u2032]/g, ''], // curly apostrophes vanish: "Dana’s" → "Danas"
  [/[\u00df]/g, 'ss'],
  [/[\u00e6]/g, 'ae'],
  [/[\u00c6]/g, 'AE'],
  [/[\u0153]/g, 'oe'],
  [/[\u0152]/g, 'OE'],
  [/[\u00f8]/g, 'o'],
  [/[\u00d8]/g, 'O'],
  [/[\u0142]/g, 'l'],
  [/[\u0141]/g, 'L'],
];

/** Restricts text to Auth0's characters: accents folded, others become spaces, spaces collapsed. */
export function sanitizeBindingText(input: string): string {
  let s = input;
  for (const [re, to] of REPLACEMENTS) s = s.replace(re, to);
  s = s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // combining marks left by NFKD: é → e
    .replace(/[^A-Za-z0-9 +\-_.,:#]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return s;
}

/** Cuts to `max` at a word boundary when one is near, without leaving trailing punctuation. */
function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, max);
  const space = cut.lastIndexOf(' ');
  // Back off to the last space only when the cut lands inside a word.
  if (s[max] !== ' ' && space >= max - 12 && space > 0) cut = cut.slice(0, space);
  return trimSeparators(cut);
}

/** A dangling ":" or "," (an emptied subject, a cut) reads as broken on a phone. */
function trimSeparators(s: string): string {
  return s.replace(/[\s+\-_,:]+$/, '');
}

/**
 * Sanitizes and bounds a message; never returns an empty or invalid string. `ref` (e.g. a short code
 * also shown in the app) is kept whole at the end even when the text is cut.
 */
export function finalizeBindingMessage(text: string, ref?: string): string {
  const suffix = ref ? sanitizeBindingText(ref).replace(/\s+/g, '').slice(0, 16) : '';
  const tail = suffix ? ` #${suffix.replace(/^#+/, '')}` : '';
  const room = BINDING_MESSAGE_MAX - tail.length;
  let body = trimSeparators(truncate(sanitizeBindingText(text), room));
  if (!body) body = truncate(BINDING_MESSAGE_FALLBACK, room);
  const out = `${body}${tail}`;
  // Belt and braces: the contract is the regex and the length, whatever the inputs were.
  return ALLOWED.test(out) && out.length <= BINDING_MESSAGE_MAX ? out : BINDING_MESSAGE_FALLBACK;
}

function who(list: readonly string[]): string {
  if (list.length === 0) return '';
  const first = list[0] ?? '';
  return list.length === 1 ? first : `${first} +${list.length - 1}`;
}

/** "Send email to dana@northwind.io: NDA" → "Send email to dana at northwind.io: NDA". */
export function describeActionForBinding(a: ProposedAction): string {
  const subject = (a.subject ?? a.title ?? '').trim();
  const withSubject = (head: string) => (subject ? `${head}: ${subject}` : head);
  const to = who(addressesOf(a));
  const channel = a.channel ? `#${a.channel.replace(/^#/, '')}` : 'a channel';
  switch (a.action) {
    case 'send':
      return withSubject(`Send email${to ? ` to ${to}` : ''}`);
    case 'reply':
      return withSubject(`Reply${to ? ` to ${to}` : ''}`);
    case 'post':
      return `Post to ${channel}${a.body ? `: ${a.body.trim()}` : ''}`;
    case 'schedule':
      return withSubject(`Schedule event${to ? ` with ${to}` : ''}`);
    case 'update':
      return withSubject('Update event');
    case 'cancel':
      return withSubject('Cancel event');
    case 'draft':
      return withSubject(`Draft ${reachesChannel(a) ? 'message' : 'email'}`);
    case 'read':
    case 'summarize':
      return `${a.action === 'read' ? 'Read' : 'Summarize'} ${a.tool}`;
  }
}

export function buildBindingMessage(a: ProposedAction, ref?: string): string {
  return finalizeBindingMessage(describeActionForBinding(a), ref);
}
