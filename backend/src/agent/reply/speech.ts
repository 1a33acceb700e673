import { type CivilDate, isValidTimeZone, todayIn, zonedParts } from '../../time/zonedTime.js';

/** Small helpers that turn data into words people say: "2 PM", "tomorrow", "Dana, Sam and Priya". */

const WEEKDAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function zoneOr(tz: string): string {
  return isValidTimeZone(tz) ? tz : 'UTC';
}

export function spokenTime(instant: Date, tz: string): string {
  const p = zonedParts(instant, zoneOr(tz));
  if (p.hour === 12 && p.minute === 0) return 'noon';
  const h = p.hour % 12 === 0 ? 12 : p.hour % 12;
  const suffix = p.hour < 12 ? 'AM' : 'PM';
  return p.minute === 0 ? `${h} ${suffix}` : `${h}:${String(p.minute).padStart(2, '0')} ${suffix}`;
}

const daysBetween = (a: CivilDate, b: CivilDate) =>
  Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);

/** "today", "tomorrow", "yesterday", "on Friday", "on Friday, June 20". */
export function spokenDay(instant: Date, now: Date, tz: string): string {
  const zone = zoneOr(tz);
  const p = zonedParts(instant, zone);
  const d = daysBetween(todayIn(now, zone), p);
  if (d === 0) return 'today';
  if (d === 1) return 'tomorrow';
  if (d === -1) return 'yesterday';
  if (d > 1 && d < 7) return `on ${WEEKDAY[p.weekday]}`;
  return `on ${WEEKDAY[p.weekday]}, ${MONTH[p.month - 1]} ${p.day}`;
}

/** A time range as said: "tomorrow", "Friday afternoon", "next week", "tomorrow between 3 PM and 4 PM". */
export function spokenRange(range: { start: string; end: string } | undefined, now: Date, tz: string): string | undefined {
  if (!range) return undefined;
  const zone = zoneOr(tz);
  const s = new Date(range.start);
  const e = new Date(range.end);
  const hours = (e.getTime() - s.getTime()) / 3_600_000;
  const ps = zonedParts(s, zone);
  const day = spokenDay(s, now, zone);
  const bare = day.replace(/^on /, '');
  if (hours > 25) return hours >= 24 * 6 ? 'that week' : `${day} onwards`;
  if (ps.hour === 0 && ps.minute === 0 && hours >= 23 && hours <= 25) return day;
  const part = ps.minute === 0 ? { 8: 'morning', 12: 'afternoon', 17: 'evening', 18: 'night' }[ps.hour] : undefined;
  if (part) {
    if (bare === 'today') return part === 'night' ? 'tonight' : `this ${part}`;
    if (bare === 'tomorrow') return `tomorrow ${part}`;
    return `${bare} ${part}`;
  }
  return `${day} between ${spokenTime(s, zone)} and ${spokenTime(e, zone)}`;
}

export function spokenList(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n === 0 ? 'no' : n === 1 ? 'one' : n <= 10 ? ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][n - 2] : String(n)} ${n === 1 ? one : many}`;
}

/** "the deck is ready" → "The deck is ready." */
export function asSentence(s: string): string {
  const t = s.trim().replace(/\s+/g, ' ');
  if (!t) return t;
  const cap = (t[0] ?? '').toUpperCase() + t.slice(1);
  return /[.!?…]$/.test(cap) ? cap : `${cap}.`;
}

/** First name of "Dana Whitfield <dana@northwind.io>" or an address. */
export function firstName(who: string): string {
  const name = who
    .replace(/<[^>]*>/, '')
    .replace(/"/g, '')
    .trim();
  if (!name || name.includes('@')) {
    const local = (who.match(/<?([^<@\s]+)@/)?.[1] ?? who).split(/[._-]/)[0] ?? who;
    return local.charAt(0).toUpperCase() + local.slice(1);
  }
  return name.split(/\s+/)[0] ?? name;
}

export function quote(s: string, max = 160): string {
  const t = s.trim().replace(/\s+/g, ' ');
  return `“${t.length > max ? `${t.slice(0, max).replace(/\s+\S*$/, '')}…` : t}”`;
}
