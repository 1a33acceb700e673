import type { AuditStore } from '../../audit/index.js';
import { parseRule, parseRules, type RuleStore } from '../../policy/index.js';
import { RuleListResponse, RuleResponse } from '../../protocol/index.js';
import { ApiError, shaped, type RouteModule } from '../apiError.js';

/** The user's policy rules; every change is audited. */
export const ruleRoutes = (rules: RuleStore, audit: AuditStore): RouteModule => (app, requireUser) => {
  app.get('/rules', async (req) => shaped(RuleListResponse, { rules: await rules.list((await requireUser(req)).sub) }));
  app.put('/rules', async (req) => {
    const user = await requireUser(req);
    const parsed = parseRules((req.body as { rules?: unknown } | undefined)?.rules ?? req.body);
    if (!parsed.ok) throw new ApiError(400, 'BAD_REQUEST', parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    const stored = await rules.replaceAll(user.sub, parsed.rules);
    await audit.append(user.sub, { kind: 'rule_change', data: { change: 'replace_all', count: stored.length } });
    return shaped(RuleListResponse, { rules: stored });
  });
  app.post('/rules', async (req, reply) => {
    const user = await requireUser(req);
    const parsed = parseRule(req.body);
    if (!parsed.ok) throw new ApiError(400, 'BAD_REQUEST', parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    const rule = await rules.put(user.sub, parsed.rule);
    await audit.append(user.sub, { kind: 'rule_change', data: { change: 'put', id: rule.id } });
    return reply.status(201).send(shaped(RuleResponse, { rule }));
  });
  app.delete('/rules/:id', async (req, reply) => {
    const user = await requireUser(req);
    const id = String((req.params as { id: string }).id);
    if (!(await rules.delete(user.sub, id))) throw new ApiError(404, 'NOT_FOUND', 'No rule with that id.');
    await audit.append(user.sub, { kind: 'rule_change', data: { change: 'delete', id } });
    return reply.status(204).send();
  });
};
