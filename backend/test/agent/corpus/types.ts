import type { Tool } from '../../../src/protocol/common.js';
import type { Contact, Intent, IntentAction, IntentContext, PendingIntent, Turn } from '../../../src/agent/intent/schema.js';

/**
 * A realistic request with what the intent must say about it. Clock for every case: Wednesday
 * 11 June 2025, 09:30 in Los Angeles (UTC-7), so every time below is a PDT wall time.
 */
export interface CorpusCase {
  category: Category;
  text: string;
  tools: Tool[];
  action: IntentAction;
  /** Only the entities listed are compared (strings case-insensitively), plus the flags in STRICT_FLAGS. */
  entities?: Partial<Intent['entities']>;
  /** Earlier turns, oldest first (the first half of a two-turn pair). */
  history?: Turn[];
  /** An open question the previous turn asked. */
  pending?: PendingIntent;
}

export type Category =
  | 'calendar-read'
  | 'calendar-create'
  | 'calendar-change'
  | 'mail-read'
  | 'mail-understand'
  | 'mail-write'
  | 'slack-read'
  | 'slack-write'
  | 'multi'
  | 'follow-up'
  | 'remember'
  | 'other';

export const CORPUS_NOW = new Date('2025-06-11T09:30:00-07:00');
export const CORPUS_TZ = 'America/Los_Angeles';
export const CORPUS_CONTACTS: Contact[] = [
  { name: 'Dana Whitfield', email: 'dana@northwind.io' },
  { name: 'Sam Patel', email: 'sam@example.com' },
  { name: 'Priya Raman', email: 'priya@example.com' },
  { name: 'Jordan Kim', email: 'jordan@example.com' },
  { name: 'Maya Chen', email: 'maya@acme.com' },
];

export function corpusContext(c: CorpusCase): IntentContext {
  return {
    now: CORPUS_NOW,
    timezone: CORPUS_TZ,
    history: c.history ?? [],
    contacts: CORPUS_CONTACTS,
    ...(c.pending ? { pending: c.pending } : {}),
  };
}

/** June 2025 day `d` as a whole-day range. */
export const day = (d: number) => ({ start: at(d, '00:00'), end: at(d + 1, '00:00') });
export const at = (d: number, hm: string) => `2025-06-${String(d).padStart(2, '0')}T${hm}:00-07:00`;
export const span = (d: number, from: string, to: string) => ({ start: at(d, from), end: at(d, to) });
