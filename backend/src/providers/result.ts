import type { ErrorCode, Provider } from '../protocol/index.js';

/** Who is acting: the Auth0 user and their access token for the Vouch API (the Token Vault subject token). */
export interface ProviderCallContext {
  userId: string;
  subjectToken: string;
}

export interface ProviderFailure {
  code: ErrorCode;
  /** A sentence safe to show a person and to give the model; never contains a credential. */
  message: string;
  provider: Provider;
  /** For INSUFFICIENT_SCOPE: the provider scopes to ask for when reconnecting. */
  missingScopes?: string[];
  /** For RATE_LIMITED: how long the provider asked us to wait. */
  retryAfterMs?: number;
  /** The provider's HTTP status when there was one (diagnostics, and conflict handling in tools). */
  httpStatus?: number;
}

export type ProviderResult<T> = { ok: true; value: T } | { ok: false; error: ProviderFailure };

export const ok = <T>(value: T): ProviderResult<T> => ({ ok: true, value });
export const fail = <T = never>(error: ProviderFailure): ProviderResult<T> => ({ ok: false, error });
