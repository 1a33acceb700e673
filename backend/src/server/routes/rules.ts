import { createAuditTrail, type AuditInput, type AuditStore } from '../../audit/index.js';
import { parseRule, parseRules, type RuleStore } from '../../policy/index.js';
import { RuleListResponse, RuleResponse } from '../../protocol/index.js';
import { ApiError, shaped, type RouteModule } from '../apiError.js';
import { audited } from './audited.js';

/** The user's policy rules; every change is audited before it is made. */
export const ruleRoutes =
  (rules: RuleStore, audit: AuditStore): RouteModule =>
  (app, requireUser) => {
    const trail = createAuditTrail(audit, app.log);
    app.get('/rules', async (req) => shaped(RuleListResponse, { rules: await rules.list((await requireUser(req)).sub) }));
    app.put('/rules', async (req) => {
      const user = await requireUser(req);
      const parsed = parseRules((req.body as { rules?: unknown } | undefined)?.rules ?? req.body);
      if (!parsed.ok) throw new ApiError(400, 'BAD_REQUEST', parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
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
      if (!(await rules.get(user.sub, id))) throw new ApiError(404, 'NOT_FOUND', 'No rule with that id.');
      const entry: AuditInput = { kind: 'rule_change', data: { change: 'delete' }, refs: { rule_id: id } };
      const deleted = await audited(trail, user.sub, entry, () => rules.delete(user.sub, id));
      if (!deleted) {
        await trail.note(user.sub, { ...entry, data: { change: 'delete', outcome: 'not_found' } });
        throw new ApiError(404, 'NOT_FOUND', 'No rule with that id.');
      }
      return reply.status(204).send();
    });
  };
