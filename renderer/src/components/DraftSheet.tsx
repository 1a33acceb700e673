import { useMemo, useState, type FormEvent } from 'react';
import { DEFAULT_ERROR_MESSAGES } from '../../../backend/src/protocol/index.js';
import { useBridge } from '../bridge/context.js';
import { bridgeErrorText } from '../bridge/errors.js';
import { useApprovals } from '../stores/approvals.js';
import { useDrafts, type DraftEntry } from '../stores/drafts.js';
import { ApprovalCard, ContentCode } from './ApprovalCard.js';
import { useContracts } from './contracts.js';
import { draftContract, draftNote, toFormValues, validateDraft, type FieldErrors } from './draftForm.js';
import { RiskBadge } from './RiskBadge.js';
import { Sheet } from './Sheet.js';
import { draftState } from './stateWording.js';

/** The open draft, editable, with Send/Create/Post and Cancel. */
export function DraftSheet() {
  const activeId = useDrafts((s) => s.activeId);
  const entry = useDrafts((s) => (s.activeId ? s.byId[s.activeId] : undefined));
  if (!activeId || !entry) return null;
  // Keyed by draft so a new draft starts from its own fields, not the previous draft's edits.
  return <DraftForm key={activeId} entry={entry} />;
}

function DraftForm({ entry }: { entry: DraftEntry }) {
  const bridge = useBridge();
  const { draft, phase, result, problem } = entry;
  const catalog = useContracts();
  const contract = draftContract(draft.kind, catalog);
  const initial = useMemo(() => toFormValues(draft, catalog), [draft, catalog]);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const approvalId = useApprovals((s) => s.order.find((id) => s.byId[id]?.request.draft_id === draft.draft_id));
  const approval = useApprovals((s) => (approvalId ? s.byId[approvalId] : undefined));
  const contentCode = approval?.request.content_code;
  const { markSubmitting, markFailed, markCancelled, close } = useDrafts.getState();

  const view = draftState({
    phase,
    ...(result ? { result } : {}),
    ...(draft.risk ? { risk: draft.risk } : {}),
    ...(approval ? { approval: approval.status } : {}),
    problem: problem ?? null,
    outcome: contract.outcome,
    outcomeLabel: contract.outcomeLabel,
    confirmLabel: contract.confirmLabel,
    messageFor: (code) => DEFAULT_ERROR_MESSAGES[code].message,
  });
  const { locked } = view;
  // The phone's card belongs in the sheet only while the phone is asked; after that the sheet's own status says what happened.
  const phoneAsked = approvalId !== undefined && approval?.status === 'pending';
  const specs = contract.fields;
  const note = draftNote(draft, catalog);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!view.primary?.enabled) return;
    const v = validateDraft(draft, initial, values, catalog);
    if (!v.ok) {
      setErrors(v.errors);
      // Put the person on the first field to fix.
      const first = specs.find((s) => v.errors[s.name]);
      if (first) document.getElementById(fieldId(draft.draft_id, first.name))?.focus();
      return;
    }
    setErrors({});
    markSubmitting(draft.draft_id);
    try {
      await bridge.confirmDraft(draft.draft_id, Object.keys(v.edits).length ? v.edits : undefined);
    } catch (err) {
      markFailed(draft.draft_id, bridgeErrorText(err, 'Vouch could not reach the service to do this. Try again.'));
    }
  };

  /** Cancel, Close, Esc and the sheet's ×: one meaning per state. */
  const cancel = () => {
    if (!view.secondaryEnabled) return;
    // Over: only the sheet closes. Still open on the backend (even one a rule blocks): call it off there too.
    if (view.secondary === 'Close' && phase !== 'open') return close();
    void bridge.cancelDraft(draft.draft_id);
    markCancelled(draft.draft_id);
  };

  return (
    <Sheet title={contract.title} onClose={cancel} testId="draft-sheet">
      {/* While the phone approval is pending it is what matters, so it goes first (it shows the risk too). */}
      {phoneAsked ? <ApprovalCard id={approvalId} embedded /> : draft.risk && <RiskBadge risk={draft.risk} />}
      <form className="draft-form" onSubmit={(e) => void submit(e)} noValidate>
        {specs.map((spec, i) => {
          const id = fieldId(draft.draft_id, spec.name);
          const err = errors[spec.name];
          const describedBy = [err ? `${id}-err` : '', spec.hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
          const common = {
            id,
            name: spec.name,
            value: values[spec.name] ?? '',
            readOnly: locked,
            'aria-invalid': err ? true : undefined,
            'aria-describedby': describedBy,
            'data-autofocus': i === 0 ? true : undefined,
          } as const;
          const onChange = (e: { target: { value: string } }) => setValues((prev) => ({ ...prev, [spec.name]: e.target.value }));
          return (
            <div key={spec.name} className={`field field-${spec.kind}`}>
              <label htmlFor={id}>{spec.label}</label>
              {spec.kind === 'textarea' ? (
                <textarea
                  {...common}
                  rows={5}
                  onChange={onChange}
                  // Enter makes a new line in a message; Ctrl/Cmd+Enter confirms from here.
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
                  }}
                />
              ) : (
                <input
                  {...common}
                  type={spec.kind === 'datetime' ? 'datetime-local' : 'text'}
                  inputMode={spec.kind === 'addresses' ? 'email' : undefined}
                  autoComplete="off"
                  onChange={onChange}
                />
              )}
              {spec.hint && (
                <span id={`${id}-hint`} className="hint">
                  {spec.hint}
                </span>
              )}
              {err && (
                <span id={`${id}-err`} className="field-error">
                  {err}
                </span>
              )}
            </div>
          );
        })}
        {note && <p className="hint">{note}</p>}
        {contentCode && phoneAsked && (
          <p className="hint" data-testid="draft-content-code">
            Code of this draft: <ContentCode code={contentCode} /> (your phone shows the same code)
          </p>
        )}
        <div
          className={phase === 'done' ? 'draft-state' : 'draft-state neutral'}
          role="status"
          aria-live="polite"
          data-testid="draft-status"
        >
          {view.status}
        </div>
        {view.problem && (
          <p className="field-error" role="alert" data-testid="draft-problem">
            {view.problem}
          </p>
        )}
        <div className="actions">
          <button type="button" className={view.primary ? undefined : 'primary'} onClick={cancel} disabled={!view.secondaryEnabled}>
            {view.secondary}
          </button>
          {view.primary && (
            <button type="submit" className="primary" disabled={!view.primary.enabled}>
              {view.primary.label}
            </button>
          )}
        </div>
      </form>
    </Sheet>
  );
}

function fieldId(draftId: string, name: string): string {
  return `draft-${draftId.replace(/[^A-Za-z0-9_-]/g, '_')}-${name}`;
}
