import type { FastifyReply } from 'fastify';
import { createAuditTrail, type AuditInput, type AuditStore } from '../../audit/index.js';
import type { CibaClient } from '../../auth/ciba.js';
import { parseRule, parseRules, type RuleStore } from '../../policy/index.js';
import { RuleListResponse, RuleResponse } from '../../protocol/index.js';
import { ApiError, shaped, type RouteModule } from '../apiError.js';
import { audited } from './audited.js';
import { approveOnPhone, trackPhoneWaits } from './phoneApproval.js';

type StoredRule = Awaited<ReturnType<RuleStore['list']>>[number];
type RuleInput = Pick<StoredRule, 'id' | 'effect' | 'when' | 'enabled'>;

/** How much a rule protects: an allow rule waives checks, the others add them. */
const STRENGTH: Record<StoredRule['effect'], number> = { allow: 0, require_confirm: 1, require_step_up: 2, deny: 3 };

/**
 * Whether replacing `before` with `after` (undefined: removing it) could lower the protection the
 * person has: a protective rule removed, turned off, made milder or narrowed, or a rule that waives
 * checks added or widened. Such a change needs the phone, so a stolen access token cannot lower the
 * risk of its own sends.
 */
export function loosens(before: RuleInput | undefined, after: RuleInput | undefined): boolean {
  if (after && after.enabled && after.effect === 'allow') {
    return !before || !before.enabled || before.effect !== 'allow' || JSON.stringify(before.when) !== JSON.stringify(after.when);
  }
  if (!before || !before.enabled || before.effect === 'allow') return false;
  if (!after || !after.enabled) return true;
  return STRENGTH[after.effect] < STRENGTH[before.effect] || JSON.stringify(before.when) !== JSON.stringify(after.when);
}

export interface RuleRouteDeps {
  rules: RuleStore;
  audit: AuditStore;
  /** The phone: loosening a rule waits for a fresh approval (the same CIBA guard as everything else). */
  ciba: Pick<CibaClient, 'start' | 'waitForDecision'>;
}

/** The user's policy rules; every change is audited before it is made, and loosening one needs the phone. */
export const ruleRoutes =
  ({ rules, audit, ciba }: RuleRouteDeps): RouteModule =>
  (app, requireUser) => {
    const trail = createAuditTrail(audit, app.log);
    trackPhoneWaits(app);
    const approve = (sub: string, what: string, reply: FastifyReply) =>
      approveOnPhone(
        { ciba, trail },
        {
          sub,
          purpose: 'rule_change',
          bindingMessage: `Loosen a Vouch rule: ${what}`.replace(/[^A-Za-z0-9 .,:#+@'-]/g, ' ').slice(0, 64),
          refusal: 'Loosening a rule needs your approval on your phone.',
        },
        reply,
      );
    app.get('/rules', async (req) => shaped(RuleListResponse, { rules: await rules.list((await requireUser(req)).sub) }));
    app.put('/rules', async (req, reply) => {
      const user = await requireUser(req);
      const parsed = parseRules((req.body as { rules?: unknown } | undefined)?.rules ?? req.body);
      if (!parsed.ok) throw new ApiError(400, 'BAD_REQUEST', parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
      const current = await rules.list(user.sub);
      const next = new Map(parsed.rules.map((r) => [r.id, r]));
      const weaker =
        current.some((r) => loosens(r, next.get(r.id))) ||
        parsed.rules.some((r) =>
          loosens(
            current.find((c) => c.id === r.id),
            r,
          ),
        );
      if (weaker) await approve(user.sub, 'replace all rules', reply);
      const entry: AuditInput = {
        kind: 'rule_change',
        data: { change: 'replace_all', count: parsed.rules.length },
        refs: { rule_ids: parsed.rules.map((r) => r.id).slice(0, 100) },
      };
      const stored = await audited(trail, user.sub, entry, () => rules.replaceAll(user.sub, parsed.rules));
      return shaped(RuleListResponse, { rules: stored });
    });
    app.post('/rules', async (req, reply) => {
      const user = await requireUser(req);
      const parsed = parseRule(req.body);
      if (!parsed.ok) throw new ApiError(400, 'BAD_REQUEST', parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
      if (loosens((await rules.get(user.sub, parsed.rule.id)) ?? undefined, parsed.rule)) await approve(user.sub, parsed.rule.id, reply);
      const entry: AuditInput = {
        kind: 'rule_change',
        data: { change: 'put', effect: parsed.rule.effect },
        refs: { rule_id: parsed.rule.id },
      };
      const rule = await audited(trail, user.sub, entry, () => rules.put(user.sub, parsed.rule));
      return reply.status(201).send(shaped(RuleResponse, { rule }));
    });
    app.delete('/rules/:id', async (req, reply) => {
      const user = await requireUser(req);
      const id = String((req.params as { id: string }).id);
      const existing = await rules.get(user.sub, id);
      if (!existing) throw new ApiError(404, 'NOT_FOUND', 'No rule with that id.');
      if (loosens(existing, undefined)) await approve(user.sub, id, reply);
      const entry: AuditInput = { kind: 'rule_change', data: { change: 'delete' }, refs: { rule_id: id } };
      const deleted = await audited(trail, user.sub, entry, () => rules.delete(user.sub, id));
      if (!deleted) {
        await trail.note(user.sub, { ...entry, data: { change: 'delete', outcome: 'not_found' } });
        throw new ApiError(404, 'NOT_FOUND', 'No rule with that id.');
      }
      return reply.status(204).send();
    });
  };
