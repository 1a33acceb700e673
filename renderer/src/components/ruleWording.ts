import { SHIPPED_CATALOG, type ContractCatalog } from '../../../backend/src/protocol/index.js';
import type { RuleView } from '../../../electron/src/bridge/contract.js';

/**
 * Policy rules in plain words, and the small form's validation. The backend validates again in full
 * (policy/rules.ts); checking here lets the popover point at the field before anything is sent.
 */
export const RULE_EFFECT_LABEL: Record<RuleView['effect'], string> = {
  deny: 'Never do',
  require_step_up: 'Ask my phone first for',
  require_confirm: 'Always ask me in the app for',
  allow: 'Skip the confirmation for low-risk',
};

export type ConditionKind = 'recipient_outside_domain' | 'channel' | 'keyword_any' | 'min_recipients' | 'min_score';
const CONDITION_LABEL: Record<ConditionKind, string> = {
  recipient_outside_domain: 'someone outside a domain',
  channel: 'a channel',
  keyword_any: 'any of these words',
  min_recipients: 'at least this many people',
  min_score: 'a risk score of at least',
};

/** The conditions a rule can have, worded; a provider's contract words the ones only its actions carry (a channel). */
export function conditionLabels(catalog: ContractCatalog = SHIPPED_CATALOG): Record<ConditionKind, string> {
  const labels = { ...CONDITION_LABEL };
  for (const c of catalog.contracts)
    for (const [kind, words] of Object.entries(c.ruleConditions ?? {})) if (kind in labels) labels[kind as ConditionKind] = words;
  return labels;
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);

/**
 * "Never do <tool> actions in #general", "Ask my phone first for <tool> actions reaching someone outside
 * example.com", with each tool named by its provider's contract.
 */
export function describeRule(rule: Pick<RuleView, 'effect' | 'when'>, catalog: ContractCatalog = SHIPPED_CATALOG): string {
  const w = rule.when;
  const tools = list(w.tool).map((t) => catalog.tool(t)?.displayName ?? t);
  const actions = list(w.action);
  const what = `${tools.length ? tools.join(' or ') : 'any'} ${actions.length ? actions.join(' or ') : 'actions'}`;
  const parts: string[] = [];
  if (typeof w.recipient_outside_domain === 'string') parts.push(`reaching someone outside ${w.recipient_outside_domain}`);
  if (typeof w.channel === 'string') parts.push(`in #${w.channel.replace(/^#/, '')}`);
  if (Array.isArray(w.keyword_any)) parts.push(`mentioning ${w.keyword_any.map((k) => `“${String(k)}”`).join(' or ')}`);
  if (typeof w.min_recipients === 'number') parts.push(`reaching ${w.min_recipients} or more people`);
  if (typeof w.min_score === 'number') parts.push(`with a risk score of ${w.min_score} or more`);
  return `${RULE_EFFECT_LABEL[rule.effect]} ${what}${parts.length ? ` ${parts.join(', ')}` : ''}`;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const CHANNEL = /^[a-z0-9][a-z0-9_.-]{0,79}$/;

export interface RuleForm {
  effect: RuleView['effect'];
  /** '' = any tool. */
  tool: string;
  condition: ConditionKind | '';
  value: string;
}

/** The rule's `when` from the form, or the sentence that says what to fix. */
export function ruleWhenOf(
  form: RuleForm,
): { ok: true; when: Record<string, unknown> } | { ok: false; field: 'condition' | 'value'; message: string } {
  const when: Record<string, unknown> = {};
  if (form.tool) when.tool = form.tool;
  const v = form.value.trim();
  switch (form.condition) {
    case '':
      if (!form.tool)
        return {
          ok: false,
          field: 'condition',
          message: 'Pick an account or a condition: a rule about everything would block or allow everything.',
        };
      break;
    case 'recipient_outside_domain': {
      const d = v.toLowerCase().replace(/^@/, '');
      if (!DOMAIN.test(d)) return { ok: false, field: 'value', message: 'Enter a domain such as example.com.' };
      when.recipient_outside_domain = d;
      break;
    }
    case 'channel': {
      const c = v.toLowerCase().replace(/^#/, '');
      if (!CHANNEL.test(c)) return { ok: false, field: 'value', message: 'Enter a channel name such as #general.' };
      when.channel = c;
      break;
    }
    case 'keyword_any': {
      const words = v
        .split(',')
        .map((w) => w.trim())
        .filter(Boolean);
      if (words.length === 0 || words.length > 50 || words.some((w) => w.length > 64))
        return { ok: false, field: 'value', message: 'Enter one or more words, separated by commas (each up to 64 letters).' };
      when.keyword_any = words;
      break;
    }
    case 'min_recipients':
    case 'min_score': {
      const n = Number(v);
      const max = form.condition === 'min_score' ? 100 : 100_000;
      const min = form.condition === 'min_score' ? 0 : 1;
      if (!/^\d+$/.test(v) || n < min || n > max)
        return { ok: false, field: 'value', message: `Enter a whole number from ${min} to ${max}.` };
      when[form.condition] = n;
      break;
    }
  }
  return { ok: true, when };
}
