import { randomBytes } from 'node:crypto';
import { calendar as calendarClient } from '@googleapis/calendar';
import { z } from 'zod';
import { GOOGLE_SCOPES } from './contract.js';
import type { EventDraftFields } from './contract.js';
import { fitList, trimText } from '../budget.js';
import { runProviderCall, type CallPolicyDeps } from '../callPolicy.js';
import { classifyGoogleError } from './googleFailure.js';
import { fail, ok, type ProviderCallContext, type ProviderResult } from '../result.js';

const EventTime = z.object({ dateTime: z.string().optional(), date: z.string().optional(), timeZone: z.string().optional() });
const Event = z.object({
  id: z.string(),
  status: z.string().optional(),
  summary: z.string().optional(),
  description: z.string().optional(),
  location: z.string().optional(),
  htmlLink: z.string().optional(),
  // Google omits start/end on cancelled instances and email on some resource attendees.
  start: EventTime.optional().default({}),
  end: EventTime.optional().default({}),
  attendees: z
    .array(
      z.object({
        email: z.string().optional(),
        displayName: z.string().optional(),
        responseStatus: z.string().optional(),
        self: z.boolean().optional(),
        organizer: z.boolean().optional(),
      }),
    )
    .optional(),
  organizer: z.object({ email: z.string().optional(), self: z.boolean().optional() }).optional(),
  transparency: z.string().optional(),
});
type EventShape = z.infer<typeof Event>;
const EventList = z.object({ items: z.array(Event), timeZone: z.string().optional() });
const FreeBusy = z.object({
  calendars: z.record(
    z.string(),
    z.object({ busy: z.array(z.object({ start: z.string(), end: z.string() })), errors: z.array(z.unknown()).optional() }),
  ),
});

export interface EventSummary {
  eventId: string;
  title: string;
  start: string;
  end: string;
  timeZone?: string;
  allDay?: boolean;
  location?: string;
  attendees: string[];
  status: string;
  description?: string;
  /** The person's own answer when they are a guest (`needsAction`, `accepted`, `declined`, `tentative`). */
  myResponse?: string;
  /** Who organises it, when that is someone else: only they can move or cancel it for everyone. */
  organizer?: string;
  /** "Free" time (transparency: transparent) does not block the calendar. */
  free?: boolean;
}

type EventResponse = 'accepted' | 'declined' | 'tentative';

export interface Interval {
  start: string;
  end: string;
}

function summarize(e: EventShape): EventSummary {
  const out: EventSummary = {
    eventId: e.id,
    title: e.summary ?? '(no title)',
    start: e.start.dateTime ?? e.start.date ?? '',
    end: e.end.dateTime ?? e.end.date ?? '',
    attendees: (e.attendees ?? []).filter((a) => !a.self && a.email).map((a) => a.email as string),
    status: e.status ?? 'confirmed',
  };
  const tz = e.start.timeZone;
  if (tz) out.timeZone = tz;
  if (!e.start.dateTime && e.start.date) out.allDay = true;
  if (e.location) out.location = e.location;
  if (e.description) out.description = trimText(e.description, 300);
  const me = e.attendees?.find((a) => a.self);
  if (me?.responseStatus) out.myResponse = me.responseStatus;
  if (e.organizer?.email && !e.organizer.self) out.organizer = e.organizer.email;
  if (e.transparency === 'transparent') out.free = true;
  return out;
}

/** Events that overlap [start, end) and really block it: not free time, not declined, not the one being moved. */
export function conflictsIn(events: readonly EventSummary[], start: string, end: string, ignoreEventId?: string): EventSummary[] {
  const s = Date.parse(start);
  const e = Date.parse(end);
  return events.filter(
    (ev) =>
      ev.eventId !== ignoreEventId &&
      !ev.allDay &&
      !ev.free &&
      ev.myResponse !== 'declined' &&
      ev.status !== 'cancelled' &&
      Date.parse(ev.start) < e &&
      Date.parse(ev.end) > s,
  );
}

/** Gaps between busy intervals inside the window. */
function freeGaps(busy: Interval[], timeMin: string, timeMax: string): Interval[] {
  const gaps: Interval[] = [];
  let cursor = Date.parse(timeMin);
  const end = Date.parse(timeMax);
  for (const b of [...busy].sort((a, c) => Date.parse(a.start) - Date.parse(c.start))) {
    const s = Date.parse(b.start);
    if (s > cursor) gaps.push({ start: new Date(cursor).toISOString(), end: new Date(Math.min(s, end)).toISOString() });
    cursor = Math.max(cursor, Date.parse(b.end));
  }
  if (cursor < end) gaps.push({ start: new Date(cursor).toISOString(), end: new Date(end).toISOString() });
  return gaps;
}

/** Google event ids are base32hex; choosing ours makes an insert safe to retry (a repeat answers 409). */
function newEventId(): string {
  return [...randomBytes(16)].map((b) => '0123456789abcdefghijklmnopqrstuv'[b % 32]).join('');
}

interface CalendarToolsOptions {
  policy: CallPolicyDeps;
  connection: string;
  googleRootUrl: string;
  budgetChars: number;
  requestTimeoutMs: number;
}

type EventUpdate = { eventId: string } & Partial<Omit<EventDraftFields, 'event_id'>>;

export function createCalendarTools(opts: CalendarToolsOptions) {
  const api = calendarClient({ version: 'v3', rootUrl: opts.googleRootUrl });
  const { policy } = opts;
  // The client's own retries are off: callPolicy is the one retry policy.
  const requestOptions = (accessToken: string) => ({
    headers: { Authorization: `Bearer ${accessToken}` },
    retry: false,
    timeout: opts.requestTimeoutMs,
  });
  const base = {
    provider: 'google' as const,
    connection: opts.connection,
    classify: (err: unknown) => classifyGoogleError(err, policy.now()),
  };

  const getRawEvent = (ctx: ProviderCallContext, eventId: string) =>
    runProviderCall(policy, ctx, {
      ...base,
      operation: 'calendar.events.get',
      scopes: [GOOGLE_SCOPES.calendarEvents],
      idempotent: true,
      invoke: async (t) => (await api.events.get({ calendarId: 'primary', eventId }, requestOptions(t))).data,
      // The whole resource is kept: a response patch must send every attendee back unchanged.
      schema: Event.passthrough(),
      map: (e) => e,
    });
  const getEvent = async (ctx: ProviderCallContext, eventId: string): Promise<ProviderResult<EventSummary>> => {
    const r = await getRawEvent(ctx, eventId);
    return r.ok ? ok(summarize(r.value)) : r;
  };

  return {
    /**
     * Guests of the person's events (the last year and the next three months) matching a name or
     * address, via events.list `q` (which searches attendees' names and emails). Only events they
     * organise or accepted count: the person invited those guests or agreed to meet them.
     */
    async guestsMatching(
      ctx: ProviderCallContext,
      input: { query: string },
    ): Promise<ProviderResult<Array<{ name: string; address: string }>>> {
      const now = policy.now();
      const listed = await runProviderCall(policy, ctx, {
        ...base,
        operation: 'calendar.events.list',
        scopes: [GOOGLE_SCOPES.calendarRead],
        idempotent: true,
        invoke: async (t) =>
          (
            await api.events.list(
              {
                calendarId: 'primary',
                timeMin: new Date(now - 365 * 86_400_000).toISOString(),
                timeMax: new Date(now + 90 * 86_400_000).toISOString(),
                singleEvents: true,
                maxResults: 50,
                q: input.query,
              },
              requestOptions(t),
            )
          ).data,
        schema: EventList,
        map: (l) => l.items,
      });
      if (!listed.ok) return listed;
      const out: Array<{ name: string; address: string }> = [];
      for (const e of listed.value) {
        // Anyone can put an invitation on someone's calendar: only events the person organises or
        // accepted vouch for their guests.
        const mine = e.organizer?.self === true || e.attendees?.some((a) => a.self && a.responseStatus === 'accepted');
        if (!mine) continue;
        for (const a of e.attendees ?? []) if (a.email && !a.self) out.push({ name: a.displayName ?? '', address: a.email.toLowerCase() });
      }
      return ok(out);
    },

    /** Events overlapping the window, expanded and ordered by start time. */
    async listEvents(
      ctx: ProviderCallContext,
      input: { timeMin: string; timeMax: string; query?: string; maxResults?: number },
    ): Promise<ProviderResult<{ events: EventSummary[]; timeZone?: string; truncated?: boolean }>> {
      const listed = await runProviderCall(policy, ctx, {
        ...base,
        operation: 'calendar.events.list',
        scopes: [GOOGLE_SCOPES.calendarRead],
        idempotent: true,
        invoke: async (t) =>
          (
            await api.events.list(
              {
                calendarId: 'primary',
                timeMin: input.timeMin,
                timeMax: input.timeMax,
                singleEvents: true,
                orderBy: 'startTime',
                maxResults: Math.min(input.maxResults ?? 25, 50),
                ...(input.query ? { q: input.query } : {}),
              },
              requestOptions(t),
            )
          ).data,
        schema: EventList,
        map: (l) => l,
      });
      if (!listed.ok) return listed;
      const events = listed.value.items.filter((e) => e.status !== 'cancelled').map(summarize);
      const tz = listed.value.timeZone;
      return ok(fitList(events, opts.budgetChars, (items) => ({ events: items, ...(tz ? { timeZone: tz } : {}) })));
    },

    /** Busy intervals of the primary calendar in the window, and the free gaps between them. */
    async freeBusy(
      ctx: ProviderCallContext,
      input: { timeMin: string; timeMax: string; timeZone?: string },
    ): Promise<ProviderResult<{ busy: Interval[]; free: Interval[] }>> {
      const res = await runProviderCall(policy, ctx, {
        ...base,
        operation: 'calendar.freebusy.query',
        scopes: [GOOGLE_SCOPES.calendarRead],
        idempotent: true,
        invoke: async (t) =>
          (
            await api.freebusy.query(
              {
                requestBody: {
                  timeMin: input.timeMin,
                  timeMax: input.timeMax,
                  ...(input.timeZone ? { timeZone: input.timeZone } : {}),
                  items: [{ id: 'primary' }],
                },
              },
              requestOptions(t),
            )
          ).data,
        schema: FreeBusy,
        map: (fb) => fb.calendars['primary'],
      });
      if (!res.ok) return res;
      if (!res.value || (res.value.errors?.length ?? 0) > 0) {
        return fail({ code: 'PROVIDER_ERROR', provider: 'google', message: "Google could not read the calendar's free/busy." });
      }
      const busy = res.value.busy.map((b) => ({ start: b.start, end: b.end }));
      return ok({ busy, free: freeGaps(busy, input.timeMin, input.timeMax) });
    },

    /** Creates an event and invites attendees. Safe to retry: the id is chosen here. */
    async createEvent(ctx: ProviderCallContext, fields: EventDraftFields): Promise<ProviderResult<EventSummary>> {
      const id = newEventId();
      const created = await runProviderCall(policy, ctx, {
        ...base,
        operation: 'calendar.events.insert',
        scopes: [GOOGLE_SCOPES.calendarEvents],
        idempotent: true,
        invoke: async (t) =>
          (
            await api.events.insert(
              {
                calendarId: 'primary',
                sendUpdates: 'all',
                requestBody: {
                  id,
                  summary: fields.title,
                  ...(fields.description ? { description: fields.description } : {}),
                  start: { dateTime: fields.start, timeZone: fields.timezone },
                  end: { dateTime: fields.end, timeZone: fields.timezone },
                  attendees: fields.attendees.map((email) => ({ email })),
                },
              },
              requestOptions(t),
            )
          ).data,
        schema: Event,
        map: summarize,
      });
      // 409 for our own fresh id means an earlier attempt landed before its answer was lost.
      if (!created.ok && created.error.httpStatus === 409) return getEvent(ctx, id);
      return created;
    },

    /** Changes only the given fields of an event. */
    async updateEvent(ctx: ProviderCallContext, update: EventUpdate): Promise<ProviderResult<EventSummary>> {
      const body: Record<string, unknown> = {};
      if (update.title !== undefined) body['summary'] = update.title;
      if (update.description !== undefined) body['description'] = update.description;
      if (update.start !== undefined) body['start'] = { dateTime: update.start, ...(update.timezone ? { timeZone: update.timezone } : {}) };
      if (update.end !== undefined) body['end'] = { dateTime: update.end, ...(update.timezone ? { timeZone: update.timezone } : {}) };
      if (update.attendees !== undefined) body['attendees'] = update.attendees.map((email) => ({ email }));
      return runProviderCall(policy, ctx, {
        ...base,
        operation: 'calendar.events.patch',
        scopes: [GOOGLE_SCOPES.calendarEvents],
        idempotent: true,
        invoke: async (t) =>
          (
            await api.events.patch(
              { calendarId: 'primary', eventId: update.eventId, sendUpdates: 'all', requestBody: body },
              requestOptions(t),
            )
          ).data,
        schema: Event,
        map: summarize,
      });
    },

    /**
     * Events that would clash with [start, end): one list over the range (calendar.readonly), then
     * free time, declined invites and the event being moved are left out.
     */
    async findConflicts(
      ctx: ProviderCallContext,
      input: { start: string; end: string; ignoreEventId?: string },
    ): Promise<ProviderResult<{ conflicts: EventSummary[] }>> {
      const listed = await this.listEvents(ctx, { timeMin: input.start, timeMax: input.end, maxResults: 20 });
      if (!listed.ok) return listed;
      return ok({ conflicts: conflictsIn(listed.value.events, input.start, input.end, input.ignoreEventId) });
    },

    /**
     * Accepts, declines or tentatively accepts an invite: the person's own attendee entry gets the
     * new responseStatus (and an optional note), every other attendee is sent back as it was, since
     * a patch replaces the whole list. The organizer is told (sendUpdates=all).
     */
    async respondToEvent(
      ctx: ProviderCallContext,
      input: { eventId: string; response: EventResponse; comment?: string },
    ): Promise<ProviderResult<EventSummary>> {
      const got = await getRawEvent(ctx, input.eventId);
      if (!got.ok) return got;
      const attendees = got.value.attendees ?? [];
      if (!attendees.some((a) => a.self))
        return fail({
          code: 'BAD_REQUEST',
          provider: 'google',
          message: 'You are not a guest of that event, so there is no invitation to answer.',
        });
      if (got.value.organizer?.self && input.response === 'declined') {
        return fail({ code: 'BAD_REQUEST', provider: 'google', message: 'You organise that event; cancel it instead of declining.' });
      }
      const patched = attendees.map((a) =>
        a.self ? { ...a, responseStatus: input.response, ...(input.comment ? { comment: input.comment } : {}) } : a,
      );
      return runProviderCall(policy, ctx, {
        ...base,
        operation: 'calendar.events.patch',
        scopes: [GOOGLE_SCOPES.calendarEvents],
        idempotent: true,
        invoke: async (t) =>
          (
            await api.events.patch(
              { calendarId: 'primary', eventId: input.eventId, sendUpdates: 'all', requestBody: { attendees: patched } },
              requestOptions(t),
            )
          ).data,
        schema: Event,
        map: summarize,
      });
    },

    /** Cancels (deletes) an event and notifies attendees; cancelling twice is not an error. */
    async cancelEvent(
      ctx: ProviderCallContext,
      input: { eventId: string },
    ): Promise<ProviderResult<{ eventId: string; status: 'cancelled' }>> {
      const res = await runProviderCall(policy, ctx, {
        ...base,
        operation: 'calendar.events.delete',
        scopes: [GOOGLE_SCOPES.calendarEvents],
        idempotent: true,
        invoke: async (t) =>
          (await api.events.delete({ calendarId: 'primary', eventId: input.eventId, sendUpdates: 'all' }, requestOptions(t))).data ?? null,
        schema: z.unknown(),
        map: () => ({ eventId: input.eventId, status: 'cancelled' as const }),
      });
      if (!res.ok && res.error.httpStatus === 410) return ok({ eventId: input.eventId, status: 'cancelled' });
      return res;
    },
  };
}
