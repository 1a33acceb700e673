import { useEffect, useRef, useState } from 'react';
import { useBridge } from '../bridge/context.js';
import { useSession } from '../stores/session.js';
import { useContracts } from './contracts.js';
import { RISK_LABEL, TOOLS_PHRASE } from './labels.js';
import { Sheet } from './Sheet.js';

/** "a, b or c". */
function orList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

const STEPS = ['Sign in', 'Talk', 'Speech model', 'Your accounts', 'Risk and your phone'] as const;

/**
 * The first-run introduction: five short steps, skippable at any point, shown once (the flag is a
 * setting kept by the app) and reachable again from Settings or the tray menu.
 */
export function Onboarding({ onClose }: { onClose: () => void }) {
  const bridge = useBridge();
  const [step, setStep] = useState(0);
  const auth = useSession((s) => s.auth);
  const stt = useSession((s) => s.sttModel);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const catalog = useContracts();

  // Each later step's heading takes focus, so a screen reader hears the new step (the sheet focuses the first).
  useEffect(() => {
    if (step > 0) headingRef.current?.focus();
  }, [step]);

  const finish = () => {
    void bridge.updateSettings({ onboardingDone: true }).catch(() => undefined);
    onClose();
  };
  const last = step === STEPS.length - 1;

  return (
    <Sheet title="Welcome to Vouch" onClose={finish} testId="onboarding">
      <p className="fine">
        Step {step + 1} of {STEPS.length}
      </p>
      <h3 tabIndex={-1} ref={headingRef}>
        {STEPS[step]}
      </h3>
      {step === 0 && (
        <>
          <p>Vouch helps with {TOOLS_PHRASE}, and asks before it does anything in your name.</p>
          {auth?.signedIn ? (
            <p>You are signed in as {auth.user.name ?? auth.user.email ?? 'you'}.</p>
          ) : (
            <>
              <p>Sign in opens your browser; Vouch never sees your password.</p>
              <button type="button" className="primary" onClick={() => void bridge.signIn().catch(() => undefined)}>
                Sign in with your browser
              </button>
            </>
          )}
        </>
      )}
      {step === 1 && (
        <p>
          Press your push-to-talk shortcut (shown in the tray menu, next to “Open Vouch”) to start talking and press it again to stop, or
          press Talk here. You can always type instead.
        </p>
      )}
      {step === 2 && (
        <p>
          Your voice is turned into words on this computer by a speech model; no audio leaves it.{' '}
          {stt?.state === 'ready'
            ? 'The speech model is ready.'
            : stt?.state === 'loading'
              ? 'The speech model is loading.'
              : 'No speech model is set up yet: you can download one or choose a folder that holds one, and type until then.'}
        </p>
      )}
      {step === 3 && (
        <p>
          To read your {orList(catalog.help().topics)}, Vouch asks you to connect that account once. You approve it on{' '}
          {orList(catalog.contracts.map((c) => `${c.displayName}'s`))} own page: Vouch never sees those passwords, only short-lived access
          that you can take back under Accounts at any time.
        </p>
      )}
      {step === 4 && (
        <ul className="risk-intro">
          <li>
            <strong>{RISK_LABEL.auto}</strong>: reading and summarizing happen right away.
          </li>
          <li>
            <strong>{RISK_LABEL.confirm}</strong>: Vouch shows the draft and sends nothing until you press Confirm.
          </li>
          <li>
            <strong>{RISK_LABEL.step_up}</strong>: after you confirm, your phone shows what will happen and you approve it there.
          </li>
          <li>
            <strong>{RISK_LABEL.deny}</strong>: your rules can forbid some actions outright.
          </li>
        </ul>
      )}
      <div className="actions">
        <button type="button" onClick={finish}>
          {last ? 'Close' : 'Skip introduction'}
        </button>
        {step > 0 && (
          <button type="button" onClick={() => setStep(step - 1)}>
            Back
          </button>
        )}
        <button type="button" className="primary" onClick={() => (last ? finish() : setStep(step + 1))}>
          {last ? 'Start using Vouch' : 'Next'}
        </button>
      </div>
    </Sheet>
  );
}
