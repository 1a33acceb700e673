import { describe, expect, it } from 'vitest';
import { RiskSummary } from '../../src/protocol/index.js';
import {
  evaluatePolicy,
  levelForScore,
  RuleSchema,
  toRiskSummary,
  createPreauthorization,
  type PolicyContext,
  type ProposedActionInput,
  type Rule,
  type RuleInput,
} from '../../src/policy/index.js';

const NOW = Date.parse('2025-06-02T09:00:00Z');
const ctx = (over: Partial<PolicyContext> = {}): PolicyContext => ({
  user: 'auth0|alex',
  userDomain: 'example.com',
  rules: [],
  activePreauthorizations: [],
  now: NOW,
  ...over,
});
const rules = (...r: RuleInput[]): Rule[] => r.map((x) => RuleSchema.parse(x));
const internal = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@example.com`);
const outside = (n: number) => Array.from({ length: n }, (_, i) => `x${i}@northwind.io`);

type Row = {
  name: string;
  action: ProposedActionInput;
  /** [action type, reversibility, blast radius, sensitivity] */
  points: [number, number, number, number];
  level: 'auto' | 'confirm' | 'step_up';
};

// Each row pins every factor, so a change to any table entry shows up as a named failing row.
const TABLE: Row[] = [
  { name: 'read changes nothing', action: { tool: 'gmail', action: 'read' }, points: [0, 0, 0, 0], level: 'auto' },
  {
    name: 'summarize of a CONFIDENTIAL thread: sensitivity only',
    action: { tool: 'gmail', action: 'summarize', labels: ['CONFIDENTIAL'] },
    points: [0, 0, 0, 8],
    level: 'auto',
  },
  {
    name: 'read of a big Slack channel has no blast radius',
    action: { tool: 'slack', action: 'read', channel: 'general', channel_member_count: 5000 },
    points: [0, 0, 0, 0],
    level: 'auto',
  },
  {
    name: 'draft reaches no one',
    action: { tool: 'gmail', action: 'draft', recipients: outside(30), subject: 'hi' },
    points: [5, 0, 0, 0],
    level: 'auto',
  },
  {
    name: '"agenda" is not "nda"',
    action: { tool: 'gmail', action: 'draft', subject: 'Agenda for Monday' },
    points: [5, 0, 0, 0],
    level: 'auto',
  },
  {
    name: 'edge 19: draft with NDA + contract',
    action: { tool: 'gmail', action: 'draft', subject: 'NDA contract' },
    points: [5, 0, 0, 14],
    level: 'auto',
  },
  {
    name: 'edge 20: same draft on an IMPORTANT thread',
    action: { tool: 'gmail', action: 'draft', subject: 'NDA contract', labels: ['important'] },
    points: [5, 0, 0, 15],
    level: 'confirm',
  },
  {
    name: 'sensitivity caps at 15',
    action: { tool: 'gmail', action: 'draft', subject: 'payroll NDA LOI', labels: ['RESTRICTED'] },
    points: [5, 0, 0, 15],
    level: 'confirm',
  },
  {
    name: 'personal calendar block',
    action: { tool: 'calendar', action: 'schedule', title: 'Focus time' },
    points: [10, 5, 0, 0],
    level: 'auto',
  },
  {
    name: 'edge 19: event with one outside attendee',
    action: { tool: 'calendar', action: 'schedule', title: 'Coffee', attendees: ['dana@northwind.io'] },
    points: [10, 5, 4, 0],
    level: 'auto',
  },
  {
    name: 'edge 20: event with four colleagues',
    action: { tool: 'calendar', action: 'schedule', title: 'Sync', attendees: internal(4) },
    points: [10, 5, 5, 0],
    level: 'confirm',
  },
  { name: 'update an event', action: { tool: 'calendar', action: 'update', title: 'Sync' }, points: [10, 10, 0, 0], level: 'confirm' },
  {
    name: 'cancel an event with two attendees',
    action: { tool: 'calendar', action: 'cancel', title: 'Sync', attendees: internal(2) },
    points: [20, 15, 2, 0],
    level: 'confirm',
  },
  {
    name: 'email one colleague',
    action: { tool: 'gmail', action: 'send', recipients: ['bob@example.com'], subject: 'Lunch?' },
    points: [20, 25, 0, 0],
    level: 'confirm',
  },
  {
    name: 'subdomains are inside the domain',
    action: { tool: 'gmail', action: 'send', recipients: ['bob@mail.example.com'], subject: 'Lunch?' },
    points: [20, 25, 0, 0],
    level: 'confirm',
  },
  {
    name: 'look-alike domains are outside',
    action: { tool: 'gmail', action: 'send', recipients: ['bob@notexample.com'], subject: 'Lunch?' },
    points: [20, 25, 4, 0],
    level: 'confirm',
  },
  {
    name: 'email one outside address',
    action: { tool: 'gmail', action: 'send', recipients: ['dana@northwind.io'], subject: 'Hello' },
    points: [20, 25, 4, 0],
    level: 'confirm',
  },
  {
    name: 'edge 54: email two outside addresses on an IMPORTANT thread',
    action: { tool: 'gmail', action: 'send', recipients: outside(2), subject: 'Hello', labels: ['IMPORTANT'] },
    points: [20, 25, 8, 1],
    level: 'confirm',
  },
  {
    name: 'edge 55: email three outside addresses',
    action: { tool: 'gmail', action: 'send', recipients: outside(3), subject: 'Hello' },
    points: [20, 25, 10, 0],
    level: 'step_up',
  },
  {
    name: 'emailing nine colleagues stays a confirm',
    action: { tool: 'gmail', action: 'send', recipients: internal(9), subject: 'Hello' },
    points: [20, 25, 5, 0],
    level: 'confirm',
  },
  {
    name: 'the NDA email to Dana',
    action: { tool: 'gmail', action: 'send', recipients: ['dana@northwind.io'], subject: 'NDA', body: 'Attached.' },
    points: [20, 25, 4, 10],
    level: 'step_up',
  },
  {
    name: 'cc counts, duplicates once',
    action: {
      tool: 'gmail',
      action: 'reply',
      recipients: ['a@example.com', 'A@example.com'],
      cc: ['b@example.com', 'c@example.com'],
      subject: 'Re: x',
    },
    points: [20, 25, 2, 0],
    level: 'confirm',
  },
  {
    name: 'blast radius caps at 20',
    action: { tool: 'gmail', action: 'reply', recipients: [...internal(24), ...outside(6)], subject: 'Re: x' },
    points: [20, 25, 20, 0],
    level: 'step_up',
  },
  {
    name: 'wire transfer is a financial action',
    action: { tool: 'gmail', action: 'send', recipients: ['ap@example.com'], subject: 'Wire transfer today' },
    points: [40, 25, 0, 12],
    level: 'step_up',
  },
  {
    name: 'caller-declared credential action',
    action: { tool: 'gmail', action: 'send', recipients: ['it@example.com'], subject: 'Access', category: 'auth' },
    points: [40, 25, 0, 0],
    level: 'step_up',
  },
  {
    name: 'Slack post to a small channel',
    action: { tool: 'slack', action: 'post', channel: '#team', channel_member_count: 8, body: 'Standup moved' },
    points: [20, 10, 5, 0],
    level: 'confirm',
  },
  {
    name: 'Slack direct message to a colleague: one reader, by address',
    action: { tool: 'slack', action: 'post', recipients: ['bob@example.com'], body: 'Running late' },
    points: [20, 10, 0, 0],
    level: 'confirm',
  },
  {
    name: 'Slack direct message to a guest outside the domain',
    action: { tool: 'slack', action: 'post', recipients: ['dana@northwind.io'], body: 'Running late' },
    points: [20, 10, 4, 0],
    level: 'confirm',
  },
  {
    name: 'Slack post to a 250-person channel',
    action: { tool: 'slack', action: 'post', channel: 'general', channel_member_count: 250, body: 'Hi all' },
    points: [20, 10, 15, 0],
    level: 'confirm',
  },
  {
    name: 'everything at once is 100',
    action: { tool: 'gmail', action: 'send', recipients: outside(120), subject: 'payroll password wire' },
    points: [40, 25, 20, 15],
    level: 'step_up',
  },
];

describe('risk score: each factor and threshold edge', () => {
  it.each(TABLE)('$name', ({ action, points, level }) => {
    const d = evaluatePolicy(action, ctx());
    expect(d.factors.map((f) => f.points)).toEqual(points);
    expect(d.score).toBe(points.reduce((a, b) => a + b, 0));
    expect(d.score_level).toBe(level);
    expect(d.level).toBe(level);
    expect(d.decided_by.kind).toBe('threshold');
    expect(d.factors.map((f) => f.name)).toEqual(['Action type', 'Reversibility', 'Blast radius', 'Sensitivity']);
    for (const f of d.factors) expect(f.detail.length).toBeGreaterThan(0);
  });

  it.each([
    [0, 'auto'],
    [19, 'auto'],
    [20, 'confirm'],
    [54, 'confirm'],
    [55, 'step_up'],
    [100, 'step_up'],
  ] as const)('levelForScore(%i) = %s', (score, level) => {
    expect(levelForScore(score)).toBe(level);
  });

  it('explains outside addresses and sensitive terms in the factor details', () => {
    const d = evaluatePolicy({ tool: 'gmail', action: 'send', recipients: ['dana@northwind.io'], subject: 'NDA' }, ctx());
    expect(d.factors[2]?.detail).toContain('dana@northwind.io');
    expect(d.factors[2]?.detail).toContain('outside example.com');
    expect(d.factors[3]?.detail).toContain('NDA');
  });

  it('is deterministic and maps onto the protocol RiskSummary', () => {
    const a: ProposedActionInput = { tool: 'gmail', action: 'send', recipients: ['dana@northwind.io'], subject: 'NDA' };
    const s1 = toRiskSummary(evaluatePolicy(a, ctx()));
    const s2 = toRiskSummary(evaluatePolicy(a, ctx()));
    expect(s1).toEqual(s2);
    expect(RiskSummary.parse(s1)).toEqual(s1);
    expect(s1).toMatchObject({
      score: 59,
      level: 'step_up',
      reason: { by: 'default', text: 'risky actions need your approval on your phone' },
    });
    // What the app shows carries no rule id and no score in its words.
    expect(s1.rule).toBe('risky actions need your approval on your phone');
  });

  it('rejects a malformed action', () => {
    expect(() => evaluatePolicy({ tool: 'fax', action: 'send' } as unknown as ProposedActionInput, ctx())).toThrow();
  });
});

describe('rules: deny > require_step_up > require_confirm > allow', () => {
  const never = {
    id: 'no-general',
    effect: 'deny',
    when: { tool: 'slack', channel: '#general' },
    description: 'never post to #general',
  } as const;
  const outsideStepUp = {
    id: 'outside-step-up',
    effect: 'require_step_up',
    when: { tool: 'gmail', recipient_outside_domain: 'example.com' },
    description: 'email outside example.com needs step-up',
  } as const;

  it('deny overrides a low score', () => {
    const d = evaluatePolicy(
      { tool: 'slack', action: 'post', channel: 'General', channel_member_count: 1, body: 'hi' },
      ctx({ rules: rules(never) }),
    );
    expect(d.score).toBe(30);
    expect(d.level).toBe('deny');
    expect(d.decided_by).toMatchObject({ kind: 'rule', id: 'no-general', effect: 'deny' });
    expect(toRiskSummary(d).reason).toEqual({ by: 'rule', text: 'never post to #general' });
    expect(toRiskSummary(d).rule).toBe('never post to #general');
  });

  it('deny overrides allow, require_* and a covering pre-authorization', () => {
    const grant = createPreauthorization(
      'auth0|alex',
      { tool: 'slack', max_level: 'step_up', duration_ms: 30 * 60_000 },
      { method: 'ciba', user: 'auth0|alex', auth_req_id: 'r1', approved_at: NOW },
      NOW,
      'pa1',
    );
    const d = evaluatePolicy(
      { tool: 'slack', action: 'post', channel: 'general', body: 'hi' },
      ctx({
        rules: rules(
          { id: 'allow-slack', effect: 'allow', when: { tool: 'slack' }, description: 'slack is fine' },
          { id: 'su', effect: 'require_step_up', when: { tool: 'slack' }, description: 'x' },
          never,
        ),
        activePreauthorizations: [grant],
      }),
    );
    expect(d.level).toBe('deny');
    expect(d.decided_by).toMatchObject({ id: 'no-general' });
    expect(d.matched_rules.map((m) => m.id)).toEqual(['allow-slack', 'su', 'no-general']);
  });

  it('the first deny in list order is the one reported', () => {
    const d = evaluatePolicy(
      { tool: 'gmail', action: 'send', recipients: ['a@example.com'], subject: 'payroll' },
      ctx({
        rules: rules(
          { id: 'd1', effect: 'deny', when: { keyword_any: ['payroll'] }, description: 'a' },
          { id: 'd2', effect: 'deny', when: { tool: 'gmail' }, description: 'b' },
        ),
      }),
    );
    expect(d.decided_by).toMatchObject({ id: 'd1' });
  });

  it('require_step_up raises an outside email to step-up; internal mail keeps its threshold', () => {
    const out = evaluatePolicy(
      { tool: 'gmail', action: 'send', recipients: ['dana@northwind.io'], subject: 'Hello' },
      ctx({ rules: rules(outsideStepUp) }),
    );
    expect([out.score, out.score_level, out.level]).toEqual([49, 'confirm', 'step_up']);
    expect(out.decided_by).toMatchObject({ kind: 'rule', id: 'outside-step-up' });
    const inside = evaluatePolicy(
      { tool: 'gmail', action: 'send', recipients: ['bob@example.com'], subject: 'Hello' },
      ctx({ rules: rules(outsideStepUp) }),
    );
    expect([inside.level, inside.decided_by.kind]).toEqual(['confirm', 'threshold']);
  });

  it('require_confirm raises auto but never lowers step-up', () => {
    const r = rules({ id: 'c', effect: 'require_confirm', when: { keyword_any: ['board'] }, description: 'board stuff needs a look' });
    const low = evaluatePolicy({ tool: 'gmail', action: 'draft', subject: 'Board deck' }, ctx({ rules: r }));
    expect([low.level, low.decided_by.kind]).toEqual(['confirm', 'rule']);
    const high = evaluatePolicy(
      { tool: 'gmail', action: 'send', recipients: ['dana@northwind.io'], subject: 'Board NDA' },
      ctx({ rules: r }),
    );
    expect([high.level, high.decided_by.kind]).toEqual(['step_up', 'threshold']);
  });

  it('allow lowers confirm to auto, but not step-up, and not when a require_* rule matched', () => {
    const allowCal = { id: 'cal-ok', effect: 'allow', when: { tool: 'calendar' }, description: 'calendar changes are fine' } as const;
    const d = evaluatePolicy(
      { tool: 'calendar', action: 'schedule', title: 'Sync', attendees: internal(4) },
      ctx({ rules: rules(allowCal) }),
    );
    expect([d.score_level, d.level]).toEqual(['confirm', 'auto']);
    expect(d.decided_by).toMatchObject({ kind: 'rule', id: 'cal-ok', effect: 'allow' });

    const allowMail = { id: 'mail-ok', effect: 'allow', when: { tool: 'gmail' }, description: 'x' } as const;
    const high = evaluatePolicy(
      { tool: 'gmail', action: 'send', recipients: ['dana@northwind.io'], subject: 'NDA' },
      ctx({ rules: rules(allowMail) }),
    );
    expect(high.level).toBe('step_up');

    const both = evaluatePolicy(
      { tool: 'calendar', action: 'schedule', title: 'Sync', attendees: internal(4) },
      ctx({ rules: rules(allowCal, { id: 'rc', effect: 'require_confirm', when: { min_recipients: 3 }, description: 'big meetings' }) }),
    );
    expect([both.level, both.decided_by]).toEqual(['confirm', expect.objectContaining({ id: 'rc' })]);
  });

  it('conditions AND together: tool list, min_recipients, min_score, disabled rules', () => {
    const r = rules(
      { id: 'big', effect: 'require_step_up', when: { tool: ['gmail', 'calendar'], min_recipients: 10 }, description: 'big audiences' },
      { id: 'scored', effect: 'require_step_up', when: { min_score: 45 }, description: 'x', enabled: false },
    );
    expect(evaluatePolicy({ tool: 'gmail', action: 'send', recipients: internal(9), subject: 'x' }, ctx({ rules: r })).level).toBe(
      'confirm',
    );
    expect(evaluatePolicy({ tool: 'gmail', action: 'send', recipients: internal(10), subject: 'x' }, ctx({ rules: r })).level).toBe(
      'step_up',
    );
    expect(
      evaluatePolicy({ tool: 'slack', action: 'post', channel: 'x', channel_member_count: 50, body: 'x' }, ctx({ rules: r })).level,
    ).toBe('confirm');
    const enabled = rules({ id: 'scored', effect: 'require_step_up', when: { min_score: 45 }, description: 'x' });
    expect(
      evaluatePolicy({ tool: 'slack', action: 'post', channel: 'x', channel_member_count: 250, body: 'x' }, ctx({ rules: enabled })).level,
    ).toBe('step_up');
    expect(
      evaluatePolicy({ tool: 'slack', action: 'post', channel: 'x', channel_member_count: 8, body: 'x' }, ctx({ rules: enabled })).level,
    ).toBe('confirm');
  });

  it('keyword_any matches whole words in text and labels, case-insensitively', () => {
    const r = rules({ id: 'k', effect: 'deny', when: { keyword_any: ['term sheet', 'LEGAL'] }, description: 'x' });
    expect(evaluatePolicy({ tool: 'gmail', action: 'draft', subject: 'the Term  Sheet' }, ctx({ rules: r })).level).toBe('deny');
    expect(evaluatePolicy({ tool: 'gmail', action: 'draft', subject: 'x', labels: ['legal'] }, ctx({ rules: r })).level).toBe('deny');
    expect(evaluatePolicy({ tool: 'gmail', action: 'draft', subject: 'paralegal sheets' }, ctx({ rules: r })).level).toBe('auto');
  });
});

describe('pre-authorization in the decision', () => {
  const proof = { method: 'ciba' as const, user: 'auth0|alex', auth_req_id: 'req-1', approved_at: NOW };
  const gmail30 = createPreauthorization(
    'auth0|alex',
    { tool: 'gmail', max_level: 'confirm', duration_ms: 30 * 60_000 },
    proof,
    NOW,
    'pa-gmail',
  );
  const mail = (subject: string, to = 'bob@example.com'): ProposedActionInput => ({
    tool: 'gmail',
    action: 'send',
    recipients: [to],
    subject,
  });

  it('skips the confirm for medium-risk Gmail actions while active', () => {
    const d = evaluatePolicy(mail('Lunch?'), ctx({ activePreauthorizations: [gmail30], now: NOW + 29 * 60_000 }));
    expect([d.score_level, d.level, d.preauthorization_id]).toEqual(['confirm', 'auto', 'pa-gmail']);
    // Until when, as a time for the app to show in the person's zone; never the grant's id.
    expect(toRiskSummary(d).reason).toEqual({
      by: 'preauthorization',
      text: 'you pre-approved these actions',
      until: new Date(NOW + 30 * 60_000).toISOString(),
    });
    expect(JSON.stringify(toRiskSummary(d))).not.toContain('pa-gmail');
  });

  it('stops at expiry, on revoke, for other tools and other users', () => {
    expect(evaluatePolicy(mail('Lunch?'), ctx({ activePreauthorizations: [gmail30], now: NOW + 30 * 60_000 })).level).toBe('confirm');
    expect(
      evaluatePolicy(mail('Lunch?'), ctx({ activePreauthorizations: [{ ...gmail30, revoked_at: NOW + 1 }], now: NOW + 2 })).level,
    ).toBe('confirm');
    expect(evaluatePolicy({ tool: 'calendar', action: 'update', title: 'x' }, ctx({ activePreauthorizations: [gmail30] })).level).toBe(
      'confirm',
    );
    expect(evaluatePolicy(mail('Lunch?'), ctx({ user: 'auth0|sam', activePreauthorizations: [gmail30] })).level).toBe('confirm');
  });

  it('never auto-approves above its max', () => {
    // 59 is step-up; a confirm-level grant can't cover it.
    expect(evaluatePolicy(mail('NDA', 'dana@northwind.io'), ctx({ activePreauthorizations: [gmail30] })).level).toBe('step_up');
    const su = createPreauthorization(
      'auth0|alex',
      { tool: 'gmail', max_level: 'step_up', max_score: 70, duration_ms: 60 * 60_000 },
      { ...proof, auth_req_id: 'req-2' },
      NOW,
      'pa-su',
    );
    expect(evaluatePolicy(mail('NDA', 'dana@northwind.io'), ctx({ activePreauthorizations: [su] })).level).toBe('auto');
    // 77 > 70
    expect(evaluatePolicy(mail('wire transfer'), ctx({ activePreauthorizations: [su] })).level).toBe('step_up');
  });

  it('an explicit require_* rule wins over a grant that would cover the level and score', () => {
    const su = createPreauthorization(
      'auth0|alex',
      { tool: 'gmail', max_level: 'step_up', max_score: 100, duration_ms: 60 * 60_000 },
      { ...proof, auth_req_id: 'req-3' },
      NOW,
      'pa-all',
    );
    const stepUp = rules({
      id: 'outside-phone',
      effect: 'require_step_up',
      when: { recipient_outside_domain: 'example.com' },
      description: 'outside mail needs my phone',
    });
    const d = evaluatePolicy(mail('Hello', 'dana@northwind.io'), ctx({ rules: stepUp, activePreauthorizations: [su] }));
    expect([d.level, d.preauthorization_id]).toEqual(['step_up', undefined]);
    expect(d.decided_by).toMatchObject({ kind: 'rule', id: 'outside-phone' });
    const confirm = rules({ id: 'always-ask', effect: 'require_confirm', when: { tool: 'gmail' }, description: 'ask me before any mail' });
    expect(evaluatePolicy(mail('Lunch?'), ctx({ rules: confirm, activePreauthorizations: [gmail30] })).level).toBe('confirm');
    // Without the rule the same grant covers the same action.
    expect(evaluatePolicy(mail('Hello', 'dana@northwind.io'), ctx({ activePreauthorizations: [su] })).level).toBe('auto');
  });

  it('a rule-required step-up is not covered by a confirm-level grant', () => {
    const r = rules({ id: 'o', effect: 'require_step_up', when: { recipient_outside_domain: 'example.com' }, description: 'x' });
    expect(evaluatePolicy(mail('Hello', 'dana@northwind.io'), ctx({ rules: r, activePreauthorizations: [gmail30] })).level).toBe('step_up');
  });
});

describe('decisionAuditData', () => {
  it('records the decision without the message text, and is accepted by the audit chain', async () => {
    const { decisionAuditData, ProposedAction } = await import('../../src/policy/index.js');
    const { appendEntry } = await import('../../src/audit/index.js');
    const action = ProposedAction.parse({
      tool: 'gmail',
      action: 'send',
      recipients: ['dana@northwind.io'],
      subject: 'NDA',
      body: 'secret terms',
    });
    const data = decisionAuditData(action, evaluatePolicy(action, ctx()));
    expect(data).toMatchObject({
      tool: 'gmail',
      action: 'send',
      score: 59,
      level: 'step_up',
      decided_by: 'threshold',
      recipients: ['dana@northwind.io'],
    });
    expect(JSON.stringify(data)).not.toContain('secret terms');
    expect(data.body_sha256).toMatch(/^[0-9a-f]{64}$/);
    const e = appendEntry(null, { user: 'auth0|alex', kind: 'policy_decision', data }, new Uint8Array(32).fill(7), NOW);
    expect(e.data).toEqual(data);
  });
});
