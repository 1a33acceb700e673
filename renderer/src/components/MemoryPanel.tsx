import { useCallback, useId, useRef, useState } from 'react';
import { usePanelLoad } from './usePanelLoad.js';
import type { MemoryItemView } from '../../../electron/src/bridge/contract.js';
import { useBridge } from '../bridge/context.js';
import { bridgeErrorText } from '../bridge/errors.js';

type Load = { state: 'loading' } | { state: 'ready'; items: MemoryItemView[] } | { state: 'failed' };

/** The items whose text holds every word of the query (case-insensitive); all of them for an empty query. */
export function filterMemory(items: MemoryItemView[], query: string): MemoryItemView[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return items;
  return items.filter((i) => {
    const text = i.text.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/**
 * What Vouch remembers long-term (the requests it was asked and what it did, never what others
 * wrote): a list with search, Forget on each, and Forget everything behind a confirmation.
 */
export function MemoryPanel() {
  const bridge = useBridge();
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ids = useId();

  const {
    load: load,
    setLoad: setLoad,
    refresh,
    mounted,
  } = usePanelLoad<Load>(
    useCallback(() => bridge.listMemory().then((items): Load => ({ state: 'ready', items })), [bridge]),
    { state: 'loading' },
    { state: 'failed' },
  );

  const run = (key: string, call: () => Promise<void>, after: (items: MemoryItemView[]) => MemoryItemView[], done: string) => {
    setBusy(key);
    setError(null);
    setNotice(null);
    call().then(
      () => {
        if (!mounted.current) return;
        setBusy(null);
        setConfirmAll(false);
        setLoad((l) => (l.state === 'ready' ? { state: 'ready', items: after(l.items) } : l));
        setNotice(done);
        // The focused button is gone: put focus on the panel's heading.
        headingRef.current?.focus();
      },
      (err: unknown) => {
        if (!mounted.current) return;
        setBusy(null);
        setError(bridgeErrorText(err, 'Vouch could not forget this right now. Try again.'));
      },
    );
  };

  const items = load.state === 'ready' ? load.items : [];
  const shown = filterMemory(items, query);

  return (
    <section className="panel" aria-labelledby={`${ids}-title`} data-testid="memory-panel">
      <div className="panel-head">
        <h2 id={`${ids}-title`} ref={headingRef} tabIndex={-1}>
          What Vouch remembers
        </h2>
      </div>
      <p className="hint">Your requests and what Vouch did, so it can follow up later. Never the content of your mail or messages.</p>
      {load.state === 'loading' && <p role="status">Loading…</p>}
      {load.state === 'failed' && (
        <p role="alert">
          Vouch could not load what it remembers.{' '}
          <button type="button" onClick={() => (setLoad({ state: 'loading' }), refresh())}>
            Try again
          </button>
        </p>
      )}
      {notice && (
        <p role="status" className="hint">
          {notice}
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      {load.state === 'ready' && (
        <>
          {items.length > 0 && (
            <label className="field">
              <span>Search</span>
              <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Words to find" />
            </label>
          )}
          {items.length === 0 ? (
            <p className="hint">Vouch remembers nothing about you.</p>
          ) : shown.length === 0 ? (
            <p className="hint">Nothing remembered matches “{query}”.</p>
          ) : (
            <ul className="memory" aria-label="Remembered items">
              {shown.map((i) => (
                <li key={i.id}>
                  <span className="memory-text">{i.text}</span>
                  <time className="fine" dateTime={i.created_at}>
                    {formatTime(i.created_at)}
                  </time>
                  <button
                    type="button"
                    className="danger-outline"
                    aria-label={`Forget “${truncate(i.text)}”`}
                    disabled={busy !== null}
                    onClick={() =>
                      run(
                        i.id,
                        () => bridge.forgetMemory(i.id),
                        (all) => all.filter((x) => x.id !== i.id),
                        'Forgotten.',
                      )
                    }
                  >
                    {busy === i.id ? 'Forgetting…' : 'Forget'}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {items.length > 0 &&
            (confirmAll ? (
              <div className="confirm" role="group" aria-label="Forget everything?">
                <p>Forget all {items.length} remembered items? Vouch cannot undo this.</p>
                <button
                  type="button"
                  className="danger"
                  disabled={busy !== null}
                  onClick={() =>
                    run(
                      '*',
                      () => bridge.forgetAllMemory(),
                      () => [],
                      'Vouch remembers nothing now.',
                    )
                  }
                >
                  {busy === '*' ? 'Forgetting…' : 'Forget everything'}
                </button>{' '}
                <button type="button" onClick={() => setConfirmAll(false)} disabled={busy !== null}>
                  Keep them
                </button>
              </div>
            ) : (
              <button type="button" className="danger-outline" onClick={() => setConfirmAll(true)}>
                Forget everything…
              </button>
            ))}
        </>
      )}
    </section>
  );
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function formatTime(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : d.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}
