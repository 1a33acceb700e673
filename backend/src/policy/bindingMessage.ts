import { addressesOf, isOutsideDomain, reachesChannel, type ProposedAction } from './action.js';

/**
 * CIBA binding messages. Auth0 requires one, "up to 64 characters", using "only alphanumeric and
 * +-_.,:# characters" (its own examples contain spaces, so spaces are kept). The phone shows it and
 * the app shows the same string while waiting, so the person can match the two.
 */
const BINDING_MESSAGE_MAX = 64;
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
  // Back off to the last space only when the cut lands inside a word (not right before a separator).
  if (!/[\s:,]/.test(s[max] ?? ' ') && space >= max - 12 && space > 0) cut = cut.slice(0, space);
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

/** How the binding message is built around the action. */
interface BindingOptions {
  /** Short code of the exact content (see `contentCode`), kept whole at the end: the popover shows it too. */
  code?: string;
  /** The user's own domain: every recipient elsewhere is named; the user's own colleagues are counted. */
  userDomain?: string;
}

/**
 * Whom the action reaches, within `budget` characters: outside recipients by address (all of them
 * that fit, then "+N more outside"), colleagues as "+N at example.com". Without outside recipients,
 * the first address and "+N". Without a known domain every address counts as outside.
 */
function who(list: readonly string[], userDomain: string | undefined, budget: number): string {
  const unique = [...new Map(list.map((a) => [a.trim().toLowerCase(), a.trim()])).values()].filter(Boolean);
  if (unique.length === 0) return '';
  const outside = userDomain ? unique.filter((a) => isOutsideDomain(a, userDomain)) : unique;
  const inside = unique.filter((a) => !outside.includes(a));
  if (outside.length === 0) return `${sanitizeBindingText(inside[0] ?? '')}${inside.length > 1 ? ` +${inside.length - 1}` : ''}`;
  const overflow = (n: number) => (n > 0 ? ` +${n} more${userDomain ? ' outside' : ''}` : '');
  // Colleagues are counted with the domain when there is room, else in short.
  const homeLong = inside.length ? ` +${inside.length} at ${sanitizeBindingText(userDomain ?? '')}` : '';
  const homeShort = inside.length ? ` +${inside.length} internal` : '';
  const phrase = (names: string[], home: string) => `${names.join(', ')}${overflow(outside.length - names.length)}${home}`;
  const named: string[] = [];
  for (const addr of outside) {
    const next = [...named, sanitizeBindingText(addr)];
    // The first address is always named; later ones only while the whole phrase still fits.
    if (named.length > 0 && phrase(next, homeShort).length > budget) break;
    named.push(sanitizeBindingText(addr));
  }
  const long = phrase(named, homeLong);
  return long.length <= budget ? long : phrase(named, homeShort);
}

/** "Send email to dana@northwind.io: NDA" → "Send email to dana at northwind.io: NDA". */
function describeActionForBinding(a: ProposedAction, opts: { userDomain?: string; room?: number } = {}): string {
  const subject = (a.subject ?? a.title ?? '').trim();
  const withSubject = (head: string) => (subject ? `${head}: ${subject}` : head);
  // Whom, in what is left of the room after the verb; the subject comes last and gives way first.
  const people = (verb: string, joiner: string) => {
    const to = who(addressesOf(a), opts.userDomain, (opts.room ?? BINDING_MESSAGE_MAX) - verb.length - joiner.length);
    return to ? `${verb}${joiner}${to}` : verb;
  };
  const channel = a.channel ? `#${a.channel.replace(/^#/, '')}` : 'a channel';
  switch (a.action) {
    case 'send':
      return withSubject(people('Send email', ' to '));
    case 'reply':
      return withSubject(people('Reply', ' to '));
    case 'post':
      if (!reachesChannel(a)) return `${people('Message', ' ')}${a.body ? `: ${a.body.trim()}` : ''}`;
      return `Post to ${channel}${a.body ? `: ${a.body.trim()}` : ''}`;
    case 'schedule':
      return withSubject(people('Schedule event', ' with '));
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

/**
 * The phone's text: the action, whom it reaches outside the user's domain, the subject as far as it
 * fits, and the content code (the body itself never fits; the code stands for it).
 */
export function buildBindingMessage(a: ProposedAction, opts: BindingOptions = {}): string {
  const room = BINDING_MESSAGE_MAX - (opts.code ? opts.code.length + 2 : 0);
  return finalizeBindingMessage(describeActionForBinding(a, { userDomain: opts.userDomain, room }), opts.code);
}
