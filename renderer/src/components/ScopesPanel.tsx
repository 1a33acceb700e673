import { useEffect, useState } from 'react';
import { Provider } from '../../../backend/src/protocol/index.js';
import { useBridge } from '../bridge/context.js';
import { useSession } from '../stores/session.js';
import { providerName, scopeServices, useContracts } from './contracts.js';

/** What Vouch may do in each linked account, in plain words, with Revoke next to it. */
export function ScopesPanel() {
  const catalog = useContracts();
  const bridge = useBridge();
  const providers = useSession((s) => s.providers);
  const [confirming, setConfirming] = useState<Provider | null>(null);

  useEffect(() => {
    void bridge.listScopes().catch(() => undefined);
  }, [bridge]);

  return (
    <section className="panel" aria-labelledby="scopes-title" data-testid="scopes-panel">
      <h2 id="scopes-title">Connected accounts</h2>
      <ul className="accounts">
        {Provider.options.map((p) => {
          const linked = providers.find((l) => l.provider === p);
          return (
            <li key={p} className="account">
              <div className="account-head">
                <h3>{providerName(catalog, p)}</h3>
                <span className={linked ? 'badge ok' : 'badge'}>{linked ? 'Connected' : 'Not connected'}</span>
              </div>
              {linked ? (
                <>
                  <p className="hint">
                    In{' '}
                    {scopeServices(
                      catalog,
                      p,
                      linked.scopes.map((s) => s.scope),
                    )}
                    , Vouch can:
                  </p>
                  <ul className="scope-list">
                    {linked.scopes.map((s) => (
                      <li key={s.scope}>{s.description}</li>
                    ))}
                  </ul>
                  {confirming === p ? (
                    <div className="actions" role="group" aria-label={`Revoke ${providerName(catalog, p)}?`}>
                      <span>Remove Vouch’s access to {providerName(catalog, p)}?</span>
                      <button type="button" onClick={() => setConfirming(null)}>
                        Keep
                      </button>
                      <button
                        type="button"
                        className="danger"
                        onClick={() => {
                          setConfirming(null);
                          void bridge.revokeProvider(p);
                        }}
                      >
                        Revoke
                      </button>
                    </div>
                  ) : (
                    <button type="button" className="danger-outline" onClick={() => setConfirming(p)}>
                      Revoke {providerName(catalog, p)}
                    </button>
                  )}
                </>
              ) : (
                <button type="button" onClick={() => void bridge.connectProvider(p).catch(() => undefined)}>
                  Connect {providerName(catalog, p)}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
