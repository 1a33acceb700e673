import type { StoredMessage } from './gmailStore.js';

/**
 * The part of Gmail's search syntax the tools and a person typing would use: `from:`, `to:`, `cc:`,
 * `subject:` (word, "phrase" or (group)), `label:`, `in:`, `is:unread|read|starred|important`,
 * `newer_than:`/`older_than:` (d, m, y), `after:`/`before:` (yyyy/mm/dd), negation with `-`, and
 * free words matched against headers and body. All terms must match (Gmail's implicit AND).
 */
type Term = { negate: boolean; op?: string; value: string };

function tokenize(q: string): Term[] {
  const terms: Term[] = [];
  const re = /(-?)(?:([a-z_]+):(\([^)]*\)|"[^"]*"|\S+)|"([^"]*)"|(\S+))/gi;
  for (const m of q.matchAll(re)) {
    const negate = m[1] === '-';
    if (m[2] !== undefined && m[3] !== undefined) {
      terms.push({ negate, op: m[2].toLowerCase(), value: m[3].replace(/^[("]|[)"]$/g, '').toLowerCase() });
    } else {
      const value = (m[4] ?? m[5] ?? '').toLowerCase();
      if (value && value !== 'and') terms.push({ negate, value });
    }
  }
  return terms;
}

const DAY = 86_400_000;

function relativeMs(value: string): number | undefined {
  const m = /^(\d+)([dmy])$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n * (m[2] === 'd' ? DAY : m[2] === 'm' ? 30 * DAY : 365 * DAY);
}

function absoluteMs(value: string): number | undefined {
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(value);
  if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return /^\d+$/.test(value) ? Number(value) * 1000 : undefined;
}

function words(value: string): string[] {
  return value.split(/\s+/).filter(Boolean);
}

function termMatches(t: Term, m: StoredMessage, now: number): boolean {
  const has = (hay: string) => words(t.value).every((w) => hay.toLowerCase().includes(w));
  switch (t.op) {
    case undefined:
      return has(`${m.from} ${m.to} ${m.cc} ${m.subject} ${m.text}`);
    case 'from':
      return has(m.from);
    case 'to':
      return has(`${m.to} ${m.cc}`);
    case 'cc':
      return has(m.cc);
    case 'subject':
      return has(m.subject);
    case 'label':
    case 'in':
      return t.value === 'anywhere' || m.labelIds.some((l) => l.toLowerCase() === t.value);
    case 'is':
      if (t.value === 'read') return !m.labelIds.includes('UNREAD');
      return m.labelIds.some((l) => l.toLowerCase() === t.value);
    case 'newer_than': {
      const ms = relativeMs(t.value);
      return ms !== undefined && m.internalDate > now - ms;
    }
    case 'older_than': {
      const ms = relativeMs(t.value);
      return ms !== undefined && m.internalDate < now - ms;
    }
    case 'after': {
      const ms = absoluteMs(t.value);
      return ms !== undefined && m.internalDate >= ms;
    }
    case 'before': {
      const ms = absoluteMs(t.value);
      return ms !== undefined && m.internalDate < ms;
    }
    default:
      // Unknown operators match nothing, as Gmail treats them as literal words that rarely occur.
      return has(`${t.op}:${t.value}`);
  }
}

export function matchesQuery(m: StoredMessage, q: string | undefined, now: number): boolean {
  if (!q) return true;
  return tokenize(q).every((t) => termMatches(t, m, now) !== t.negate);
}

/** Gmail leaves spam and trash out unless the query names them or includeSpamTrash is set. */
export function visibleByDefault(m: StoredMessage, q: string | undefined, includeSpamTrash: boolean): boolean {
  if (includeSpamTrash || /\bin:(spam|trash|anywhere)\b/i.test(q ?? '')) return true;
  return !m.labelIds.includes('SPAM') && !m.labelIds.includes('TRASH');
}
