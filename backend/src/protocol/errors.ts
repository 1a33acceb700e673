import { z } from 'zod';

/**
 * Stable error codes shared by the backend and the app. They are part of the wire contract:
 * renderers key their copy and their "what to do next" button on these strings, so never rename one.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'SESSION_CONFLICT',
  'BAD_FRAME',
  'BAD_REQUEST',
  'NOT_FOUND',
  'TOKEN_VAULT_NOT_CONFIGURED',
  'FEDERATED_TOKEN_NOT_IN_VAULT',
  'TOKEN_EXCHANGE_FAILED',
  'CONNECTED_ACCOUNTS_FAILED',
  'PROVIDER_ERROR',
  'PROVIDER_UNAVAILABLE',
  'INSUFFICIENT_SCOPE',
  'RATE_LIMITED',
  'DRAFT_NOT_FOUND',
  'DRAFT_EXPIRED',
  'DRAFT_INVALID',
  'DRAFT_NOT_READY',
  'POLICY_DENIED',
  'APPROVAL_DENIED',
  'APPROVAL_EXPIRED',
  'APPROVAL_FAILED',
  'INTENT_UNCLEAR',
  'AUDIT_UNAVAILABLE',
  'INTERNAL',
] as const;

export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** What the app should offer next to the error sentence. */
export const ErrorAction = z.enum(['sign_in', 'reconnect', 'retry', 'none']);
export type ErrorAction = z.infer<typeof ErrorAction>;

/** Plain-language sentences a person can act on; the backend may send a more specific message. */
export const DEFAULT_ERROR_MESSAGES: Record<ErrorCode, { message: string; action: ErrorAction }> = {
  UNAUTHENTICATED: { message: 'Your session has ended. Sign in again to continue.', action: 'sign_in' },
  SESSION_CONFLICT: { message: 'This connection belongs to another account. Sign out and sign in again.', action: 'sign_in' },
  BAD_FRAME: { message: 'The app sent a message the service did not understand.', action: 'none' },
  BAD_REQUEST: { message: 'That request was not valid.', action: 'none' },
  NOT_FOUND: { message: 'That item no longer exists.', action: 'none' },
  TOKEN_VAULT_NOT_CONFIGURED: {
    message: 'Vouch is not set up to reach your accounts yet. Ask your administrator to enable Token Vault.',
    action: 'none',
  },
  FEDERATED_TOKEN_NOT_IN_VAULT: { message: 'Vouch is not connected to this account. Connect it to continue.', action: 'reconnect' },
  TOKEN_EXCHANGE_FAILED: {
    message: 'Vouch could not get access to your account right now. Try again, or reconnect it.',
    action: 'reconnect',
  },
  CONNECTED_ACCOUNTS_FAILED: { message: 'Connecting the account did not finish. Try connecting again.', action: 'reconnect' },
  PROVIDER_ERROR: { message: 'The service returned an error. Try again in a moment.', action: 'retry' },
  PROVIDER_UNAVAILABLE: { message: 'The service is not answering right now. Try again in a moment.', action: 'retry' },
  INSUFFICIENT_SCOPE: { message: 'Vouch needs one more permission for this. Reconnect the account to grant it.', action: 'reconnect' },
  RATE_LIMITED: { message: 'The service asked Vouch to slow down. Try again in a minute.', action: 'retry' },
  DRAFT_NOT_FOUND: { message: 'That draft no longer exists.', action: 'none' },
  DRAFT_EXPIRED: { message: 'That draft expired before it was confirmed. Ask again to make a new one.', action: 'none' },
  DRAFT_INVALID: { message: 'Some fields of the draft are not valid. Fix them and confirm again.', action: 'none' },
  DRAFT_NOT_READY: { message: 'That draft is already confirmed; it cannot be changed or confirmed again.', action: 'none' },
  POLICY_DENIED: { message: 'Your rules do not allow this action.', action: 'none' },
  APPROVAL_DENIED: { message: 'The approval was declined on your phone, so nothing was done.', action: 'none' },
  APPROVAL_EXPIRED: { message: 'The approval request expired, so nothing was done.', action: 'retry' },
  APPROVAL_FAILED: { message: 'Vouch could not ask for approval on your phone.', action: 'retry' },
  INTENT_UNCLEAR: { message: 'I did not catch what you want me to do. Try saying it another way.', action: 'none' },
  AUDIT_UNAVAILABLE: {
    message: 'Vouch could not record this in your activity log, so it did not do it. Try again in a moment.',
    action: 'retry',
  },
  INTERNAL: { message: 'Something went wrong on our side. Try again.', action: 'retry' },
};
