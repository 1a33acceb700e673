import type { AuthState, VouchBridge } from '../../../electron/src/bridge/contract.js';
import { useConversation } from './conversation.js';
import { useSession } from './session.js';

/**
 * Loads the conversation main kept for the signed-in person: when the popover starts (main replays
 * the auth state) and after each sign-in. The renderer keeps nothing itself (no localStorage): a
 * reload or a restart gets it back from main.
 */
export function createHistorySync(bridge: VouchBridge): (auth: AuthState) => void {
  let loadedFor: string | undefined;
  return (auth) => {
    if (!auth.signedIn) {
      loadedFor = undefined;
      return;
    }
    const sub = auth.user.sub;
    if (sub === loadedFor) return;
    loadedFor = sub;
    bridge.listHistory().then(
      (view) => {
        // Signed out (or someone else signed in) while it loaded: not theirs to see.
        const now = useSession.getState().auth;
        if (!now?.signedIn || now.user.sub !== sub) return;
        useConversation.getState().loadHistory(view.items, view.notice, view.sessionOnly === true);
      },
      () => {
        // No history in this build, or main could not read it: the conversation starts empty, as before.
        if (loadedFor === sub) loadedFor = undefined;
      },
    );
  };
}
