import { useState } from 'react';
import { useBridge } from '../bridge/context.js';
import { useAudio } from '../stores/audio.js';
import { deriveStatus, useConversation } from '../stores/conversation.js';
import { useSession } from '../stores/session.js';
import { STATUS_LABEL } from './labels.js';

const LINK_TEXT = { connecting: 'Connecting…', online: 'Online', offline: 'Offline, reconnecting…' } as const;
const SESSION_ONLY_TEXT = {
  no_os_keyring: 'Signed in until you quit: no system keyring (e.g. GNOME Keyring or KWallet) to keep your sign-in safe.',
  encryption_unavailable: 'Signed in until you quit: the system keystore is unavailable.',
} as const;

/** The at-a-glance line: what Vouch is doing, whether it is reachable, and Stop while it talks. */
export function StatusBar({ onStop }: { onStop: () => void }) {
  const recording = useConversation((s) => s.recording);
  const pending = useConversation((s) => s.pending);
  const speaking = useAudio((s) => s.speaking);
  const link = useSession((s) => s.link);
  const auth = useSession((s) => s.auth);
  const stt = useSession((s) => s.sttModel);
  // A download or load in progress shows here too, so it can be followed from any tab.
  const speechBusy = useSession((s) =>
    s.speechModel?.state.status === 'downloading' || s.speechModel?.state.status === 'loading' ? s.speechModel.text : null,
  );
  const status = deriveStatus(recording, pending, speaking);
  const bridge = useBridge();
  const [signingOut, setSigningOut] = useState(false);
  const signOut = () => {
    setSigningOut(true);
    void bridge
      .signOut()
      .catch(() => undefined)
      .finally(() => setSigningOut(false));
  };

  return (
    <header className="statusbar">
      <div className={`status status-${status}`} data-testid="status" data-status={status} role="status" aria-live="polite">
        <span className="status-dot" aria-hidden="true" />
        <span className="status-label">{STATUS_LABEL[status]}</span>
      </div>
      {speaking && (
        <button type="button" className="stop" onClick={onStop}>
          Stop speaking
        </button>
      )}
      <div className="meta">
        {speechBusy && (
          <span className="hint" data-testid="speech-model-status">
            {speechBusy}
          </span>
        )}
        {stt?.state === 'loading' && (
          <span className="hint">
            Preparing speech recognition{stt.progress !== undefined ? ` ${Math.round(stt.progress * 100)}%` : ''}…
          </span>
        )}
        <span className={`link link-${link}`}>{LINK_TEXT[link]}</span>
        {auth?.signedIn && <span className="user">{auth.user.name ?? auth.user.email ?? ''}</span>}
        {auth?.signedIn && (
          <button
            type="button"
            className="link-button"
            onClick={signOut}
            disabled={signingOut}
            title="Cancels drafts and phone approvals still waiting, and forgets your sign-in on this computer"
          >
            {signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        )}
        {auth?.signedIn && auth.sessionOnly && <span className="hint">{SESSION_ONLY_TEXT[auth.sessionOnly]}</span>}
      </div>
    </header>
  );
}
