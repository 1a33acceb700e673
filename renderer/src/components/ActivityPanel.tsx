import { useCallback, useEffect, useState } from 'react';
import type { AuditPage } from '../../../electron/src/bridge/contract.js';
import { useBridge } from '../bridge/context.js';

type Load = { state: 'loading' } | { state: 'ready'; page: AuditPage } | { state: 'failed'; message: string };

/** Recent audit entries and whether the tamper-evident chain verified. */
export function ActivityPanel() {
  const bridge = useBridge();
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const fetchPage = useCallback(() => {
    bridge.getAudit({ limit: 20 }).then(
      (page) => setLoad({ state: 'ready', page }),
      () => setLoad({ state: 'failed', message: 'Vouch could not load your activity. Try again.' }),
    );
  }, [bridge]);

  // The first state is already 'loading': the effect only fetches.
  useEffect(fetchPage, [fetchPage]);

  const refresh = () => {
    setLoad({ state: 'loading' });
    fetchPage();
  };

  return (
    <section className="panel" aria-labelledby="activity-title" data-testid="activity-panel">
      <div className="panel-head">
        <h2 id="activity-title">Activity</h2>
        <button type="button" onClick={refresh}>
          Refresh
        </button>
      </div>
      {load.state === 'loading' && <p role="status">Loading…</p>}
      {load.state === 'failed' && <p role="alert">{load.message}</p>}
      {load.state === 'ready' && (
        <>
          {load.page.verified.ok ? (
            <p className="verify ok" role="status">
              ✓ Record intact: {load.page.verified.count} entries verified
            </p>
          ) : (
            <p className="verify broken" role="alert">
              ⚠ The record was changed at entry {load.page.verified.broken_at}: {load.page.verified.reason}
            </p>
          )}
          {load.page.entries.length === 0 ? (
            <p className="hint">Nothing yet.</p>
          ) : (
            <ol className="audit" reversed>
              {load.page.entries.map((e) => (
                <li key={e.seq}>
                  <time dateTime={e.at}>{formatTime(e.at)}</time>
                  <span className="audit-kind">{e.kind.replace(/_/g, ' ')}</span>
                  <span className="audit-summary">{e.summary}</span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

function formatTime(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : d.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}
