import { useEffect, useRef } from 'react';
import { useConversation } from '../stores/conversation.js';
import { useContracts } from './contracts.js';

/** The transcript and the reply as it streams in. */
export function Conversation() {
  const turns = useConversation((s) => s.turns);
  const notice = useConversation((s) => s.historyNotice);
  const end = useRef<HTMLDivElement>(null);
  const last = turns[turns.length - 1];
  const example = useContracts().contracts[0]?.examplePrompt;

  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [turns.length, last?.text]);

  const noticeLine = notice && (
    <p className="hint history-notice" role="status">
      {notice}{' '}
      <button type="button" className="link-button" onClick={() => useConversation.getState().dismissHistoryNotice()}>
        OK
      </button>
    </p>
  );

  if (turns.length === 0) {
    return (
      <div className="empty">
        {noticeLine}
        <p>Press the hotkey, speak, press it again; or type below.</p>
        {example && <p className="hint">Try “{example}”</p>}
      </div>
    );
  }
  return (
    <div className="conversation" role="log" aria-label="Conversation" aria-live="polite" data-testid="conversation">
      {noticeLine}
      {turns.map((t) => (
        <div key={`${t.role}:${t.id}`} className={`turn turn-${t.role}${t.done ? '' : ' streaming'}`} data-testid={`turn-${t.role}`}>
          <span className="visually-hidden">{t.role === 'user' ? 'You said: ' : t.role === 'assistant' ? 'Vouch: ' : 'Outcome: '}</span>
          {t.text}
        </div>
      ))}
      <div ref={end} />
    </div>
  );
}
