import {
  actionFromDraft,
  type AuthorizationChecker,
  evaluatePolicy,
  relationForAction,
  toolObject,
  userRef,
  type PolicyDecision,
  type PreauthStore,
  type ProposedAction,
  type RuleStore,
} from '../policy/index.js';
import { TOOL_DISPLAY_NAME, type Draft, type Tool } from '../protocol/index.js';
import type { ProviderRegistry, ProviderTools } from '../providers/index.js';
import type { SessionContext } from '../server/handlers.js';

export interface PolicyGateDeps {
  rules: RuleStore;
  preauth: PreauthStore;
  /** Roles and relationships (OpenFGA model): may this user use this tool this way at all? */
  authz: AuthorizationChecker;
  tools: ProviderTools;
  registry: Pick<ProviderRegistry, 'actionFacts'>;
  userDomain: (sub: string) => Promise<string>;
  /** The person's other own domains (settings/): recipients there do not count as outside. */
  insideDomains?: (sub: string) => Promise<readonly string[]>;
  now: () => number;
}

/** Scores a draft against the user's rules, grants and roles; no score makes a forbidden write allowed. */
export class PolicyGate {
  constructor(private readonly deps: PolicyGateDeps) {}

  async firstDeniedTool(sub: string, tools: readonly Tool[], relation: string): Promise<Tool | undefined> {
    for (const tool of tools) {
      if (!(await this.deps.authz.check({ user: userRef(sub), relation, object: toolObject(sub, tool) }))) return tool;
    }
    return undefined;
  }

  async decide(ctx: SessionContext, draft: Draft): Promise<{ action: ProposedAction; decision: PolicyDecision }> {
    const sub = ctx.user.sub;
    const now = this.deps.now();
    const [rules, grants, facts, userDomain, insideDomains] = await Promise.all([
      this.deps.rules.list(sub),
      this.deps.preauth.listActive(sub, now),
      this.deps.registry.actionFacts(this.deps.tools, { userId: sub, subjectToken: ctx.accessToken }, draft),
      this.deps.userDomain(sub),
      this.deps.insideDomains?.(sub) ?? [],
    ]);
    const action = actionFromDraft(draft, facts);
    const decision = evaluatePolicy(action, { user: sub, userDomain, insideDomains, rules, activePreauthorizations: grants, now });
    const allowed = await this.deps.authz.check({
      user: userRef(sub),
      relation: relationForAction(action.action),
      object: toolObject(sub, action.tool),
    });
    if (allowed) return { action, decision };
    return {
      action,
      decision: {
        ...decision,
        level: 'deny',
        decided_by: {
          kind: 'role',
          id: 'roles',
          detail: `Your role does not allow Vouch to ${action.action} in ${TOOL_DISPLAY_NAME[action.tool as Tool] ?? action.tool}`,
        },
      },
    };
  }
}
