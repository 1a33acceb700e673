import { findPeople } from '../intent/people.js';
import type { Contact, Turn } from '../intent/schema.js';

/**
 * Short-term memory for one session: the last N turns (what the intent engines read as `history`)
 * and the last person mentioned, so "reply to her" resolves even after turns scroll out of the window.
 */
export class ConversationBuffer {
  private readonly turns: Turn[] = [];
  private person: string | undefined;

  constructor(private readonly maxTurns = 12) {}

  /** Record a turn; `people` from the intent wins over names found in the text. */
  add(role: Turn['role'], text: string, opts: { people?: string[]; contacts?: Contact[] } = {}): void {
    this.turns.push({ role, text });
    while (this.turns.length > this.maxTurns) this.turns.shift();
    const people = opts.people && opts.people.length > 0 ? opts.people : findPeople(text, opts.contacts);
    const last = people.at(-1);
    if (last) this.person = last;
  }

  /** Oldest first. A remembered person older than the window is kept as a synthetic turn. */
  history(): Turn[] {
    const h = [...this.turns];
    if (this.person && !h.some((t) => t.text.toLowerCase().includes(this.person!.toLowerCase()))) {
      h.unshift({ role: 'assistant', text: `(Earlier we talked about ${this.person}.)` });
    }
    return h;
  }

  lastPerson(): string | undefined {
    return this.person;
  }

  clear(): void {
    this.turns.length = 0;
    this.person = undefined;
  }
}

/** One buffer per session id, dropped when the session ends. */
export class ConversationStore {
  private readonly sessions = new Map<string, ConversationBuffer>();
  constructor(private readonly maxTurns = 12) {}

  get(sessionId: string): ConversationBuffer {
    let b = this.sessions.get(sessionId);
    if (!b) {
      b = new ConversationBuffer(this.maxTurns);
      this.sessions.set(sessionId, b);
    }
    return b;
  }

  end(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  /** Sessions holding a buffer now. */
  get size(): number {
    return this.sessions.size;
  }

  // Keyed forms of the buffer's methods, so the store can be handed to the pipeline as its port.
  history(sessionId: string): Turn[] {
    return this.sessions.get(sessionId)?.history() ?? [];
  }

  add(sessionId: string, turn: Turn, opts: { people?: string[]; contacts?: Contact[] } = {}): void {
    this.get(sessionId).add(turn.role, turn.text, opts);
  }

  clear(sessionId: string): void {
    this.sessions.delete(sessionId);
  }
}
