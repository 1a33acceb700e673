import { useEffect, useState } from 'react';
import { useBridge } from '../bridge/context.js';
import { useApprovals, type ApprovalStatus } from '../stores/approvals.js';
import { RiskBadge } from './RiskBadge.js';

const STATUS_TEXT: Record<ApprovalStatus, string> = {
  pending: 'Waiting for you to approve on your phone. Nothing happens until you do.',
  approved: 'Approved on your phone.',
  denied: 'Declined on your phone. Nothing was done.',
  expired: 'The approval request expired. Nothing was done.',
  cancelled: 'Cancelled. Nothing was done.',
  failed: 'Vouch could not get an answer from your phone. Nothing was done.',
};

export function formatRemaining(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The short code of an approval's content (first hex digits of its SHA-256), shown where the person compares it. */
export function ContentCode({ code }: { code: string }) {
  return (
    <strong className="content-code" aria-label={`content code ${code.split('').join(' ')}`}>
      #{code}
    </strong>
  );
}

/**
 * A step-up in progress: why, the message and code to match on the phone, time left, and a way to call
 * it off. Once the phone has answered, it folds to one line (the draft sheet, when open, says the rest).
 * Inside the draft sheet (`embedded`) the sheet's own Cancel calls it off.
 */
export function ApprovalCard({ id, embedded = false }: { id: string; embedded?: boolean }) {
  const bridge = useBridge();
  const entry = useApprovals((s) => s.byId[id]);
  const [now, setNow] = useState(() => Date.now());
  const pending = entry?.status === 'pending';

  useEffect(() => {
    if (!pending) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [pending]);

  if (!entry) return null;
  const { request, status } = entry;
  const left = Date.parse(request.expires_at) - now;
  const cancel = () => {
    useApprovals.getState().markCancelled(id);
    void bridge.decideApproval(id, false);
  };

  if (!pending)
    return (
      <section className={`approval approval-${status} approval-done`} aria-label="Phone approval" data-testid="approval-card">
        <p className="approval-status">
          <span role="status">{STATUS_TEXT[status]}</span>{' '}
          <button type="button" className="link-button" onClick={() => useApprovals.getState().dismiss(id)}>
            Dismiss
          </button>
        </p>
      </section>
    );

  return (
    <section className={`approval approval-${status}`} aria-labelledby={`approval-${id}-title`} data-testid="approval-card">
      <h3 id={`approval-${id}-title`}>Approve on your phone</h3>
      <RiskBadge risk={request.risk} open />
      <p>
        Check that your phone shows: <strong className="binding">{request.binding_message}</strong>
      </p>
      {request.content_code && (
        <p className="content-code-line">
          {/* The phone has no room for the body; this code stands for it, computed from exactly what will be sent. */}
          Content code <ContentCode code={request.content_code} />: the same code ends the message on your phone and stands for exactly the
          draft shown here. If they differ, cancel.
        </p>
      )}
      <p className="approval-status">
        {/* Only the status is live: announcing the countdown every second would drown everything else. */}
        {/* In the draft sheet, the sheet's own status line says this. */}
        {!embedded && <span role="status">{STATUS_TEXT[status]}</span>}
        {Number.isFinite(left) && (
          <span className="countdown">
            {embedded ? '' : ' · '}
            {formatRemaining(left)} left
          </span>
        )}
      </p>
      {!embedded && (
        <button type="button" onClick={cancel}>
          Cancel request
        </button>
      )}
    </section>
  );
}
