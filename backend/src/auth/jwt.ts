import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { ErrorCode } from '../protocol/errors.js';
import { VouchError, type VouchErrorOptions } from '../protocol/vouchError.js';

export interface VerifiedUser {
  sub: string;
  email?: string;
  name?: string;
  scope: string[];
  expiresAt: number;
}

export class AuthError extends VouchError {
  static override readonly code = 'UNAUTHENTICATED' satisfies ErrorCode;
  declare readonly code: 'UNAUTHENTICATED';
  constructor(
    readonly reason: string,
    options?: VouchErrorOptions,
  ) {
    super(reason, options);
    this.name = 'AuthError';
  }
}

interface AccessTokenVerifierOptions {
  issuer: string;
  audience: string;
  clockToleranceSeconds?: number;
  /** Injected for tests; defaults to the issuer's JWKS, fetched remotely and cached by jose. */
  jwks?: JWTVerifyGetKey;
  jwksUri?: string;
  /** Milliseconds since the epoch; injected for tests. */
  now?: () => number;
}

/**
 * A compact JWS and nothing else: three base64url segments (a signature is required, RS256 only).
 * Base64 decoders skip characters outside the alphabet, so without this a token with whitespace
 * around it (or inside it) would verify as the same token.
 */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Verifies Auth0 access tokens: RS256 only (refusing `none` and HS256-with-the-public-key), signed
 * by a key from the tenant's JWKS (jose caches it and refetches on an unknown `kid`, rate-limited
 * by its cooldown), with issuer, audience and `exp`/`nbf` checked under a small clock skew, and
 * an `iat` no later than now plus that skew (a token issued "in the future" is forged or from a
 * tenant whose clock is wrong).
 */
export function createAccessTokenVerifier(opts: AccessTokenVerifierOptions) {
  // Auth0's `iss` ends with a slash; AUTH0_ISSUER_BASE_URL may be written with or without one.
  const issuerBase = opts.issuer.endsWith('/') ? opts.issuer : `${opts.issuer}/`;
  const jwks =
    opts.jwks ??
    createRemoteJWKSet(new URL(opts.jwksUri ?? new URL('.well-known/jwks.json', issuerBase).href), {
      cooldownDuration: 30_000,
      cacheMaxAge: 10 * 60_000,
      timeoutDuration: 5_000,
    });
  return async function verifyAccessToken(token: string): Promise<VerifiedUser> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 16 * 1024) throw new AuthError('token missing or too long');
    if (!COMPACT_JWS.test(token)) throw new AuthError('token malformed');
    const tolerance = opts.clockToleranceSeconds ?? 30;
    const nowS = Math.floor((opts.now?.() ?? Date.now()) / 1000);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: issuerBase,
        audience: opts.audience,
        algorithms: ['RS256'],
        clockTolerance: tolerance,
        currentDate: new Date(nowS * 1000),
        requiredClaims: ['sub', 'exp', 'iat'],
      }));
    } catch (err) {
      throw new AuthError(describeJoseError(err), { cause: err });
    }
    if (typeof payload.iat !== 'number' || payload.iat > nowS + tolerance) throw new AuthError('claim check failed: iat');
    if (typeof payload.sub !== 'string' || !payload.sub) throw new AuthError('token has no subject');
    return {
      sub: payload.sub,
      email: typeof payload.email === 'string' ? payload.email : undefined,
      name: typeof payload.name === 'string' ? payload.name : undefined,
      scope: typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [],
      expiresAt: (payload.exp ?? 0) * 1000,
    };
  };
}

function describeJoseError(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'token expired';
  if (err instanceof errors.JWTClaimValidationFailed) return `claim check failed: ${err.claim}`;
  if (err instanceof errors.JWKSNoMatchingKey) return 'no signing key matches the token';
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'signature invalid';
  if (err instanceof errors.JOSEAlgNotAllowed) return 'algorithm not allowed';
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid) return 'token malformed';
  if (err instanceof errors.JWKSTimeout) return 'signing keys unavailable';
  return 'token invalid';
}

export type AccessTokenVerifier = ReturnType<typeof createAccessTokenVerifier>;
