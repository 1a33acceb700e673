/**
 * Notes the person asked Vouch to keep ("remember that …"), stored as "Remember: <their words>", and
 * which one "forget that …" means: the note whose words best cover the words of the request. Pure.
 */
export const NOTE_PREFIX = 'Remember: ';

export const noteText = (fact: string): string => `${NOTE_PREFIX}${fact}`;

const STOP = new Set(['a', 'an', 'the', 'is', 'are', 'was', 'my', 'i', 'me', 'that', 'to', 'of', 'and', 'on', 'in', 'at']);
const words = (s: string): string[] =>
  s
    .toLowerCase()
    .replace(/^remember:\s*/, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !STOP.has(w));

/** The note "forget that <fact>" refers to: every content word of the request is in it (best coverage first). */
export function noteToForget<T extends { text: string }>(notes: readonly T[], fact: string): T | undefined {
  const want = words(fact);
  if (want.length === 0) return undefined;
  let best: { note: T; extra: number } | undefined;
  for (const note of notes) {
    if (!note.text.startsWith(NOTE_PREFIX)) continue;
    const have = new Set(words(note.text));
    if (!want.every((w) => have.has(w))) continue;
    // The tightest match wins: "forget that my manager is Dana" over a longer note that also names Dana.
    const extra = have.size - want.length;
    if (!best || extra < best.extra) best = { note, extra };
  }
  return best?.note;
}

/** The part of a long-term memory (file or PostgreSQL) forgetting a note needs. */
export interface NoteMemory {
  list(user: string): Promise<Array<{ id: string; text: string }>>;
  forget(user: string, id: string): Promise<boolean>;
}

/** "forget that …": removes the note the person's words refer to; its text, or undefined when none matches. */
export async function forgetNote(memory: NoteMemory, user: string, fact: string): Promise<string | undefined> {
  const note = noteToForget(await memory.list(user), fact);
  if (!note) return undefined;
  return (await memory.forget(user, note.id)) ? note.text : undefined;
}
