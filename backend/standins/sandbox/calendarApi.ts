import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { SANDBOX_ACCOUNT, type SandboxAccount } from './account.js';
import { GOOGLE_ACCEPTED, authorizeGoogle, googleError, isResponse } from './googleAuth.js';
import { json, type Router, type SandboxRequest, type SandboxResponse } from './http.js';
import type { TokenStore } from './tokens.js';
import { zonedToEpoch } from './zonedTime.js';

/**
 * Google Calendar API v3 (events and freeBusy on the primary calendar) with Google's shapes:
 * RFC 3339 `dateTime` plus `timeZone`, `status: "cancelled"` after delete, and Google's validation
 * messages for a missing time zone or an empty time range.
 */
const SERVICE = 'calendar-json.googleapis.com';

type EventTime = { dateTime?: string; date?: string; timeZone?: string };
export type CalendarEvent = Record<string, unknown> & { id: string; start: EventTime; end: EventTime; status: string };

export function newEventId(): string {
  // Google event ids use base32hex (a-v, 0-9).
  return [...randomBytes(20)].map((b) => '0123456789abcdefghijklmnopqrstuv'[b % 32]).join('');
}

/** Milliseconds for an event time, or an error message the way Google words it. */
export function eventTimeMs(t: unknown, which: 'start' | 'end'): number | string {
  if (!t || typeof t !== 'object') return which === 'start' ? 'Missing start time.' : 'Missing end time.';
  const et = t as EventTime;
  if (et.dateTime) {
    if (/[zZ]|[+-]\d\d:\d\d$/.test(et.dateTime)) {
      const ms = Date.parse(et.dateTime);
      return Number.isNaN(ms) ? `Invalid ${which} time.` : ms;
    }
    const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)/.exec(et.dateTime);
    if (!et.timeZone) return `Missing time zone definition for ${which} time.`;
    if (!m) return `Invalid ${which} time.`;
    try {
      return zonedToEpoch(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), et.timeZone);
    } catch {
      return `Invalid time zone definition for ${which} time.`;
    }
  }
  if (et.date) {
    const ms = Date.parse(`${et.date}T00:00:00Z`);
    return Number.isNaN(ms) ? `Invalid ${which} time.` : ms;
  }
  return which === 'start' ? 'Missing start time.' : 'Missing end time.';
}

export class CalendarStore {
  constructor(private readonly db: DatabaseSync) {}

  put(calendarId: string, ev: CalendarEvent, startMs: number, endMs: number): void {
    this.db
      .prepare(
        `INSERT INTO calendar_events (id, calendar_id, start_ms, end_ms, status, resource) VALUES (?,?,?,?,?,?)
         ON CONFLICT(id) DO UPDATE SET start_ms = excluded.start_ms, end_ms = excluded.end_ms, status = excluded.status, resource = excluded.resource`,
      )
      .run(ev.id, calendarId, startMs, endMs, ev.status, JSON.stringify(ev));
  }

  get(id: string): CalendarEvent | undefined {
    const row = this.db.prepare('SELECT resource FROM calendar_events WHERE id = ?').get(id) as { resource: string } | undefined;
    return row ? (JSON.parse(row.resource) as CalendarEvent) : undefined;
  }

  /** Events overlapping [fromMs, toMs), by start time. */
  overlapping(fromMs: number, toMs: number, includeCancelled: boolean): CalendarEvent[] {
    const rows = this.db
      .prepare('SELECT resource, status FROM calendar_events WHERE end_ms > ? AND start_ms < ? ORDER BY start_ms ASC, id ASC')
      .all(fromMs, toMs) as { resource: string; status: string }[];
    return rows.filter((r) => includeCancelled || r.status !== 'cancelled').map((r) => JSON.parse(r.resource) as CalendarEvent);
  }
}

type Person = { email?: unknown; displayName?: unknown };

/** The text events.list's `q` searches: the event's words and its people's names and addresses. */
function searchableText(e: CalendarEvent): string {
  const people = [...(Array.isArray(e['attendees']) ? (e['attendees'] as Person[]) : []), (e['organizer'] ?? {}) as Person];
  const names = people.flatMap((p) => [p.email, p.displayName]).filter((v): v is string => typeof v === 'string');
  return [e['summary'], e['description'], e['location'], ...names].filter((v) => typeof v === 'string').join(' ');
}

const isSaved = (v: CalendarEvent | SandboxResponse): v is CalendarEvent => typeof v.status === 'string';

export interface CalendarOwner {
  store: CalendarStore;
  account: SandboxAccount;
}

export function registerCalendarRoutes(
  router: Router,
  deps: { tokens: TokenStore; store: CalendarStore; now: () => number; timeZone: string; calendarOf?: (userId: string) => CalendarOwner },
): void {
  const calendarOf = deps.calendarOf ?? (() => ({ store: deps.store, account: SANDBOX_ACCOUNT }));
  // Whose calendar the request in hand reads: set by guard() first thing in every (synchronous) handler.
  let owner: CalendarOwner = calendarOf(SANDBOX_ACCOUNT.userId);
  const store = {
    put: (calendarId: string, ev: CalendarEvent, startMs: number, endMs: number) => owner.store.put(calendarId, ev, startMs, endMs),
    get: (id: string) => owner.store.get(id),
    overlapping: (fromMs: number, toMs: number, includeCancelled: boolean) => owner.store.overlapping(fromMs, toMs, includeCancelled),
  };
  const me = () => owner.account;
  const isPrimary = (calendarId: string | undefined) => calendarId === 'primary' || calendarId === me().email;
  const base = '/calendar/v3/calendars/:calendarId/events';

  const guard = (req: SandboxRequest, accepted: readonly string[], name: string): SandboxResponse | undefined => {
    const grant = authorizeGoogle(req, deps.tokens, accepted, { service: SERVICE, name });
    if (isResponse(grant)) return grant;
    owner = calendarOf(grant.userId);
    if (req.params['calendarId'] !== undefined && !isPrimary(req.params['calendarId'])) {
      return googleError(404, 'Not Found', 'NOT_FOUND', 'notFound');
    }
    return undefined;
  };
  const notFound = () => googleError(404, 'Not Found', 'NOT_FOUND', 'notFound');
  const badRequest = (message: string) =>
    googleError(400, message, 'INVALID_ARGUMENT', message.includes('time zone') ? 'required' : 'invalid');

  /** Normalises an event body and stores it; `existing` keeps identity fields on update/patch. */
  const save = (input: Record<string, unknown>, existing: CalendarEvent | undefined): CalendarEvent | SandboxResponse => {
    const startMs = eventTimeMs(input['start'], 'start');
    const endMs = eventTimeMs(input['end'], 'end');
    if (typeof startMs === 'string') return badRequest(startMs);
    if (typeof endMs === 'string') return badRequest(endMs);
    if (endMs <= startMs) return badRequest('The specified time range is empty.');
    const nowIso = new Date(deps.now()).toISOString();
    const attendeesIn = Array.isArray(input['attendees']) ? (input['attendees'] as Array<Record<string, unknown>>) : [];
    for (const a of attendeesIn) {
      if (typeof a['email'] !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(a['email'])) return badRequest('Invalid attendee email.');
    }
    const id = existing?.id ?? (typeof input['id'] === 'string' ? input['id'] : newEventId());
    const ev: CalendarEvent = {
      ...input,
      kind: 'calendar#event',
      etag: `"${deps.now()}"`,
      id,
      status: 'confirmed',
      htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${id} ${me().email}`).toString('base64url')}`,
      created: (existing?.['created'] as string | undefined) ?? nowIso,
      updated: nowIso,
      creator: existing?.['creator'] ?? { email: me().email, self: true },
      organizer: existing?.['organizer'] ?? { email: me().email, self: true },
      start: input['start'] as EventTime,
      end: input['end'] as EventTime,
      iCalUID: `${id}@google.com`,
      sequence: existing ? Number(existing['sequence'] ?? 0) + 1 : 0,
      reminders: input['reminders'] ?? { useDefault: true },
      eventType: 'default',
    };
    const organizer = (existing?.['organizer'] as { email?: string } | undefined)?.email ?? me().email;
    if (attendeesIn.length > 0) {
      ev['attendees'] = attendeesIn.map((a) => ({
        ...a,
        email: a['email'],
        responseStatus: a['responseStatus'] ?? (a['email'] === me().email && organizer === me().email ? 'accepted' : 'needsAction'),
        ...(a['email'] === me().email ? { self: true } : {}),
        ...(a['email'] === organizer ? { organizer: true } : {}),
      }));
    } else {
      delete ev['attendees'];
    }
    store.put('primary', ev, startMs, endMs);
    return ev;
  };

  router.add('GET', base, (req) => {
    const denied = guard(req, GOOGLE_ACCEPTED.calendarRead, 'calendar.v3.Events.List');
    if (denied) return denied;
    const orderBy = req.query.get('orderBy');
    const singleEvents = req.query.get('singleEvents') === 'true';
    if (orderBy === 'startTime' && !singleEvents) return badRequest('The requested ordering is not available for the particular query.');
    const timeMin = req.query.get('timeMin');
    const timeMax = req.query.get('timeMax');
    const fromMs = timeMin ? Date.parse(timeMin) : -8.64e15;
    const toMs = timeMax ? Date.parse(timeMax) : 8.64e15;
    if (Number.isNaN(fromMs) || Number.isNaN(toMs)) return badRequest('Bad Request');
    const q = req.query.get('q')?.toLowerCase();
    const max = Math.min(Math.max(Number(req.query.get('maxResults') ?? 250) || 250, 1), 2500);
    const items = store
      .overlapping(fromMs, toMs, req.query.get('showDeleted') === 'true')
      // Google's q searches the summary, description, location and the attendees' and organizer's names and emails.
      .filter((e) => !q || searchableText(e).toLowerCase().includes(q))
      .slice(0, max);
    return json(200, {
      kind: 'calendar#events',
      etag: `"${deps.now()}"`,
      summary: me().email,
      updated: new Date(deps.now()).toISOString(),
      timeZone: deps.timeZone,
      accessRole: 'owner',
      defaultReminders: [{ method: 'popup', minutes: 10 }],
      items,
    });
  });

  router.add('GET', `${base}/:eventId`, (req) => {
    const denied = guard(req, GOOGLE_ACCEPTED.calendarRead, 'calendar.v3.Events.Get');
    if (denied) return denied;
    const ev = store.get(req.params['eventId'] ?? '');
    return ev ? json(200, ev) : notFound();
  });

  router.add('POST', base, (req) => {
    const denied = guard(req, GOOGLE_ACCEPTED.calendarWrite, 'calendar.v3.Events.Insert');
    if (denied) return denied;
    const input = (req.body ?? {}) as Record<string, unknown>;
    if (typeof input['id'] === 'string') {
      if (!/^[a-v0-9]{5,1024}$/.test(input['id'])) return badRequest('Invalid resource id value.');
      // A client-chosen id makes inserts idempotent: the second insert is refused, as Google does.
      if (store.get(input['id'])) return googleError(409, 'The requested identifier already exists.', 'ALREADY_EXISTS', 'duplicate');
    }
    const ev = save(input, undefined);
    return isSaved(ev) ? json(200, ev) : ev;
  });

  /**
   * A guest (not the organizer) may change only their own attendee entry's responseStatus and
   * comment; anything shared answers 403 forbiddenForNonOrganizer, as Google does.
   */
  const guestChange = (existing: CalendarEvent, input: Record<string, unknown>, mode: 'patch' | 'update'): SandboxResponse | undefined => {
    const organizer = (existing['organizer'] as { email?: string } | undefined)?.email;
    if (organizer === undefined || organizer === me().email) return undefined;
    const forbidden = () =>
      googleError(
        403,
        'Shared properties can only be changed by the organizer of the event.',
        'PERMISSION_DENIED',
        'forbiddenForNonOrganizer',
      );
    const shared = Object.keys(input).filter(
      (k) => k !== 'attendees' && !(mode === 'update' && JSON.stringify(input[k]) === JSON.stringify(existing[k])),
    );
    if (shared.length > 0) return forbidden();
    const before = (existing['attendees'] as Array<Record<string, unknown>> | undefined) ?? [];
    const after = Array.isArray(input['attendees']) ? (input['attendees'] as Array<Record<string, unknown>>) : before;
    if (after.length !== before.length) return forbidden();
    for (const a of after) {
      const was = before.find((b) => b['email'] === a['email']);
      if (!was) return forbidden();
      if (a['email'] !== me().email && (a['responseStatus'] ?? was['responseStatus']) !== was['responseStatus']) return forbidden();
    }
    const status = after.find((a) => a['email'] === me().email)?.['responseStatus'];
    if (status !== undefined && !['needsAction', 'declined', 'tentative', 'accepted'].includes(String(status)))
      return badRequest('Invalid attendee response status.');
    return undefined;
  };

  const modify = (mode: 'patch' | 'update') => (req: SandboxRequest) => {
    const denied = guard(req, GOOGLE_ACCEPTED.calendarWrite, mode === 'patch' ? 'calendar.v3.Events.Patch' : 'calendar.v3.Events.Update');
    if (denied) return denied;
    const existing = store.get(req.params['eventId'] ?? '');
    if (!existing || existing.status === 'cancelled') return notFound();
    const input = (req.body ?? {}) as Record<string, unknown>;
    const refused = guestChange(existing, input, mode);
    if (refused) return refused;
    const merged = mode === 'patch' ? { ...existing, ...input } : input;
    const ev = save(merged, existing);
    return isSaved(ev) ? json(200, ev) : ev;
  };
  router.add('PATCH', `${base}/:eventId`, modify('patch'));
  router.add('PUT', `${base}/:eventId`, modify('update'));

  router.add('DELETE', `${base}/:eventId`, (req) => {
    const denied = guard(req, GOOGLE_ACCEPTED.calendarWrite, 'calendar.v3.Events.Delete');
    if (denied) return denied;
    const existing = store.get(req.params['eventId'] ?? '');
    if (!existing) return notFound();
    if (existing.status === 'cancelled') return googleError(410, 'Resource has been deleted', 'NOT_FOUND', 'deleted');
    const startMs = eventTimeMs(existing.start, 'start') as number;
    const endMs = eventTimeMs(existing.end, 'end') as number;
    store.put('primary', { ...existing, status: 'cancelled', updated: new Date(deps.now()).toISOString() }, startMs, endMs);
    return { status: 204 };
  });

  router.add('POST', '/calendar/v3/freeBusy', (req) => {
    const denied = guard(req, GOOGLE_ACCEPTED.calendarFreeBusy, 'calendar.v3.Freebusy.Query');
    if (denied) return denied;
    const body = (req.body ?? {}) as { timeMin?: string; timeMax?: string; items?: Array<{ id?: string }> };
    const fromMs = Date.parse(body.timeMin ?? '');
    const toMs = Date.parse(body.timeMax ?? '');
    if (Number.isNaN(fromMs)) return badRequest('Missing timeMin.');
    if (Number.isNaN(toMs)) return badRequest('Missing timeMax.');
    if (toMs <= fromMs) return badRequest('The specified time range is empty.');
    const calendars: Record<string, unknown> = {};
    for (const item of body.items ?? []) {
      const id = item.id ?? '';
      if (!isPrimary(id)) {
        calendars[id] = { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] };
        continue;
      }
      const intervals = store
        .overlapping(fromMs, toMs, false)
        .filter((e) => e['transparency'] !== 'transparent')
        .map(
          (e) => [Math.max(eventTimeMs(e.start, 'start') as number, fromMs), Math.min(eventTimeMs(e.end, 'end') as number, toMs)] as const,
        );
      const merged: Array<[number, number]> = [];
      for (const [s, e] of intervals) {
        const last = merged.at(-1);
        if (last && s <= last[1]) last[1] = Math.max(last[1], e);
        else merged.push([s, e]);
      }
      calendars[id] = {
        busy: merged.map(([s, e]) => ({
          start: new Date(s).toISOString().replace('.000Z', 'Z'),
          end: new Date(e).toISOString().replace('.000Z', 'Z'),
        })),
      };
    }
    return json(200, {
      kind: 'calendar#freeBusy',
      timeMin: new Date(fromMs).toISOString(),
      timeMax: new Date(toMs).toISOString(),
      calendars,
    });
  });
}
