import { createHash } from 'node:crypto';
import { z } from 'zod';
import { VouchError, type VouchErrorOptions } from '../../../../backend/src/protocol/vouchError.js';
import type { HistoryItemView } from '../../bridge/contract.js';
import type { KeyValueStore, NotPersistedReason, PersistResult } from '../../auth/tokenStore.js';

/**
 * The conversation the popover shows, kept per signed-in person (by their `sub`) across popover
 * reloads and app restarts. Only what the person saw is kept: their requests, Vouch's finished
 * replies and outcome lines ("Sent to dana@…"), never a streaming partial, a token or a draft body.
 *
 * At rest it follows the token store's rule: sealed by the OS keystore (`HistoryCipher`), and not
 * written at all when the keystore cannot protect it (Linux `basic_text`, an unknown backend, no
 * keystore), in which case the conversation lasts for this run only. Capped to the newest
 * `HISTORY_MAX_ITEMS` items of the last `HISTORY_MAX_AGE_MS`.
 */
export const HISTORY_MAX_ITEMS = 200;
export const HISTORY_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/** A reply longer than this is kept cut (the popover shows the newest turns; nobody scrolls a novel). */
export const HISTORY_MAX_TEXT = 4000;

/** The OS keystore as the history needs it: the token store's persistence rule and safeStorage's async API. */
export interface HistoryCipher {
  persistence(): Promise<PersistResult>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
}

export const HistoryRole = z.enum(['user', 'assistant', 'outcome']);
export type HistoryRole = z.infer<typeof HistoryRole>;

export const HistoryItem = z.strictObject({
  /** The transcript id (user, assistant: the backend reuses it as the request id) or the draft id (outcome). */
  id: z.string().min(1).max(128),
  role: HistoryRole,
  text: z.string().min(1).max(HISTORY_MAX_TEXT),
  /** Epoch milliseconds. */
  at: z.number().int().nonnegative(),
});
export type HistoryItem = z.infer<typeof HistoryItem>;

/** What is sealed: the owner is inside, so a blob copied under another person's key is refused. */
const SealedHistory = z.strictObject({ v: z.literal(1), sub: z.string(), items: z.array(HistoryItem) });

/**
 * Why a stored history could not be read: the file is not JSON, the keystore cannot open the blob,
 * or what it opens is not a history of this person.
 */
export class HistoryUnreadableError extends VouchError {
  static override readonly code = 'HISTORY_UNREADABLE';
  override name = 'HistoryUnreadableError';
  constructor(
    readonly reason: 'file' | 'decrypt' | 'format' | 'owner',
    options?: VouchErrorOptions,
  ) {
    super(`the stored conversation history could not be read (${reason}); starting empty`, options);
  }
}

export interface HistoryList {
  items: HistoryItem[];
  /** Whether the conversation is written to disk, and if not, why (the token store's reasons). */
  persistence: PersistResult;
}

interface Entry {
  items: HistoryItem[];
  persistence: PersistResult;
}

export interface ConversationHistoryOptions {
  kv: KeyValueStore;
  cipher: HistoryCipher;
  now?: () => number;
  log?: { warn(obj: Record<string, unknown>, msg: string): void };
  maxItems?: number;
  maxAgeMs?: number;
}

/** The store key for a person: a digest, so the file does not list who used this computer. */
export function historyKey(sub: string): string {
  return `conversationHistory-v1-${createHash('sha256').update(sub).digest('hex').slice(0, 32)}`;
}

export class ConversationHistory {
  private readonly entries = new Map<string, Entry>();
  /** One operation at a time: an append that is still sealing must not land after a clear. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => number;
  private readonly log: NonNullable<ConversationHistoryOptions['log']>;
  private readonly maxItems: number;
  private readonly maxAgeMs: number;

  constructor(private readonly opts: ConversationHistoryOptions) {
    this.now = opts.now ?? Date.now;
    this.log = opts.log ?? { warn() {} };
    this.maxItems = opts.maxItems ?? HISTORY_MAX_ITEMS;
    this.maxAgeMs = opts.maxAgeMs ?? HISTORY_MAX_AGE_MS;
  }

  /** The person's conversation, oldest first, within the caps. */
  list(sub: string): Promise<HistoryList> {
    return this.serial(async () => {
      const entry = await this.load(sub);
      entry.items = this.capped(entry.items);
      return { items: [...entry.items], persistence: entry.persistence };
    });
  }

  /** Adds one item (an id already kept for that role is left as it is); resolves with what was kept. */
  append(sub: string, item: { id: string; role: HistoryRole; text: string }): Promise<HistoryItem | undefined> {
    return this.serial(async () => {
      const text = item.text.trim().slice(0, HISTORY_MAX_TEXT);
      if (!text) return undefined;
      const kept = HistoryItem.parse({ id: item.id, role: item.role, text, at: this.now() });
      const entry = await this.load(sub);
      if (entry.items.some((i) => i.id === kept.id && i.role === kept.role)) return undefined;
      entry.items = this.capped([...entry.items, kept]);
      await this.write(sub, entry);
      return kept;
    });
  }

  /** Forgets the person's conversation, on disk and in memory. */
  clear(sub: string): Promise<void> {
    return this.serial(async () => {
      this.entries.set(sub, { items: [], persistence: (await this.load(sub)).persistence });
      this.opts.kv.delete(historyKey(sub));
    });
  }

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private capped(items: HistoryItem[]): HistoryItem[] {
    const since = this.now() - this.maxAgeMs;
    return items.filter((i) => i.at >= since).slice(-this.maxItems);
  }

  private async load(sub: string): Promise<Entry> {
    const cached = this.entries.get(sub);
    if (cached) return cached;
    const key = historyKey(sub);
    const persistence = await this.opts.cipher.persistence();
    let items: HistoryItem[] = [];
    const sealed = this.opts.kv.get(key);
    if (!persistence.persisted) {
      // A blob under Chromium's hard-coded key protects nothing: forget it (as the token store does).
      // A keystore that is merely unavailable now may be back next run: leave its blob alone.
      if (persistence.reason === 'no_os_keyring' && sealed !== undefined) this.opts.kv.delete(key);
    } else if (sealed !== undefined) {
      try {
        items = await this.open(sub, sealed);
      } catch (err) {
        const error = err instanceof HistoryUnreadableError ? err : new HistoryUnreadableError('decrypt', { cause: err });
        this.log.warn({ error: error.code, reason: error.reason }, 'conversation history unreadable; starting empty');
        this.opts.kv.delete(key);
      }
    }
    const entry: Entry = { items: this.capped(items), persistence };
    this.entries.set(sub, entry);
    return entry;
  }

  private async open(sub: string, sealed: unknown): Promise<HistoryItem[]> {
    if (typeof sealed !== 'string' || !sealed) throw new HistoryUnreadableError('format');
    let opened: { result: string; shouldReEncrypt: boolean };
    try {
      opened = await this.opts.cipher.decryptStringAsync(Buffer.from(sealed, 'base64'));
    } catch (err) {
      throw new HistoryUnreadableError('decrypt', { cause: err });
    }
    let parsed: z.infer<typeof SealedHistory>;
    try {
      parsed = SealedHistory.parse(JSON.parse(opened.result));
    } catch (err) {
      throw new HistoryUnreadableError('format', { cause: err });
    }
    if (parsed.sub !== sub) throw new HistoryUnreadableError('owner');
    if (opened.shouldReEncrypt) await this.write(sub, { items: parsed.items, persistence: { persisted: true } });
    return parsed.items;
  }

  private async write(sub: string, entry: Entry): Promise<void> {
    if (!entry.persistence.persisted) return;
    try {
      const plain = JSON.stringify({ v: 1, sub, items: entry.items } satisfies z.infer<typeof SealedHistory>);
      const sealed = (await this.opts.cipher.encryptStringAsync(plain)).toString('base64');
      this.opts.kv.set(historyKey(sub), sealed);
    } catch (err) {
      // The keystore failed mid-run: the conversation stays in memory; the last sealed copy stays as it was.
      this.log.warn({ error: err instanceof Error ? err.name : 'unknown' }, 'conversation history not written');
    }
  }
}

/** An item as the popover gets it. */
export function historyItemView(item: HistoryItem): HistoryItemView {
  return { id: item.id, role: item.role, text: item.text, at: new Date(item.at).toISOString() };
}

/** The one sentence the popover shows when the conversation will not outlive this run. */
export function historyNotice(reason: NotPersistedReason): string {
  return reason === 'no_os_keyring'
    ? 'This conversation is kept only until Vouch quits: this computer has no keyring to protect it.'
    : 'This conversation is kept only until Vouch quits: the system keystore is not available.';
}
