import type { AuthSession } from '../auth/session.js';
import { BridgeError } from '../ipc/bridgeRegistry.js';

/** The signed-in person's subject (undefined: nobody is signed in). */
export function signedInSub(session: Pick<AuthSession, 'state'>): string | undefined {
  const state = session.state;
  return state.signedIn ? state.user.sub : undefined;
}

/** Handlers that act for a person refuse with `NOT_SIGNED_IN` before they start. */
export function requireSignedIn(session: Pick<AuthSession, 'state'>): void {
  if (!session.state.signedIn) throw new BridgeError('NOT_SIGNED_IN');
}
