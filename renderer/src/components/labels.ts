import { TOOL_DISPLAY_NAME } from '../../../backend/src/protocol/index.js';
import type { Status } from '../stores/conversation.js';

/** Words the person sees; one place so the sheets and panels agree. Provider words come from the provider contracts. */

export const STATUS_LABEL: Record<Status, string> = {
  idle: 'Ready',
  listening: 'Listening…',
  transcribing: 'Transcribing…',
  thinking: 'Thinking…',
  speaking: 'Speaking',
};

export const RISK_LABEL = { auto: 'Low risk', confirm: 'Needs your confirmation', step_up: 'High risk', deny: 'Not allowed' } as const;

/** "a, b and c". */
export function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** Every tool Vouch works with, as one phrase ("A, B and C"), from the contracts. */
export const TOOLS_PHRASE = listWords(Object.values(TOOL_DISPLAY_NAME));

/** Pre-authorizations ("allowed for a while"): which tool, and how far it reaches. */
export const TOOL_NAME = TOOL_DISPLAY_NAME;
export const PREAUTH_LEVEL_LABEL = { confirm: 'medium risk', step_up: 'high risk' } as const;
/** What a grant skips: a medium-risk grant skips the in-app confirmation; a high-risk one also the phone. */
/** What a grant waives: only the phone; Vouch still shows every draft for confirmation. */
export const PREAUTH_SKIPS = { confirm: 'without asking your phone', step_up: 'without asking your phone' } as const;
