import {
  appendEntry,
  signHead,
  verifyChainAsync,
  type AuditData,
  type AuditEntry,
  type AuditHead,
  type AuditInput,
  type AuditKey,
  type VerifyResult,
} from './chain.js';

/**
 * Where chains live. Appends are atomic per user: the tip is read and the new entry written in one
 * step (one synchronous critical section in memory, one IMMEDIATE transaction in SQLite), so
 * concurrent appends never fork the chain. Async so a networked store can implement it.
 */
export interface AuditPageOptions {
  /** Exclusive: entries after this seq (asc) or before it (desc). */
  cursor?: number | null;
  limit?: number;
  order?: 'asc' | 'desc';
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass back as `cursor` for the next page; null when there is none. */
  next_cursor: number | null;
}

export interface AuditStore {
  append(user: string, input: AuditInput): Promise<AuditEntry>;
  page(user: string, opts?: AuditPageOptions): Promise<AuditPage>;
  /** Every entry in chain order, streamed in batches. */
  all(user: string): AsyncIterable<AuditEntry>;
  /** One JSON object per line (each ends with "\n"), chain order; for download. */
  exportJsonLines(user: string): AsyncIterable<string>;
  head(user: string): Promise<AuditHead | null>;
  /** Streams the chain through the verifier against the signed head: GET /audit/verify. */
  verify(user: string): Promise<VerifyResult>;
}

export interface AuditStoreOptions {
  key: AuditKey;
  /** ms since epoch; injected so tests and replays are deterministic. */
  clock?: () => number;
}

const DEFAULT_PAGE_LIMIT = 50;
const MAX_PAGE_LIMIT = 500;

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_PAGE_LIMIT;
  return Math.max(1, Math.min(MAX_PAGE_LIMIT, Math.floor(limit)));
}

export async function* toJsonLines(entries: AsyncIterable<AuditEntry>): AsyncIterable<string> {
  for await (const e of entries) yield `${JSON.stringify(e)}\n`;
}

export class InMemoryAuditStore implements AuditStore {
  private readonly chains = new Map<string, AuditEntry[]>();
  private readonly heads = new Map<string, AuditHead>();
  private readonly key: AuditKey;
  private readonly clock: () => number;

  constructor(opts: AuditStoreOptions) {
    this.key = opts.key;
    this.clock = opts.clock ?? Date.now;
  }

  async append(user: string, input: AuditInput): Promise<AuditEntry> {
    // No await between reading the tip and storing the entry: that is what makes this atomic.
    const chain = this.chains.get(user) ?? [];
    const entry = appendEntry(chain.at(-1) ?? null, { ...input, user }, this.key, this.clock());
    chain.push(entry);
    this.chains.set(user, chain);
    this.heads.set(user, signHead(this.key, entry));
    return structuredClone(entry);
  }

  async page(user: string, opts: AuditPageOptions = {}): Promise<AuditPage> {
    const chain = this.chains.get(user) ?? [];
    const limit = clampLimit(opts.limit);
    const desc = opts.order === 'desc';
    const cursor = opts.cursor ?? null;
    // seq n sits at index n-1, so the cursor maps straight to a slice.
    let slice: AuditEntry[];
    if (!desc) {
      const start = cursor === null ? 0 : Math.max(0, cursor);
      slice = chain.slice(start, start + limit + 1);
    } else {
      const end = cursor === null ? chain.length : Math.max(0, Math.min(chain.length, cursor - 1));
      slice = chain.slice(Math.max(0, end - limit - 1), end).reverse();
    }
    const more = slice.length > limit;
    const entries = slice.slice(0, limit).map((e) => structuredClone(e));
    return { entries, next_cursor: more ? (entries.at(-1)?.seq ?? null) : null };
  }

  async *all(user: string): AsyncIterable<AuditEntry> {
    const chain = this.chains.get(user) ?? [];
    for (let i = 0; i < chain.length; i++) yield structuredClone(chain[i] as AuditEntry);
  }

  exportJsonLines(user: string): AsyncIterable<string> {
    return toJsonLines(this.all(user));
  }

  async head(user: string): Promise<AuditHead | null> {
    const h = this.heads.get(user);
    return h ? { ...h } : null;
  }

  async verify(user: string): Promise<VerifyResult> {
    return verifyChainAsync(this.all(user), this.key, await this.head(user));
  }

  /** Test hook: the live array, so tests can tamper with storage the way an attacker would. */
  unsafeRawChain(user: string): AuditEntry[] {
    return this.chains.get(user) ?? [];
  }
}

/** A stored entry's data; unparseable storage still reaches the verifier (which reports it at that entry) instead of crashing. */
export function storedAuditData(json: string): AuditData {
  try {
    return JSON.parse(json) as AuditData;
  } catch {
    return { __unreadable__: json };
  }
}
