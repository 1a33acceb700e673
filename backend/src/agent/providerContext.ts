import type { ProviderFailure, ProviderTools } from '../providers/index.js';
import type { ChannelSummary, EventSummary, Interval, SlackMessage, ThreadDetail, ThreadSummary } from '../providers/index.js';
import type { ProviderCallContext } from '../providers/result.js';
import type { Intent } from './intent/schema.js';
import { todayIn, addDays, zonedTimeToInstant, toRfc3339 } from '../time/zonedTime.js';

/**
 * What the agent read from the user's accounts for one request: compact summaries with ids, never a
 * credential. It is what the reply writer (template or model) turns into an answer.
 */
export interface ProviderContext {
  range?: { start: string; end: string };
  events?: EventSummary[];
  free?: Interval[];
  threads?: ThreadSummary[];
  thread?: ThreadDetail;
  channel?: string;
  messages?: SlackMessage[];
  channels?: ChannelSummary[];
  failures: ProviderFailure[];
}

/** The default window for calendar questions without a date: the rest of today. */
function dayRange(now: Date, timezone: string): { start: string; end: string } {
  const today = todayIn(now, timezone);
  return { start: toRfc3339(now, timezone), end: toRfc3339(zonedTimeToInstant(addDays(today, 1), 0, 0, timezone), timezone) };
}

/**
 * Fetches what a read request needs, with independent calls in parallel. Failures are collected,
 * not thrown: one provider being down still lets the others answer.
 */
export async function fetchProviderContext(tools: ProviderTools, ctx: ProviderCallContext, intent: Intent, timezone: string, now: Date): Promise<ProviderContext> {
  const out: ProviderContext = { failures: [] };
  const jobs: Array<Promise<void>> = [];
  const e = intent.entities;

  if (intent.tools.includes('calendar')) {
    const range = e.time_range ?? (e.start ? { start: e.start, end: new Date(Date.parse(e.start) + (e.duration_minutes ?? 60) * 60_000).toISOString() } : dayRange(now, timezone));
    out.range = range;
    jobs.push(
      tools.calendar.listEvents(ctx, { timeMin: range.start, timeMax: range.end, maxResults: 20 }).then((r) => {
        if (r.ok) out.events = r.value.events;
        else out.failures.push(r.error);
      }),
    );
    if (/free|busy|available/i.test(e.query ?? '') || intent.action === 'schedule') {
      jobs.push(
        tools.calendar.freeBusy(ctx, { timeMin: range.start, timeMax: range.end, timeZone: timezone }).then((r) => {
          if (r.ok) out.free = r.value.free;
          else out.failures.push(r.error);
        }),
      );
    }
  }

  if (intent.tools.includes('gmail')) {
    jobs.push(
      (async () => {
        const from = e.people[0];
        const r = await tools.gmail.searchThreads(ctx, { ...(from ? { from } : {}), ...(e.query ? { query: e.query } : {}), maxResults: e.count ?? 5 });
        if (!r.ok) return void out.failures.push(r.error);
        out.threads = r.value.threads;
        // Summaries and replies need the newest thread itself, not just its snippet.
        const first = r.value.threads[0];
        if (first && (intent.action === 'summarize' || intent.action === 'reply' || intent.action === 'read')) {
          const t = await tools.gmail.readThread(ctx, { threadId: first.threadId });
          if (t.ok) out.thread = t.value;
          else out.failures.push(t.error);
        }
      })(),
    );
  }

  if (intent.tools.includes('slack') && intent.action !== 'post') {
    jobs.push(
      (async () => {
        if (e.channel) {
          const r = await tools.slack.readChannel(ctx, { channel: e.channel, limit: e.count ?? 10 });
          if (r.ok) {
            out.channel = e.channel;
            out.messages = r.value.messages;
          } else out.failures.push(r.error);
        } else if (e.query) {
          const r = await tools.slack.searchMessages(ctx, { query: e.query, count: e.count ?? 10 });
          if (r.ok) out.messages = r.value.matches;
          else out.failures.push(r.error);
        } else {
          const r = await tools.slack.listChannels(ctx);
          if (r.ok) out.channels = r.value.channels;
          else out.failures.push(r.error);
        }
      })(),
    );
  }
  await Promise.all(jobs);
  return out;
}
