import { useState } from 'react';
import type { RiskSummary } from '../../../backend/src/protocol/index.js';
import { riskHeadline, riskReason } from './stateWording.js';
import { useTimeZone } from './timeZone.js';

/** How risky, and why Vouch asks (or does not), in words: no scores, ids or raw times. */
export function RiskBadge({ risk, open = false }: { risk: RiskSummary; open?: boolean }) {
  const timeZone = useTimeZone();
  // "Today" for the times shown; a badge lives minutes, not days.
  const [now] = useState(() => Date.now());
  const reason = riskReason(risk);
  return (
    <details className={`risk risk-${risk.level}`} open={open} data-testid="risk">
      <summary>
        <span className="risk-level">{riskHeadline(risk, timeZone, now)}</span>
      </summary>
      <ul>
        {risk.factors.map((f) => (
          <li key={f.name}>{f.detail}</li>
        ))}
        {reason && <li data-testid="risk-reason">{reason}</li>}
      </ul>
    </details>
  );
}
