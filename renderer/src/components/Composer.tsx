import { useState, type FormEvent } from 'react';
import { useBridge } from '../bridge/context.js';
import { bridgeErrorText } from '../bridge/errors.js';
import { useConversation } from '../stores/conversation.js';
import { useSession } from '../stores/session.js';
import { useTalkRefusal } from '../stores/talk.js';
import { SpeechModelRow } from './SpeechModelRow.js';

/** Typing instead of speaking: same path as a spoken request once it is text. */
export function Composer() {
  const bridge = useBridge();
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const recording = useConversation((s) => s.recording);
  const [talkRefused, setTalkRefused] = useState(false);
  const speechReady = useSession((s) => s.speechModel?.state.status === 'ready');
  // The shortcut pressed before the speech model was ready: main's sentence, shown like the Talk button's own.
  const shortcutRefusal = useTalkRefusal((s) => s.message);
  const shownFailure = failure ?? (speechReady ? null : shortcutRefusal);
  const showSpeechRow = talkRefused || shortcutRefusal !== null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const request = text.trim();
    if (!request) return;
    setFailure(null);
    useTalkRefusal.getState().clear();
    try {
      const { id } = await bridge.sendTranscript(request);
      useConversation.getState().addUserTurn(id, request);
      setText('');
    } catch {
      setFailure('Vouch could not send that. Check the connection and try again.');
    }
  };

  const listening = recording === 'listening';
  return (
    <>
      <form className="composer" onSubmit={(e) => void submit(e)}>
        <label htmlFor="request" className="visually-hidden">
          Type a request
        </label>
        <input
          id="request"
          name="request"
          type="text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Ask Vouch…"
          autoComplete="off"
          maxLength={4000}
          data-focus-home
        />
        <button type="submit" className="primary" disabled={!text.trim()}>
          Send
        </button>
        <button
          type="button"
          className={listening ? 'mic on' : 'mic'}
          aria-pressed={listening}
          onClick={() => {
            setFailure(null);
            setTalkRefused(false);
            useTalkRefusal.getState().clear();
            // Without a speech model main refuses with a sentence for the person (UNAVAILABLE); the
            // "Speech model" row then appears here with the download.
            void (listening ? bridge.stopListening() : bridge.startListening()).catch((err: unknown) => {
              setFailure(bridgeErrorText(err, 'Vouch could not start listening. Try again.'));
              setTalkRefused(!listening);
            });
          }}
        >
          {listening ? 'Stop' : 'Talk'}
        </button>
        {shownFailure && (
          <p className="field-error" role="alert">
            {shownFailure}
          </p>
        )}
      </form>
      {showSpeechRow && !speechReady && (
        <div className="composer-speech">
          <SpeechModelRow />
        </div>
      )}
    </>
  );
}
