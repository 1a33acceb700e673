import type { RiskSummary } from '../../../backend/src/protocol/index.js';
import { RISK_LABEL } from './labels.js';

/** Risk score and the factors behind it, so the person sees why Vouch asks. */
export function RiskBadge({ risk, open = false }: { risk: RiskSummary; open?: boolean }) {
  return (
    <details className={`risk risk-${risk.level}`} open={open}>
      <summary>
        <span className="risk-level">{RISK_LABEL[risk.level]}</span>{' '}
        <span className="risk-score">· score {Math.round(risk.score)} of 100</span>
      </summary>
      <ul>
        {risk.factors.map((f) => (
          <li key={f.name}>
            {f.detail} <span className="points">+{f.points}</span>
          </li>
        ))}
        {risk.rule && <li>Your rule: {risk.rule}</li>}
      </ul>
    </details>
  );
}
