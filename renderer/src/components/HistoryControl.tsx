import { useId, useState } from 'react';
import { useBridge } from '../bridge/context.js';
import { bridgeErrorText } from '../bridge/errors.js';
import { useConversation } from '../stores/conversation.js';

/**
 * "Clear history" (Settings): deletes the conversation the app keeps for the signed-in person on
 * this computer, after a confirmation. The caps shown here are the history module's
 * (electron/src/app/history/conversationHistory.ts).
 */
export function HistoryControl() {
  const bridge = useBridge();
  const ids = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const sessionOnly = useConversation((s) => s.historySessionOnly);

  const clear = () => {
    setBusy(true);
    bridge.clearHistory().then(
      () => {
        useConversation.getState().clearHistory();
        setBusy(false);
        setConfirming(false);
        setStatus({ kind: 'ok', text: 'The conversation is deleted from this computer.' });
      },
      (err: unknown) => {
        setBusy(false);
        setStatus({ kind: 'error', text: bridgeErrorText(err, 'Vouch could not clear the conversation. Try again.') });
      },
    );
  };

  return (
    <div className="field history-control" role="group" aria-labelledby={`${ids}-title`} aria-describedby={`${ids}-hint`}>
      <h3 id={`${ids}-title`}>Conversation history</h3>
      <p id={`${ids}-hint`} className="hint">
        {sessionOnly
          ? 'This computer has no protected storage for your conversation, so Vouch keeps it only until it quits. Signing out deletes it.'
          : 'Vouch keeps your last 200 requests, replies and outcomes for up to 30 days on this computer, encrypted, so they are still here after a restart. Signing out deletes them.'}
      </p>
      {confirming ? (
        <div className="confirm" role="group" aria-label="Clear the conversation history?">
          <p>
            Delete the whole conversation from this computer? Vouch cannot undo this. What you sent or created stays in your accounts and in
            Activity.
          </p>
          <button type="button" className="danger" disabled={busy} onClick={clear}>
            {busy ? 'Clearing…' : 'Clear history'}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="danger-outline"
          onClick={() => {
            setStatus(null);
            setConfirming(true);
          }}
        >
          Clear history…
        </button>
      )}
      {status && (
        <p role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'ok' ? 'hint' : undefined}>
          {status.text}
        </p>
      )}
    </div>
  );
}
