/**
 * Wall-clock time in a named IANA zone without a date library: the offset is read back from Intl,
 * which knows the zone's DST rules.
 */
function partsInZone(epochMs: number, timeZone: string): Record<string, number> {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const out: Record<string, number> = {};
  for (const p of fmt.formatToParts(epochMs)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Offset of the zone from UTC at that instant, in minutes (e.g. -240 for New York in summer). */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  const p = partsInZone(epochMs, timeZone);
  const asUtc = Date.UTC(p['year'] ?? 1970, (p['month'] ?? 1) - 1, p['day'] ?? 1, p['hour'] ?? 0, p['minute'] ?? 0, p['second'] ?? 0);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/** The instant at which the zone's wall clock reads the given local date and time. */
export function zonedToEpoch(y: number, month: number, d: number, hh: number, mm: number, timeZone: string): number {
  const wall = Date.UTC(y, month - 1, d, hh, mm);
  let t = wall;
  // Two passes settle the offset even when the guess lands on the other side of a DST change.
  for (let i = 0; i < 2; i++) t = wall - zoneOffsetMinutes(t, timeZone) * 60_000;
  return t;
}

/** The zone's calendar date at an instant. */
export function zonedDate(epochMs: number, timeZone: string): { y: number; m: number; d: number } {
  const p = partsInZone(epochMs, timeZone);
  return { y: p['year'] ?? 1970, m: p['month'] ?? 1, d: p['day'] ?? 1 };
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** RFC 3339 with the zone's offset, as Google Calendar writes `dateTime` (e.g. 2025-01-02T10:00:00-05:00). */
export function formatInZone(epochMs: number, timeZone: string): string {
  const p = partsInZone(epochMs, timeZone);
  const off = zoneOffsetMinutes(epochMs, timeZone);
  const sign = off < 0 ? '-' : '+';
  return `${p['year']}-${pad(p['month'] ?? 1)}-${pad(p['day'] ?? 1)}T${pad(p['hour'] ?? 0)}:${pad(p['minute'] ?? 0)}:${pad(p['second'] ?? 0)}${sign}${pad(Math.trunc(off / 60))}:${pad(off % 60)}`;
}

/** Adds whole days to a calendar date (handles month and year ends). */
export function addDays(date: { y: number; m: number; d: number }, days: number): { y: number; m: number; d: number } {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}
