import type { VerifiedUser } from '../auth/jwt.js';
import type { AppFrameOf, ServerFrame, VoiceKey } from '../protocol/index.js';

/** What a frame handler knows about the socket it came from. */
export interface SessionContext {
  readonly id: string;
  readonly user: VerifiedUser;
  /** The user's current Auth0 access token: the Token Vault subject token. Never sent anywhere else. */
  readonly accessToken: string;
  readonly timezone: string;
  /** The voice the person chose for spoken replies (the default when their app named none it knows). */
  readonly voice?: VoiceKey;
  /** Sends to this socket only. */
  send(frame: ServerFrame): void;
  /** False once the socket closed (work scheduled for later checks before using this context). */
  isOpen?(): boolean;
}

/** The agent pipeline's entry points; the server validates, authenticates and routes to them (sign-in, scopes, revoke and logout go to the SessionService). */
export interface ConversationHandler {
  onSessionStarted?(ctx: SessionContext): Promise<void>;
  onTranscript(ctx: SessionContext, f: AppFrameOf<'transcript'>): Promise<void>;
  onAccountConnected(ctx: SessionContext, f: AppFrameOf<'account_connected'>): Promise<void>;
  onActionConfirmed(ctx: SessionContext, f: AppFrameOf<'action_confirmed'>): Promise<void>;
  onActionCancelled(ctx: SessionContext, f: AppFrameOf<'action_cancelled'>): Promise<void>;
  onApprovalDecision(ctx: SessionContext, f: AppFrameOf<'approval_decision'>): Promise<void>;
}
