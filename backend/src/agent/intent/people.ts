import type { Contact, Turn } from './schema.js';

/**
 * Who a request is about: names said outright, names from the user's contacts, and "her/him/them"
 * resolved to the last person the conversation mentioned. Pure functions over strings.
 */

/** Capitalised words that are not people (sentence starts, days, products, channel words). */
const NOT_NAMES = new Set(
  (
    'i me my mine we us our you your he she her him his they them their it its the a an this that these those ' +
    'monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight yesterday morning afternoon evening noon ' +
    'january february march april may june july august september october november december next last this week weekend ' +
    'slack gmail google calendar email e-mail mail inbox nda hi hey hello please can could would will what whats when where who why how ' +
    'is are am do does did any all everyone team someone anyone channel general deals random thanks ok okay yes no not and or but ' +
    'reply respond send post schedule set book tell email message ping invite summarize summarise read show check find ' +
    'new latest recent unread meeting call sync chat back them up about on at in for from to with that so just also there here ' +
    'minutes minute hour hours half an one two three four five six seven eight nine ten'
  ).split(' '),
);

const LEAD_WORDS = String.raw`(?:from|to|with|reply to|respond to|write to|get back to|answer|email|e-mail|mail|message|tell|ping|invite|cc|and|meet|call|for|by)`;

function titleCase(s: string): string {
  return s
    .split(/\s+/)
    .map((w) => (w ? (w[0] ?? '').toUpperCase() + w.slice(1) : w))
    .join(' ');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "dana" in "dana@northwind.io" is an address, found separately. */
function insideAddress(text: string, index: number, length: number): boolean {
  const before = text.slice(0, index).split(/\s/).pop() ?? '';
  const after = text.slice(index + length).split(/\s/)[0] ?? '';
  return (before + after).includes('@');
}

interface Hit {
  name: string;
  index: number;
}

/** People named in `text`, in the order said, deduplicated (case-insensitive). */
export function findPeople(text: string, contacts: Contact[] = []): string[] {
  const hits: Hit[] = [];
  const covered: Array<[number, number]> = [];
  const isCovered = (i: number) => covered.some(([a, b]) => i >= a && i < b);

  // 1. Contacts, full name first so "Dana Whitfield" is one person, not "Dana" + a stray surname.
  for (const c of contacts) {
    const full = c.name.trim();
    const first = full.split(/\s+/)[0] ?? full;
    for (const candidate of full === first ? [full] : [full, first]) {
      const re = new RegExp(`\\b${escapeRe(candidate)}\\b`, 'gi');
      for (const m of text.matchAll(re)) {
        if (isCovered(m.index) || insideAddress(text, m.index, m[0].length)) continue;
        hits.push({ name: titleCase(m[0]), index: m.index });
        covered.push([m.index, m.index + m[0].length]);
      }
    }
  }

  // 2. A capitalised name after a word that introduces a person ("from Dana", "with Sam Patel").
  const capRe = new RegExp(`\\b${LEAD_WORDS}\\s+([A-Z][a-zA-Z'’-]+(?:\\s+[A-Z][a-zA-Z'’-]+)?)`, 'gi');
  for (const m of text.matchAll(capRe)) {
    const raw = m[1] ?? '';
    const start = (m.index ?? 0) + m[0].length - raw.length;
    if (isCovered(start)) continue;
    const words = raw.split(/\s+/);
    const first = words[0] ?? '';
    const allLower = text === text.toLowerCase();
    // Capitalised words only, unless the whole transcript is lower case (some STT output is).
    if (!allLower && !/^[A-Z]/.test(first)) continue;
    if (NOT_NAMES.has(first.toLowerCase().replace(/['’]s$/, ''))) continue;
    let name = first.replace(/['’]s$/, '');
    const second = words[1];
    if (second && /^[A-Z]/.test(second) && !NOT_NAMES.has(second.toLowerCase()) && !/['’]s$/.test(first)) name += ` ${second}`;
    hits.push({ name: titleCase(name), index: start });
    covered.push([start, start + raw.length]);
  }

  // 3. A capitalised name doing something people do ("Dana asked…", "Sam Patel sent…"), as the
  // assistant's own summaries phrase it; this is what "reply to her" usually points back to.
  const actorRe = /\b([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?)\s+(?:sent|said|asked|wrote|replied|posted|emailed|mentioned|wants|needs|shared|invited|suggested|proposed|confirmed)\b/g;
  for (const m of text.matchAll(actorRe)) {
    const raw = m[1] ?? '';
    const start = m.index ?? 0;
    if (isCovered(start)) continue;
    const words = raw.split(/\s+/).filter((w) => !NOT_NAMES.has(w.toLowerCase()));
    if (words.length === 0 || words[0] !== raw.split(/\s+/)[0]) continue;
    hits.push({ name: words.join(' '), index: start });
    covered.push([start, start + raw.length]);
  }

  hits.sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const h of hits) {
    const key = h.name.toLowerCase();
    // "Dana" after "Dana Whitfield" is the same person.
    if (seen.has(key) || out.some((o) => o.toLowerCase().startsWith(`${key} `))) continue;
    seen.add(key);
    out.push(h.name);
  }
  return out;
}

/** A pronoun standing for a person ("reply to her", "email him", "meeting with them"). */
export function mentionsPersonPronoun(text: string): boolean {
  return new RegExp(`\\b${LEAD_WORDS}\\s+(her|him|them)\\b|\\b(she|he)\\b|\\b(her|his) (email|message|note|thread)\\b`, 'i').test(text);
}

/** The last person the conversation mentioned, newest turn first, last name within that turn. */
export function lastMentionedPerson(history: Turn[], contacts: Contact[] = []): string | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const people = findPeople(history[i]?.text ?? '', contacts);
    if (people.length > 0) return people[people.length - 1];
  }
  return undefined;
}

/** The contact a spoken name refers to: full name, then a unique first name. */
export function contactFor(name: string, contacts: Contact[] = []): Contact | undefined {
  const n = name.trim().toLowerCase();
  const full = contacts.find((c) => c.name.trim().toLowerCase() === n);
  if (full) return full;
  const byFirst = contacts.filter((c) => (c.name.trim().split(/\s+/)[0] ?? '').toLowerCase() === n.split(/\s+/)[0]);
  return byFirst.length === 1 ? byFirst[0] : undefined;
}

export function findEmails(text: string): string[] {
  return [...new Set(text.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g) ?? [])].map((e) => e.toLowerCase());
}
