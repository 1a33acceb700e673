import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { usePanelLoad } from './usePanelLoad.js';
import type { PreauthGrantRequest, PreauthView } from '../../../electron/src/bridge/contract.js';
import { useBridge } from '../bridge/context.js';
import { preauthBindingMessage } from '../../../backend/src/protocol/index.js';
import { bridgeErrorText } from '../bridge/errors.js';
import { PREAUTH_LEVEL_LABEL, PREAUTH_SKIPS, TOOL_NAME } from './labels.js';
import { formatClock } from './stateWording.js';
import { useTimeZone } from './timeZone.js';

type Load = { state: 'loading' } | { state: 'ready'; grants: PreauthView[] } | { state: 'failed' };
type Grant =
  | { state: 'idle' }
  | { state: 'waiting'; binding: string }
  | { state: 'granted'; grant: PreauthView }
  | { state: 'cancelled' }
  | { state: 'failed'; message: string };

export const DURATIONS = [15, 30, 60] as const;
const TOOLS = Object.keys(TOOL_NAME) as PreauthView['tool'][];
const LEVELS = Object.keys(PREAUTH_LEVEL_LABEL) as PreauthView['max_level'][];

/** "23 minutes left", "1 hour 5 minutes left"; never "0" while the grant is still active. */
export function formatTimeLeft(ms: number): string {
  const total = Math.max(1, Math.ceil(ms / 60_000));
  const h = Math.floor(total / 60);
  const m = total % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  return `${[h ? part(h, 'hour') : '', m ? part(m, 'minute') : ''].filter(Boolean).join(' ')} left`;
}

/** The plain sentence for one grant, without the time left. */
export function describeGrant(g: Pick<PreauthView, 'tool' | 'max_level'>): string {
  return `${TOOL_NAME[g.tool]} actions up to ${PREAUTH_LEVEL_LABEL[g.max_level]} ${PREAUTH_SKIPS[g.max_level]}`;
}

/**
 * "Allowed for a while": the active time-boxed pre-authorizations with Revoke, and a small form to
 * grant one. Granting always asks the phone first (the backend runs the step-up), so the button says
 * so and the form waits, visibly, until the phone has answered.
 */
export function PreauthPanel() {
  const bridge = useBridge();
  const timeZone = useTimeZone();
  const [now, setNow] = useState(() => Date.now());
  const [revoking, setRevoking] = useState<string | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [grant, setGrant] = useState<Grant>({ state: 'idle' });
  const [req, setReq] = useState<PreauthGrantRequest>({ tool: TOOLS[0]!, max_level: 'confirm', duration_minutes: 30 });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const asked = useRef(0);
  const ids = useId();

  const {
    load: load,
    setLoad: setLoad,
    refresh,
    mounted,
  } = usePanelLoad<Load>(
    useCallback(() => bridge.listPreauthorizations().then((grants): Load => ({ state: 'ready', grants })), [bridge]),
    { state: 'loading' },
    { state: 'failed' },
  );

  // "Minutes left" only needs to move every so often; expired grants drop out on the next tick.
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(t);
  }, []);

  const active = load.state === 'ready' ? load.grants.filter((g) => Date.parse(g.expires_at) > now) : [];

  const revoke = (id: string) => {
    setRevoking(id);
    setRevokeError(null);
    bridge.revokePreauthorization(id).then(
      () => {
        if (!mounted.current) return;
        setRevoking(null);
        setLoad((l) => (l.state === 'ready' ? { state: 'ready', grants: l.grants.filter((g) => g.id !== id) } : l));
        // The focused Revoke button is gone: put focus somewhere that makes sense.
        headingRef.current?.focus();
      },
      (err: unknown) => {
        if (!mounted.current) return;
        setRevoking(null);
        setRevokeError(bridgeErrorText(err, 'Vouch could not revoke this. Try again.'));
      },
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (grant.state === 'waiting') return;
    const ask = ++asked.current;
    // The same words the backend sends to the phone, so the person can match them.
    setGrant({ state: 'waiting', binding: preauthBindingMessage(req.tool, req.duration_minutes) });
    // A request called off (or replaced) meanwhile: its late answer changes nothing here.
    const current = () => mounted.current && asked.current === ask;
    bridge.grantPreauthorization(req).then(
      (g) => {
        if (!current()) return;
        setGrant({ state: 'granted', grant: g });
        setNow(Date.now());
        setLoad((l) => ({ state: 'ready', grants: [...(l.state === 'ready' ? l.grants : []).filter((x) => x.id !== g.id), g] }));
      },
      (err: unknown) => current() && setGrant({ state: 'failed', message: bridgeErrorText(err, 'Nothing was allowed. Try again.') }),
    );
  };

  const cancelWait = () => {
    asked.current++;
    setGrant({ state: 'cancelled' });
    void bridge.cancelPreauthorizationRequest().catch(() => undefined);
  };

  const waiting = grant.state === 'waiting';

  return (
    <section className="panel preauth" aria-labelledby="preauth-title" data-testid="preauth-panel">
      <h2 id="preauth-title" ref={headingRef} tabIndex={-1}>
        Allowed for a while
      </h2>
      {load.state === 'loading' && <p role="status">Loading…</p>}
      {load.state === 'failed' && (
        <p role="alert">
          Vouch could not load what is allowed.{' '}
          <button type="button" onClick={refresh}>
            Try again
          </button>
        </p>
      )}
      {load.state === 'ready' &&
        (active.length === 0 ? (
          <p className="hint">Nothing is allowed ahead of time. Vouch asks before each action that needs it.</p>
        ) : (
          <ul className="accounts preauth-list">
            {active.map((g) => {
              const text = describeGrant(g);
              return (
                <li key={g.id} className="account preauth-item" data-testid="preauth-item">
                  <div className="preauth-body">
                    <p className="preauth-text">
                      {text} <span className="preauth-left">— {formatTimeLeft(Date.parse(g.expires_at) - now)}</span>
                    </p>
                    <p className="hint preauth-until">Until {formatClock(g.expires_at, timeZone, now)}</p>
                  </div>
                  <button
                    type="button"
                    className="danger-outline"
                    aria-label={`Revoke: ${text}`}
                    disabled={revoking === g.id}
                    onClick={() => revoke(g.id)}
                  >
                    Revoke
                  </button>
                </li>
              );
            })}
          </ul>
        ))}
      {revokeError && (
        <p className="field-error" role="alert">
          {revokeError}
        </p>
      )}

      <form className="preauth-form" aria-labelledby={`${ids}-form-title`} onSubmit={submit}>
        <h3 id={`${ids}-form-title`}>Allow for a while</h3>
        <div className="preauth-fields">
          <div className="preauth-field">
            <label htmlFor={`${ids}-tool`}>Actions in</label>
            <select
              id={`${ids}-tool`}
              value={req.tool}
              disabled={waiting}
              onChange={(e) => setReq({ ...req, tool: e.target.value as PreauthView['tool'] })}
            >
              {TOOLS.map((t) => (
                <option key={t} value={t}>
                  {TOOL_NAME[t]}
                </option>
              ))}
            </select>
          </div>
          <div className="preauth-field">
            <label htmlFor={`${ids}-level`}>Up to</label>
            <select
              id={`${ids}-level`}
              value={req.max_level}
              disabled={waiting}
              onChange={(e) => setReq({ ...req, max_level: e.target.value as PreauthView['max_level'] })}
            >
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {PREAUTH_LEVEL_LABEL[l]}
                </option>
              ))}
            </select>
          </div>
          <div className="preauth-field">
            <label htmlFor={`${ids}-duration`}>For how long</label>
            <select
              id={`${ids}-duration`}
              value={req.duration_minutes}
              disabled={waiting}
              onChange={(e) => setReq({ ...req, duration_minutes: Number(e.target.value) })}
            >
              {DURATIONS.map((d) => (
                <option key={d} value={d}>
                  {d} minutes
                </option>
              ))}
            </select>
          </div>
        </div>
        <p className="hint" id={`${ids}-hint`}>
          {describeGrant(req)} for {req.duration_minutes} minutes. Vouch asks your phone to approve this first; deny rules still apply.
        </p>
        <div className="actions">
          <button type="submit" className="primary" disabled={waiting} aria-describedby={`${ids}-hint`}>
            Ask my phone to allow
          </button>
          {waiting && (
            <button type="button" onClick={cancelWait}>
              Cancel
            </button>
          )}
        </div>
        <div role="status" className="preauth-status">
          {grant.state === 'waiting' && (
            <span className="progress">
              <span className="spinner" aria-hidden="true" /> Waiting for your phone. Check that it shows:{' '}
              <strong className="binding">{grant.binding}</strong>
            </span>
          )}
          {grant.state === 'cancelled' && <span>Cancelled. Nothing was allowed.</span>}
          {grant.state === 'granted' && <span className="draft-state">Allowed: {describeGrant(grant.grant)}.</span>}
        </div>
        {grant.state === 'failed' && (
          <p className="field-error" role="alert">
            {grant.message}
          </p>
        )}
      </form>
    </section>
  );
}
