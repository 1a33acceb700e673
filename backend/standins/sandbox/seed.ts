import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { SANDBOX_ACCOUNT, type SandboxAccount } from './account.js';
import { existsSync } from 'node:fs';
import type { CalendarStore } from './calendarApi.js';
import { getMeta, setMeta, transaction } from './db.js';
import type { GmailStore } from './gmailStore.js';
import { composeSeedMessage } from './mime.js';
import type { SlackStore, SlackUser } from './slackApi.js';
import { addDays, formatInZone, zonedDate, zonedToEpoch } from './zonedTime.js';

/**
 * Seed data lives in resources/seed as JSON with times relative to the moment of seeding, so the
 * demo always has mail from this morning and meetings tomorrow. Seeding happens once per data dir.
 */
export const DEFAULT_SEED_DIR = fileURLToPath(new URL('../../../resources/seed/', import.meta.url));

const SeedMessage = z.object({
  from: z.string(),
  to: z.string(),
  cc: z.string().optional(),
  /** Where replies should go, when the sender asks for somewhere else (a real header anyone can set). */
  replyTo: z.string().optional(),
  subject: z.string(),
  minutesAgo: z.number().nonnegative(),
  text: z.string(),
  html: z.string().optional(),
  unread: z.boolean().optional(),
  labels: z.array(z.string()).optional(),
});
const GmailSeed = z.object({
  threads: z.array(z.object({ key: z.string(), labels: z.array(z.string()), messages: z.array(SeedMessage).min(1) })),
});
const CalendarSeed = z.object({
  events: z.array(
    z.object({
      summary: z.string(),
      dayOffset: z.number().int(),
      start: z.string().regex(/^\d\d:\d\d$/),
      minutes: z.number().int().positive(),
      attendees: z.array(z.string()).optional(),
      location: z.string().optional(),
      description: z.string().optional(),
      transparency: z.enum(['opaque', 'transparent']).optional(),
      /** Someone else's invite: the demo user is a guest who has not answered yet. */
      organizer: z.string().optional(),
    }),
  ),
});
const SlackSeed = z.object({
  users: z.array(
    z.object({ id: z.string(), name: z.string(), real_name: z.string(), email: z.string().optional(), guest: z.boolean().optional() }),
  ),
  channels: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      topic: z.string(),
      purpose: z.string(),
      members: z.number().int(),
      messages: z.array(
        z.object({ key: z.string().optional(), user: z.string(), minutesAgo: z.number(), text: z.string(), thread: z.string().optional() }),
      ),
    }),
  ),
  /** Direct messages between the demo user and one other member. */
  ims: z
    .array(
      z.object({
        id: z.string(),
        user: z.string(),
        messages: z.array(z.object({ user: z.string(), minutesAgo: z.number(), text: z.string() })),
      }),
    )
    .default([]),
});

function readSeed<T>(dir: string, name: string, schema: z.ZodType<T>): T {
  return schema.parse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
}

export function loadSlackUsers(seedDir: string): SlackUser[] {
  return readSeed(seedDir, 'slack.json', SlackSeed).users;
}

function stableId(...parts: Array<string | number>): string {
  return createHash('sha256').update(parts.join(':')).digest('hex').slice(0, 16);
}

function domainOf(address: string): string {
  return /@([^>\s]+)/.exec(address)?.[1] ?? 'example.com';
}

function seedGmail(store: GmailStore, seedDir: string, now: number): void {
  const seed = readSeed(seedDir, 'gmail.json', GmailSeed);
  for (const thread of seed.threads) {
    const threadId = stableId(thread.key, 0);
    const previous: string[] = [];
    thread.messages.forEach((m, i) => {
      const messageId = `<${thread.key}.${i}.${stableId(thread.key, i).slice(0, 6)}@${domainOf(m.from)}>`;
      const at = now - m.minutesAgo * 60_000;
      const raw = composeSeedMessage({
        from: m.from,
        to: m.to,
        ...(m.cc ? { cc: m.cc } : {}),
        ...(m.replyTo ? { replyTo: m.replyTo } : {}),
        subject: m.subject,
        date: new Date(at),
        messageId,
        ...(previous.length > 0 ? { inReplyTo: previous.at(-1) as string, references: previous.join(' ') } : {}),
        text: m.text,
        ...(m.html ? { html: m.html } : {}),
      });
      const labels = m.labels ?? thread.labels;
      store.insert({ id: stableId(thread.key, i), threadId, labelIds: m.unread ? [...labels, 'UNREAD'] : labels, internalDate: at, raw });
      previous.push(messageId);
    });
  }
}

function seedCalendar(
  store: CalendarStore,
  seedDir: string,
  now: number,
  timeZone: string,
  account: SandboxAccount = SANDBOX_ACCOUNT,
): void {
  const seed = readSeed(seedDir, 'calendar.json', CalendarSeed);
  const today = zonedDate(now, timeZone);
  seed.events.forEach((e, i) => {
    const day = addDays(today, e.dayOffset);
    const [hh, mm] = e.start.split(':').map(Number) as [number, number];
    const startMs = zonedToEpoch(day.y, day.m, day.d, hh, mm, timeZone);
    const endMs = startMs + e.minutes * 60_000;
    const id = `seed${stableId('event', i)}`.replace(/[^a-v0-9]/g, '0');
    const created = new Date(now - 7 * 86_400_000).toISOString();
    store.put(
      'primary',
      {
        kind: 'calendar#event',
        etag: `"${now}"`,
        id,
        status: 'confirmed',
        htmlLink: `https://www.google.com/calendar/event?eid=${id}`,
        created,
        updated: created,
        summary: e.summary,
        ...(e.description ? { description: e.description } : {}),
        ...(e.location ? { location: e.location } : {}),
        ...(e.transparency ? { transparency: e.transparency } : {}),
        creator: e.organizer ? { email: e.organizer } : { email: account.email, self: true },
        organizer: e.organizer ? { email: e.organizer } : { email: account.email, self: true },
        start: { dateTime: formatInZone(startMs, timeZone), timeZone },
        end: { dateTime: formatInZone(endMs, timeZone), timeZone },
        ...(e.attendees
          ? {
              attendees: e.organizer
                ? [
                    ...e.attendees.map((email) => ({
                      email,
                      responseStatus: 'accepted',
                      ...(email === e.organizer ? { organizer: true } : {}),
                    })),
                    { email: account.email, self: true, responseStatus: 'needsAction' },
                  ]
                : [
                    { email: account.email, organizer: true, self: true, responseStatus: 'accepted' },
                    ...e.attendees.map((email) => ({ email, responseStatus: 'accepted' })),
                  ],
            }
          : {}),
        iCalUID: `${id}@google.com`,
        sequence: 0,
        reminders: { useDefault: true },
        eventType: 'default',
      },
      startMs,
      endMs,
    );
  });
}

function seedSlack(store: SlackStore, seedDir: string, now: number): void {
  const seed = readSeed(seedDir, 'slack.json', SlackSeed);
  const tsOf = (minutesAgo: number, i: number) => {
    const micros = Math.floor((now - minutesAgo * 60_000) / 1000) * 1e6 + i;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  };
  for (const c of seed.channels) {
    store.putChannel({
      id: c.id,
      name: c.name,
      topic: c.topic,
      purpose: c.purpose,
      num_members: c.members,
      created: Math.floor(now / 1000) - 90 * 86_400,
    });
    const keyed = new Map<string, string>();
    c.messages.forEach((m, i) => {
      const ts = tsOf(m.minutesAgo, i);
      if (m.key) keyed.set(m.key, ts);
      const threadTs = m.thread ? keyed.get(m.thread) : undefined;
      store.insert({ channel_id: c.id, ts, user_id: m.user, text: m.text, thread_ts: threadTs ?? (m.key ? ts : null) });
    });
  }
  for (const im of seed.ims) {
    store.putChannel({
      id: im.id,
      name: im.id,
      topic: '',
      purpose: '',
      num_members: 2,
      created: Math.floor(now / 1000) - 30 * 86_400,
      is_im: true,
      user: im.user,
    });
    im.messages.forEach((m, i) =>
      store.insert({ channel_id: im.id, ts: tsOf(m.minutesAgo, i), user_id: m.user, text: m.text, thread_ts: null }),
    );
  }
}

/** Seeds an empty sandbox database once; later starts keep whatever the sandbox accumulated. */
export function seedOnce(
  db: DatabaseSync,
  stores: { gmail: GmailStore; calendar: CalendarStore; slack: SlackStore },
  opts: { seedDir: string; now: number; timeZone: string },
): boolean {
  if (getMeta(db, 'seeded_at')) return false;
  transaction(db, () => {
    seedGmail(stores.gmail, opts.seedDir, opts.now);
    seedCalendar(stores.calendar, opts.seedDir, opts.now, opts.timeZone);
    seedSlack(stores.slack, opts.seedDir, opts.now);
    setMeta(db, 'seeded_at', String(opts.now));
  });
  return true;
}

/**
 * Seeds another demo user's own mailbox and calendar once, from `<seedDir>/accounts/<userId>/`
 * (either file may be missing: an empty mailbox is a real state too).
 */
export function seedAccountOnce(
  db: DatabaseSync,
  stores: { gmail: GmailStore; calendar: CalendarStore },
  opts: { seedDir: string; now: number; timeZone: string; account: SandboxAccount },
): boolean {
  if (getMeta(db, 'seeded_at')) return false;
  const dir = join(opts.seedDir, 'accounts', opts.account.userId);
  transaction(db, () => {
    if (existsSync(join(dir, 'gmail.json'))) seedGmail(stores.gmail, dir, opts.now);
    if (existsSync(join(dir, 'calendar.json'))) seedCalendar(stores.calendar, dir, opts.now, opts.timeZone, opts.account);
    setMeta(db, 'seeded_at', String(opts.now));
  });
  return true;
}
