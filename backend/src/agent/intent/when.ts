import { type CivilDate, addDays, todayIn, weekdayOf, zonedTimeToInstant } from '../../time/zonedTime.js';

/**
 * Pure resolution of the time words people say ("tomorrow", "Friday afternoon", "next Tuesday at 10",
 * "30 minutes", "an hour") into instants in the user's zone. No I/O and no clock of its own: `now` is
 * always passed in so tests and the bench are deterministic.
 */

export interface When {
  /** The day that was named, if any (civil date in the user's zone). */
  day?: CivilDate;
  /** A clock time that was named ("at 2pm", "at 10", "noon"). */
  time?: { hour: number; minute: number };
  part?: DayPart;
  duration_minutes?: number;
  /** The window a read should look at (a day, part of a day, a week, or a meeting slot). */
  range?: { start: Date; end: Date };
  /** A precise start (a day with a clock time, or "in 2 hours"). */
  start?: Date;
}

export type DayPart = 'morning' | 'afternoon' | 'evening' | 'night';

const PART_HOURS: Record<DayPart, [number, number]> = {
  morning: [8, 12],
  afternoon: [12, 17],
  evening: [17, 21],
  night: [18, 24],
};

const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  tues: 2,
  wednesday: 3,
  thursday: 4,
  thurs: 4,
  thu: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  mon: 1,
  tue: 2,
  wed: 3,
};

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  'forty-five': 45,
  'forty five': 45,
  forty: 40,
  sixty: 60,
  ninety: 90,
};

const NUM = `(\\d+(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;

export function parseNumber(word: string): number | undefined {
  const w = word.toLowerCase();
  if (/^\d+(\.\d+)?$/.test(w)) return Number(w);
  return NUMBER_WORDS[w];
}

/** "30 minutes", "an hour", "half an hour", "an hour and a half", "90-minute", "1.5 hours". */
export function parseDuration(text: string): number | undefined {
  const t = text.toLowerCase();
  if (/\b(an?|one) hour and a half\b|\bhour and a half\b/.test(t)) return 90;
  if (/\bhalf (an )?hour\b/.test(t)) return 30;
  if (/\bquarter (of )?an? hour\b/.test(t)) return 15;
  // "in 2 hours" is a start, not a length, so a leading "in" is excluded.
  const re = new RegExp(`(^|[^a-z])(in\\s+)?${NUM}[\\s-]*(minutes?|mins?|hours?|hrs?)\\b`, 'g');
  for (const m of t.matchAll(re)) {
    if (m[2]) continue;
    const n = parseNumber(m[3] ?? '');
    if (n === undefined) continue;
    return /^h/.test(m[4] ?? '') ? Math.round(n * 60) : Math.round(n);
  }
  return undefined;
}

/** "in 2 hours" / "in 30 minutes" relative to now. */
function parseRelativeStart(t: string, now: Date): Date | undefined {
  const m = new RegExp(`\\bin\\s+${NUM}\\s*(minutes?|mins?|hours?|hrs?)\\b`).exec(t);
  if (!m) return undefined;
  const n = parseNumber(m[1] ?? '');
  if (n === undefined) return undefined;
  const minutes = /^h/.test(m[2] ?? '') ? n * 60 : n;
  return new Date(now.getTime() + minutes * 60_000);
}

function parsePart(t: string): DayPart | undefined {
  if (/\btonight\b|\bthis evening\b|\bevening\b/.test(t)) return /\btonight\b/.test(t) ? 'night' : 'evening';
  if (/\bnight\b/.test(t)) return 'night';
  if (/\bafternoon\b/.test(t)) return 'afternoon';
  if (/\bmorning\b/.test(t)) return 'morning';
  return undefined;
}

/** Clock time; bare hours ("at 10", "at 2") take the reading an office worker means. */
export function parseTime(text: string, part?: DayPart): { hour: number; minute: number } | undefined {
  const t = text.toLowerCase();
  if (/\bnoon\b|\bmidday\b/.test(t)) return { hour: 12, minute: 0 };
  if (/\bmidnight\b/.test(t)) return { hour: 0, minute: 0 };
  const withMeridiem = /\b(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?=\s|$|[,.?!])/.exec(t);
  if (withMeridiem) {
    let hour = Number(withMeridiem[1]) % 12;
    if ((withMeridiem[3] ?? '').startsWith('p')) hour += 12;
    return valid(hour, Number(withMeridiem[2] ?? 0));
  }
  const clock = /\b(\d{1,2}):(\d{2})\b/.exec(t);
  const bare =
    clock ??
    /\bat\s+(\d{1,2})(?:\s*o'?clock)?\b(?!\s*(?:minutes?|mins?|hours?|people|emails?|messages?))/.exec(t) ??
    /\b(\d{1,2})\s*o'?clock\b/.exec(t) ??
    // "a meeting for 3 tomorrow": a bare hour after "for", only when a day or the end follows.
    /\bfor\s+(\d{1,2})(?::(\d{2}))?\s*(?=$|[?.!,]|(?:today|tomorrow|tonight|on|this|next|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)/.exec(
      t,
    );
  if (bare) {
    let hour = Number(bare[1]);
    const minute = Number(bare[2] ?? 0);
    if (clock && hour >= 13) return valid(hour, minute);
    if (part === 'afternoon' || part === 'evening' || part === 'night') {
      if (hour < 12) hour += 12;
    } else if (part === 'morning') {
      if (hour === 12) hour = 0;
    } else if (hour >= 1 && hour <= 7) {
      hour += 12; // "at 2" for a meeting is 2pm, not 2am
    }
    return valid(hour, minute);
  }
  return undefined;
}

function valid(hour: number, minute: number) {
  return hour >= 0 && hour < 24 && minute >= 0 && minute < 60 ? { hour, minute } : undefined;
}

interface DayMatch {
  day: CivilDate;
  /** A plain weekday may roll a week forward if the slot already passed. */
  rollable?: boolean;
}

function parseDay(t: string, today: CivilDate): DayMatch | undefined {
  if (/\bday after tomorrow\b/.test(t)) return { day: addDays(today, 2) };
  if (/\btomorrow\b/.test(t)) return { day: addDays(today, 1) };
  if (/\byesterday\b/.test(t)) return { day: addDays(today, -1) };
  if (/\btoday\b|\btonight\b|\bthis (morning|afternoon|evening)\b|\blater\b|\bright now\b|\brest of (?:the|my) day\b/.test(t))
    return { day: today };
  // "Wednesday next week", "next week on Friday": that weekday in the week after this one.
  const inNextWeek =
    /\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\s+next week\b|\bnext week on\s+(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/.exec(
      t,
    );
  if (inNextWeek) {
    const target = WEEKDAYS[inNextWeek[1] ?? inNextWeek[2] ?? ''] ?? 1;
    const mondayNext = addDays(today, 7 - ((weekdayOf(today) + 6) % 7));
    return { day: addDays(mondayNext, (target + 6) % 7) };
  }
  const wd =
    /\b(?:(next|this|last|on|coming)\s+)?(sunday|monday|tuesday|tues|tue|wednesday|wed|thursday|thurs|thu|friday|fri|saturday|mon)s?\b(?!-)/.exec(
      t,
    );
  if (wd) {
    const target = WEEKDAYS[wd[2] ?? ''] ?? 0;
    const cur = weekdayOf(today);
    const ahead = (target - cur + 7) % 7;
    if (wd[1] === 'last') return { day: addDays(today, -((cur - target + 7) % 7 || 7)) };
    // "next Tuesday" = the first Tuesday after today; a plain weekday may be today.
    if (wd[1] === 'next' || wd[1] === 'coming') return { day: addDays(today, ahead || 7) };
    return { day: addDays(today, ahead), rollable: true };
  }
  const monthNames = MONTHS.map((m) => `${m}|${m.slice(0, 3)}`).join('|');
  const md =
    new RegExp(`\\b(${monthNames})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`).exec(t) ??
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${monthNames})\\b`).exec(t);
  if (md) {
    const first = md[1] ?? '';
    const monthWord = /^\d/.test(first) ? (md[2] ?? '') : first;
    const dayNum = Number(/^\d/.test(first) ? first : md[2]);
    const month = MONTHS.findIndex((m) => m.startsWith(monthWord.slice(0, 3))) + 1;
    let candidate: CivilDate = { year: today.year, month, day: dayNum };
    if (Date.UTC(candidate.year, month - 1, dayNum) < Date.UTC(today.year, today.month - 1, today.day)) {
      candidate = { ...candidate, year: today.year + 1 };
    }
    return { day: candidate };
  }
  const ordinal = /\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b/.exec(t);
  if (ordinal) {
    const dayNum = Number(ordinal[1]);
    let candidate: CivilDate = { year: today.year, month: today.month, day: dayNum };
    if (dayNum < today.day) candidate = addMonths(candidate, 1);
    return { day: candidate };
  }
  return undefined;
}

function addMonths(d: CivilDate, n: number): CivilDate {
  const x = new Date(Date.UTC(d.year, d.month - 1 + n, d.day));
  return { year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() };
}

function weekRange(t: string, today: CivilDate, now: Date, timeZone: string): { start: Date; end: Date } | undefined {
  const cur = weekdayOf(today);
  const mondayThisWeek = addDays(today, -((cur + 6) % 7));
  const at = (d: CivilDate) => zonedTimeToInstant(d, 0, 0, timeZone);
  if (/\bnext week\b/.test(t)) return { start: at(addDays(mondayThisWeek, 7)), end: at(addDays(mondayThisWeek, 14)) };
  if (/\blast week\b/.test(t)) return { start: at(addDays(mondayThisWeek, -7)), end: at(mondayThisWeek) };
  if (/\b(this|the) weekend\b|\bweekend\b/.test(t)) {
    const sat = addDays(today, (6 - cur + 7) % 7);
    const start = cur === 0 ? at(today) : at(sat);
    return { start: start < now ? now : start, end: at(addDays(mondayThisWeek, 7)) };
  }
  if (/\b(this|rest of the) week\b/.test(t)) return { start: now, end: at(addDays(mondayThisWeek, 7)) };
  if (/\b(?:past|last) (?:7|seven) days\b|\bpast week\b/.test(t)) return { start: new Date(now.getTime() - 7 * 86_400_000), end: now };
  if (/\b(?:past|last) (?:30|thirty) days\b|\bpast month\b/.test(t)) return { start: new Date(now.getTime() - 30 * 86_400_000), end: now };
  // A month is read as the whole calendar month: "who wrote most this month" counts from the 1st.
  const firstOf = (monthsAhead: number) => at(addMonths({ year: today.year, month: today.month, day: 1 }, monthsAhead));
  if (/\bthis month\b/.test(t)) return { start: firstOf(0), end: firstOf(1) };
  if (/\blast month\b/.test(t)) return { start: firstOf(-1), end: firstOf(0) };
  if (/\bnext month\b/.test(t)) return { start: firstOf(1), end: firstOf(2) };
  return undefined;
}

export interface ResolveOptions {
  /** Scheduling wants a future slot: a plain weekday whose slot already passed moves a week on. */
  future?: boolean;
  /** Length of a slot when a time is named without a duration (reads: "am I free at 3"). */
  defaultSlotMinutes?: number;
}

/** The clock hours said as words ("at three"): the number words from one to twelve. */
const HOUR_WORDS: Record<string, number> = Object.fromEntries(
  Object.entries(NUMBER_WORDS).filter(([word, n]) => n >= 1 && n <= 12 && word !== 'a' && word !== 'an'),
);
const HOUR_WORD = `(${Object.keys(HOUR_WORDS).join('|')}|\\d{1,2})`;

/** Spoken clock times in digits: "at three" → "at 3", "half past two" → "2:30", "three thirty pm" → "3:30 pm". */
function spokenClock(t: string): string {
  const h = (w: string) => String(HOUR_WORDS[w] ?? w);
  return t
    .replace(new RegExp(`\\bhalf past ${HOUR_WORD}\\b`, 'g'), (_m, w: string) => `at ${h(w)}:30`)
    .replace(new RegExp(`\\bquarter past ${HOUR_WORD}\\b`, 'g'), (_m, w: string) => `at ${h(w)}:15`)
    .replace(new RegExp(`\\bquarter to ${HOUR_WORD}\\b`, 'g'), (_m, w: string) => `at ${Number(h(w)) - 1 || 12}:45`)
    .replace(
      new RegExp(`\\b(at|by|around|from) ${HOUR_WORD} (fifteen|thirty|forty-?five)\\b`, 'g'),
      (_m, p: string, w: string, mm: string) => `${p} ${h(w)}:${mm.startsWith('fif') ? '15' : mm.startsWith('thi') ? '30' : '45'}`,
    )
    .replace(
      new RegExp(`\\b(at|by|around) (one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\b`, 'g'),
      (_m, p: string, w: string) => `${p} ${h(w)}`,
    )
    .replace(
      /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*(a\.?m\.?|p\.?m\.?|o'?clock)/g,
      (_m, w: string, mer: string) => `${h(w)}${mer.startsWith('o') ? " o'clock" : mer}`,
    )
    .replace(/\baround\s+(\d)/g, 'at $1');
}

export function resolveWhen(text: string, now: Date, timeZone: string, opts: ResolveOptions = {}): When {
  const t = spokenClock(text.toLowerCase());
  const today = todayIn(now, timeZone);
  const out: When = {};
  const part = parsePart(t);
  if (part) out.part = part;
  let duration = parseDuration(t);
  if (duration !== undefined) out.duration_minutes = duration;
  let time = parseTime(t, part);
  // "from 2 to 4", "between 2 and 3:30", "friday 2-4pm": a start and a length.
  const span =
    /\b(?:from|between)\s+(\d{1,2}(?::\d{2})?)\s*(am|pm|a\.m\.|p\.m\.)?\s*(?:to|and|until|till|-|–)\s*(\d{1,2}(?::\d{2})?)\s*(am|pm|a\.m\.|p\.m\.)?(?=\s|$|[,.?!])|\b(\d{1,2}(?::\d{2})?)\s*(am|pm)?\s*(?:-|–|\bto\b)\s*(\d{1,2}(?::\d{2})?)\s*(am|pm)?(?=\s|$|[,.?!])/.exec(
      t,
    );
  if (span) {
    const [a, am, b, bm] = span[1] ? [span[1], span[2], span[3], span[4]] : [span[5], span[6], span[7], span[8]];
    const endMer = bm ?? '';
    const from = parseTime(
      `at ${a}${am ?? (endMer && !/:/.test(a ?? '') && Number(a) <= Number((b ?? '').split(':')[0]) ? endMer : '')}`,
      part,
    );
    let to = parseTime(`at ${b}${endMer}`, part);
    if (from && to) {
      if (to.hour * 60 + to.minute <= from.hour * 60 + from.minute && to.hour < 12) to = { hour: to.hour + 12, minute: to.minute };
      const minutes = to.hour * 60 + to.minute - (from.hour * 60 + from.minute);
      if (minutes > 0) {
        time = from;
        if (parseDuration(t) === undefined) out.duration_minutes = minutes;
      }
    }
  }
  if (time) out.time = time;
  duration = out.duration_minutes;

  const relative = parseRelativeStart(t, now);
  if (relative) {
    out.start = relative;
    out.range = { start: relative, end: new Date(relative.getTime() + (duration ?? opts.defaultSlotMinutes ?? 60) * 60_000) };
    return out;
  }

  let dayMatch = parseDay(t, today);
  if (!dayMatch && (time || part)) dayMatch = { day: today, rollable: false };

  if (dayMatch) {
    let day = dayMatch.day;
    if (time) {
      let start = zonedTimeToInstant(day, time.hour, time.minute, timeZone);
      if (opts.future && start < now) {
        // "at 2pm" said at 3pm means tomorrow; "on Friday at 2" said on Friday afternoon means next Friday.
        day = addDays(day, dayMatch.rollable ? 7 : 1);
        start = zonedTimeToInstant(day, time.hour, time.minute, timeZone);
      }
      out.day = day;
      out.start = start;
      out.range = { start, end: new Date(start.getTime() + (duration ?? opts.defaultSlotMinutes ?? 60) * 60_000) };
      return out;
    }
    out.day = day;
    if (part) {
      const [h0, h1] = PART_HOURS[part];
      const start = zonedTimeToInstant(day, h0, 0, timeZone);
      const end = h1 === 24 ? zonedTimeToInstant(addDays(day, 1), 0, 0, timeZone) : zonedTimeToInstant(day, h1, 0, timeZone);
      out.range = { start, end };
    } else {
      out.range = { start: zonedTimeToInstant(day, 0, 0, timeZone), end: zonedTimeToInstant(addDays(day, 1), 0, 0, timeZone) };
    }
    if (/\blater\b|\brest of (the|my) day\b/.test(t) && out.range.start < now) out.range.start = now;
    return out;
  }

  const week = weekRange(t, today, now, timeZone);
  if (week) out.range = week;
  return out;
}
