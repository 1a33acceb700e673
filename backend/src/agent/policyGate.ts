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
import type { Draft, Tool } from '../protocol/index.js';
import type { ProviderTools } from '../providers/index.js';
import type { SessionContext } from '../server/handlers.js';

export interface PolicyGateDeps {
  rules: RuleStore;
  preauth: PreauthStore;
  /** Roles and relationships (OpenFGA model): may this user use this tool this way at all? */
  authz: AuthorizationChecker;
  tools: Pick<ProviderTools, 'slack'>;
  userDomain: (sub: string) => Promise<string>;
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
    const [rules, grants, members, userDomain] = await Promise.all([this.deps.rules.list(sub), this.deps.preauth.listActive(sub, now), this.channelMembers(ctx, draft), this.deps.userDomain(sub)]);
    const action = actionFromDraft(draft, members === undefined ? {} : { channel_member_count: members });
    const decision = evaluatePolicy(action, { user: sub, userDomain, rules, activePreauthorizations: grants, now });
    const allowed = await this.deps.authz.check({ user: userRef(sub), relation: relationForAction(action.action), object: toolObject(sub, action.tool) });
    if (allowed) return { action, decision };
    return { action, decision: { ...decision, level: 'deny', decided_by: { kind: 'rule', id: 'roles', effect: 'deny', detail: `Your role does not allow ${action.action} with ${action.tool}` } } };
  }

  /** A Slack channel's size widens the blast radius; unknown, the policy counts one reader. */
  private async channelMembers(ctx: SessionContext, draft: Draft): Promise<number | undefined> {
    if (draft.kind !== 'slack_message') return undefined;
    const r = await this.deps.tools.slack.listChannels({ userId: ctx.user.sub, subjectToken: ctx.accessToken });
    const wanted = draft.fields.channel.replace(/^#/, '').toLowerCase();
    return r.ok ? r.value.channels.find((c) => c.name.toLowerCase() === wanted || c.id === draft.fields.channel)?.members : undefined;
  }
}
