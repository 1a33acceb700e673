import { useEffect, useRef, useState } from 'react';
import { useBridge } from './bridge/context.js';
import { ActivityPanel } from './components/ActivityPanel.js';
import { ApprovalCard } from './components/ApprovalCard.js';
import { Composer } from './components/Composer.js';
import { ConnectSheet } from './components/ConnectSheet.js';
import { Conversation } from './components/Conversation.js';
import { DraftSheet } from './components/DraftSheet.js';
import { ErrorBanner } from './components/ErrorBanner.js';
import { TOOLS_PHRASE } from './components/labels.js';
import { MemoryPanel } from './components/MemoryPanel.js';
import { PreauthPanel } from './components/PreauthPanel.js';
import { RulesPanel } from './components/RulesPanel.js';
import { Onboarding } from './components/Onboarding.js';
import { SettingsPanel } from './components/SettingsPanel.js';
import { ScopesPanel } from './components/ScopesPanel.js';
import { SpeechModelRow } from './components/SpeechModelRow.js';
import { StatusBar } from './components/StatusBar.js';
import { useKeyboardScrollable } from './components/useKeyboardScrollable.js';
import { useApprovals, visibleApprovals } from './stores/approvals.js';
import { useAudio } from './stores/audio.js';
import { useConversation } from './stores/conversation.js';
import { useDrafts } from './stores/drafts.js';
import { useNavigation } from './stores/navigation.js';
import { useSession } from './stores/session.js';
import { useSettings } from './stores/settings.js';

type Tab = 'conversation' | 'accounts' | 'activity' | 'memory' | 'rules' | 'settings';
const TABS: { id: Tab; label: string }[] = [
  { id: 'conversation', label: 'Conversation' },
  { id: 'accounts', label: 'Accounts' },
  { id: 'activity', label: 'Activity' },
  { id: 'memory', label: 'Memory' },
  { id: 'rules', label: 'Rules' },
  { id: 'settings', label: 'Settings' },
];

/** The popover: status, the conversation or a panel, and at most one sheet on top. */
export function App({ stopSpeaking }: { stopSpeaking: () => void }) {
  const bridge = useBridge();
  const [tab, setTab] = useState<Tab>('conversation');
  const contentRef = useRef<HTMLElement>(null);
  useKeyboardScrollable(contentRef);
  const auth = useSession((s) => s.auth);
  const connectOpen = useSession((s) => s.connect !== null);
  const activeDraft = useDrafts((s) => s.activeId);
  const approvalOrder = useApprovals((s) => s.order);
  const approvals = useApprovals((s) => s.byId);
  // Approvals tied to the open draft show inside the draft sheet; the rest show here, answered ones folded.
  const drafts = useDrafts((s) => s.byId);
  const looseApprovals = visibleApprovals(approvalOrder, approvals, activeDraft, (id) => drafts[id] !== undefined);

  // The tray's "Settings…" and a clicked notification ask for a view from outside the page.
  useEffect(
    () =>
      useNavigation.subscribe(({ requested }) => {
        if (requested === null) return;
        setTab(requested);
        useNavigation.getState().request(null);
      }),
    [],
  );

  const settings = useSettings((s) => s.settings);
  const introOpen = useSettings((s) => s.introOpen);
  const [introDismissed, setIntroDismissed] = useState(false);
  useEffect(() => {
    if (settings === null)
      void bridge.getSettings().then(
        (s) => useSettings.getState().set(s),
        () => undefined,
      );
  }, [bridge, settings]);
  const showIntro = introOpen || (settings !== null && !settings.onboardingDone && !introDismissed);
  const closeIntro = () => {
    setIntroDismissed(true);
    useSettings.getState().openIntro(false);
  };

  useEffect(() => {
    // Esc with no sheet open silences the reply; a sheet handles its own Esc first.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && useAudio.getState().speaking) stopSpeaking();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stopSpeaking]);

  const retry = (requestId: string | undefined) => {
    const turn = useConversation.getState().turns.findLast((t) => t.role === 'user' && (requestId === undefined || t.id === requestId));
    if (turn)
      void bridge.sendTranscript(turn.text).then(
        ({ id }) => useConversation.getState().addUserTurn(id, turn.text),
        () => undefined,
      );
  };

  return (
    <div className="popover">
      <StatusBar onStop={stopSpeaking} />
      <nav className="tabs" aria-label="Views">
        {TABS.map((t) => (
          <button key={t.id} type="button" className="tab" aria-current={tab === t.id ? 'page' : undefined} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </nav>
      <ErrorBanner onRetry={retry} />
      <main className="content" ref={contentRef}>
        {auth?.signedIn === false ? (
          <div className="empty">
            <p>Sign in to let Vouch help with {TOOLS_PHRASE}.</p>
            <button type="button" className="primary" onClick={() => void bridge.signIn().catch(() => undefined)}>
              Sign in
            </button>
          </div>
        ) : tab === 'conversation' ? (
          <>
            <Conversation />
            {looseApprovals.map((id) => (
              <ApprovalCard key={id} id={id} />
            ))}
          </>
        ) : tab === 'accounts' ? (
          <>
            <ScopesPanel />
            <PreauthPanel />
            <section className="panel" aria-label="Speech">
              <SpeechModelRow />
            </section>
          </>
        ) : tab === 'memory' ? (
          <MemoryPanel />
        ) : tab === 'rules' ? (
          <RulesPanel />
        ) : tab === 'settings' ? (
          <SettingsPanel />
        ) : (
          <ActivityPanel />
        )}
      </main>
      {tab === 'conversation' && auth?.signedIn !== false && <Composer />}
      {showIntro ? <Onboarding onClose={closeIntro} /> : connectOpen ? <ConnectSheet /> : <DraftSheet />}
    </div>
  );
}
