// Policy decisions per second: `npx tsx bench/policy.ts`. A mix of the actions the pipeline scores,
// with a realistic rule list and pre-authorizations, so rule matching and grant lookup are included.
import {
  createPreauthorization,
  evaluatePolicy,
  ProposedAction,
  RuleSchema,
  buildBindingMessage,
  type PolicyContext,
} from '../backend/src/policy/index.js';

const NOW = Date.parse('2025-06-02T09:00:00Z');
const rules = [
  { id: 'no-general', effect: 'deny', when: { tool: 'slack', channel: '#general' }, description: 'never post to #general' },
  {
    id: 'outside',
    effect: 'require_step_up',
    when: { tool: 'gmail', recipient_outside_domain: 'example.com' },
    description: 'email outside example.com needs step-up',
  },
  { id: 'board', effect: 'require_confirm', when: { keyword_any: ['board', 'investor', 'term sheet'] }, description: 'board mail' },
  { id: 'cal', effect: 'allow', when: { tool: 'calendar', action: 'schedule' }, description: 'scheduling is fine' },
].map((r) => RuleSchema.parse(r));
const grant = createPreauthorization(
  'auth0|alex',
  { tool: 'gmail', max_level: 'confirm', duration_ms: 30 * 60_000 },
  { method: 'ciba', user: 'auth0|alex', auth_req_id: 'r', approved_at: NOW },
  NOW,
  'pa',
);
const ctx: PolicyContext = { user: 'auth0|alex', userDomain: 'example.com', rules, activePreauthorizations: [grant], now: NOW };

const body = 'Hi Dana, attached is the mutual NDA we discussed on Tuesday. Let me know if legal has comments. '.repeat(8);
const actions = [
  { tool: 'gmail', action: 'read' },
  { tool: 'gmail', action: 'send', recipients: ['dana@northwind.io'], subject: 'NDA', body },
  {
    tool: 'gmail',
    action: 'reply',
    recipients: ['bob@example.com', 'carol@example.com'],
    cc: ['dan@example.com'],
    subject: 'Re: lunch',
    body,
  },
  { tool: 'calendar', action: 'schedule', title: 'Sync', attendees: ['a@example.com', 'b@example.com', 'c@northwind.io'] },
  { tool: 'slack', action: 'post', channel: 'general', channel_member_count: 250, body: 'Hello all' },
  { tool: 'slack', action: 'post', channel: 'team', channel_member_count: 8, body: 'Standup moved to 10' },
].map((a) => ProposedAction.parse(a));

function run(label: string, fn: (i: number) => unknown, ms = 1500): void {
  for (let i = 0; i < 2000; i++) fn(i); // warm-up
  let n = 0;
  const start = process.hrtime.bigint();
  const until = start + BigInt(ms) * 1_000_000n;
  while (process.hrtime.bigint() < until) {
    for (let i = 0; i < 500; i++) fn(n++);
  }
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(
    `${label.padEnd(48)} ${Math.round(n / secs)
      .toLocaleString('en-US')
      .padStart(12)} /s  (${((secs * 1e6) / n).toFixed(2)} µs each)`,
  );
}

console.log(`node ${process.version}, ${actions.length} action shapes, ${rules.length} rules, 1 pre-authorization`);
run('policy decisions (parsed actions)', (i) => evaluatePolicy(actions[i % actions.length] as ProposedAction, ctx));
run('policy decisions (incl. zod parse of raw action)', (i) => evaluatePolicy({ ...(actions[i % actions.length] as ProposedAction) }, ctx));
run('CIBA binding messages', (i) => buildBindingMessage(actions[i % actions.length] as ProposedAction));
