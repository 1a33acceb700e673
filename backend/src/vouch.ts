import type { BackendCore } from './backend.js';
import type { BackendServerDeps } from './server/app.js';
import type { ConversationHandler } from './server/handlers.js';

/**
 * The composition root: builds the agent pipeline, policy, approvals and audit over the core
 * services. Kept separate from `backend.ts` so tests can start the server with another handler.
 */
export async function createVouchHandler(core: BackendCore): Promise<ConversationHandler> {
  return {
    onTranscript: async (ctx, f) => {
      ctx.send({ type: 'error', code: 'INTENT_UNCLEAR', message: 'The assistant is not wired yet.', request_id: f.id });
    },
    onAccountConnected: async (ctx, f) => {
      const check = await core.links.check(ctx.user.sub, ctx.accessToken, f.provider);
      if (!check.linked) {
        ctx.send({ type: 'error', code: check.error.code, message: check.error.message, provider: f.provider, action: 'reconnect' });
      }
      core.channels.send(ctx.user.sub, { type: 'providers_updated', providers: core.links.list(ctx.user.sub) });
    },
    onActionConfirmed: async () => {},
    onActionCancelled: async () => {},
    onApprovalDecision: async () => {},
  };
}

export function vouchRoutes(_core: BackendCore): BackendServerDeps['routes'] {
  return undefined;
}
