import type { z } from 'zod';
import { missingScopes } from '../auth/scopeCatalog.js';
import type { ProviderTokenSource } from '../auth/tokenSource.js';
import { ERROR_CODES, PROVIDER_DISPLAY_NAME, type ErrorCode, type Provider } from '../protocol/index.js';
import type { ClassifiedFailure } from './failure.js';
import { fail, ok, type ProviderCallContext, type ProviderFailure, type ProviderResult } from './result.js';

/** pino-compatible subset. Only operation names, statuses and counts are logged, never tokens or content. */
export interface ProviderLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export const silentLogger: ProviderLogger = { debug() {}, info() {}, warn() {} };

export interface RetryPolicy {
  /** Extra attempts after a 5xx or network failure, for idempotent calls only. */
  maxServerRetries: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** Extra attempts after a 429. */
  maxRateLimitRetries: number;
  /** A Retry-After longer than this is not waited out: the caller gets RATE_LIMITED at once. */
  maxRetryAfterMs: number;
  /** Wait used for a 429 without Retry-After. */
  defaultRateLimitWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxServerRetries: 2,
  baseBackoffMs: 250,
  maxBackoffMs: 2000,
  maxRateLimitRetries: 1,
  maxRetryAfterMs: 10_000,
  defaultRateLimitWaitMs: 1000,
};

export interface CallPolicyDeps {
  tokenSource: ProviderTokenSource;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  logger: ProviderLogger;
  retry: RetryPolicy;
}

interface ProviderCall<Raw, T> {
  provider: Provider;
  /** The provider's name in messages; defaults to its contract's display name. */
  providerName?: string;
  connection: string;
  /** e.g. `<tool>.threads.list`; used in logs and messages. */
  operation: string;
  /** Exactly the scopes this request needs (least privilege), from the scope catalog. */
  scopes: readonly string[];
  /**
   * Whether repeating the request after a 5xx is harmless. A send or a post is not: the first attempt
   * may have landed, and a duplicate email is worse than a visible error.
   */
  idempotent: boolean;
  invoke(accessToken: string): Promise<unknown>;
  classify(err: unknown): ClassifiedFailure;
  /** Validates the provider's answer; a response that does not match is a PROVIDER_ERROR, not a crash. */
  schema: z.ZodType<Raw>;
  map(raw: Raw): T;
}

/** The provider's name from its contract; an unregistered one (a test's) by its id. */
const providerName = (provider: Provider): string => PROVIDER_DISPLAY_NAME[provider] ?? provider;

function isErrorCode(v: unknown): v is ErrorCode {
  return typeof v === 'string' && (ERROR_CODES as readonly string[]).includes(v);
}

/** Token source errors that carry a stable code (e.g. FEDERATED_TOKEN_NOT_IN_VAULT) pass through as they are. */
function tokenFailure(provider: Provider, name: string, err: unknown): ProviderFailure {
  const e = err as { code?: unknown; message?: unknown; details?: { missingScopes?: unknown; retryAfterMs?: unknown } } | undefined;
  if (e && isErrorCode(e.code)) {
    // The grant check happens at the token source (the exchange takes no scope): keep what it found missing.
    const missing = Array.isArray(e.details?.missingScopes)
      ? e.details.missingScopes.filter((x): x is string => typeof x === 'string')
      : undefined;
    const retry = typeof e.details?.retryAfterMs === 'number' ? e.details.retryAfterMs : undefined;
    return {
      code: e.code,
      provider,
      message: typeof e.message === 'string' && e.message ? e.message : `Could not get access to ${name}.`,
      ...(missing?.length ? { missingScopes: missing } : {}),
      ...(retry !== undefined ? { retryAfterMs: retry } : {}),
    };
  }
  return { code: 'TOKEN_EXCHANGE_FAILED', provider, message: `Vouch could not get access to your ${name} account right now.` };
}

/**
 * Runs one provider request under Vouch's retry policy (the client libraries' own retries are off):
 * 401 → invalidate the cached token and retry exactly once; 403 scope → INSUFFICIENT_SCOPE;
 * 429 → wait Retry-After (bounded) then RATE_LIMITED; 5xx → bounded exponential backoff for
 * idempotent calls, then PROVIDER_UNAVAILABLE; anything unreadable → PROVIDER_ERROR.
 */
export async function runProviderCall<Raw, T>(
  deps: CallPolicyDeps,
  ctx: ProviderCallContext,
  call: ProviderCall<Raw, T>,
): Promise<ProviderResult<T>> {
  const { provider, operation } = call;
  const name = call.providerName ?? providerName(provider);
  let authRetried = false;
  let serverRetries = 0;
  let rateRetries = 0;
  const tokenKey = { userId: ctx.userId, connection: call.connection };

  for (let attempt = 1; ; attempt++) {
    let token;
    try {
      token = await deps.tokenSource.getAccessToken({ ...tokenKey, subjectToken: ctx.subjectToken, scopes: call.scopes });
    } catch (err) {
      const failure = tokenFailure(provider, name, err);
      deps.logger.warn({ provider, operation, code: failure.code }, 'provider token unavailable');
      return fail(failure);
    }

    let raw: unknown;
    try {
      raw = await call.invoke(token.accessToken);
    } catch (err) {
      const f = call.classify(err);
      deps.logger.info(
        { provider, operation, attempt, failure: f.kind, status: 'status' in f ? f.status : undefined },
        'provider call failed',
      );
      const status = 'status' in f && f.status !== undefined ? { httpStatus: f.status } : {};
      switch (f.kind) {
        case 'unauthorized':
          deps.tokenSource.invalidate(tokenKey);
          if (!authRetried) {
            authRetried = true;
            continue;
          }
          return fail({
            code: 'TOKEN_EXCHANGE_FAILED',
            provider,
            httpStatus: 401,
            message: `${name} rejected Vouch's access twice. Reconnect the account to continue.`,
          });
        case 'insufficient_scope': {
          // A provider may name alternatives (Slack's conversations.open takes any of four): ask only
          // for the one this call was written for when it is among them.
          const alternatives = f.needed ?? [];
          const ours = alternatives.filter((s) => call.scopes.includes(s));
          const named = ours.length > 0 ? ours : alternatives.length > 0 ? alternatives : missingScopes(call.scopes, token.scopes);
          const missing = named.length > 0 ? named : [...call.scopes];
          return fail({
            code: 'INSUFFICIENT_SCOPE',
            provider,
            missingScopes: missing,
            httpStatus: 403,
            message: `${name} needs one more permission for this: ${missing.join(', ')}.`,
          });
        }
        case 'rate_limited': {
          const wait = f.retryAfterMs ?? deps.retry.defaultRateLimitWaitMs;
          if (rateRetries < deps.retry.maxRateLimitRetries && wait <= deps.retry.maxRetryAfterMs) {
            rateRetries++;
            await deps.sleep(wait);
            continue;
          }
          return fail({
            code: 'RATE_LIMITED',
            provider,
            httpStatus: 429,
            ...(f.retryAfterMs !== undefined ? { retryAfterMs: f.retryAfterMs } : {}),
            message: `${name} asked Vouch to slow down. Try again in a moment.`,
          });
        }
        case 'unavailable':
          if (call.idempotent && serverRetries < deps.retry.maxServerRetries) {
            const wait = Math.min(deps.retry.baseBackoffMs * 2 ** serverRetries, deps.retry.maxBackoffMs);
            serverRetries++;
            await deps.sleep(wait);
            continue;
          }
          return fail({
            code: 'PROVIDER_UNAVAILABLE',
            provider,
            ...status,
            message: `${name} is not answering right now (${operation}). Try again in a moment.`,
          });
        case 'not_found':
          return fail({ code: 'NOT_FOUND', provider, ...status, message: `${name} could not find that item.` });
        case 'bad_request':
          return fail({ code: 'BAD_REQUEST', provider, ...status, message: `${name} did not accept the request: ${f.detail}` });
        case 'conflict':
          return fail({ code: 'PROVIDER_ERROR', provider, ...status, message: `${name} reported a conflict: ${f.detail}` });
        case 'other':
          return fail({ code: 'PROVIDER_ERROR', provider, ...status, message: `${name} returned an error (${operation}): ${f.detail}` });
      }
    }

    const parsed = call.schema.safeParse(raw);
    if (!parsed.success) {
      deps.logger.warn({ provider, operation, issues: parsed.error.issues.length }, 'provider response did not match the expected shape');
      return fail({ code: 'PROVIDER_ERROR', provider, message: `${name} sent a response Vouch could not read (${operation}).` });
    }
    deps.logger.debug({ provider, operation, attempt }, 'provider call succeeded');
    return ok(call.map(parsed.data));
  }
}
