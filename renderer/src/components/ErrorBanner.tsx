import type { Provider } from '../../../backend/src/protocol/index.js';
import { useBridge } from '../bridge/context.js';
import { useConversation, type ShownError } from '../stores/conversation.js';
import { RELEASED, useDrafts } from '../stores/drafts.js';
import { providerName, useContracts } from './contracts.js';

/** Backend errors as sentences, each with the one thing to do about it. */
export function ErrorBanner({ onRetry }: { onRetry: (requestId: string | undefined) => void }) {
  const all = useConversation((s) => s.errors);
  const sheetOpen = useDrafts((s) => s.activeId !== null);
  // What the open draft sheet already says (and offers to retry) is not said again, differently, up here.
  const errors = sheetOpen ? all.filter((e) => !(RELEASED.has(e.code) && !e.request_id)) : all;
  if (errors.length === 0) return null;
  return (
    <div className="errors" data-testid="errors">
      {errors.map((e) => (
        <ErrorItem key={e.key} error={e} onRetry={onRetry} />
      ))}
    </div>
  );
}

function ErrorItem({ error, onRetry }: { error: ShownError; onRetry: (requestId: string | undefined) => void }) {
  const bridge = useBridge();
  const dismiss = () => useConversation.getState().dismissError(error.key);
  const catalog = useContracts();
  // An error without a provider names the first registered one, as before.
  const provider = error.provider ?? (catalog.contracts[0]?.id as Provider);
  return (
    <div className="error" role="alert">
      <p>{error.message}</p>
      <div className="actions">
        {error.action === 'sign_in' && (
          <button type="button" className="primary" onClick={() => void bridge.signIn().then(dismiss, () => undefined)}>
            Sign in
          </button>
        )}
        {error.action === 'reconnect' && (
          <button type="button" className="primary" onClick={() => void bridge.connectProvider(provider).then(dismiss, () => undefined)}>
            Reconnect {providerName(catalog, provider)}
          </button>
        )}
        {error.action === 'retry' && (
          <button
            type="button"
            className="primary"
            onClick={() => {
              dismiss();
              onRetry(error.request_id);
            }}
          >
            Try again
          </button>
        )}
        <button type="button" onClick={dismiss} aria-label={`Dismiss: ${error.message}`}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
