import type { Intent } from '../../agent/intent/schema.js';
import { displayName } from '../emailAddress.js';
import type { ProviderCallContext, ProviderFailure } from '../result.js';
import { zonedParts } from '../../time/zonedTime.js';
import type { createGmailTools, ThreadDetail, ThreadSummary } from './gmailTools.js';

/** The Gmail tools these reads use. */
type MailTools = { gmail: ReturnType<typeof createGmailTools> };
/** The part of a request's read context these reads look at. */
type MailRead = { threads?: ThreadSummary[]; thread?: ThreadDetail; failures: ProviderFailure[] };

/**
 * What a mail request reads, which is not always who it names: a forward goes *to* `people` but reads
 * the sender's (or the topic's) thread; "did Sam reply" reads the thread with Sam; an organisation is
 * search words. The write still uses the request itself.
 */
export function intentForReading(intent: Intent): Intent {
  const e = intent.entities;
  if (!intent.tools.includes('gmail')) return intent;
  const forward = e.forward === true;
  const people = e.sender && (forward || e.analysis === 'did_reply') ? [e.sender] : forward ? [] : e.people;
  // A thread named by its subject ("the intro thread") is found by those words when no one is named.
  const topic = e.query ?? (forward || people.length === 0 ? e.subject : undefined);
  const words = [topic, e.organization && people.length === 0 ? e.organization : undefined].filter((w): w is string => !!w);
  const query = words.length ? words.join(' ') : undefined;
  // A forward reads the thread it forwards, as a read would.
  const action = forward ? 'read' : intent.action;
  return { ...intent, action, entities: { ...e, people, ...(query ? { query } : {}) } };
}

/**
 * The other threads an answer quotes (the second and third), read in full: a thread's snippet is its
 * newest message, which may be the user's own reply, so quoting it under the thread's sender would put
 * the user's words in someone else's mouth. Single-message threads need no read.
 */
export async function readQuotedThreads(
  tools: MailTools,
  call: ProviderCallContext,
  context: MailRead,
  shown = 3,
): Promise<ThreadDetail[]> {
  const rest = (context.threads ?? []).slice(0, shown).filter((t) => t.messageCount > 1 && t.threadId !== context.thread?.threadId);
  const read = await Promise.all(rest.map((t) => tools.gmail.readThread(call, { threadId: t.threadId })));
  return read.flatMap((r) => (r.ok ? [r.value] : []));
}

/** "Who wrote most" and "did X reply", answered from what Gmail returned; never from sent mail alone. */
export interface MailAnalysisResult {
  top_senders?: Array<{ name: string; threads: number }>;
  /** The newest thread with the person: whether their message came after the user's last one. */
  did_reply?: {
    person: string;
    subject: string;
    replied: boolean;
    you_wrote?: boolean;
    last_from?: string;
    last_date?: string;
    last_text?: string;
  };
}

const MAX_THREADS = 10;

/** Gmail's `after:` takes a calendar day; the day in the person's zone. */
function gmailDay(d: Date, timezone: string): string {
  const p = zonedParts(d, timezone);
  return `${p.year}/${String(p.month).padStart(2, '0')}/${String(p.day).padStart(2, '0')}`;
}

export async function analyzeMail(
  tools: MailTools,
  call: ProviderCallContext,
  intent: Intent,
  context: MailRead,
  env: { timezone: string; now: Date },
): Promise<MailAnalysisResult | undefined> {
  const e = intent.entities;
  if (!intent.tools.includes('gmail') || !e.analysis) return undefined;
  if (e.analysis === 'top_senders') {
    // "this week" can resolve forward from now; a question about who wrote looks back (a week by default).
    const start =
      e.time_range && Date.parse(e.time_range.start) < env.now.getTime() - 3_600_000
        ? new Date(e.time_range.start)
        : new Date(env.now.getTime() - 7 * 86_400_000);
    // searchThreads leaves the user's own sent mail out (`-in:sent`) and names each thread's latest other sender.
    const r = await tools.gmail.searchThreads(call, { query: `after:${gmailDay(start, env.timezone)}`, maxResults: MAX_THREADS });
    if (!r.ok) {
      context.failures.push(r.error);
      return undefined;
    }
    const counts = new Map<string, number>();
    for (const t of r.value.threads) counts.set(displayName(t.from), (counts.get(displayName(t.from)) ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
    return { top_senders: top.map(([name, threads]) => ({ name, threads })) };
  }
  const person = e.sender ?? e.people[0];
  const thread = context.thread;
  if (!person || !thread) return undefined;
  const mine = thread.messages.filter((m) => m.fromSelf);
  const lastMine = mine.at(-1);
  const theirs = thread.messages.filter(
    (m) => !m.fromSelf && m.from.toLowerCase().includes(person.toLowerCase().split(/\s+/)[0] ?? person.toLowerCase()),
  );
  const lastTheirs = theirs.at(-1);
  const replied = !!lastTheirs && (!lastMine || Date.parse(lastTheirs.date) > Date.parse(lastMine.date));
  const last = replied ? lastTheirs : lastMine;
  return {
    did_reply: {
      person,
      subject: thread.subject,
      replied,
      ...(lastMine ? { you_wrote: true } : {}),
      ...(last
        ? { last_from: last.fromSelf ? 'you' : displayName(last.from), last_date: last.date, last_text: last.body.slice(0, 300) }
        : {}),
    },
  };
}
