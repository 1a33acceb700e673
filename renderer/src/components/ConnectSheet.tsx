import { useState } from 'react';
import type { Provider } from '../../../backend/src/protocol/index.js';
import { useBridge } from '../bridge/context.js';
import { bridgeErrorText } from '../bridge/errors.js';
import { useSession } from '../stores/session.js';
import { providerName, scopeServices, useContracts } from './contracts.js';
import { Sheet } from './Sheet.js';

const PROGRESS_TEXT = {
  browser_open: 'Finish in your browser, then come back here.',
  completing: 'Finishing the connection…',
  done: 'Connected. Picking up where you left off…',
  failed: 'Connecting did not finish.',
} as const;

/** Asks to link the account(s) a request needs, says why and what Vouch will be allowed to do. */
export function ConnectSheet() {
  const catalog = useContracts();
  const bridge = useBridge();
  const connect = useSession((s) => s.connect);
  const progress = useSession((s) => s.progress);
  const dismiss = useSession((s) => s.dismissConnect);
  const [failure, setFailure] = useState<string | null>(null);
  if (!connect) return null;

  const names = connect.providers.map((p) => providerName(catalog, p)).join(' and ');
  const busy = connect.providers.some((p) => progress[p] && progress[p].state !== 'failed');
  const run = async (provider: Provider) => {
    setFailure(null);
    try {
      await bridge.connectProvider(provider);
    } catch (err) {
      setFailure(bridgeErrorText(err, 'Connecting did not finish. Try again.'));
    }
  };

  return (
    <Sheet title={`Connect ${names}`} onClose={dismiss} testId="connect-sheet">
      <p className="lead">{connect.reason}</p>
      {connect.providers.map((provider) => {
        const scopes = connect.scopes.filter((s) => s.provider === provider);
        const state = progress[provider];
        return (
          <section key={provider} className="provider-block" aria-label={providerName(catalog, provider)}>
            <h3>
              In{' '}
              {scopeServices(
                catalog,
                provider,
                scopes.map((s) => s.scope),
              )}
              , Vouch will be able to:
            </h3>
            <ul className="scope-list">
              {scopes.map((s) => (
                <li key={s.scope}>{s.description}</li>
              ))}
            </ul>
            {state && (
              <p className={`progress progress-${state.state}`} role="status">
                {state.state !== 'failed' && state.state !== 'done' && <span className="spinner" aria-hidden="true" />}
                {state.message ?? PROGRESS_TEXT[state.state]}
              </p>
            )}
            <button
              type="button"
              className="primary"
              data-autofocus={provider === connect.providers[0] ? true : undefined}
              disabled={Boolean(state && state.state !== 'failed')}
              onClick={() => void run(provider)}
            >
              {state?.state === 'failed'
                ? `Try connecting ${providerName(catalog, provider)} again`
                : `Connect ${providerName(catalog, provider)}`}
            </button>
          </section>
        );
      })}
      <p className="fine">Your passwords and keys stay with {names}; Vouch never sees them.</p>
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={dismiss}>
          {busy ? 'Close' : 'Not now'}
        </button>
      </div>
    </Sheet>
  );
}
