import { addDays as addCivilDays, offsetMinutes, toRfc3339, zonedParts, zonedTimeToInstant } from '../../src/time/zonedTime.js';

/**
 * The sandbox's epoch-millisecond view of the shared zone arithmetic in `time/zonedTime.ts`
 * (Intl-based, DST-correct), in the shapes its seed and Calendar API use.
 */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  return offsetMinutes(new Date(epochMs), timeZone);
}

/** The instant at which the zone's wall clock reads the given local date and time. */
export function zonedToEpoch(y: number, month: number, d: number, hh: number, mm: number, timeZone: string): number {
  return zonedTimeToInstant({ year: y, month, day: d }, hh, mm, timeZone).getTime();
}

/** The zone's calendar date at an instant. */
export function zonedDate(epochMs: number, timeZone: string): { y: number; m: number; d: number } {
  const p = zonedParts(new Date(epochMs), timeZone);
  return { y: p.year, m: p.month, d: p.day };
}

/** RFC 3339 with the zone's offset, as Google Calendar writes `dateTime` (e.g. 2025-01-02T10:00:00-05:00). */
export function formatInZone(epochMs: number, timeZone: string): string {
  return toRfc3339(new Date(epochMs), timeZone);
}

/** Adds whole days to a calendar date (handles month and year ends). */
export function addDays(date: { y: number; m: number; d: number }, days: number): { y: number; m: number; d: number } {
  const c = addCivilDays({ year: date.y, month: date.m, day: date.d }, days);
  return { y: c.year, m: c.month, d: c.day };
}
