import { bridgeFailureOf, PERSON_FACING_BRIDGE_ERRORS } from '../../../electron/src/bridge/contract.js';

/**
 * The sentence to show for a rejected bridge call, chosen by its error code: person-facing codes
 * carry a sentence written for the person; anything else (a refused or unexpected call, a plain
 * `Error`) shows the caller's fallback.
 */
export function bridgeErrorText(err: unknown, fallback: string): string {
  const failure = bridgeFailureOf(err);
  return failure && PERSON_FACING_BRIDGE_ERRORS.has(failure.code) ? failure.message : fallback;
}
