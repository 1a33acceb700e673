import { useState, type FormEvent } from 'react';
import { useBridge } from '../bridge/context.js';
import { bridgeErrorText } from '../bridge/errors.js';
import { useSession } from '../stores/session.js';

/**
 * The "Speech model" row: the model's state in one line ("Downloading speech model — 12 of 41 MB"),
 * with what can be done about it: Download when missing, Cancel while downloading, Retry after a
 * failure, and "Use a folder…" (the app's folder picker). The popover shows it in Accounts and next
 * to a refused Talk; it renders nothing until main has said anything about the model.
 */
export function SpeechModelRow() {
  const bridge = useBridge();
  const model = useSession((s) => s.speechModel);
  const [failure, setFailure] = useState<string | null>(null);
  const [path, setPath] = useState('');
  if (!model) return null;

  const run = (call: () => Promise<void>) => {
    setFailure(null);
    void call().catch((err: unknown) => setFailure(bridgeErrorText(err, 'Vouch could not do that. Try again.')));
  };
  const useTypedFolder = (e: FormEvent) => {
    e.preventDefault();
    if (path.trim()) run(() => bridge.useSpeechModelFolder(path.trim()));
  };
  const { status } = model.state;
  const downloading = model.state.status === 'downloading' ? model.state : undefined;

  return (
    <section className="speech-model" aria-labelledby="speech-model-title" data-testid="speech-model" data-status={status}>
      <div className="account-head">
        <h3 id="speech-model-title">Speech model</h3>
        <span className={status === 'ready' ? 'badge ok' : 'badge'} role="status" aria-live="polite">
          {status === 'failed'
            ? 'Failed'
            : status === 'ready'
              ? 'Ready'
              : status === 'missing'
                ? 'Not downloaded'
                : status === 'loading'
                  ? 'Loading'
                  : 'Downloading'}
        </span>
      </div>
      <p className="hint" data-testid="speech-model-text">
        {status === 'failed' ? `failed: ${model.text}` : model.text}
      </p>
      {downloading && (
        <progress
          max={downloading.totalBytes ?? 1}
          value={downloading.totalBytes ? downloading.doneBytes : undefined}
          aria-label="Speech model download"
        />
      )}
      <div className="actions">
        {status === 'missing' && (
          <button type="button" className="primary" onClick={() => run(() => bridge.downloadSpeechModel())}>
            Download speech model
          </button>
        )}
        {status === 'failed' && (
          <button type="button" className="primary" onClick={() => run(() => bridge.downloadSpeechModel())}>
            Retry
          </button>
        )}
        {status === 'downloading' && (
          <button type="button" onClick={() => run(() => bridge.cancelSpeechModelDownload())}>
            Cancel
          </button>
        )}
        {(status === 'missing' || status === 'failed') && !import.meta.env.DEV && (
          <button type="button" onClick={() => run(() => bridge.useSpeechModelFolder())}>
            Use a folder…
          </button>
        )}
      </div>
      {(status === 'missing' || status === 'failed') && import.meta.env.DEV && (
        // Development (the desktop host has no native folder picker): the folder is typed instead.
        <form className="actions" onSubmit={useTypedFolder}>
          <label htmlFor="speech-model-folder" className="visually-hidden">
            Speech model folder
          </label>
          <input
            id="speech-model-folder"
            type="text"
            value={path}
            onChange={(e) => setPath(e.target.value)}
            placeholder="Model folder (development)"
            autoComplete="off"
            maxLength={4096}
          />
          <button type="submit" disabled={!path.trim()}>
            Use a folder…
          </button>
        </form>
      )}
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
