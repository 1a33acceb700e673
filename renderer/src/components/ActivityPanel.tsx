import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { PROVIDER_DISPLAY_NAME, type Provider } from '../../../backend/src/protocol/index.js';
import type { AuditEntryView, AuditPage } from '../../../electron/src/bridge/contract.js';
import { useBridge } from '../bridge/context.js';
import { bridgeErrorText } from '../bridge/errors.js';

type Load =
  | { state: 'loading' }
  | {
      state: 'ready';
      entries: AuditEntryView[];
      next_cursor?: string;
      verified: AuditPage['verified'];
      more: 'idle' | 'loading' | 'failed';
    }
  | { state: 'failed'; message: string };

export interface ActivityFilter {
  provider: Provider | 'all';
  /** The audit entry kind ("what happened"). */
  kind: string;
  outcome: 'all' | 'ok' | 'failed';
}

/** Plain names for the kinds of entry; unknown kinds show as their own words. */
export const ACTIVITY_KIND_LABEL: Record<string, string> = {
  intent: 'Requests',
  policy_decision: 'Risk decisions',
  approval: 'Phone approvals',
  write: 'Sends and changes',
  token_exchange: 'Account access',
  error: 'Errors',
  revoke: 'Disconnects',
  rule_change: 'Rule changes',
  preauthorization: 'Allowed for a while',
  session: 'Sign-ins and sign-outs',
  settings_change: 'Settings changes',
};
const kindLabel = (k: string) => ACTIVITY_KIND_LABEL[k] ?? k.replace(/_/g, ' ');

export function filterActivity(entries: AuditEntryView[], f: ActivityFilter): AuditEntryView[] {
  return entries.filter(
    (e) =>
      (f.provider === 'all' || e.provider === f.provider) &&
      (f.kind === 'all' || e.kind === f.kind) &&
      (f.outcome === 'all' || e.outcome === f.outcome),
  );
}

const PAGE = 50;

/**
 * The audit log: filter by provider, kind and outcome over what is loaded, page further back with
 * "Load older" (the backend's next_cursor) until the start of the log, check that the
 * tamper-evident chain verifies, and export the whole signed chain as a file.
 */
export function ActivityPanel() {
  const bridge = useBridge();
  const ids = useId();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [filter, setFilter] = useState<ActivityFilter>({ provider: 'all', kind: 'all', outcome: 'all' });
  const [exporting, setExporting] = useState<'idle' | 'working' | { error: string } | { saved: string }>('idle');
  const mounted = useRef(true);

  const fetchFirst = useCallback(() => {
    bridge.getAudit({ limit: PAGE }).then(
      (page) =>
        mounted.current &&
        setLoad({
          state: 'ready',
          entries: page.entries,
          ...(page.next_cursor ? { next_cursor: page.next_cursor } : {}),
          verified: page.verified,
          more: 'idle',
        }),
      () => mounted.current && setLoad({ state: 'failed', message: 'Vouch could not load your activity. Try again.' }),
    );
  }, [bridge]);

  useEffect(() => {
    mounted.current = true;
    fetchFirst();
    return () => {
      mounted.current = false;
    };
  }, [fetchFirst]);

  const refresh = () => {
    setLoad({ state: 'loading' });
    fetchFirst();
  };

  const loadOlder = () => {
    if (load.state !== 'ready' || !load.next_cursor) return;
    const cursor = load.next_cursor;
    setLoad({ ...load, more: 'loading' });
    bridge.getAudit({ cursor, limit: PAGE }).then(
      (page) =>
        mounted.current &&
        setLoad((l) => {
          if (l.state !== 'ready') return l;
          const { next_cursor: _old, ...rest } = l;
          return {
            ...rest,
            entries: [...l.entries, ...page.entries],
            ...(page.next_cursor ? { next_cursor: page.next_cursor } : {}),
            verified: page.verified,
            more: 'idle',
          };
        }),
      () => mounted.current && setLoad((l) => (l.state === 'ready' ? { ...l, more: 'failed' } : l)),
    );
  };

  const exportLog = () => {
    setExporting('working');
    bridge.exportAudit().then(
      ({ filename, jsonl }) => {
        // A download from the page: Electron saves it where the person chooses, the browser demo to Downloads.
        const url = URL.createObjectURL(new Blob([jsonl], { type: 'application/x-ndjson' }));
        const a = document.createElement('a');
        a.href = url;
        a.download = filename;
        a.click();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        if (mounted.current) setExporting({ saved: filename });
      },
      (err: unknown) =>
        mounted.current && setExporting({ error: bridgeErrorText(err, 'Vouch could not export your activity. Try again.') }),
    );
  };

  const entries = load.state === 'ready' ? load.entries : [];
  const shown = filterActivity(entries, filter);
  const kinds = [...new Set(entries.map((e) => e.kind))].sort((a, b) => kindLabel(a).localeCompare(kindLabel(b)));
  const filtered = filter.provider !== 'all' || filter.kind !== 'all' || filter.outcome !== 'all';

  return (
    <section className="panel" aria-labelledby={`${ids}-title`} data-testid="activity-panel">
      <div className="panel-head">
        <h2 id={`${ids}-title`}>Activity</h2>
        <div className="actions">
          <button type="button" onClick={refresh}>
            Check again
          </button>{' '}
          <button type="button" onClick={exportLog} disabled={exporting === 'working'}>
            {exporting === 'working' ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </div>
      {typeof exporting === 'object' && 'saved' in exporting && (
        <p role="status" className="hint">
          Saved the signed record as {exporting.saved}.
        </p>
      )}
      {typeof exporting === 'object' && 'error' in exporting && <p role="alert">{exporting.error}</p>}
      {load.state === 'loading' && <p role="status">Loading…</p>}
      {load.state === 'failed' && <p role="alert">{load.message}</p>}
      {load.state === 'ready' && (
        <>
          {load.verified.ok ? (
            <p className="verify ok" role="status">
              ✓ Record intact: {load.verified.count} entries verified
            </p>
          ) : (
            <p className="verify broken" role="alert">
              ⚠ The record was changed at entry {load.verified.broken_at}: {load.verified.reason}
            </p>
          )}
          <fieldset className="filters">
            <legend className="visually-hidden">Show only</legend>
            <div className="filter">
              <label htmlFor={`${ids}-provider`}>Account</label>
              <select
                id={`${ids}-provider`}
                value={filter.provider}
                onChange={(e) => setFilter({ ...filter, provider: e.target.value as ActivityFilter['provider'] })}
              >
                <option value="all">All</option>
                {(Object.keys(PROVIDER_DISPLAY_NAME) as Provider[]).map((p) => (
                  <option key={p} value={p}>
                    {PROVIDER_DISPLAY_NAME[p]}
                  </option>
                ))}
              </select>
            </div>
            <div className="filter">
              <label htmlFor={`${ids}-kind`}>What</label>
              <select id={`${ids}-kind`} value={filter.kind} onChange={(e) => setFilter({ ...filter, kind: e.target.value })}>
                <option value="all">Everything</option>
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {kindLabel(k)}
                  </option>
                ))}
              </select>
            </div>
            <div className="filter">
              <label htmlFor={`${ids}-outcome`}>Outcome</label>
              <select
                id={`${ids}-outcome`}
                value={filter.outcome}
                onChange={(e) => setFilter({ ...filter, outcome: e.target.value as ActivityFilter['outcome'] })}
              >
                <option value="all">Any</option>
                <option value="ok">Went through</option>
                <option value="failed">Failed or refused</option>
              </select>
            </div>
          </fieldset>
          <p className="hint" role="status" data-testid="activity-count">
            {filtered ? `${shown.length} of ${entries.length} loaded entries` : `${entries.length} entries`}
            {load.next_cursor ? ' (older ones not loaded yet)' : ' (the whole log)'}
          </p>
          {shown.length === 0 ? (
            <p className="hint">{entries.length === 0 ? 'Nothing yet.' : 'Nothing loaded matches.'}</p>
          ) : (
            <ol className="audit" aria-label="Activity entries">
              {shown.map((e) => (
                <li key={e.seq} data-outcome={e.outcome}>
                  <time dateTime={e.at}>{formatTime(e.at)}</time>
                  <span className="audit-kind">{kindLabel(e.kind)}</span>
                  <span className="audit-summary">{e.summary}</span>
                </li>
              ))}
            </ol>
          )}
          {load.next_cursor && (
            <button type="button" onClick={loadOlder} disabled={load.more === 'loading'}>
              {load.more === 'loading' ? 'Loading…' : 'Load older'}
            </button>
          )}
          {load.more === 'failed' && <p role="alert">Vouch could not load older entries. Try again.</p>}
        </>
      )}
    </section>
  );
}

function formatTime(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : d.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}
