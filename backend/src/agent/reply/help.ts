import type { ContractCatalog } from '../../protocol/index.js';
import { spokenList } from './speech.js';

/**
 * What Vouch says it can do, from the registered providers' help words (their contracts), so a new
 * provider is offered in the help without an edit here.
 */

/** The answer to a request Vouch did not understand: every ability, then what it drafts. */
export function helpAnswer(catalog: ContractCatalog): string {
  const { abilities, drafts } = catalog.help();
  const draft = drafts.length ? `draft ${spokenList([...drafts])} for you to confirm` : '';
  const all = [...abilities, ...(draft ? [draft] : [])];
  // "I can a, b, and draft c and d": the draft clause is set off by its own comma.
  const said = all.length > 1 ? `${all.slice(0, -1).join(', ')}, and ${all.at(-1)}` : (all[0] ?? 'answer questions');
  return `I can ${said}. What would you like?`;
}

/** The offline reply writer's help: the topics, and requests to try. */
export function offlineHelp(catalog: ContractCatalog): string[] {
  const { topics, examples } = catalog.help();
  const lines = [`I can help with your ${spokenList([...topics])}.`];
  if (examples.length) lines.push(`Try ${examples.map((e) => `“${e}”`).join(' or ')}.`);
  return lines;
}
