import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
import { usePanelLoad } from './usePanelLoad.js';
import type { RuleView } from '../../../electron/src/bridge/contract.js';
import { useBridge } from '../bridge/context.js';
import { bridgeErrorText } from '../bridge/errors.js';
import { useContracts } from './contracts.js';
import { conditionLabels, describeRule, RULE_EFFECT_LABEL, ruleWhenOf, type ConditionKind, type RuleForm } from './ruleWording.js';

type Load = { state: 'loading' } | { state: 'ready'; rules: RuleView[] } | { state: 'failed' };

/** Ids only need to be unique within the person's list (the backend keeps up to 100 rules). */
function newRuleId(): string {
  return `rule-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

const EMPTY: RuleForm = { effect: 'require_step_up', tool: '', condition: 'recipient_outside_domain', value: '' };

/**
 * The person's own policy rules in plain words: turn one off or on, delete it, or add one with a
 * small form (what to do, for which account, when). Every change is audited by the backend.
 */
export function RulesPanel() {
  const bridge = useBridge();
  const catalog = useContracts();
  const conditions = conditionLabels(catalog);
  const ids = useId();
  const [form, setForm] = useState<RuleForm>(EMPTY);
  const [invalid, setInvalid] = useState<{ field: 'condition' | 'value'; message: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const {
    load: load,
    refresh,
    mounted,
  } = usePanelLoad<Load>(
    useCallback(() => bridge.listRules().then((rules): Load => ({ state: 'ready', rules })), [bridge]),
    { state: 'loading' },
    { state: 'failed' },
  );

  const change = (key: string, call: () => Promise<unknown>, done: string, after?: () => void) => {
    setBusy(key);
    setError(null);
    // Loosening a rule waits for the phone; say so while it waits, so the person knows where to look.
    setNotice('Saving… if your phone asks, approve it there.');
    call().then(
      () => {
        if (!mounted.current) return;
        setBusy(null);
        setNotice(done);
        after?.();
        refresh();
      },
      (err: unknown) => {
        if (!mounted.current) return;
        setBusy(null);
        setError(bridgeErrorText(err, 'Vouch could not change your rules right now. Try again.'));
      },
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const built = ruleWhenOf(form);
    if (!built.ok) {
      setInvalid({ field: built.field, message: built.message });
      return;
    }
    setInvalid(null);
    const rule: RuleView = {
      id: newRuleId(),
      effect: form.effect,
      when: built.when,
      description: describeRule({ effect: form.effect, when: built.when }, catalog).slice(0, 200),
      enabled: true,
    };
    change(
      'new',
      () => bridge.saveRule(rule),
      'Rule added.',
      () => setForm(EMPTY),
    );
  };

  const rules = load.state === 'ready' ? load.rules : [];
  const needsValue = form.condition !== '';

  return (
    <section className="panel" aria-labelledby={`${ids}-title`} data-testid="rules-panel">
      <h2 id={`${ids}-title`} ref={headingRef} tabIndex={-1}>
        Your rules
      </h2>
      <p className="hint">
        Rules only ever add caution on top of Vouch's risk levels, except “skip the confirmation”, which never skips your phone. Turning a
        rule off, deleting it or making it milder needs your approval on your phone.
      </p>
      {load.state === 'loading' && <p role="status">Loading…</p>}
      {load.state === 'failed' && <p role="alert">Vouch could not load your rules. Try again.</p>}
      {notice && (
        <p role="status" className="hint">
          {notice}
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      {load.state === 'ready' &&
        (rules.length === 0 ? (
          <p className="hint">No rules yet.</p>
        ) : (
          <ul className="memory" aria-label="Rules">
            {rules.map((r) => (
              <li key={r.id} className={r.enabled ? undefined : 'rule-off'}>
                <span className="memory-text">{describeRule(r, catalog)}</span>
                <label className="fine">
                  <input
                    type="checkbox"
                    checked={r.enabled}
                    disabled={busy !== null}
                    onChange={() =>
                      change(r.id, () => bridge.saveRule({ ...r, enabled: !r.enabled }), r.enabled ? 'Rule turned off.' : 'Rule turned on.')
                    }
                  />{' '}
                  On
                </label>
                <button
                  type="button"
                  className="danger-outline"
                  aria-label={`Delete rule: ${describeRule(r, catalog)}`}
                  disabled={busy !== null}
                  onClick={() =>
                    change(
                      r.id,
                      () => bridge.deleteRule(r.id),
                      'Rule deleted.',
                      () => headingRef.current?.focus(),
                    )
                  }
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
        ))}
      <form className="rule-form" onSubmit={submit} aria-labelledby={`${ids}-add`} noValidate>
        <h3 id={`${ids}-add`}>Add a rule</h3>
        <div className="field">
          <label htmlFor={`${ids}-effect`}>What Vouch should do</label>
          <select
            id={`${ids}-effect`}
            value={form.effect}
            onChange={(e) => setForm({ ...form, effect: e.target.value as RuleView['effect'] })}
          >
            {(Object.keys(RULE_EFFECT_LABEL) as RuleView['effect'][]).map((k) => (
              <option key={k} value={k}>
                {RULE_EFFECT_LABEL[k]}…
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-tool`}>Which account</label>
          <select id={`${ids}-tool`} value={form.tool} onChange={(e) => setForm({ ...form, tool: e.target.value })}>
            <option value="">Any</option>
            {catalog.toolNames.map((t) => (
              <option key={t} value={t}>
                {catalog.tool(t)?.displayName ?? t}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-cond`}>When it reaches</label>
          <select
            id={`${ids}-cond`}
            value={form.condition}
            aria-invalid={invalid?.field === 'condition' || undefined}
            aria-describedby={invalid?.field === 'condition' ? `${ids}-err` : undefined}
            onChange={(e) => setForm({ ...form, condition: e.target.value as ConditionKind | '' })}
          >
            <option value="">Always (every action of that account)</option>
            {(Object.keys(conditions) as ConditionKind[]).map((k) => (
              <option key={k} value={k}>
                {conditions[k]}
              </option>
            ))}
          </select>
        </div>
        {needsValue && (
          <div className="field">
            <label htmlFor={`${ids}-value`}>{conditions[form.condition as ConditionKind].replace(/^./, (c) => c.toUpperCase())}</label>
            <input
              id={`${ids}-value`}
              value={form.value}
              aria-invalid={invalid?.field === 'value' || undefined}
              aria-describedby={invalid?.field === 'value' ? `${ids}-err` : undefined}
              onChange={(e) => setForm({ ...form, value: e.target.value })}
            />
          </div>
        )}
        {invalid && (
          <p id={`${ids}-err`} className="field-error" role="alert">
            {invalid.message}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy !== null}>
          {busy === 'new' ? 'Adding…' : 'Add rule'}
        </button>
      </form>
    </section>
  );
}
