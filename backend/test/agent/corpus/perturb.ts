import type { CorpusCase } from './types.js';

/**
 * Spoken variants of a request that must not change what it asks for: wake words, hesitations,
 * politeness, lower case (as some STT output is), and lost punctuation.
 */
export const PERTURBATIONS: Array<[string, (text: string) => string]> = [
  ['hey vouch,', (t) => `hey vouch, ${t}`],
  ['um', (t) => `um ${t}`],
  ['uh mid', (t) => t.replace(/^(\S+)\s/, '$1 uh ')],
  ['please', (t) => `${t.replace(/[?.!]+$/, '')} please`],
  [
    'could you',
    (t) => (/^(what|when|who|which|where|how|is|are|am|do|does|did|has|have|any|anything)\b/i.test(t) ? t : `could you ${lowerFirst(t)}`),
  ],
  ['lower case', (t) => t.toLowerCase()],
  ['no punctuation', (t) => t.replace(/[?.!,]+/g, '')],
  ['okay so', (t) => `okay so ${lowerFirst(t)}`],
];

function lowerFirst(t: string): string {
  return t.charAt(0).toLowerCase() + t.slice(1);
}

/** Cases whose wording a perturbation can change in meaning are skipped (quotes, remember-texts). */
export function perturbable(c: CorpusCase): boolean {
  return !/["'‘“]/.test(c.text.replace(/\b\w+'\w+\b/g, '')) && c.category !== 'remember' && !c.pending && c.tools.length > 0;
}
