/** Word error rate after Whisper-style normalisation (case, punctuation, a few spoken-form variants). */

export function normalisedWords(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      // espeak-ng's speech does not distinguish these; Whisper may write either.
      .replace(/\bwhat's\b/g, 'what is')
      .replace(/\bi'll\b/g, 'i will')
      .replace(/\bo'clock\b/g, 'o clock')
      .replace(/[^a-z0-9' ]+/g, ' ')
      .split(/\s+/)
      .filter(Boolean)
  );
}

/** Word-level Levenshtein distance: substitutions + deletions + insertions. */
export function wordErrors(reference: readonly string[], hypothesis: readonly string[]): number {
  let previous = Array.from({ length: hypothesis.length + 1 }, (_, j) => j);
  for (let i = 1; i <= reference.length; i++) {
    const current = [i];
    for (let j = 1; j <= hypothesis.length; j++) {
      const substitution = previous[j - 1]! + (reference[i - 1] === hypothesis[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1));
    }
    previous = current;
  }
  return previous[hypothesis.length]!;
}

/** Corpus WER: all errors over all reference words. */
export function wordErrorRate(pairs: ReadonlyArray<{ reference: string; hypothesis: string }>): number {
  let errors = 0;
  let words = 0;
  for (const { reference, hypothesis } of pairs) {
    const ref = normalisedWords(reference);
    errors += wordErrors(ref, normalisedWords(hypothesis));
    words += ref.length;
  }
  return words === 0 ? 0 : errors / words;
}
