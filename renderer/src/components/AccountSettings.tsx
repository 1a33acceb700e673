import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { usePanelLoad } from './usePanelLoad.js';
import {
  DEFAULT_MEETING_MINUTES,
  InsideDomain,
  insideDomainBindingMessage,
  normalizeDomain,
} from '../../../backend/src/protocol/settings.js';
import type { EmailDomainsView } from '../../../electron/src/bridge/contract.js';
import { useBridge } from '../bridge/context.js';
import { bridgeErrorText } from '../bridge/errors.js';

type Status = { kind: 'ok' | 'error' | 'phone'; text: string } | null;

/**
 * "My email domains": the domains whose mail counts as inside when Vouch scores a send. The
 * sign-in domain always does; adding another lowers the risk of every send to it, so the backend
 * asks the person's phone first, and the popover shows the same words the phone shows.
 */
export function EmailDomainsSection() {
  const bridge = useBridge();
  const ids = useId();
  const [typed, setTyped] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const {
    load: view,
    setLoad: setView,
    mounted,
  } = usePanelLoad<EmailDomainsView | 'loading' | 'failed'>(
    useCallback(() => bridge.listEmailDomains(), [bridge]),
    'loading',
    'failed',
  );

  const run = (call: () => Promise<EmailDomainsView>, waiting: Status, done: string, fallback: string) => {
    setBusy(true);
    setStatus(waiting);
    call().then(
      (v) => {
        if (!mounted.current) return;
        setBusy(false);
        setView(v);
        setStatus({ kind: 'ok', text: done });
      },
      (err: unknown) => {
        if (!mounted.current) return;
        setBusy(false);
        setStatus({ kind: 'error', text: bridgeErrorText(err, fallback) });
      },
    );
  };

  const add = (e: FormEvent) => {
    e.preventDefault();
    const parsed = InsideDomain.safeParse(typed);
    if (!parsed.success) {
      setInvalid(parsed.error.issues[0]?.message ?? 'That is not a domain such as example.com.');
      return;
    }
    setInvalid(null);
    const domain = parsed.data;
    run(
      () => bridge.addEmailDomain(domain),
      { kind: 'phone', text: `Approve on your phone: “${insideDomainBindingMessage(domain)}”` },
      `${domain} now counts as inside.`,
      `Vouch could not add ${domain}. Try again.`,
    );
    setTyped('');
  };

  const signIn = view !== 'loading' && view !== 'failed' ? view.sign_in_domain : null;
  const domains = view !== 'loading' && view !== 'failed' ? view.domains : [];

  return (
    <section aria-labelledby={`${ids}-title`} data-testid="email-domains">
      <h3 id={`${ids}-title`} ref={headingRef} tabIndex={-1}>
        My email domains
      </h3>
      <p className="hint">
        Mail to these domains counts as inside when Vouch judges how risky a send is; everyone else is outside. Adding a domain needs your
        approval on your phone. Public mail providers such as gmail.com cannot be added.
      </p>
      {/* Above the list, so “Approve on your phone” is in view while the form waits. */}
      {status && (
        <p
          role={status.kind === 'error' ? 'alert' : 'status'}
          className={status.kind === 'ok' ? 'hint' : undefined}
          data-testid="email-domains-status"
        >
          {status.text}
        </p>
      )}
      {view === 'loading' && <p role="status">Loading…</p>}
      {view === 'failed' && <p role="alert">Vouch could not load your domains. Try again.</p>}
      {view !== 'loading' && view !== 'failed' && (
        <ul className="memory" aria-label="My email domains">
          {signIn && (
            <li>
              <span className="memory-text">
                {signIn} <span className="hint">(your sign-in address, always inside)</span>
              </span>
            </li>
          )}
          {domains.map((d) => (
            <li key={d.domain}>
              <span className="memory-text">{d.domain}</span>
              <button
                type="button"
                className="danger-outline"
                aria-label={`Remove ${d.domain}`}
                disabled={busy}
                onClick={() => {
                  run(
                    () => bridge.removeEmailDomain(d.domain),
                    null,
                    `${d.domain} no longer counts as inside.`,
                    `Vouch could not remove ${d.domain}. Try again.`,
                  );
                  headingRef.current?.focus();
                }}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} noValidate aria-label="Add an email domain">
        <div className="field">
          <label htmlFor={`${ids}-domain`}>Add a domain</label>
          <input
            id={`${ids}-domain`}
            value={typed}
            placeholder="partner.com"
            autoComplete="off"
            spellCheck={false}
            disabled={busy}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? `${ids}-invalid` : undefined}
            onChange={(e) => {
              setTyped(e.target.value);
              if (invalid) setInvalid(null);
            }}
          />
          {invalid && (
            <p id={`${ids}-invalid`} role="alert">
              {invalid}
            </p>
          )}
        </div>
        <button type="submit" disabled={busy || normalizeDomain(typed) === ''}>
          Add domain
        </button>
      </form>
    </section>
  );
}

const LENGTHS = [15, 20, 25, 30, 45, 50, 60, 90, 120];

/** How long a meeting lasts when the person asks for one without saying; kept by the backend, used from the next request. */
export function MeetingLengthField() {
  const bridge = useBridge();
  const ids = useId();
  const [minutes, setMinutes] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);

  useEffect(() => {
    let live = true;
    bridge.getMeetingPreferences().then(
      (p) => live && setMinutes(p.default_meeting_minutes),
      () => live && setMinutes(DEFAULT_MEETING_MINUTES),
    );
    return () => {
      live = false;
    };
  }, [bridge]);

  const choose = (next: number) => {
    setBusy(true);
    setStatus(null);
    bridge.setDefaultMeetingMinutes(next).then(
      (p) => {
        setBusy(false);
        setMinutes(p.default_meeting_minutes);
        setStatus({ kind: 'ok', text: `Meetings you ask for without a length now last ${p.default_meeting_minutes} minutes.` });
      },
      (err: unknown) => {
        setBusy(false);
        setStatus({ kind: 'error', text: bridgeErrorText(err, 'Vouch could not save the meeting length. Try again.') });
      },
    );
  };

  const options = minutes !== null && !LENGTHS.includes(minutes) ? [...LENGTHS, minutes].sort((a, b) => a - b) : LENGTHS;
  return (
    <div className="field" data-testid="meeting-length">
      <label htmlFor={`${ids}-len`}>Default meeting length</label>
      <select
        id={`${ids}-len`}
        value={minutes ?? ''}
        disabled={busy || minutes === null}
        aria-describedby={`${ids}-len-hint`}
        onChange={(e) => choose(Number(e.target.value))}
      >
        {minutes === null && <option value="">Loading…</option>}
        {options.map((m) => (
          <option key={m} value={m}>
            {m} minutes
          </option>
        ))}
      </select>
      <p id={`${ids}-len-hint`} className="hint">
        For a meeting you ask for without saying how long.
      </p>
      {status && (
        <p role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'ok' ? 'hint' : undefined}>
          {status.text}
        </p>
      )}
    </div>
  );
}
